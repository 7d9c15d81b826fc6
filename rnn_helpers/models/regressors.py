"""A recurrent regressor for the synthetic tasks: one recurrent layer and a linear readout.

    model = build_adding_model("lstm", seq_len=50, units=16, seed=0)
"""

from __future__ import annotations

import keras

from rnn_helpers._checks import check_positive_int, check_seed
from rnn_helpers.models.layers import recurrent_layer


def build_adding_model(kind, seq_len, units=16, *, seed=0, learning_rate=0.01, **layer_kwargs):
    """A compiled Keras model for the adding problem: one recurrent layer and a linear readout.

    kind: "simple_rnn", "lstm" or "gru" (the recurrent layer is named after it, the readout
    "readout"); layer_kwargs go to the recurrent layer (e.g. ``recurrent_initializer=``).
    Adam(learning_rate), mean squared error. The seed is set first, so the same call gives the
    same initial weights whatever was built before.
    """
    T = check_positive_int("seq_len", seq_len)
    keras.utils.set_random_seed(check_seed(seed))
    model = keras.Sequential([keras.Input(shape=(T, 2), name="x"),
                              recurrent_layer(kind, units, name=kind, **layer_kwargs),
                              keras.layers.Dense(1, name="readout")], name=f"adding_{kind}")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="mse")
    return model
