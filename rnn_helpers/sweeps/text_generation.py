"""The text-generation notebook's character model over seeds: how far below the bigram it gets.

    data = char_data()                                   # the vocabulary, windows and held-out text
    model, record = char_run("lstm", seed=0)             # one point, as the sweep runs it
    settings, runs = char_seeds(seeds=(0, 1, 2))         # the whole sweep (LSTM and GRU)

Embedding(V, 32) -> LSTM or GRU (128 units) -> Dense(V) on the first N_WINDOWS windows of 64
characters of the training part of ``load_shakespeare()`` (split_text 0.8 / 0.1 / 0.1), Adam(0.01),
batch 32, 3 epochs; after every epoch, bits per character on the first VAL_CHARS characters of the
validation part. The n-gram baselines count the same training characters and score the same
held-out text (``baselines``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_helpers._checks import check_choice, check_positive_int, check_seed
from rnn_helpers.datasets.chars import CharVocabulary, char_windows, split_text
from rnn_helpers.datasets.text import load_shakespeare
from rnn_helpers.ngrams import bigram_bits, uniform_bits, unigram_bits
from rnn_helpers.sweeps import check_seeds

SEEDS = (0, 1, 2)
KINDS = ("lstm", "gru")
SEQ_LEN, N_WINDOWS, VAL_CHARS = 64, 4000, 20_001
EMBED, UNITS, BATCH, EPOCHS, LEARNING_RATE = 32, 128, 32, 3, 1e-2
STACKED_LAYERS, STACKED_UNITS = 2, 64                       # the stacked LSTM whose gates 05 reads by layer
GATE_CHARS = 4000                                            # validation characters its gates are recorded on


@dataclass(frozen=True)
class CharData:
    """The notebook's data: ``vocab``; ``train_ids`` (the N_WINDOWS * SEQ_LEN + 1 training characters
    the model sees), ``val_ids`` (VAL_CHARS held-out characters); windows x, y (N, T), x_val, y_val."""

    vocab: CharVocabulary
    train_ids: np.ndarray
    val_ids: np.ndarray
    x: np.ndarray
    y: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray


def char_data() -> CharData:
    """Shakespeare as ids: vocabulary of the whole text, contiguous train / validation parts, windows."""
    text = load_shakespeare()
    vocab = CharVocabulary(text)                                     # every character of the 8 plays
    train, val, _ = split_text(text, 0.1, 0.1)
    train_ids = vocab.encode(train[:N_WINDOWS * SEQ_LEN + 1])         # what the model trains on
    val_ids = vocab.encode(val[:VAL_CHARS])
    x, y = char_windows(train_ids, SEQ_LEN)                           # (N_WINDOWS, T)
    x_val, y_val = char_windows(val_ids, SEQ_LEN)                     # (312, T)
    return CharData(vocab, train_ids, val_ids, x, y, x_val, y_val)


def baselines(data=None) -> dict:
    """{"uniform", "unigram", "bigram"}: bits per character of the counting models on the held-out text."""
    data = char_data() if data is None else data
    if not isinstance(data, CharData):
        raise TypeError(f"data: expected the CharData of char_data(), got {type(data).__name__}")
    V = data.vocab.size
    return {"uniform": uniform_bits(V), "unigram": unigram_bits(data.train_ids, data.val_ids, V),
            "bigram": bigram_bits(data.train_ids, data.val_ids, V)}


def char_run(kind="lstm", seed=0, epochs=EPOCHS, data=None, layers=1, units=UNITS):
    """Build and train the character model: (model, record of plain numbers, one value per epoch).
    ``layers`` > 1 stacks that many recurrent layers of ``units`` (``build_stacked_char_model``); the
    record's kind is then e.g. "lstm_x2"."""
    from rnn_helpers.models.language import build_char_model, build_stacked_char_model, model_bits_per_char

    kind = check_choice("kind", kind, KINDS)
    seed, epochs = check_seed(seed), check_positive_int("epochs", epochs)
    layers, units = check_positive_int("layers", layers), check_positive_int("units", units)
    data = char_data() if data is None else data
    if not isinstance(data, CharData):
        raise TypeError(f"data: expected the CharData of char_data(), got {type(data).__name__}")
    settings = {"embed_dim": EMBED, "units": units, "seed": seed, "learning_rate": LEARNING_RATE}
    model = build_char_model(data.vocab.size, kind, **settings) if layers == 1 else \
        build_stacked_char_model(data.vocab.size, kind, layers=layers, **settings)
    loss, val_bits = [], []
    for _ in range(epochs):
        history = model.fit(data.x, data.y, batch_size=BATCH, epochs=1, shuffle=True, verbose=0).history
        loss.append(float(history["loss"][-1]))                                       # nats / char
        val_bits.append(model_bits_per_char(model, data.x_val, data.y_val))
    record = {"kind": kind if layers == 1 else f"{kind}_x{layers}", "seed": seed, "layers": layers,
              "units": units, "train_loss_nats": loss, "val_bits": val_bits,
              "val_loss": [b * float(np.log(2)) for b in val_bits]}                     # nats / char
    return model, record


def char_seeds(seeds=SEEDS):
    """Both kinds of KINDS over ``seeds``; the baselines once (they do not depend on a seed)."""
    seeds = check_seeds(seeds)
    data = char_data()
    settings = {"data": f"load_shakespeare(), split_text(0.1, 0.1): the first {N_WINDOWS} windows of "
                        f"{SEQ_LEN} training characters; the first {VAL_CHARS} validation characters",
                "model": f"Embedding(V, {EMBED}) -> LSTM or GRU({UNITS}) -> Dense(V)", "kinds": list(KINDS),
                "seeds": list(seeds), "epochs": EPOCHS, "batch_size": BATCH,
                "optimizer": f"Adam({LEARNING_RATE})", "vocab_size": data.vocab.size,
                "baselines_bits": baselines(data)}
    runs = [char_run(kind, seed, data=data)[1] for kind in KINDS for seed in seeds]
    settings["stacked"] = (f"Embedding(V, {EMBED}) -> {STACKED_LAYERS} x LSTM({STACKED_UNITS}) -> Dense(V), "
                           f"{EPOCHS} epochs; forget-gate saturation per layer and unit on the first "
                           f"{GATE_CHARS} validation characters (fraction of steps f < 0.1, f > 0.9)")
    runs += [stacked_run(seed, data) for seed in seeds]
    return settings, runs


def stacked_run(seed=0, data=None) -> dict:
    """The stacked LSTM of ``char_seeds``, trained, with its forget-gate saturation layer by layer."""
    from rnn_helpers.gates import gate_saturation
    from rnn_helpers.models.language import record_layer_gates

    data = char_data() if data is None else data
    model, record = char_run("lstm", seed, data=data, layers=STACKED_LAYERS, units=STACKED_UNITS)
    saturation = [gate_saturation(r)["f"] for r in record_layer_gates(model, data.val_ids[:GATE_CHARS])]
    record["forget_shut"] = [left.tolist() for left, _ in saturation]        # (layers, units)
    record["forget_open"] = [right.tolist() for _, right in saturation]
    return record
