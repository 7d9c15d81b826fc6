"""GRU cell in numpy, as Keras computes it by default (``reset_after=True``).

    z_t = σ(W_zx x_t + b_zx + W_zh h_{t-1} + b_zh)             update gate
    r_t = σ(W_rx x_t + b_rx + W_rh h_{t-1} + b_rh)             reset gate
    g_t = φ(W_gx x_t + b_gx + r_t ⊙ (W_gh h_{t-1} + b_gh))     candidate
    h_t = z_t ⊙ h_{t-1} + (1 - z_t) ⊙ g_t

With ``reset_after=True`` each gate has an input bias and a recurrent bias, and the reset gate
multiplies the recurrent term *after* the matrix product. Keras packs the gates in the order
z, r, h (= our g): ``kernel`` (D, 3H), ``recurrent_kernel`` (H, 3H), ``bias`` (2, 3H) whose row 0
is the input biases and row 1 the recurrent biases. Note that z_t weights the *old* state.
"""

from __future__ import annotations

from rnn_helpers._checks import check_positive_int
from rnn_helpers.activations import get_activation, sigmoid
from rnn_helpers.reference.checks import check_step_inputs

N_STATES = 1  # the state is (h,)
GATES = ("z", "r", "g")  # Keras packs z, r, h (= our g)


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
    phi, _ = get_activation(activation)

    def lin(k):  # input part and recurrent part of gate k, each with its own bias
        return x_t @ p[f"W_{k}x"].T + p[f"b_{k}x"], h_prev @ p[f"W_{k}h"].T + p[f"b_{k}h"]

    z = sigmoid(sum(lin("z")))                    # update gate (B, H)
    r = sigmoid(sum(lin("r")))                    # reset gate  (B, H)
    gx, gh = lin("g")
    g = phi(gx + r * gh)                          # candidate   (B, H)
    h = z * h_prev + (1 - z) * g                  # new state   (B, H)
    cache = {"kind": "gru", "x": x_t, "h_prev": h_prev, "z": z, "r": r, "g": g, "h": h}
    return h, (h,), cache


def gru_step(x_t, state, params, activation="tanh"):
    """One GRU step (Keras' reset_after=True) for x_t (B, D) and state ``(h_prev,)``, checked.

    Returns ``(h_t, (h_t,), cache)``; the cache holds the gates.
    """
    x_t, state, params = check_step_inputs("gru", param_shapes, N_STATES, x_t, state, params, activation)
    return _step(x_t, state, params, activation)
