"""The minGRU as a Keras layer, computed with a parallel scan in log2 T rounds.

    layer = MinGRU(32, return_sequences=True)     # x (B, T, D) -> h (B, T, 32), or (B, 32) without
    params = min_gru_params_from_keras(layer)     # for rnn_helpers.scan.min_gru_forward

    z_t = sigmoid(x_t W_z + b_z),  h~_t = x_t W_h + b_h,  h_t = (1 - z_t) * h_{t-1} + z_t * h~_t

Feng, Tung, Ahmed, Bengio & Hajimirsadeghi (2024), "Were RNNs all we needed?". The gates never read
h_{t-1}, so all T coefficients (a_t, b_t) = (1 - z_t, z_t h~_t) come from one matrix product over the
whole sequence, and the recurrence is solved by an associative scan in ceil(log2 T) parallel rounds,
like the prefix sum it is (see ``rnn_helpers.scan``). The state starts at zero. (``keras.ops.
associative_scan`` does the same with less work, but on TensorFlow it needs the batch size when
the model is built; the rounds here are written out with slices and work for any batch.)
"""

from __future__ import annotations

import keras
import numpy as np
from keras import ops

from rnn_helpers._checks import check_bool, check_number, check_positive_int


def _check_coefficients(a, b):
    """Raise unless a and b are real floating tensors (or arrays) of one shape (B, T, H)."""
    for name, v in (("a", a), ("b", b)):
        if not hasattr(v, "shape") or not hasattr(v, "dtype"):
            raise TypeError(f"{name}: expected a tensor or array (B, T, H), got {type(v).__name__}")
        dtype = str(getattr(v.dtype, "name", v.dtype))
        if "float" not in dtype:
            raise TypeError(f"{name}: expected a real floating tensor (B, T, H), got dtype {dtype}")
        if len(v.shape) != 3:
            raise ValueError(f"{name}: expected a tensor (B, T, H), got shape {tuple(v.shape)}")
    if tuple(b.shape) != tuple(a.shape):
        raise ValueError(f"b: expected the shape of a {tuple(a.shape)}, got {tuple(b.shape)}")


def scan_linear_recurrence(a, b):
    """h_t = a_t h_{t-1} + b_t from h_{-1} = 0 over axis 1 of a, b (B, T, H), in ceil(log2 T) rounds of
    the Hillis-Steele scan (as ``rnn_helpers.scan.parallel_scan``), in Keras ops: differentiable on
    every backend. T must be known when the model is built."""
    _check_coefficients(a, b)
    T = a.shape[1]
    if T is None:
        raise ValueError(f"a: expected a fixed number of steps (axis 1) for the scan, got shape {a.shape}")
    shift = 1
    while shift < T:        # round k: position t composes its map with that of position t - 2^k
        b = ops.concatenate([b[:, :shift], a[:, shift:] * b[:, :-shift] + b[:, shift:]], axis=1)
        a = ops.concatenate([a[:, :shift], a[:, shift:] * a[:, :-shift]], axis=1)
        shift *= 2
    return b


@keras.saving.register_keras_serializable(package="rnn_helpers")
class MinGRU(keras.layers.Layer):
    """A minGRU of ``units`` units over (B, T, D); the last state (B, units) or every state (B, T, units)."""

    def __init__(self, units, *, return_sequences=False, kernel_initializer="glorot_uniform", gate_bias=0.0,
                 **kwargs):
        super().__init__(**kwargs)
        self.units = check_positive_int("units", units)
        self.gate_bias = check_number("gate_bias", gate_bias)
        self.return_sequences = check_bool("return_sequences", return_sequences)
        try:
            self.kernel_initializer = keras.initializers.get(kernel_initializer)
        except ValueError:
            raise ValueError(f"kernel_initializer: expected a Keras initializer or its name, got "
                             f"{kernel_initializer!r}") from None

    def build(self, input_shape):
        D = input_shape[-1]
        if D is None:
            raise ValueError(f"MinGRU: expected a known number of features in the last axis, "
                             f"got {input_shape}")
        # one kernel for both: columns [:units] the update gate z, [units:] the candidate h~
        self.kernel = self.add_weight(shape=(D, 2 * self.units), initializer=self.kernel_initializer,
                                      name="kernel")
        self.bias = self.add_weight(shape=(2 * self.units,), initializer="zeros", name="bias")
        # the update gate's bias starts at gate_bias: z = sigmoid(gate_bias), so a negative one starts
        # the layer keeping most of its state (as a forget bias of 1 does for the LSTM)
        self.bias.assign(np.concatenate([np.full(self.units, self.gate_bias), np.zeros(self.units)]))

    def call(self, x):
        zh = ops.matmul(x, self.kernel) + self.bias                   # (B, T, 2H): every step at once
        z = ops.sigmoid(zh[..., : self.units])
        h_tilde = zh[..., self.units:]
        h = scan_linear_recurrence(1.0 - z, z * h_tilde)              # (B, T, H) in log2 T rounds
        return h if self.return_sequences else h[:, -1]

    def compute_output_shape(self, input_shape):
        if self.return_sequences:
            return (*input_shape[:-1], self.units)
        return (input_shape[0], self.units)

    def get_config(self):
        return {**super().get_config(), "units": self.units, "return_sequences": self.return_sequences,
                "gate_bias": self.gate_bias,
                "kernel_initializer": keras.initializers.serialize(self.kernel_initializer)}


def min_gru_params_from_keras(layer) -> dict:
    """The weights of a built ``MinGRU`` as ``rnn_helpers.scan`` names them: W_z, b_z, W_h, b_h (float64)."""
    if not isinstance(layer, MinGRU):
        raise TypeError(f"layer: expected a MinGRU layer, got {type(layer).__name__}")
    if not layer.built:
        raise ValueError("layer: expected a built layer (call it once on data first), got an unbuilt one")
    kernel = np.asarray(layer.kernel, dtype=np.float64)
    bias = np.asarray(layer.bias, dtype=np.float64)
    H = layer.units
    return {"W_z": kernel[:, :H], "b_z": bias[:H], "W_h": kernel[:, H:], "b_h": bias[H:]}
