"""The one map from a cell's name (``kind``) to its Keras layer.

    layer = recurrent_layer("lstm", 64, name="rnn")      # keras.layers.LSTM(64, name="rnn")
    layer = recurrent_layer("simple_rnn", 8, seed=0, recurrent_initializer=RandomNormal(stddev=0.01))

Keras draws the seed of an unseeded initializer OBJECT (``RandomNormal()``, ``Orthogonal()``)
from Python's ``random`` when the object is created, not when the layer is built: the same
builder call then gives other weights depending on what ran before. With ``seed=`` every such
object is re-created from its config with a seed derived from ``seed`` and its argument name.
"""

from __future__ import annotations

import zlib

import keras
import numpy as np

from rnn_helpers._checks import check_choice, check_positive_int, check_seed

RECURRENT_LAYERS = {"simple_rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}


def derived_seed(seed, name) -> int:
    """A 31-bit seed that depends only on ``seed`` and the string ``name`` (not on any global state)."""
    words = [check_seed(seed), zlib.crc32(str(name).encode())]
    return int(np.random.SeedSequence(words).generate_state(1)[0]) & 0x7FFFFFFF


def seeded_initializers(layer_kwargs, seed) -> dict:
    """``layer_kwargs`` with every unseeded ``keras.initializers.Initializer`` object re-created
    from its config with the seed ``derived_seed(seed, argument name)``.

    Initializers given as names ("orthogonal") or with their own seed, and every other argument,
    are passed through unchanged (a name is resolved by the layer after the builder's seed is set).
    """
    if not isinstance(layer_kwargs, dict):
        raise TypeError(f"layer_kwargs: expected a dict of arguments, got {type(layer_kwargs).__name__}")
    seed = check_seed(seed)
    out = dict(layer_kwargs)
    for key, value in layer_kwargs.items():
        if isinstance(value, keras.initializers.Initializer):
            config = value.get_config()
            if "seed" in config and config["seed"] is None:               # random and unseeded
                out[key] = type(value).from_config({**config, "seed": derived_seed(seed, key)})
    return out


def recurrent_layer(kind, units, *, seed=None, **layer_kwargs) -> keras.layers.Layer:
    """A new Keras recurrent layer of ``kind`` ("simple_rnn", "lstm" or "gru") with ``units`` units.

    ``seed``: None, or a non-negative integer; then unseeded initializer objects in
    ``layer_kwargs`` get seeds derived from it (see ``seeded_initializers``).
    """
    cls = RECURRENT_LAYERS[check_choice("kind", kind, RECURRENT_LAYERS)]
    units = check_positive_int("units", units)
    if seed is not None:
        layer_kwargs = seeded_initializers(layer_kwargs, seed)
    return cls(units, **layer_kwargs)
