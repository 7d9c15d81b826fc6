"""A numpy ConvLSTM: the LSTM of notebook 03 with every matrix product replaced by a convolution.

    params = convlstm_params_from_keras(model.get_layer("convlstm"))  # W_x, W_h (k, k, ., 4F), b (4F,)
    record = convlstm_forward(frames, params)                          # frames (B, T, H, W, C)
    record.h, record.c, record.f                                       # (B, T, H, W, F) maps

Each gate is a map, one value per pixel and filter::

    i_t = σ(W_ix * x_t + W_ih * h_{t-1} + b_i)        (* a 'same' convolution, not a product)
    f_t = σ(W_fx * x_t + W_fh * h_{t-1} + b_f)
    o_t = σ(W_ox * x_t + W_oh * h_{t-1} + b_o)
    c_t = f_t ⊙ c_{t-1} + i_t ⊙ tanh(W_gx * x_t + W_gh * h_{t-1} + b_g)
    h_t = o_t ⊙ tanh(c_t)

Keras's ``ConvLSTM2D`` stores the four gates side by side in the order i, f, g, o, and its
convolutions are cross-correlations (the kernel is not flipped), as here. Only numpy here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_helpers._checks import as_array, check_params

GATES = ("i", "f", "g", "o")           # Keras's order along the last axis of the kernels


@dataclass(frozen=True)
class ConvLSTMRecord:
    """Every map of a ConvLSTM run, each (B, T, H, W, F): hidden state, cell, and the four gates."""

    h: np.ndarray
    c: np.ndarray
    i: np.ndarray
    f: np.ndarray
    g: np.ndarray
    o: np.ndarray


def conv_same(x, kernel) -> np.ndarray:
    """'same' 2-D cross-correlation, stride 1: x (B, H, W, C), kernel (k, k, C, O) with k odd, zero
    padding of (k - 1) / 2 on each side; returns (B, H, W, O)."""
    x = as_array("x", x, ndim=4)
    kernel = as_array("kernel", kernel, ndim=4)
    if 0 in x.shape:
        raise ValueError(f"x: expected (B, H, W, C) with every size >= 1, got shape {x.shape}")
    k = kernel.shape[0]
    if kernel.shape[1] != k or k % 2 == 0 or kernel.shape[2] != x.shape[3] or kernel.shape[3] == 0:
        raise ValueError(f"kernel: expected (k, k, C={x.shape[3]}, O) with k odd and O >= 1, got "
                         f"{kernel.shape}")
    p = k // 2
    B, H, W, _ = x.shape
    padded = np.pad(x, ((0, 0), (p, p), (p, p), (0, 0)))
    out = np.zeros((B, H, W, kernel.shape[3]))
    for a in range(k):
        for b in range(k):
            out += padded[:, a:a + H, b:b + W] @ kernel[a, b]
    return out


def convlstm_params_from_keras(layer) -> dict[str, np.ndarray]:
    """{"W_x": (k, k, C, 4F), "W_h": (k, k, F, 4F), "b": (4F,)} float64 from a built ConvLSTM2D layer
    with an odd square kernel, 'same' padding, stride 1, no dilation, channels last, tanh and a
    sigmoid recurrent activation."""
    import keras

    if not isinstance(layer, keras.layers.ConvLSTM2D):
        raise TypeError(f"layer: expected a keras.layers.ConvLSTM2D, got {type(layer).__name__}")
    if not layer.built:
        raise ValueError(f"layer {layer.name!r}: expected a built layer (call it on frames first)")
    cell = layer.cell
    k = tuple(cell.kernel_size)
    if k[0] != k[1] or k[0] % 2 == 0:
        raise ValueError(f"layer {layer.name!r}: the numpy ConvLSTM expects an odd square kernel_size "
                         f"(k, k), got {k}")
    settings = {"padding": (cell.padding, "same"), "data_format": (cell.data_format, "channels_last"),
                "strides": (tuple(cell.strides), (1, 1)),
                "dilation_rate": (tuple(cell.dilation_rate), (1, 1)),
                "activation": (keras.activations.serialize(cell.activation), "tanh"),
                "recurrent_activation": (keras.activations.serialize(cell.recurrent_activation), "sigmoid"),
                "use_bias": (cell.use_bias, True), "go_backwards": (layer.go_backwards, False)}
    for name, (got, want) in settings.items():
        if got != want:
            raise ValueError(f"layer {layer.name!r}: the numpy ConvLSTM expects {name}={want!r}, got {got!r}")
    W_x, W_h, b = (np.asarray(w, dtype=np.float64) for w in layer.get_weights())
    return {"W_x": W_x, "W_h": W_h, "b": b}


def _check_params(params):
    check_params("params", params, ("W_x", "W_h", "b"))
    W_x = as_array("params['W_x']", params["W_x"], ndim=4)
    W_h = as_array("params['W_h']", params["W_h"], ndim=4)
    b = as_array("params['b']", params["b"], ndim=1)
    F4 = W_x.shape[3]
    F = F4 // 4
    k = W_x.shape[0]
    if F4 % 4 or F == 0 or W_x.shape[1] != k or k % 2 == 0 or W_h.shape != (k, k, F, F4) \
            or b.shape != (F4,):
        raise ValueError(f"params: expected W_x (k, k, C, 4F), W_h (k, k, F, 4F) and b (4F,) with k odd, "
                         f"got {W_x.shape}, {W_h.shape} and {b.shape}")
    return W_x, W_h, b, F


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def convlstm_forward(frames, params) -> ConvLSTMRecord:
    """Run the ConvLSTM over frames (B, T, H, W, C) from zero state; every map, as a ``ConvLSTMRecord``."""
    W_x, W_h, b, F = _check_params(params)
    x = as_array("frames", frames, ndim=5)
    if x.shape[4] != W_x.shape[2] or 0 in x.shape:
        raise ValueError(f"frames: expected (B, T, H, W, C={W_x.shape[2]}) with every size >= 1 (C from "
                         f"params['W_x']), got shape {x.shape}")
    B, T, H, W, _ = x.shape
    h = np.zeros((B, H, W, F))
    c = np.zeros((B, H, W, F))
    out = {k: np.empty((B, T, H, W, F)) for k in ("h", "c", *GATES)}
    for t in range(T):
        z = conv_same(x[:, t], W_x) + conv_same(h, W_h) + b                 # (B, H, W, 4F)
        i, f, g, o = (z[..., n * F:(n + 1) * F] for n in range(4))
        i, f, o, g = _sigmoid(i), _sigmoid(f), _sigmoid(o), np.tanh(g)
        c = f * c + i * g
        h = o * np.tanh(c)
        for k, v in zip(("h", "c", "i", "f", "g", "o"), (h, c, i, f, g, o)):
            out[k][:, t] = v
    return ConvLSTMRecord(**out)
