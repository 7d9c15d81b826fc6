"""The music notebook's comparison over seeds: counting baselines against the chorale LSTM.

    data = music_data()                   # chorales, vocabulary, streams, split, windows, baselines
    record, model = music_run(seed=0)     # one point: the notebook reruns it live
    settings, runs = music_models(seeds=(0, 1, 2))

The split (whole chorales, ``split_chorales(seed=0)``) is the same for every run; the seed sets the
LSTM's weights and the order of its batches. Scores are on the 40 test chorales, read whole from the
zero state: next-note accuracy and bits per note, on all of them and on those whose tune is new to
the training set (``melody_overlap`` below ``NEW_TUNE``). Generation: every test chorale's first
``OPENING`` steps continued for ``STEPS`` steps at each of ``TEMPERATURES``, and the share of the
sampled notes in the chorale's key and inside each voice's range, next to the real continuations and
to samples of the best n-gram.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import check_positive_number, check_seed
from rnn_helpers.datasets.music import load_chorales
from rnn_helpers.harmony import in_key_fraction, in_range_fraction, voice_ranges
from rnn_helpers.music import (
    FIRST_TARGET,
    fit_voice_ngram,
    interleave,
    melody_overlap,
    ngram_probs,
    ngram_step_fn,
    pitch_vocabulary,
    repeat_accuracy,
    sample_continuation,
    score,
    split_chorales,
)
from rnn_helpers.sweeps import check_seeds

SEEDS = (0, 1, 2)
UNITS, EMBED_DIM, WINDOW, BATCH_SIZE, LEARNING_RATE, EPOCHS = 96, 16, 64, 64, 1e-2, 8
NGRAMS = {"ngram_same_voice": (4,), "ngram_voice_and_above": (4, 1)}   # name -> lags
NEW_TUNE = 0.5                      # melody_overlap below this: a tune the training set has not sung
OPENING, STEPS, TEMPERATURES = 8, 32, (0.5, 1.0, 1.5)
SUBSETS = ("all", "new_tunes", "known_tunes")
MUSIC_DATA_KEYS = ("chorales", "vocab", "streams", "split", "windows", "targets", "test_subsets", "ranges")


def _scores(probs, data):
    """{"<subset>_accuracy", "<subset>_bits"} of per-chorale probabilities over the test chorales."""
    out = {}
    for subset in SUBSETS:
        keep = data["test_subsets"][subset]
        s = score(np.concatenate([probs[i] for i in keep]),
                  np.concatenate([data["targets"][i] for i in keep]))
        out[f"{subset}_accuracy"], out[f"{subset}_bits"] = s["accuracy"], s["bits"]
    return out


def _check_data(data, keys) -> dict:
    """``data`` if it is the dict of ``music_data()`` (holding ``keys``), else an error naming ``data``."""
    if not isinstance(data, dict):
        raise TypeError(f"data: expected the dict of music_data(), got {type(data).__name__}")
    missing = [k for k in keys if k not in data]
    if missing:
        raise ValueError(f"data: expected the dict of music_data(), it lacks the keys {missing}")
    return data


def generation_stats(step_fn, data, temperature, seed=0) -> dict:
    """In-key and in-range shares of continuations of every test opening drawn by ``step_fn``."""
    if not callable(step_fn):
        raise TypeError(f"step_fn: expected a function (ids, state) -> (logits, state), "
                        f"got {type(step_fn).__name__}")
    data = _check_data(data, ("chorales", "vocab", "split", "ranges"))
    temperature = check_positive_number("temperature", temperature)
    seed = check_seed(seed)
    key, rng_ = [], []
    for n, i in enumerate(data["split"][2]):
        c = data["chorales"][i]
        opening = c.pitches[:OPENING].astype(np.int64)
        sample = sample_continuation(step_fn, data["vocab"], opening, STEPS, temperature, seed=seed + n)
        key.append(in_key_fraction(sample, c.key))
        rng_.append(in_range_fraction(sample, data["ranges"]))
    return {"in_key": float(np.mean(key)), "in_range": float(np.mean(rng_))}


def music_data() -> dict:
    """Everything but the LSTM: chorales, vocabulary, token streams, the split, training and
    validation windows, the test targets and subsets, voice ranges, and the baselines' scores."""
    from rnn_helpers.models.music import token_windows  # Keras is imported only here

    chorales = load_chorales()
    pitches = [c.pitches.astype(np.int64) for c in chorales]
    vocab = pitch_vocabulary(np.concatenate(pitches))
    streams = [vocab.encode(interleave(p)) for p in pitches]
    train, val, test = split_chorales(len(chorales), seed=0)
    train_streams = [streams[i] for i in train]
    overlap = np.array([melody_overlap(pitches[i], [pitches[j] for j in train]) for i in test])
    data = {
        "chorales": chorales, "vocab": vocab, "streams": streams, "split": (train, val, test),
        "windows": {"train": token_windows(train_streams, WINDOW),
                    "val": token_windows([streams[i] for i in val], WINDOW)},
        "targets": [streams[i][FIRST_TARGET:] for i in test],
        "overlap": overlap,
        "test_subsets": {"all": np.arange(len(test)), "new_tunes": np.flatnonzero(overlap < NEW_TUNE),
                         "known_tunes": np.flatnonzero(overlap >= NEW_TUNE)},
        "ranges": voice_ranges(np.concatenate([pitches[i] for i in train])),
    }
    baselines = {}
    for lag in (4, 1):
        test_streams = [streams[i] for i in test]
        accuracy = np.average([repeat_accuracy(s, lag) for s in test_streams],
                              weights=[s.size - FIRST_TARGET for s in test_streams])
        baselines[f"repeat_lag{lag}"] = {"all_accuracy": float(accuracy)}
    tables = {}
    for name, lags in NGRAMS.items():
        tables[name] = fit_voice_ngram(train_streams, vocab.size, lags)
        baselines[name] = _scores([ngram_probs(tables[name], streams[i], lags) for i in test], data)
    data["baselines"], data["ngram_tables"] = baselines, tables
    real = [(pitches[i][OPENING:OPENING + STEPS], chorales[i].key) for i in test]
    data["real_generation"] = {"in_key": float(np.mean([in_key_fraction(p, k) for p, k in real])),
                               "in_range": float(np.mean([in_range_fraction(p, data["ranges"])
                                                          for p, _ in real]))}
    return data


def music_run(seed, data=None) -> tuple[dict, object]:
    """One seed: the LSTM trained on the windows, scored on the test chorales, sampled at each
    temperature; (record of plain numbers, the trained model)."""
    from rnn_helpers.models.language import reference_step_fn
    from rnn_helpers.models.music import build_music_model, streams_probs, train_music_model

    seed = check_seed(seed)
    data = music_data() if data is None else _check_data(data, MUSIC_DATA_KEYS)
    (x, y), (x_val, y_val) = data["windows"]["train"], data["windows"]["val"]
    model = build_music_model(data["vocab"].size, embed_dim=EMBED_DIM, units=UNITS, seed=seed,
                              learning_rate=LEARNING_RATE)
    history = train_music_model(model, x, y, x_val, y_val, epochs=EPOCHS, batch_size=BATCH_SIZE)
    record = {"model": "lstm", "seed": seed, "val_loss": [float(v) for v in history["val_loss"]],
              "val_accuracy": [float(v) for v in history["val_accuracy"]]}
    probs = streams_probs(model, [data["streams"][i] for i in data["split"][2]])
    record.update(_scores(probs, data))
    step = reference_step_fn(model)
    for t in TEMPERATURES:
        for k, v in generation_stats(step, data, t, seed=seed).items():
            record[f"{k}_T{t}"] = v
    return record, model


def music_models(seeds=SEEDS):
    """The LSTM with each seed; the baselines (no seed) are recomputed by ``music_data``."""
    seeds = check_seeds(seeds)
    data = music_data()
    ngram_step = ngram_step_fn(data["ngram_tables"]["ngram_voice_and_above"], NGRAMS["ngram_voice_and_above"])
    settings = {
        "data": "load_chorales(): 403 chorales, split_chorales(seed=0) into 323 / 40 / 40 whole pieces",
        "seeds": list(seeds),
        "model": f"Embedding({EMBED_DIM}) -> LSTM({UNITS}) -> Dense(V), next token of the interleaved voices",
        "window": WINDOW, "batch_size": BATCH_SIZE, "optimizer": f"Adam({LEARNING_RATE})", "epochs": EPOCHS,
        "new_tune": f"melody_overlap (16 steps) < {NEW_TUNE}",
        "generation": {"opening": OPENING, "steps": STEPS, "temperatures": list(TEMPERATURES)},
        "baselines": data["baselines"],
        "real_generation": data["real_generation"],
        "ngram_generation": {f"T{t}": generation_stats(ngram_step, data, t) for t in TEMPERATURES},
    }
    runs = [music_run(seed, data)[0] for seed in seeds]
    return settings, runs
