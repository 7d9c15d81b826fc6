"""Build, train and compare the Keras 3 sequence classifiers of the Keras notebook.

    model = build_classifier("lstm", (8, 8), 10, units=64)             # Input -> LSTM -> Dense
    run = train_classifier("gru", data, epochs=15, seed=0)               # data: SequenceSplits
    runs = compare_architectures(data, KINDS)
    print(comparison_table(runs))                                        # a Markdown table

Every layer is named (``rnn``, ``rnn_1``/``rnn_2`` when stacked, ``masking``, ``head``) so names do
not grow when a cell runs twice. Importing this module imports Keras: call ``setup_notebook()`` first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import keras
import numpy as np

from rnn_helpers._checks import (
    check_choice,
    check_number,
    check_positive_int,
    check_positive_number,
    check_seed,
)
from rnn_helpers.datasets.splits import SequenceSplits
from rnn_helpers.models.callbacks import EpochTimer
from rnn_helpers.models.layers import recurrent_layer

KINDS = ("simple_rnn", "lstm", "gru", "bidirectional_lstm", "stacked_lstm")
LABELS = {"simple_rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU",
          "bidirectional_lstm": "Bidirectional(LSTM)", "stacked_lstm": "LSTM → LSTM"}
# Parameters of the recurrent part; D features in, H units, the Dense head (C classes) comes on top.
FORMULAS = {"simple_rnn": "H(D+H+1)", "lstm": "4H(D+H+1)", "gru": "3H(D+H+2)",
            "bidirectional_lstm": "2·4H(D+H+1)", "stacked_lstm": "4H(D+H+1) + 4H(H+H+1)"}


def recurrent_param_count(kind, features, units) -> int:
    """Parameters of the recurrent layer(s) of ``kind`` on D=features inputs with H=units (FORMULAS)."""
    check_choice("kind", kind, KINDS)
    D, H = check_positive_int("features", features), check_positive_int("units", units)
    lstm = 4 * H * (D + H + 1)                           # i, f, g, o: each W_x (H,D), W_h (H,H), b (H,)
    return {"simple_rnn": H * (D + H + 1),               # W_hx, W_hh, b_h
            "lstm": lstm,
            "gru": 3 * H * (D + H + 2),                  # z, r, h; reset_after: two bias vectors
            "bidirectional_lstm": 2 * lstm,              # one LSTM per direction
            "stacked_lstm": lstm + 4 * H * (H + H + 1)}[kind]   # layer 2 reads H features


def expected_param_count(kind, features, units, num_classes) -> int:
    """All parameters of ``build_classifier(kind, ...)``: recurrent part plus Dense head C(H_out + 1)."""
    recurrent = recurrent_param_count(kind, features, units)         # checks kind, features, units
    C = check_positive_int("num_classes", num_classes)
    H_out = 2 * units if kind == "bidirectional_lstm" else units   # forward and backward concatenated
    return recurrent + C * (H_out + 1)


def build_classifier(kind, input_shape, num_classes, *, units=64, activation="tanh", mask_value=None,
                     learning_rate=3e-3, seed=0) -> keras.Model:
    """Input (T, D) -> [Masking] -> recurrent layer(s) of ``kind`` -> Dense softmax over num_classes.

    Compiled with Adam(learning_rate) and sparse categorical cross-entropy, metric accuracy.
    ``mask_value`` adds a Masking layer: time steps whose features all equal it are skipped.
    The weights are drawn after ``keras.utils.set_random_seed(seed)`` and every initializer is
    created after it, so the same call gives the same weights whatever was drawn or built before.
    """
    check_choice("kind", kind, KINDS)
    check_choice("activation", activation, ("tanh", "relu", "sigmoid", "linear"))
    if not isinstance(input_shape, (tuple, list)):
        raise TypeError(f"input_shape: expected a pair (timesteps, features), "
                        f"got {type(input_shape).__name__}")
    if len(input_shape) != 2:
        raise ValueError(f"input_shape: expected (timesteps, features), got {input_shape!r}")
    T, D = tuple(input_shape)
    T = None if T is None else check_positive_int("input_shape[0] (timesteps)", T)   # None: any length
    D = check_positive_int("input_shape[1] (features)", D)
    units, num_classes = check_positive_int("units", units), check_positive_int("num_classes", num_classes)
    mask_value = None if mask_value is None else check_number("mask_value", mask_value)   # NaN masks nothing
    learning_rate = check_positive_number("learning_rate", learning_rate)
    keras.utils.set_random_seed(check_seed(seed))
    inputs = keras.Input(shape=(T, D), name="x")
    h = inputs if mask_value is None else keras.layers.Masking(mask_value, name="masking")(inputs)
    if kind == "bidirectional_lstm":
        h = keras.layers.Bidirectional(recurrent_layer("lstm", units, activation=activation), name="rnn")(h)
    elif kind == "stacked_lstm":
        h = recurrent_layer("lstm", units, activation=activation, return_sequences=True, name="rnn_1")(h)
        h = recurrent_layer("lstm", units, activation=activation, name="rnn_2")(h)       # (B, H)
    else:
        h = recurrent_layer(kind, units, activation=activation, name="rnn")(h)           # (B, H)
    outputs = keras.layers.Dense(num_classes, activation="softmax", name="head")(h)     # (B, C)
    model = keras.Model(inputs, outputs, name=f"{kind}_{activation}")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


@dataclass
class TrainedModel:
    """One training run: the model, its history (dict of per-epoch lists) and its test scores."""

    kind: str
    activation: str
    seed: int
    model: keras.Model = field(repr=False)
    history: dict = field(repr=False)
    test_loss: float
    test_accuracy: float
    seconds_per_epoch: float   # median over epochs after the first (no tracing); machine-dependent


def _check_callbacks(callbacks) -> list:
    if not isinstance(callbacks, (list, tuple)):
        raise TypeError(f"callbacks: expected a list of keras callbacks, got {type(callbacks).__name__}")
    for j, cb in enumerate(callbacks):
        if not isinstance(cb, keras.callbacks.Callback):
            raise TypeError(f"callbacks[{j}]: expected a keras.callbacks.Callback, got {type(cb).__name__}")
    return list(callbacks)


def train_classifier(kind, data, *, activation="tanh", epochs=15, batch_size=64, seed=0, callbacks=(),
                     **build_kwargs) -> TrainedModel:
    """Build ``kind`` for ``data`` (a SequenceSplits), fit on train with validation, score on test.

    ``data`` may also hold padded sequences; ``build_kwargs`` go to ``build_classifier``.
    """
    if not isinstance(data, SequenceSplits):
        raise TypeError(f"data: expected a SequenceSplits (see rnn_helpers.datasets), "
                        f"got {type(data).__name__}")
    epochs, batch_size = check_positive_int("epochs", epochs), check_positive_int("batch_size", batch_size)
    callbacks = _check_callbacks(callbacks)
    model = build_classifier(kind, data.input_shape, data.num_classes, activation=activation, seed=seed,
                             **build_kwargs)
    timer = EpochTimer()
    history = model.fit(data.x_train, data.y_train, validation_data=(data.x_val, data.y_val),
                        epochs=epochs, batch_size=batch_size, callbacks=[timer, *callbacks], verbose=0)
    test_loss, test_accuracy = model.evaluate(data.x_test, data.y_test, verbose=0)
    later = timer.seconds[1:] or timer.seconds
    return TrainedModel(kind, activation, seed, model, history.history, float(test_loss),
                        float(test_accuracy), float(np.median(later)))


def compare_architectures(data, kinds=KINDS, *, done=(), **train_kwargs) -> list[TrainedModel]:
    """Train each of ``kinds`` on ``data`` with the same settings; reuse runs in ``done`` of the same kind.

    A run in ``done`` is reused when its kind and activation match; the caller makes sure it was
    trained with the same data and settings (``train_kwargs``). Returns one TrainedModel per kind.
    """
    if not isinstance(data, SequenceSplits):
        raise TypeError(f"data: expected a SequenceSplits (see rnn_helpers.datasets), "
                        f"got {type(data).__name__}")
    if not isinstance(kinds, (list, tuple)):
        raise TypeError(f"kinds: expected a list of names from {list(KINDS)}, got {type(kinds).__name__}")
    if not kinds:
        raise ValueError(f"kinds: expected at least one of {list(KINDS)}, got none")
    for kind in kinds:
        check_choice("kinds[...]", kind, KINDS)
    if not isinstance(done, (list, tuple)) or not all(isinstance(r, TrainedModel) for r in done):
        raise TypeError("done: expected a list of TrainedModel (from train_classifier or an earlier "
                        "comparison)")
    reuse = {run.kind: run for run in done if run.activation == train_kwargs.get("activation", "tanh")}
    return [reuse[kind] if kind in reuse else train_classifier(kind, data, **train_kwargs) for kind in kinds]


def comparison_table(runs) -> str:
    """A Markdown table: model, formula, parameters (formula, ``count_params()``), s/epoch, test accuracy."""
    if not isinstance(runs, (list, tuple)) or not all(isinstance(r, TrainedModel) for r in runs):
        raise TypeError("runs: expected a non-empty list of TrainedModel (from train_classifier)")
    if not runs:
        raise ValueError("runs: expected a non-empty list of TrainedModel (from train_classifier), got none")
    rows = ["| model | recurrent formula | parameters (formula + head) | `count_params()` "
            "| s / epoch | test accuracy |", "|---|---|---:|---:|---:|---:|"]
    for r in runs:
        _, T, D = r.model.input_shape
        units = r.model.get_layer("rnn_1" if r.kind == "stacked_lstm" else "rnn").output.shape[-1]
        units = units // 2 if r.kind == "bidirectional_lstm" else units
        C = r.model.output_shape[-1]
        expected = expected_param_count(r.kind, D, units, C)
        rows.append(f"| {LABELS[r.kind]} | {FORMULAS[r.kind]} | {expected:,} "
                    f"| {r.model.count_params():,} | {r.seconds_per_epoch:.2f} | {r.test_accuracy:.3f} |")
    return "\n".join(rows)
