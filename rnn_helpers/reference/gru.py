"""GRU cell in numpy, as Keras computes it by default (``reset_after=True``).

    z_t = σ(W_zx x_t + b_zx + W_zh h_{t-1} + b_zh)             update gate
    r_t = σ(W_rx x_t + b_rx + W_rh h_{t-1} + b_rh)             reset gate
    g_t = φ(W_gx x_t + b_gx + r_t ⊙ (W_gh h_{t-1} + b_gh))     candidate
    h_t = z_t ⊙ h_{t-1} + (1 - z_t) ⊙ g_t

With ``reset_after=True`` each gate has an input bias and a recurrent bias, and the reset gate
multiplies the recurrent term *after* the matrix product. Keras packs the gates in the order
z, r, h (= our g): ``kernel`` (D, 3H), ``recurrent_kernel`` (H, 3H), ``bias`` (2, 3H) whose row 0
is the input biases and row 1 the recurrent biases. Note that z_t weights the *old* state.

Backward through one step (``gru_step_backward``), with dh the total gradient reaching h_t:

    dz = dh ⊙ (h_{t-1} - g_t)      dg = dh ⊙ (1 - z_t)      dh_{t-1} gets dh ⊙ z_t directly
    da_g = dg ⊙ φ'(g_t):  into W_gx x_t + b_gx as it is, into W_gh h_{t-1} + b_gh times r_t
    dr = da_g ⊙ (W_gh h_{t-1} + b_gh);  da_z = dz ⊙ z(1 - z);  da_r = dr ⊙ r(1 - r)
"""

from __future__ import annotations

from rnn_helpers._checks import check_positive_int
from rnn_helpers.activations import get_activation, sigmoid
from rnn_helpers.reference.checks import check_step_backward_inputs, check_step_inputs

N_STATES = 1  # the state is (h,)
GATES = ("z", "r", "g")  # Keras packs z, r, h (= our g)
CACHE_KEYS = ("x", "h_prev", "z", "r", "g", "gh", "h", "params", "dphi")


def param_shapes(input_size: int, hidden_size: int) -> dict[str, tuple[int, ...]]:
    """Shape of every parameter, keyed by its name in the series' notation."""
    D, H = check_positive_int("input_size", input_size), check_positive_int("hidden_size", hidden_size)
    shapes = {}
    for k in GATES:
        shapes |= {f"W_{k}x": (H, D), f"W_{k}h": (H, H), f"b_{k}x": (H,), f"b_{k}h": (H,)}
    return shapes


def _step(x_t, state, params, activation="tanh"):
    """One time step, unchecked. Returns ``(h_t, (h_t,), cache)``; the cache holds the gates."""
    (h_prev,) = state
    p = params
    phi, dphi = get_activation(activation)

    def lin(k):  # input part and recurrent part of gate k, each with its own bias
        return x_t @ p[f"W_{k}x"].T + p[f"b_{k}x"], h_prev @ p[f"W_{k}h"].T + p[f"b_{k}h"]

    z = sigmoid(sum(lin("z")))                    # update gate (B, H)
    r = sigmoid(sum(lin("r")))                    # reset gate  (B, H)
    gx, gh = lin("g")
    g = phi(gx + r * gh)                          # candidate   (B, H)
    h = z * h_prev + (1 - z) * g                  # new state   (B, H)
    cache = {"kind": "gru", "x": x_t, "h_prev": h_prev, "z": z, "r": r, "g": g, "gh": gh, "h": h,
             "params": params, "dphi": dphi}
    return h, (h,), cache


def _step_backward(dh_out, dstate, cache):
    """Backward through one step, unchecked (equations in the module docstring).

    dh_out (B, H): dL/dh_t from this step's output; dstate = (dh_next,) from later steps.
    Returns ``(dx_t, (dh_prev,), grads)``.
    """
    C, p = cache, cache["params"]
    dh = dh_out + dstate[0]                               # both paths into h_t
    dz = dh * (C["h_prev"] - C["g"])                      # h = z ⊙ h_prev + (1 - z) ⊙ g
    da_g = dh * (1 - C["z"]) * C["dphi"](C["g"])          # through g = φ(a_g)
    da = {"z": dz * C["z"] * (1 - C["z"]),
          "r": da_g * C["gh"] * C["r"] * (1 - C["r"]),    # r multiplies the recurrent term
          "g": da_g}
    dah = {"z": da["z"], "r": da["r"], "g": da_g * C["r"]}   # what reaches each recurrent product
    grads, dx, dh_prev = {}, 0.0, dh * C["z"]             # the direct path: only ⊙ z_t
    for k in GATES:
        grads[f"W_{k}x"] = da[k].T @ C["x"]               # (H, D)
        grads[f"b_{k}x"] = da[k].sum(axis=0)              # (H,)
        grads[f"W_{k}h"] = dah[k].T @ C["h_prev"]         # (H, H)
        grads[f"b_{k}h"] = dah[k].sum(axis=0)             # (H,)
        dx = dx + da[k] @ p[f"W_{k}x"]                    # (B, D)
        dh_prev = dh_prev + dah[k] @ p[f"W_{k}h"]         # (B, H)
    return dx, (dh_prev,), grads


def gru_step(x_t, state, params, activation="tanh"):
    """One GRU step (Keras' reset_after=True) for x_t (B, D) and state ``(h_prev,)``, checked.

    Returns ``(h_t, (h_t,), cache)``; the cache holds the gates.
    """
    x_t, state, params = check_step_inputs("gru", param_shapes, N_STATES, x_t, state, params, activation)
    return _step(x_t, state, params, activation)


def gru_step_backward(dh_out, dstate, cache):
    """Backward through one GRU step, checked: dh_out (B, H), dstate ``(dh_next,)`` or None.

    Returns ``(dx_t, (dh_prev,), grads)``, grads keyed like the parameters.
    """
    dh_out, dstate = check_step_backward_inputs("gru", N_STATES, CACHE_KEYS, dh_out, dstate, cache)
    return _step_backward(dh_out, dstate, cache)
