"""Simple (Elman) RNN cell in numpy: one step forward, one step backward.

    h_t = φ(W_hx x_t + W_hh h_{t-1} + b_h)

Shapes (batch first, B = batch, D = input size, H = hidden size):
    x_t (B, D), h_{t-1} and h_t (B, H), W_hx (H, D), W_hh (H, H), b_h (H,).
The maths uses column vectors (``W_hx x_t``); the code holds one example per row, so the same
product is written ``x_t @ W_hx.T``. Keras stores ``kernel = W_hx.T`` and ``recurrent_kernel = W_hh.T``.
"""

from __future__ import annotations

from rnn_helpers._checks import check_positive_int
from rnn_helpers.activations import get_activation
from rnn_helpers.reference.checks import check_step_backward_inputs, check_step_inputs

N_STATES = 1  # the state is (h,)
GATES = ("h",)  # one block of weights; Keras: kernel = W_hx.T, recurrent_kernel = W_hh.T
CACHE_KEYS = ("x", "h_prev", "h", "params", "dphi")


def param_shapes(input_size: int, hidden_size: int) -> dict[str, tuple[int, ...]]:
    """Shape of every parameter, keyed by its name in the series' notation."""
    D, H = check_positive_int("input_size", input_size), check_positive_int("hidden_size", hidden_size)
    return {"W_hx": (H, D), "W_hh": (H, H), "b_h": (H,)}


def _step(x_t, state, params, activation="tanh"):
    """One time step, unchecked (the loop checks once). Returns ``(h_t, (h_t,), cache)``."""
    (h_prev,) = state
    phi, dphi = get_activation(activation)
    a = x_t @ params["W_hx"].T + h_prev @ params["W_hh"].T + params["b_h"]  # (B, H) pre-activation
    h = phi(a)                                                                # (B, H)
    cache = {"kind": "simple_rnn", "x": x_t, "h_prev": h_prev, "h": h, "params": params, "dphi": dphi}
    return h, (h,), cache


def _step_backward(dh_out, dstate, cache):
    """Backward through one step, unchecked.

    dh_out (B, H): dL/dh_t from this step's output; dstate = (dh_next,): dL/dh_t from later steps.
    Returns ``(dx_t, (dh_prev,), grads)`` with ``grads`` keyed like the parameters.
    """
    p = cache["params"]
    dh = dh_out + dstate[0]                       # both paths into h_t
    da = dh * cache["dphi"](cache["h"])           # backprop through φ: (B, H)
    grads = {
        "W_hx": da.T @ cache["x"],                # (H, D)
        "W_hh": da.T @ cache["h_prev"],           # (H, H)
        "b_h": da.sum(axis=0),                    # (H,)
    }
    dx = da @ p["W_hx"]                           # (B, D)
    dh_prev = da @ p["W_hh"]                      # (B, H): one Jacobian diag(φ') W_hh, transposed
    return dx, (dh_prev,), grads


def rnn_step(x_t, state, params, activation="tanh"):
    """h_t = φ(W_hx x_t + W_hh h_{t-1} + b_h) for x_t (B, D) and state ``(h_prev,)``, checked.

    Returns ``(h_t, (h_t,), cache)``: the output, the new state and what the backward step needs.
    """
    x_t, state, params = check_step_inputs("simple_rnn", param_shapes, N_STATES, x_t, state, params,
                                           activation)
    return _step(x_t, state, params, activation)


def rnn_step_backward(dh_out, dstate, cache):
    """Backward through one step, checked: dh_out (B, H), dstate ``(dh_next,)`` or None.

    Returns ``(dx_t, (dh_prev,), grads)`` with ``grads`` keyed like the parameters.
    """
    dh_out, dstate = check_step_backward_inputs("simple_rnn", N_STATES, CACHE_KEYS, dh_out, dstate, cache)
    return _step_backward(dh_out, dstate, cache)
