"""The LSTM notebook's adding problem over seeds: which SimpleRNN is the fair baseline.

    model, record = adding_run("LSTM", seed=0)            # one point, as the sweep runs it
    settings, runs = adding_baselines(seeds=(0, 1, 2))    # the whole sweep

Four 16-unit recurrent layers, each followed by a linear readout, on the adding problem at T = 50
(train 4000 sequences, seed 1; validation 1000, seed 2), Adam(0.01), batch 64, 12 epochs: the
paper-style SimpleRNN (a small random W_hh, the kind of start the plain-RNN baselines of the papers
used), Keras' default SimpleRNN (orthogonal W_hh), and Keras' default LSTM and GRU. Every run also
records the gradient norm against lag on 32 fixed validation inputs, before and after training.
Predicting the constant 1 scores 1/6 (``TRIVIAL_MSE``).
"""

from __future__ import annotations

import keras

from rnn_helpers._checks import check_choice, check_positive_int, check_seed
from rnn_helpers.datasets.synthetic import adding_problem
from rnn_helpers.gradients import keras_gradient_norms_by_lag
from rnn_helpers.models.regressors import build_adding_model
from rnn_helpers.sweeps import check_seeds, per_epoch

SEEDS = (0, 1, 2)
SEQ_LEN, UNITS, EPOCHS, BATCH, PROBE = 50, 16, 12, 64, 32
# name -> (kind, a fresh dict of layer options): a Keras initializer object serves one layer
MODELS = {
    "SimpleRNN, RandomNormal(0.001)": (
        "simple_rnn", lambda: {"recurrent_initializer": keras.initializers.RandomNormal(stddev=0.001)}),
    "SimpleRNN, Orthogonal (Keras default)": ("simple_rnn", dict),
    "LSTM": ("lstm", dict),
    "GRU": ("gru", dict),
}
LABELS = {"SimpleRNN, RandomNormal(0.001)": "small-random\nSimpleRNN", "LSTM": "LSTM", "GRU": "GRU",
          "SimpleRNN, Orthogonal (Keras default)": "orthogonal\nSimpleRNN"}     # short, for plots


def adding_data():
    """(x_train (4000, 50, 2), y_train (4000,)), (x_val (1000, 50, 2), y_val (1000,)): fixed seeds."""
    return adding_problem(4000, SEQ_LEN, seed=1), adding_problem(1000, SEQ_LEN, seed=2)


def build_adding_baseline(name, seed=0) -> keras.Model:
    """The compiled model ``name`` of MODELS: its recurrent layer (named after its kind), Dense(1)."""
    kind, options = MODELS[check_choice("name", name, tuple(MODELS))]
    return build_adding_model(kind, SEQ_LEN, units=UNITS, seed=check_seed(seed), **options())


def adding_run(name, seed=0, epochs=EPOCHS):
    """Gradient by lag, training, gradient by lag again: (model, record of plain numbers)."""
    model = build_adding_baseline(name, seed)
    epochs = check_positive_int("epochs", epochs)
    (x_train, y_train), (x_val, y_val) = adding_data()
    layer = model.get_layer(MODELS[name][0])
    before = keras_gradient_norms_by_lag(layer, x_val[:PROBE])                  # (T,)
    history = model.fit(x_train, y_train, batch_size=BATCH, epochs=epochs,
                        validation_data=(x_val, y_val), verbose=0).history
    after = keras_gradient_norms_by_lag(layer, x_val[:PROBE])                   # (T,)
    record = {"model": name, "kind": MODELS[name][0], "seed": seed,
              "gradient_by_lag_before": [float(v) for v in before],
              "gradient_by_lag_after": [float(v) for v in after],
              **per_epoch(history)}
    return model, record


def adding_baselines(seeds=SEEDS):
    """Every model of MODELS over ``seeds``."""
    seeds = check_seeds(seeds)
    settings = {"data": "adding_problem: train 4000 (seed 1), validation 1000 (seed 2), T = 50",
                "model": f"recurrent layer ({UNITS} units) -> Dense(1), MSE", "models": list(MODELS),
                "seeds": list(seeds), "epochs": EPOCHS, "batch_size": BATCH, "optimizer": "Adam(0.01)",
                "gradient probe": f"‖∂(u·h_T)/∂x_(T-k)‖ on the first {PROBE} validation inputs",
                "baseline": "predict 1: MSE 1/6"}
    runs = [adding_run(name, seed)[1] for name in MODELS for seed in seeds]
    return settings, runs
