"""The step functions as a student calls them: the same maths, with the arguments checked first.

``forward`` checks a whole sequence once and then calls the unchecked steps in its loop; these
wrappers are for calling one step by hand, e.g. ``h_1, (h_1,), cache = rnn_step(x[:, 0], (h_0,), params)``.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, check_shape
from rnn_helpers.reference.loop import CELLS, check_inputs


def _checked_step(kind, x_t, state, params, activation):
    x_t = as_array("x_t", x_t, ndim=2)                                   # (B, D)
    if isinstance(state, np.ndarray) or not isinstance(state, (tuple, list)):
        raise TypeError(f"state: expected a tuple of {CELLS[kind].n_states} (B, H) array(s) for {kind}, "
                        f"got {type(state).__name__}")
    _, x, params, state = check_inputs(kind, x_t[:, None, :], params, tuple(state), activation)
    return CELLS[kind].step(x[:, 0], state, params, activation)


def _checked_backward(kind, dh_out, dstate, cache):
    if not isinstance(cache, dict) or "h" not in cache:
        raise TypeError(f"cache: expected the dict returned by the forward step, got {type(cache).__name__}")
    B, H = cache["h"].shape
    dh_out = as_array("dh_out", dh_out, ndim=2)
    check_shape("dh_out", dh_out, (B, H))
    n = CELLS[kind].n_states
    if not isinstance(dstate, (tuple, list)) or len(dstate) != n:
        raise ValueError(f"dstate: expected a tuple of {n} (B, H) array(s) for {kind}, got {dstate!r:.80}")
    dstate = tuple(as_array(f"dstate[{j}]", d, ndim=2) for j, d in enumerate(dstate))
    for j, d in enumerate(dstate):
        check_shape(f"dstate[{j}]", d, (B, H))
    return CELLS[kind].step_backward(dh_out, dstate, cache)


def rnn_step(x_t, state, params, activation="tanh"):
    """h_t = φ(W_hx x_t + W_hh h_{t-1} + b_h) for x_t (B, D), state (h_prev,); see ``simple_rnn``."""
    return _checked_step("simple_rnn", x_t, state, params, activation)


def rnn_step_backward(dh_out, dstate, cache):
    """Backward through one simple-RNN step; returns ``(dx_t, (dh_prev,), grads)``."""
    return _checked_backward("simple_rnn", dh_out, dstate, cache)


def lstm_step(x_t, state, params, activation="tanh"):
    """One LSTM step for x_t (B, D), state (h_prev, c_prev); see ``lstm`` for the equations."""
    return _checked_step("lstm", x_t, state, params, activation)


def lstm_step_backward(dh_out, dstate, cache):
    """Backward through one LSTM step; returns ``(dx_t, (dh_prev, dc_prev), grads)``."""
    return _checked_backward("lstm", dh_out, dstate, cache)


def gru_step(x_t, state, params, activation="tanh"):
    """One GRU step (Keras' reset_after=True) for x_t (B, D), state (h_prev,); see ``gru``."""
    return _checked_step("gru", x_t, state, params, activation)


__all__ = ["gru_step", "lstm_step", "lstm_step_backward", "rnn_step", "rnn_step_backward"]

