"""Move weights between Keras recurrent layers and the numpy reference's parameter dicts.

Keras computes ``x @ kernel`` (batch first), so every Keras kernel is the transpose of the
series' ``W``; the gates are packed side by side: LSTM i, f, c, o and GRU z, r, h.
Keras is imported only when these functions are called.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, check_params, check_shape
from rnn_helpers.activations import ACTIVATIONS
from rnn_helpers.reference.checks import check_cell_params
from rnn_helpers.reference.loop import CELLS, check_kind, forward

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


def _check_keras_arrays(kind, arrays):
    """Checked ``(cell, kernel (D, nH), recurrent (H, nH), bias or None)`` for ``kind`` with n gate blocks."""
    cell = check_kind(kind)
    if not isinstance(arrays, (list, tuple)):
        raise TypeError(f"arrays: expected the list [kernel, recurrent_kernel(, bias)] of "
                        f"layer.get_weights(), got {type(arrays).__name__}")
    if len(arrays) not in (2, 3):
        raise ValueError(f"arrays: expected 2 or 3 arrays [kernel, recurrent_kernel(, bias)], "
                         f"got {len(arrays)}")
    n = len(cell.gates)
    recurrent = as_array("arrays[1] (recurrent_kernel)", arrays[1], ndim=2)
    H = recurrent.shape[0]
    if H == 0:
        raise ValueError(f"arrays[1] (recurrent_kernel): expected at least one unit, "
                         f"got shape {recurrent.shape}")
    check_shape(f"arrays[1] (recurrent_kernel of {kind}: (H, {n}H), {n} gate blocks)", recurrent, (H, n * H))
    kernel = as_array("arrays[0] (kernel)", arrays[0], ndim=2, dtype=recurrent.dtype)
    check_shape(f"arrays[0] (kernel of {kind}: (D, {n}H), H={H} from the recurrent kernel)", kernel,
                (None, n * H))
    if kernel.shape[0] == 0:
        raise ValueError(f"arrays[0] (kernel): expected at least one input feature, got shape {kernel.shape}")
    bias = None
    if len(arrays) == 3:
        bias = as_array("arrays[2] (bias)", arrays[2], dtype=recurrent.dtype)
        check_shape(f"arrays[2] (bias of {kind}{' with reset_after=True' if kind == 'gru' else ''})", bias,
                    (2, n * H) if kind == "gru" else (n * H,))
    return cell, kernel, recurrent, bias


def from_keras_arrays(kind, arrays) -> dict[str, np.ndarray]:
    """Unpack Keras' ``[kernel, recurrent_kernel(, bias)]`` into the series' parameters (no bias: zeros)."""
    cell, kernel, recurrent, bias = _check_keras_arrays(kind, arrays)
    H = recurrent.shape[0]
    if bias is None:
        bias = np.zeros((2, 3 * H) if kind == "gru" else (kernel.shape[1],), kernel.dtype)
    params = {}
    for j, k in enumerate(cell.gates):
        cols = slice(j * H, (j + 1) * H)                 # gate k's block of columns
        params[f"W_{k}x"] = kernel[:, cols].T.copy()     # (H, D)
        params[f"W_{k}h"] = recurrent[:, cols].T.copy()  # (H, H)
        if kind == "gru":
            params[f"b_{k}x"], params[f"b_{k}h"] = bias[0, cols].copy(), bias[1, cols].copy()
        else:
            params[f"b_{k}"] = bias[cols].copy()
    return params


def _pack(kind, params) -> list[np.ndarray]:
    gates = CELLS[kind].gates
    kernel = np.concatenate([params[f"W_{k}x"].T for k in gates], axis=1)      # (D, nH)
    recurrent = np.concatenate([params[f"W_{k}h"].T for k in gates], axis=1)   # (H, nH)
    if kind == "gru":
        bias = np.stack([np.concatenate([params[f"b_{k}{s}"] for k in gates]) for s in "xh"])
    else:
        bias = np.concatenate([params[f"b_{k}"] for k in gates])
    return [kernel, recurrent, bias]


def to_keras_arrays(kind, params) -> list[np.ndarray]:
    """Pack the series' parameters as Keras' ``[kernel, recurrent_kernel, bias]``."""
    cell = check_kind(kind)
    check_params("params", params, cell.param_shapes(1, 1))
    first = f"W_{cell.gates[0]}x"
    W = as_array(f"params[{first!r}]", params[first], ndim=2)
    params, _ = check_cell_params(kind, cell.param_shapes, params, W.shape[1], W.dtype,
                                  D_from=f"params[{first!r}]")
    return _pack(kind, params)


def params_from_keras(layer) -> dict[str, np.ndarray]:
    """Parameters of a Keras SimpleRNN, LSTM or GRU layer in the series' notation."""
    kind = layer_kind(layer)
    layer_activation(layer)  # refuse configurations the reference does not reproduce
    return from_keras_arrays(kind, _weights(layer))


def params_to_keras(params, layer) -> None:
    """Set a built Keras layer's weights from reference parameters (the inverse of the above).

    Every parameter must be finite, of the layer's shapes and within the layer's float range; a
    layer built with ``use_bias=False`` takes only zero biases (it has nowhere to keep others).
    """
    kind = layer_kind(layer)
    weights = _weights(layer)
    D, H, dtype = weights[0].shape[0], weights[1].shape[0], weights[0].dtype
    expected = CELLS[kind].param_shapes(D, H)
    check_params(f"params (for the {kind} layer {layer.name!r})", params, expected)
    checked = {}
    for name, shape in expected.items():
        checked[name] = as_array(f"params[{name!r}]", params[name], dtype=dtype)
        check_shape(f"params[{name!r}] (layer {layer.name!r}: input size {D}, units {H})", checked[name],
                    shape)
        if len(weights) == 2 and name.startswith("b_") and checked[name].any():
            raise ValueError(f"params[{name!r}]: layer {layer.name!r} has use_bias=False, so its biases "
                             f"are 0; got non-zero values (largest |b| {np.abs(checked[name]).max():.3g})")
    layer.set_weights(_pack(kind, checked)[: len(weights)])


def forward_from_keras(layer, x, state0=None):
    """Run the numpy reference with a Keras layer's weights and activation.

    Returns ``(hs, final_state)`` like ``forward``: hs (B, T, H) and a tuple of (B, H) arrays,
    which is what the layer gives with ``return_sequences=True, return_state=True``. A layer with
    ``go_backwards=True`` reads x from its last step to its first, and hs comes in that processed
    order (hs[:, 0] follows x[:, -1]), as Keras returns it.
    """
    kind, params, activation = layer_kind(layer), params_from_keras(layer), layer_activation(layer)
    D = next(iter(params.values())).shape[1]                 # W_.x is (H, D)
    x = as_array("x", x, ndim=3)                             # (B, T, D)
    check_shape(f"x (input size D={D} of layer {layer.name!r})", x, (None, None, D))
    if layer.go_backwards:
        x = x[:, ::-1]                                       # the order in which Keras reads x
    hs, state, _ = forward(kind, x, params, state0, activation=activation)
    return hs, state
