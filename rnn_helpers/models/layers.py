"""The one map from a cell's name (``kind``) to its Keras layer.

    layer = recurrent_layer("lstm", 64, name="rnn")      # keras.layers.LSTM(64, name="rnn")
"""

from __future__ import annotations

import keras

from rnn_helpers._checks import check_choice, check_positive_int

RECURRENT_LAYERS = {"simple_rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}


def recurrent_layer(kind, units, **layer_kwargs) -> keras.layers.Layer:
    """A new Keras recurrent layer of ``kind`` ("simple_rnn", "lstm" or "gru") with ``units`` units."""
    cls = RECURRENT_LAYERS[check_choice("kind", kind, RECURRENT_LAYERS)]
    return cls(check_positive_int("units", units), **layer_kwargs)
