"""One loop over time for every cell, forward and backward (BPTT), with argument checks.

A cell is a step function ``step(x_t, state, params, activation) -> (h_t, new_state, cache)`` and,
for SimpleRNN and LSTM, a backward step ``step_backward(dh_out, dstate, cache) -> (dx_t,
dstate_prev, grads)``. The loop owns time; the cells know nothing about sequences.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from rnn_helpers._checks import as_array, check_choice, check_params, check_positive_int, check_shape
from rnn_helpers.activations import ACTIVATIONS
from rnn_helpers.reference import gru, lstm, simple_rnn


class Cell(NamedTuple):
    step: object
    step_backward: object  # None where the series only needs the forward pass
    param_shapes: object
    n_states: int


CELLS = {
    "simple_rnn": Cell(simple_rnn.rnn_step, simple_rnn.rnn_step_backward,
                       simple_rnn.param_shapes, simple_rnn.N_STATES),
    "lstm": Cell(lstm.lstm_step, lstm.lstm_step_backward, lstm.param_shapes, lstm.N_STATES),
    "gru": Cell(gru.gru_step, None, gru.param_shapes, gru.N_STATES),
}


def init_params(kind, input_size, hidden_size, *, scale=None, seed=0, dtype=np.float64):
    """Random parameters for ``kind`` ("simple_rnn", "lstm" or "gru"), biases included.

    Weights are normal with standard deviation ``scale`` (default ``1/sqrt(hidden_size)``);
    biases are normal with standard deviation 0.1 so that tests exercise them too.
    """
    cell = CELLS[check_choice("kind", kind, CELLS)]
    D = check_positive_int("input_size", input_size)
    H = check_positive_int("hidden_size", hidden_size)
    scale = 1.0 / np.sqrt(H) if scale is None else float(scale)
    rng = np.random.default_rng(seed)
    return {name: (rng.normal(0.0, 0.1 if name.startswith("b_") else scale, shape)).astype(dtype)
            for name, shape in cell.param_shapes(D, H).items()}


def check_inputs(kind, x, params, state0=None, activation="tanh"):
    """Validate a forward call and return ``(cell, x, params, state0)`` as checked float arrays."""
    cell = CELLS[check_choice("kind", kind, CELLS)]
    check_choice("activation", activation, ACTIVATIONS)
    x = as_array("x", x, ndim=3)                                   # (B, T, D)
    B, T, D = x.shape
    if T == 0 or B == 0:
        raise ValueError(f"x: expected at least one example and one time step, got shape {x.shape}")
    names = cell.param_shapes(1, 1)
    check_params("params", params, names)
    first_recurrent = next(k for k in names if k.startswith("W_") and k.endswith("h"))
    H = np.shape(params[first_recurrent])[0]
    params = {k: as_array(f"params[{k!r}]", v, dtype=x.dtype) for k, v in params.items()}
    for name, shape in cell.param_shapes(D, H).items():
        check_shape(f"params[{name!r}] (input size D={D} from x, hidden size H={H})",
                    params[name], shape)
    if state0 is None:
        state0 = tuple(np.zeros((B, H), dtype=x.dtype) for _ in range(cell.n_states))
    else:
        state0 = (state0,) if isinstance(state0, np.ndarray) else tuple(state0)
        if len(state0) != cell.n_states:
            raise ValueError(f"state0: expected {cell.n_states} array(s) for {kind}, got {len(state0)}")
        state0 = tuple(as_array(f"state0[{j}]", s, ndim=2, dtype=x.dtype) for j, s in enumerate(state0))
        for j, s in enumerate(state0):
            check_shape(f"state0[{j}]", s, (B, H))
    return cell, x, params, state0


def forward(kind, x, params, state0=None, activation="tanh"):
    """Run a cell over a batch of sequences.

    x (B, T, D); params as from ``init_params``; state0: tuple of (B, H) arrays (zeros if None).
    Returns ``hs`` (B, T, H), the final state (a tuple: ``(h_T,)`` or ``(h_T, c_T)``), and the
    list of per-step caches that ``backward`` consumes.
    """
    cell, x, params, state = check_inputs(kind, x, params, state0, activation)
    hs, caches = [], []
    for t in range(x.shape[1]):
        h, state, cache = cell.step(x[:, t], state, params, activation)
        hs.append(h)
        caches.append(cache)
    return np.stack(hs, axis=1), state, caches


def backward(kind, dhs, dstate, caches):
    """Backpropagation through time.

    dhs (B, T, H): dL/dh_t from each step's output; dstate: dL/d(final state), a tuple like the
    final state (``None`` for zeros); caches from ``forward``.
    Returns ``dx`` (B, T, D), ``dstate0`` (tuple) and ``grads`` (dict keyed like the parameters).
    """
    cell = CELLS[check_choice("kind", kind, CELLS)]
    if cell.step_backward is None:
        raise ValueError(f"kind: backward is implemented for 'simple_rnn' and 'lstm', got {kind!r}; "
                         "use tf.GradientTape on the Keras layer for GRU gradients")
    if not caches:
        raise ValueError("caches: expected the list returned by forward(), got an empty list")
    B, H = caches[-1]["h"].shape
    dhs = as_array("dhs", dhs, ndim=3)
    check_shape("dhs", dhs, (B, len(caches), H))
    if dstate is None:
        dstate = tuple(np.zeros((B, H)) for _ in range(cell.n_states))
    dstate = (dstate,) if isinstance(dstate, np.ndarray) else tuple(dstate)
    if len(dstate) != cell.n_states:
        raise ValueError(f"dstate: expected {cell.n_states} array(s) for {kind}, got {len(dstate)}")
    grads, dxs = None, []
    for t in reversed(range(len(caches))):
        dx_t, dstate, g = cell.step_backward(dhs[:, t], dstate, caches[t])
        grads = g if grads is None else {k: grads[k] + g[k] for k in grads}
        dxs.append(dx_t)
    return np.stack(dxs[::-1], axis=1), dstate, grads
