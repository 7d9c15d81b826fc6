"""LSTM cell in numpy, in the series' notation, one step forward and one step backward.

    i_t = σ(W_ix x_t + W_ih h_{t-1} + b_i)        input gate
    f_t = σ(W_fx x_t + W_fh h_{t-1} + b_f)        forget gate
    o_t = σ(W_ox x_t + W_oh h_{t-1} + b_o)        output gate
    g_t = φ(W_gx x_t + W_gh h_{t-1} + b_g)        candidate
    c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t               memory cell
    h_t = o_t ⊙ φ(c_t)                            hidden state

Shapes: x_t (B, D); h, c (B, H); W_kx (H, D), W_kh (H, H), b_k (H,) for k in i, f, g, o.
Keras packs the four gates into one kernel in the order i, f, c (= our g), o:
``kernel = [W_ix.T | W_fx.T | W_gx.T | W_ox.T]`` of shape (D, 4H), and likewise the recurrent kernel.
"""

from __future__ import annotations

from rnn_helpers._checks import check_positive_int
from rnn_helpers.activations import get_activation, sigmoid
from rnn_helpers.reference.checks import check_step_backward_inputs, check_step_inputs

N_STATES = 2  # the state is (h, c)
# The one place the LSTM gate order is written: Keras packs its kernels i, f, c (= our g), o.
GATES = ("i", "f", "g", "o")
CACHE_KEYS = ("x", "h_prev", "c_prev", "i", "f", "o", "g", "c", "tc", "h", "params", "dphi")


def param_shapes(input_size: int, hidden_size: int) -> dict[str, tuple[int, ...]]:
    """Shape of every parameter, keyed by its name in the series' notation."""
    D, H = check_positive_int("input_size", input_size), check_positive_int("hidden_size", hidden_size)
    shapes = {}
    for k in GATES:
        shapes |= {f"W_{k}x": (H, D), f"W_{k}h": (H, H), f"b_{k}": (H,)}
    return shapes


def _pre(k, x_t, h_prev, p):
    return x_t @ p[f"W_{k}x"].T + h_prev @ p[f"W_{k}h"].T + p[f"b_{k}"]  # (B, H)


def _step(x_t, state, params, activation="tanh"):
    """One time step, unchecked. Returns ``(h_t, (h_t, c_t), cache)``; the cache holds every gate."""
    h_prev, c_prev = state
    phi, dphi = get_activation(activation)
    i = sigmoid(_pre("i", x_t, h_prev, params))   # input gate      (B, H)
    f = sigmoid(_pre("f", x_t, h_prev, params))   # forget gate     (B, H)
    o = sigmoid(_pre("o", x_t, h_prev, params))   # output gate     (B, H)
    g = phi(_pre("g", x_t, h_prev, params))       # candidate       (B, H)
    c = f * c_prev + i * g                        # memory cell     (B, H)
    tc = phi(c)                                   # squashed cell   (B, H)
    h = o * tc                                    # hidden state    (B, H)
    cache = {"kind": "lstm", "x": x_t, "h_prev": h_prev, "c_prev": c_prev, "i": i, "f": f, "o": o, "g": g,
             "c": c, "tc": tc, "h": h, "params": params, "dphi": dphi}
    return h, (h, c), cache


def _step_backward(dh_out, dstate, cache):
    """Backward through one step, unchecked.

    dh_out (B, H): dL/dh_t from this step's output; dstate = (dh_next, dc_next) from later steps.
    Returns ``(dx_t, (dh_prev, dc_prev), grads)``.
    """
    C, p, dphi = cache, cache["params"], cache["dphi"]
    dh = dh_out + dstate[0]                               # both paths into h_t
    do = dh * C["tc"]                                     # through h = o ⊙ φ(c)
    dc = dstate[1] + dh * C["o"] * dphi(C["tc"])          # cell path + through φ(c)
    da = {                                                # gradients of the pre-activations
        "i": dc * C["g"] * C["i"] * (1 - C["i"]),
        "f": dc * C["c_prev"] * C["f"] * (1 - C["f"]),
        "o": do * C["o"] * (1 - C["o"]),
        "g": dc * C["i"] * dphi(C["g"]),
    }
    grads, dx, dh_prev = {}, 0.0, 0.0
    for k in GATES:
        grads[f"W_{k}x"] = da[k].T @ C["x"]               # (H, D)
        grads[f"W_{k}h"] = da[k].T @ C["h_prev"]          # (H, H)
        grads[f"b_{k}"] = da[k].sum(axis=0)               # (H,)
        dx = dx + da[k] @ p[f"W_{k}x"]                    # (B, D)
        dh_prev = dh_prev + da[k] @ p[f"W_{k}h"]          # (B, H)
    dc_prev = dc * C["f"]                                 # the cell path: only ⊙ f_t
    return dx, (dh_prev, dc_prev), grads


def lstm_step(x_t, state, params, activation="tanh"):
    """One LSTM step for x_t (B, D) and state ``(h_prev, c_prev)``, checked (equations above).

    Returns ``(h_t, (h_t, c_t), cache)``; the cache holds every gate.
    """
    x_t, state, params = check_step_inputs("lstm", param_shapes, N_STATES, x_t, state, params, activation)
    return _step(x_t, state, params, activation)


def lstm_step_backward(dh_out, dstate, cache):
    """Backward through one LSTM step, checked: dh_out (B, H), dstate ``(dh_next, dc_next)`` or None.

    Returns ``(dx_t, (dh_prev, dc_prev), grads)``.
    """
    dh_out, dstate = check_step_backward_inputs("lstm", N_STATES, CACHE_KEYS, dh_out, dstate, cache)
    return _step_backward(dh_out, dstate, cache)
