"""The speech notebook's comparison over seeds: a CTC recogniser, bidirectional or forward only.

    data = speech_data()                       # clips, voice split, padded scaled frames, targets
    record, model = speech_run("bigru", seed=0)   # one point: the notebook reruns it live
    settings, runs = speech_models(seeds=(0, 1, 2))

Every model is scored by its digit error rate (edits over reference digits, greedy CTC decoding)
on the test voices (never heard in training) and on real recordings of one human speaker
(``REAL_STRINGS``: digit strings joined from the Asterisk prompts, trimmed like the synthesised
clips). The chance baseline writes a random digit string of a random training length.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import check_choice, check_positive_int, check_seed
from rnn_helpers.audio import log_mel, trim_silence
from rnn_helpers.ctc import digit_error_rate
from rnn_helpers.datasets.speech import load_spoken_digits, real_digit_string, speaker_split
from rnn_helpers.sweeps import check_seeds

SEEDS = (0, 1, 2)
KINDS = {"bigru": True, "gru": False}                  # name -> bidirectional
UNITS, FILTERS, EPOCHS, BATCH_SIZE, LEARNING_RATE = 64, 64, 10, 32, 3e-3
N_REAL, REAL_SEED, REAL_GAP = 60, 0, 0.1               # real strings: how many, their seed, the gap (s)
DATA_KEYS = ("clips", "split", "x", "y", "scale", "references", "real")


def real_strings(n=N_REAL, seed=REAL_SEED) -> list[str]:
    """``n`` random digit strings of 3 to 5 digits (the lengths of the synthesised clips)."""
    n = check_positive_int("n", n)
    rng = np.random.default_rng(check_seed(seed))
    return ["".join(map(str, rng.integers(0, 10, size=rng.integers(3, 6)))) for _ in range(n)]


def speech_data() -> dict:
    """The clips and their voice split; x: frames padded with silence and scaled by the training
    part's mean and sd, per part; y: targets; the real recordings the same way; the chance DER."""
    from rnn_helpers.models.speech import digit_targets, pad_features  # Keras is imported only here

    clips = load_spoken_digits()
    split = dict(zip(("train", "val", "test"), speaker_split(clips)))
    frames = pad_features(clips.features)                                 # (2020, T, 32)
    mean, sd = float(frames[split["train"]].mean()), float(frames[split["train"]].std())
    strings = real_strings()
    real = pad_features([log_mel(trim_silence(real_digit_string(s, gap=REAL_GAP)[0])) for s in strings])
    data = {
        "clips": clips, "split": split, "scale": (mean, sd),
        "x": {p: (frames[i] - mean) / sd for p, i in split.items()},
        "y": {p: digit_targets(clips.digits[i]) for p, i in split.items()},
        "references": {p: [str(d) for d in clips.digits[i]] for p, i in split.items()},
        "real": {"x": (real - mean) / sd, "references": strings},
    }
    rng = np.random.default_rng(0)
    lengths = [len(r) for r in data["references"]["train"]]
    guesses = ["".join(map(str, rng.integers(0, 10, size=rng.choice(lengths))))
               for _ in data["references"]["test"]]
    data["chance_der"] = digit_error_rate(guesses, data["references"]["test"])
    return data


def speech_run(kind, seed, data=None) -> tuple[dict, object]:
    """One model (``kind`` "bigru" or "gru") with one seed, trained and scored: (record, model)."""
    from rnn_helpers.models.speech import build_ctc_model, train_ctc_model, transcribe

    kind = check_choice("kind", kind, KINDS)
    seed = check_seed(seed)
    data = speech_data() if data is None else data
    if not isinstance(data, dict):
        raise TypeError(f"data: expected the dict of speech_data(), got {type(data).__name__}")
    missing = [k for k in DATA_KEYS if k not in data]
    if missing:
        raise ValueError(f"data: expected the dict of speech_data(), it lacks the keys {missing}")
    model = build_ctc_model(units=UNITS, filters=FILTERS, bidirectional=KINDS[kind], seed=seed,
                            learning_rate=LEARNING_RATE)
    x, y = data["x"], data["y"]
    history = train_ctc_model(model, x["train"], y["train"], x["val"], y["val"], epochs=EPOCHS,
                              batch_size=BATCH_SIZE)
    record = {"kind": kind, "seed": seed, "val_loss": [float(v) for v in history["val_loss"]]}
    for part in ("val", "test"):
        hyps = transcribe(model, x[part])
        record[f"{part}_der"] = digit_error_rate(hyps, data["references"][part])
        record[f"{part}_string_accuracy"] = float(np.mean([h == r for h, r in
                                                           zip(hyps, data["references"][part])]))
    hyps = transcribe(model, data["real"]["x"])
    record["real_der"] = digit_error_rate(hyps, data["real"]["references"])
    record["real_string_accuracy"] = float(np.mean([h == r for h, r in
                                                    zip(hyps, data["real"]["references"])]))
    return record, model


def speech_models(seeds=SEEDS):
    """Both kinds with each seed, on the same data."""
    seeds = check_seeds(seeds)
    data = speech_data()
    settings = {
        "data": "load_spoken_digits(): 2,020 clips, 101 voices; speaker_split (whole voices held out)",
        "seeds": list(seeds), "kinds": list(KINDS),
        "model": f"Conv1D({FILTERS}, 5, /2) -> Conv1D({FILTERS}, 3, /2) -> [Bidirectional] GRU({UNITS}) "
                 "-> Dense(11), CTC",
        "epochs": EPOCHS, "batch_size": BATCH_SIZE, "optimizer": f"Adam({LEARNING_RATE})",
        "split_sizes": {p: int(len(i)) for p, i in data["split"].items()},
        "real": f"{N_REAL} strings of 3-5 digits (seed {REAL_SEED}) from the Asterisk prompts, "
                f"gap {REAL_GAP} s, trimmed",
        "chance_der": data["chance_der"],
    }
    runs = [speech_run(kind, seed, data)[0] for kind in KINDS for seed in seeds]
    return settings, runs
