"""Pure-numpy SimpleRNN, LSTM and GRU in the series' notation, verified against Keras.

Step functions (one per cell, arguments checked) plus one loop over time::

    params = init_params("lstm", input_size=3, hidden_size=5, seed=0)
    h_1, (h_1, c_1), cache = lstm_step(x[:, 0], (h_0, c_0), params)   # one step by hand
    hs, (h_T, c_T), caches = forward("lstm", x, params)               # x: (B, T, D)
    dx, dstate0, grads = backward("lstm", dhs, (dh_T, dc_T), caches)

Conversion to and from Keras layers: ``params_from_keras``, ``params_to_keras``,
``forward_from_keras``. Only numpy here; Keras is imported when a Keras function is called.
"""

from rnn_helpers.reference.gru import gru_step, gru_step_backward
from rnn_helpers.reference.keras_io import (
    forward_from_keras,
    from_keras_arrays,
    layer_activation,
    layer_kind,
    params_from_keras,
    params_to_keras,
    to_keras_arrays,
)
from rnn_helpers.reference.loop import CELLS, backward, check_inputs, forward
from rnn_helpers.reference.lstm import lstm_step, lstm_step_backward
from rnn_helpers.reference.simple_rnn import rnn_step, rnn_step_backward
from rnn_helpers.reference.weights import init_params, orthogonal

__all__ = [
    "CELLS", "backward", "check_inputs", "forward", "forward_from_keras", "from_keras_arrays", "gru_step",
    "gru_step_backward",
    "init_params", "layer_activation", "layer_kind", "lstm_step", "lstm_step_backward", "orthogonal",
    "params_from_keras", "params_to_keras", "rnn_step", "rnn_step_backward", "to_keras_arrays",
]
