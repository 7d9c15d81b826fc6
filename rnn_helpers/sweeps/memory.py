"""The BPTT notebook's initialisation comparison over seeds: remember x_1 across 40 steps.

    model, record = initialisation_run("relu + Identity (IRNN)", seed=0)   # one point, as the sweep runs it
    settings, runs = initialisations(seeds=(0, 1, 2, 3, 4))                # the whole sweep

A 32-unit SimpleRNN reads ``first_value_problem`` sequences (40 steps of U(-1, 1) noise) and must
output their first value. Four initialisations of W_hh, each trained 8 epochs with Adam(3e-4) and
``global_clipnorm=1`` (as Le, Jaitly & Hinton 2015 clip). Predicting the mean scores 1/3.
"""

from __future__ import annotations

import keras

from rnn_helpers._checks import check_choice, check_positive_int, check_seed
from rnn_helpers.datasets.synthetic import first_value_problem
from rnn_helpers.gradients import keras_gradient_norms_by_lag
from rnn_helpers.models.regressors import build_sequence_regressor
from rnn_helpers.sweeps import check_seeds, per_epoch

SEEDS = (0, 1, 2, 3, 4)
SEQ_LEN, UNITS, EPOCHS, BATCH = 40, 32, 8, 32
# name -> (activation, a fresh recurrent initializer): a Keras initializer object serves one layer
INITIALISATIONS = {
    "tanh + RandomNormal(0.01)": ("tanh", lambda: keras.initializers.RandomNormal(stddev=0.01)),
    "tanh + Orthogonal (Keras default)": ("tanh", keras.initializers.Orthogonal),
    "relu + Orthogonal (starting code)": ("relu", keras.initializers.Orthogonal),
    "relu + Identity (IRNN)": ("relu", keras.initializers.Identity),
}


def first_value_data():
    """(x_train (2000, 40, 1), y_train (2000, 1)), (x_val (500, 40, 1), y_val (500, 1)): fixed seeds."""
    return first_value_problem(2000, SEQ_LEN, seed=10), first_value_problem(500, SEQ_LEN, seed=11)


def build_first_value_model(init, seed=0) -> keras.Model:
    """SimpleRNN(32) with the activation and recurrent initializer of ``init``, then Dense(1); compiled."""
    check_choice("init", init, tuple(INITIALISATIONS))
    activation, initializer = INITIALISATIONS[init]
    return build_sequence_regressor("simple_rnn", (SEQ_LEN, 1), UNITS, seed=check_seed(seed),
                                    activation=activation, recurrent_initializer=initializer(),
                                    optimizer="adam", learning_rate=3e-4, global_clipnorm=1.0,
                                    name="memory_rnn")


def initialisation_run(init, seed=0, epochs=EPOCHS):
    """Gradient by lag at initialisation, then training: (model, record of plain numbers)."""
    model = build_first_value_model(init, seed)
    epochs = check_positive_int("epochs", epochs)
    (x_train, y_train), (x_val, y_val) = first_value_data()
    at_init = keras_gradient_norms_by_lag(model.get_layer("simple_rnn"), x_val[:64])   # (T,)
    history = model.fit(x_train, y_train, batch_size=BATCH, epochs=epochs,
                        validation_data=(x_val, y_val), verbose=0).history
    record = {"init": init, "seed": seed, "gradient_by_lag_at_init": [float(v) for v in at_init],
              **per_epoch(history)}
    return model, record


def initialisations(seeds=SEEDS):
    """Every initialisation of INITIALISATIONS over ``seeds``."""
    seeds = check_seeds(seeds)
    settings = {"data": "first_value_problem: train 2000 (seed 10), validation 500 (seed 11), T = 40",
                "model": f"SimpleRNN({UNITS}) -> Dense(1), MSE", "inits": list(INITIALISATIONS),
                "seeds": list(seeds), "epochs": EPOCHS, "batch_size": BATCH,
                "optimizer": "Adam(3e-4, global_clipnorm=1)", "baseline": "predict the mean: MSE 1/3"}
    runs = [initialisation_run(init, seed)[1] for init in INITIALISATIONS for seed in seeds]
    return settings, runs
