"""Simple (Elman) RNN cell in numpy: one step forward, one step backward.

    h_t = φ(W_hx x_t + W_hh h_{t-1} + b_h)

Shapes (batch first, B = batch, D = input size, H = hidden size):
    x_t (B, D), h_{t-1} and h_t (B, H), W_hx (H, D), W_hh (H, H), b_h (H,).
The maths uses column vectors (``W_hx x_t``); the code holds one example per row, so the same
product is written ``x_t @ W_hx.T``. Keras stores ``kernel = W_hx.T`` and ``recurrent_kernel = W_hh.T``.
"""

from __future__ import annotations

from rnn_helpers.activations import get_activation

N_STATES = 1  # the state is (h,)


def param_shapes(input_size: int, hidden_size: int) -> dict[str, tuple[int, ...]]:
    """Shape of every parameter, keyed by its name in the series' notation."""
    D, H = input_size, hidden_size
    return {"W_hx": (H, D), "W_hh": (H, H), "b_h": (H,)}


def rnn_step(x_t, state, params, activation="tanh"):
    """One time step. Returns ``(h_t, (h_t,), cache)``: output, new state, what backward needs."""
    (h_prev,) = state
    phi, dphi = get_activation(activation)
    a = x_t @ params["W_hx"].T + h_prev @ params["W_hh"].T + params["b_h"]  # (B, H) pre-activation
    h = phi(a)                                                                # (B, H)
    cache = {"x": x_t, "h_prev": h_prev, "h": h, "params": params, "dphi": dphi}
    return h, (h,), cache


def rnn_step_backward(dh_out, dstate, cache):
    """Backward through one step.

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
