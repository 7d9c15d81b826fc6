"""The BPTT notebook's clipping comparison over seeds: does global-norm clipping let a model LEARN?

    model, record = clipping_run("global_clipnorm=1", seed=0)   # one point, as the sweep runs it
    settings, runs = clipping(seeds=(0, 1, 2, 3, 4))            # the whole sweep

The starting code's layer, ``SimpleRNN(64, activation="relu")`` with Keras' orthogonal recurrent
initializer, then Dense(1), on the adding problem (T = 50), trained 5 epochs with Adam(1e-2), once
without clipping and once with ``global_clipnorm=1`` (Pascanu et al.'s clipping). Predicting the mean
scores about 0.15 on the validation set.
"""

from __future__ import annotations

import keras
import numpy as np

from rnn_helpers._checks import (
    check_choice,
    check_number,
    check_positive_int,
    check_positive_number,
    check_seed,
)
from rnn_helpers.datasets.synthetic import adding_problem
from rnn_helpers.sweeps import check_seeds, per_epoch

SEEDS = (0, 1, 2, 3, 4)
SEQ_LEN, UNITS, EPOCHS, BATCH, LEARNING_RATE = 50, 64, 5, 64, 1e-2
CLIPPING = {"none": {}, "global_clipnorm=1": {"global_clipnorm": 1.0}}   # name -> Adam's clipping


def adding_data():
    """(x_train (2000, 50, 2), y_train (2000, 1)), (x_val (500, 50, 2), y_val (500, 1)): fixed seeds."""
    return adding_problem(2000, SEQ_LEN, seed=0), adding_problem(500, SEQ_LEN, seed=1)


def build_starting_rnn(seq_len=SEQ_LEN, gain=1.0, seed=0) -> keras.Model:
    """The starting code's layer, SimpleRNN(64, relu) named "rnn", with Orthogonal(gain) recurrent
    weights, then Dense(1) named "out"; not compiled. The same seed gives the same weights."""
    seq_len, seed = check_positive_int("seq_len", seq_len), check_seed(seed)
    gain = check_number("gain", gain, low=0.0)
    keras.utils.set_random_seed(seed)
    init = keras.initializers.Orthogonal(gain=gain)
    return keras.Sequential([keras.Input((seq_len, 2)),
                             keras.layers.SimpleRNN(UNITS, activation="relu", recurrent_initializer=init,
                                                    name="rnn"),
                             keras.layers.Dense(1, name="out")], name=f"relu_rnn_gain_{gain}")


def clipping_run(clip, seed=0, epochs=EPOCHS, callbacks=()):
    """Train the starting code's layer with Adam(1e-2) and ``CLIPPING[clip]``: (model, record).

    ``callbacks`` are passed to ``fit`` (the notebook adds its probes; they do not change training).
    The record holds plain numbers: the settings and the per-epoch ``loss`` and ``val_loss``.
    """
    check_choice("clip", clip, tuple(CLIPPING))
    epochs = check_positive_int("epochs", epochs)
    model = build_starting_rnn(seed=seed)
    model.compile(optimizer=keras.optimizers.Adam(LEARNING_RATE, **CLIPPING[clip]), loss="mse")
    (x_train, y_train), (x_val, y_val) = adding_data()
    history = model.fit(x_train, y_train, batch_size=BATCH, epochs=epochs, validation_data=(x_val, y_val),
                        verbose=0, callbacks=list(callbacks)).history
    record = {"clip": clip, "seed": seed,
              **per_epoch(history)}
    return model, record


def steps_to_nan(gain, seed=0, learning_rate=0.01, epochs=1):
    """Train ``build_starting_rnn(gain=gain, seed=seed)`` on the adding problem with plain
    ``SGD(learning_rate)``, batch 64, stopping at the first NaN loss (``TerminateOnNaN``).

    Returns the number of updates made before the first batch whose loss was NaN (0: the very first
    batch), or None if every batch of the ``epochs`` stayed finite. The notebook's run (b) on other seeds.
    """
    gain = check_number("gain", gain, low=0.0)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    epochs = check_positive_int("epochs", epochs)
    losses = []
    record = keras.callbacks.LambdaCallback(
        on_train_batch_end=lambda batch, logs: losses.append(logs["loss"]))
    model = build_starting_rnn(gain=gain, seed=seed)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mse")
    (x_train, y_train), _ = adding_data()
    model.fit(x_train, y_train, batch_size=BATCH, epochs=epochs, verbose=0,
              callbacks=[record, keras.callbacks.TerminateOnNaN()])
    nan = np.flatnonzero(np.isnan(np.asarray(losses, dtype=float)))
    return int(nan[0]) if nan.size else None


def clipping(seeds=SEEDS):
    """Both entries of CLIPPING over ``seeds``."""
    seeds = check_seeds(seeds)
    settings = {"data": f"adding_problem: train 2000 (seed 0), validation 500 (seed 1), T = {SEQ_LEN}",
                "model": f"SimpleRNN({UNITS}, relu, Orthogonal) -> Dense(1), MSE", "clip": list(CLIPPING),
                "seeds": list(seeds), "epochs": EPOCHS, "batch_size": BATCH,
                "optimizer": f"Adam({LEARNING_RATE:g}), with or without global_clipnorm=1",
                "baseline": "predict the training mean: validation MSE 0.151"}
    runs = [clipping_run(clip, seed)[1] for clip in CLIPPING for seed in seeds]
    return settings, runs
