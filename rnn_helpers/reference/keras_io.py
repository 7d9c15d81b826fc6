"""Move weights between Keras recurrent layers and the numpy reference's parameter dicts.

Keras computes ``x @ kernel`` (batch first), so every Keras kernel is the transpose of the
series' ``W``; the gates are packed side by side: LSTM i, f, c, o and GRU z, r, h.
Keras is imported only when these functions are called.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.activations import ACTIVATIONS
from rnn_helpers.reference.loop import CELLS, forward

_KERAS_NAMES = {"SimpleRNN": "simple_rnn", "LSTM": "lstm", "GRU": "gru"}


def layer_kind(layer) -> str:
    """Return "simple_rnn", "lstm" or "gru" for a Keras layer, or raise ``TypeError``."""
    import keras

    for cls_name, kind in _KERAS_NAMES.items():
        if isinstance(layer, getattr(keras.layers, cls_name)):
            return kind
    raise TypeError(
        f"layer: expected a keras.layers.SimpleRNN, LSTM or GRU, got {type(layer).__name__}"
        + (" (pass the wrapped layer, e.g. bidi.forward_layer)" if type(layer).__name__ ==
           "Bidirectional" else "")
    )


def layer_activation(layer) -> str:
    """Name of the layer's activation φ, checked against what the reference implements."""
    kind = layer_kind(layer)
    name = getattr(layer.activation, "__name__", str(layer.activation))
    if name not in ACTIVATIONS:
        raise ValueError(f"layer.activation: expected one of {list(ACTIVATIONS)}, got {name!r}")
    if kind != "simple_rnn":
        rec = getattr(layer.recurrent_activation, "__name__", str(layer.recurrent_activation))
        if rec != "sigmoid":
            raise ValueError(f"layer.recurrent_activation: expected 'sigmoid' (the reference's "
                             f"gates), got {rec!r}")
    if kind == "gru" and not layer.reset_after:
        raise ValueError("layer.reset_after: expected True (Keras' default, the reference's "
                         "GRU), got False")
    return name


def _weights(layer):
    if not layer.built or not layer.weights:
        raise ValueError(f"layer {layer.name!r}: it has no weights yet; call it on an input "
                         "(or build the model) before reading or setting its weights")
    return layer.get_weights()


def from_keras_arrays(kind, arrays) -> dict[str, np.ndarray]:
    """Unpack Keras' ``[kernel, recurrent_kernel(, bias)]`` into the series' parameters."""
    kernel, recurrent = arrays[0], arrays[1]
    H = recurrent.shape[0]
    bias = arrays[2] if len(arrays) > 2 else np.zeros((2, 3 * H) if kind == "gru" else
                                                       (kernel.shape[1],), kernel.dtype)
    params = {}
    for j, k in enumerate(CELLS[kind].gates):
        cols = slice(j * H, (j + 1) * H)                 # gate k's block of columns
        params[f"W_{k}x"] = kernel[:, cols].T.copy()     # (H, D)
        params[f"W_{k}h"] = recurrent[:, cols].T.copy()  # (H, H)
        if kind == "gru":
            params[f"b_{k}x"], params[f"b_{k}h"] = bias[0, cols].copy(), bias[1, cols].copy()
        else:
            params[f"b_{k}"] = bias[cols].copy()
    return params


def to_keras_arrays(kind, params) -> list[np.ndarray]:
    """Pack the series' parameters as Keras' ``[kernel, recurrent_kernel, bias]``."""
    gates = CELLS[kind].gates
    kernel = np.concatenate([params[f"W_{k}x"].T for k in gates], axis=1)      # (D, nH)
    recurrent = np.concatenate([params[f"W_{k}h"].T for k in gates], axis=1)   # (H, nH)
    if kind == "gru":
        bias = np.stack([np.concatenate([params[f"b_{k}{s}"] for k in gates]) for s in "xh"])
    else:
        bias = np.concatenate([params[f"b_{k}"] for k in gates])
    return [kernel, recurrent, bias]


def params_from_keras(layer) -> dict[str, np.ndarray]:
    """Parameters of a Keras SimpleRNN, LSTM or GRU layer in the series' notation."""
    kind = layer_kind(layer)
    layer_activation(layer)  # refuse configurations the reference does not reproduce
    return from_keras_arrays(kind, _weights(layer))


def params_to_keras(params, layer) -> None:
    """Set a built Keras layer's weights from reference parameters (the inverse of the above)."""
    kind = layer_kind(layer)
    weights = _weights(layer)
    D, H = weights[0].shape[0], weights[1].shape[0]
    expected = CELLS[kind].param_shapes(D, H)
    if not isinstance(params, dict) or set(params) != set(expected):
        got = sorted(params) if isinstance(params, dict) else type(params).__name__
        raise ValueError(f"params: expected the {kind} keys {sorted(expected)}, got {got}")
    for name, shape in expected.items():
        if np.shape(params[name]) != shape:
            raise ValueError(f"params[{name!r}]: layer {layer.name!r} (input size {D}, units {H}) "
                             f"expects shape {shape}, got {np.shape(params[name])}")
    new = to_keras_arrays(kind, params)[: len(weights)]  # no bias when use_bias=False
    layer.set_weights([np.asarray(w, dtype=old.dtype) for w, old in zip(new, weights)])


def forward_from_keras(layer, x, state0=None):
    """Run the numpy reference with a Keras layer's weights and activation.

    Returns ``(hs, final_state)`` like ``forward``: hs (B, T, H) and a tuple of (B, H) arrays,
    which is what the layer gives with ``return_sequences=True, return_state=True``.
    """
    hs, state, _ = forward(layer_kind(layer), x, params_from_keras(layer), state0,
                           activation=layer_activation(layer))
    return hs, state
