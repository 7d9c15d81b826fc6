"""The five models of the long-range comparison, built to a similar number of weights.

    model = build_long_range_model("transformer", seq_len=100, seed=0)   # or simple_rnn, lstm, gru, min_gru
    history, seconds = train_long_range_model(model, x, y, x_val, y_val, epochs=10)
    scores = transformer_attention(model, x[:8])                        # (blocks, B, heads, T, T)

Every model reads one-hot sequences (B, T, features) and ends in Dense(classes) logits, compiled with
Adam(learning_rate) and sparse cross-entropy from logits. The recurrent ones classify their last
state; the Transformer (``PositionalEncoding`` then ``EncoderBlock``s, see ``transformer.py``)
classifies the vector at the last position, which is the trigger symbol that asks the question;
the minGRU model stacks two ``MinGRU`` layers with a Dense layer between them, as Feng et al. do,
their update gates starting at sigmoid(-3) = 0.05 (each step keeps 95 % of the state; with the
default 0 a minGRU forgets half of its state a step and did not learn the task at T = 50 in our
trials, as an LSTM without its forget bias of 1 would struggle).
The sizes in ``SIZES`` give each about 17,000 weights on 8 features (``count_params`` is printed by
the notebook).
"""

from __future__ import annotations

import time

import keras
import numpy as np

from rnn_helpers._checks import (
    as_numbers,
    check_choice,
    check_int,
    check_positive_int,
    check_positive_number,
    check_seed,
)
from rnn_helpers.models.layers import recurrent_layer
from rnn_helpers.models.min_gru import MinGRU
from rnn_helpers.models.transformer import EncoderBlock, PositionalEncoding

KINDS = ("simple_rnn", "lstm", "gru", "min_gru", "transformer")
LABELS = {"simple_rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU", "min_gru": "minGRU",
          "transformer": "Transformer"}
# kind -> its size: units for the recurrent layers, the width and blocks of the Transformer
SIZES = {"simple_rnn": {"units": 124}, "lstm": {"units": 60}, "gru": {"units": 70},
         "min_gru": {"units": 72, "gate_bias": -3.0},
         "transformer": {"width": 32, "blocks": 2, "heads": 2, "ff_dim": 64}}


def build_long_range_model(kind, seq_len, *, features=8, classes=4, seed=0,
                           learning_rate=3e-3) -> keras.Model:
    """One of ``KINDS`` for sequences of ``seq_len`` steps of ``features`` numbers, with ``classes``
    outputs, sized by ``SIZES``; compiled."""
    kind = check_choice("kind", kind, KINDS)
    T, D = check_int("seq_len", seq_len, low=1), check_positive_int("features", features)
    classes = check_positive_int("classes", classes)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    keras.utils.set_random_seed(check_seed(seed))
    size = SIZES[kind]
    x = inputs = keras.Input(shape=(T, D), name="sequence")
    if kind == "transformer":
        x = keras.layers.Dense(size["width"], name="embed")(x)
        x = PositionalEncoding(name="positions")(x)
        for i in range(size["blocks"]):
            x = EncoderBlock(size["heads"], size["width"] // size["heads"], size["ff_dim"],
                             name=f"block{i}")(x)
        x = keras.layers.LayerNormalization(epsilon=1e-6, name="norm")(x[:, -1])
    elif kind == "min_gru":
        x = MinGRU(size["units"], return_sequences=True, gate_bias=size["gate_bias"], name="rnn0")(x)
        x = keras.layers.Dense(size["units"], activation="relu", name="mix")(x)
        x = MinGRU(size["units"], gate_bias=size["gate_bias"], name="rnn")(x)
    else:
        x = recurrent_layer(kind, size["units"], seed=seed, name="rnn")(x)
    logits = keras.layers.Dense(classes, name="logits")(x)
    model = keras.Model(inputs, logits, name=f"long_range_{kind}")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


def _check_model(model):
    if not isinstance(model, keras.Model) or not model.name.startswith("long_range_"):
        raise TypeError(f"model: expected a model of build_long_range_model(), got "
                        f"{getattr(model, 'name', type(model).__name__)!r}")
    return model


def _check_x(model, name, x):
    want = tuple(model.input_shape[1:])
    x = as_numbers(name, x, ndim=3)
    if tuple(x.shape[1:]) != want or len(x) == 0:
        raise ValueError(f"{name}: expected sequences of shape (N, {want[0]}, {want[1]}), N >= 1, for this "
                         f"model, got {x.shape}")
    return x.astype(np.float32)


def _check_xy(model, names, x, y):
    x_name, y_name = names
    x = _check_x(model, x_name, x)
    y = as_numbers(y_name, y, ndim=1)
    classes = model.output_shape[-1]
    if y.shape != (len(x),) or not np.issubdtype(y.dtype, np.integer) or y.min() < 0 or y.max() >= classes:
        raise ValueError(f"{y_name}: expected {len(x)} class indices in 0..{classes - 1} (the labels of "
                         f"{x_name}), got shape {y.shape} of dtype {y.dtype}")
    return x, y.astype(np.int64)


def train_long_range_model(model, x, y, x_val, y_val, *, epochs=10,
                           batch_size=32) -> tuple[dict, list[float]]:
    """Fit, shuffled; (history as lists of floats per epoch, wall-clock seconds of each epoch)."""
    from rnn_helpers.models.callbacks import EpochTimer

    _check_model(model)
    x, y = _check_xy(model, ("x", "y"), x, y)
    x_val, y_val = _check_xy(model, ("x_val", "y_val"), x_val, y_val)
    epochs, batch_size = check_positive_int("epochs", epochs), check_positive_int("batch_size", batch_size)
    timer = EpochTimer()
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=epochs, batch_size=batch_size,
                        shuffle=True, verbose=0, callbacks=[timer])
    return {k: [float(v) for v in vals] for k, vals in history.history.items()}, list(timer.seconds)


def long_range_accuracy(model, x, y) -> float:
    """The share of sequences whose class the model gets right."""
    _check_model(model)
    x, y = _check_xy(model, ("x", "y"), x, y)
    logits = np.concatenate([np.asarray(model(x[i:i + 256], training=False)) for i in range(0, len(x), 256)])
    return float(np.mean(logits.argmax(axis=1) == y))


def transformer_attention(model, x) -> np.ndarray:
    """The attention weights of every block of a Transformer model for x (B, T, D):
    (blocks, B, heads, T, T), each row a query position's weights over the key positions."""
    _check_model(model)
    blocks = [layer for layer in model.layers if isinstance(layer, EncoderBlock)]
    if not blocks:
        raise ValueError(f"model: expected the Transformer of build_long_range_model(), got {model.name!r}")
    x = _check_x(model, "x", x)
    h = model.get_layer("positions")(model.get_layer("embed")(x))
    out = []
    for block in blocks:
        h, scores = block(h, return_attention_scores=True)
        out.append(np.asarray(scores))
    return np.stack(out)


def time_forward(model, x, repeats=3) -> float:
    """The best of ``repeats`` wall-clock times (s) of one compiled forward pass over the batch x
    (``predict_on_batch``, as ``fit`` runs it: a traced graph, not Python step by step), after a
    warm-up call that traces it."""
    _check_model(model)
    repeats = check_positive_int("repeats", repeats)
    x = _check_x(model, "x", x)
    model.predict_on_batch(x)
    best = np.inf
    for _ in range(repeats):
        start = time.perf_counter()
        model.predict_on_batch(x)
        best = min(best, time.perf_counter() - start)
    return float(best)
