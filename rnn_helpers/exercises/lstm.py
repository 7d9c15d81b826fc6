"""Exercises on the LSTM: one step by hand, the forget bias that keeps half of the cell path,
reading a saturation plot for the units that remember.

Checked against ``reference.lstm_step`` and ``gates.gate_saturation``.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.activations import sigmoid
from rnn_helpers.exercises.core import Exercise, function_exercise, source_of, value_exercise
from rnn_helpers.gates import GateRecord, gate_saturation
from rnn_helpers.reference import init_params, lstm_step


def _reference_step(x_t, h_prev, c_prev, params):
    _, (h_t, c_t), _ = lstm_step(x_t, (h_prev, c_prev), params)
    return np.stack([h_t, c_t])                                 # (2, B, H)


def my_lstm_step(x_t, h_prev, c_prev, p):
    def pre(k):                                             # W_kx x_t + W_kh h_{t-1} + b_k, batch first
        return x_t @ p[f"W_{k}x"].T + h_prev @ p[f"W_{k}h"].T + p[f"b_{k}"]

    def sig(z):
        return 1 / (1 + np.exp(-z))

    i, f, o, g = sig(pre("i")), sig(pre("f")), sig(pre("o")), np.tanh(pre("g"))
    c_t = f * c_prev + i * g                                # memory cell
    return np.stack([o * np.tanh(c_t), c_t])                # h_t, c_t: (2, B, H)


def _forgot_tanh_of_cell(x_t, h_prev, c_prev, p):           # h_t = o ⊙ c_t instead of o ⊙ φ(c_t)
    def pre(k):
        return x_t @ p[f"W_{k}x"].T + h_prev @ p[f"W_{k}h"].T + p[f"b_{k}"]

    i, f, o, g = sigmoid(pre("i")), sigmoid(pre("f")), sigmoid(pre("o")), np.tanh(pre("g"))
    c_t = f * c_prev + i * g
    return np.stack([o * c_t, c_t])


def _case(B, D, H, seed):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(B, D)), rng.normal(size=(B, H)), rng.normal(size=(B, H)),
            init_params("lstm", D, H, scale=0.8, seed=seed))


lstm_step_exercise = function_exercise(
    "one LSTM step", _reference_step, [_case(2, 3, 4, 10), _case(1, 5, 2, 11), _case(3, 1, 6, 12)],
    question="Write `my_lstm_step(x_t, h_prev, c_prev, params)` from the LSTM's six equations, with "
             "`x_t` (B, D), `h_prev` and `c_prev` (B, H) and `params` the dict of "
             "`init_params(\"lstm\", ...)` (`W_ix` (H, D), `W_ih` (H, H), `b_i` (H,), and the same for "
             "f, o, g). Return `np.stack([h_t, c_t])`, shape (2, B, H). It is checked against "
             "`rnn_helpers.reference.lstm_step` on hidden cases.",
    hint="sigmoid(z) = 1 / (1 + np.exp(-z)). Each gate is x_t @ W_kx.T + h_prev @ W_kh.T + b_k through its "
         "nonlinearity; then c_t = f * c_prev + i * g and h_t = o * np.tanh(c_t).",
    solution=source_of(my_lstm_step),
    reference_solution=my_lstm_step,
    wrong_answer=_forgot_tanh_of_cell,
)

_F_HALF = 0.5 ** (1 / 100)                                     # f^100 = 0.5
_BIAS = float(np.log(_F_HALF / (1 - _F_HALF)))                 # σ(b_f) = f, inverted

forget_bias_exercise = value_exercise(
    "forget bias for f^100 = 0.5",
    expected=_BIAS, rtol=1e-2,
    question="Suppose the weights into the forget gate are zero, so $f_t = \\sigma(b_f)$ at every step. "
             "Which bias $b_f$ keeps half of the cell-path gradient after 100 steps, $f^{100} = 0.5$?",
    hint="First solve f^100 = 0.5 for f. Then invert the sigmoid: if f = σ(b) then b = ln(f / (1 - f)).",
    solution=f"f = 0.5 ** (1/100) = {_F_HALF:.5f}, b_f = ln(f / (1 - f)) = {_BIAS:.2f}. Keras' default "
             f"b_f = 1 gives f = σ(1) = {float(sigmoid(1.0)):.3f} and "
             f"{float(sigmoid(1.0)):.3f} ** 100 ≈ {float(sigmoid(1.0)) ** 100:.2g}: training must raise "
             "the forget bias of the units that remember.",
    reference_solution=4.97,
    wrong_answer=round(_F_HALF, 4),                            # f itself, the sigmoid not inverted
)


# --- read a saturation plot: which units remember? -----------------------------------------------

# Per unit, the forget gate's values over the B·T = 200 steps: (count, low, high) draws from U(low, high).
_FORGET_DESIGN = [
    [(200, 0.30, 0.80)],                       # 0: in between (its input gate is the open one)
    [(200, 0.93, 0.999)],                      # 1: open at every step
    [(190, 0.001, 0.09), (10, 0.1, 0.5)],      # 2: shut: forgets at almost every step
    [(160, 0.95, 0.999), (40, 0.80, 0.88)],    # 3: open on 80 % of steps, mean f still above 0.9
    [(188, 0.92, 0.999), (12, 0.50, 0.85)],    # 4: open on 94 %
    [(200, 0.35, 0.85)],                       # 5: in between
    [(194, 0.91, 0.999), (6, 0.60, 0.89)],     # 6: open on 97 %
    [(184, 0.001, 0.09), (16, 0.1, 0.6)],      # 7: shut on 92 %
]
_MIN_OPEN = 0.9                                # memory unit: f > 0.9 on at least 90 % of steps


def _saturation_record(B=4, T=50, seed=3) -> GateRecord:
    """A deterministic LSTM GateRecord (B, T, 8) with the forget gates of ``_FORGET_DESIGN``."""
    rng = np.random.default_rng(seed)

    def gate(design):                                       # (B, T): the draws, shuffled over steps
        return rng.permutation(np.concatenate([rng.uniform(lo, hi, n) for n, lo, hi in design])).reshape(B, T)

    f = np.stack([gate(d) for d in _FORGET_DESIGN], axis=-1)                               # (B, T, H)
    i = np.stack([gate([(190, 0.92, 0.999), (10, 0.2, 0.8)] if u == 0 else [(B * T, 0.02, 0.6)])
                  for u in range(f.shape[-1])], axis=-1)                                     # (B, T, H)
    o, g = rng.uniform(0.2, 0.9, f.shape), np.tanh(rng.normal(size=f.shape))                # (B, T, H)
    c = np.zeros_like(f)
    for t in range(T):                                      # c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
        c[:, t] = f[:, t] * (c[:, t - 1] if t else 0.0) + i[:, t] * g[:, t]
    return GateRecord("lstm", x=rng.normal(size=(B, T, 2)), h=o * np.tanh(c), g=g, i=i, f=f, o=o, c=c)


_RECORD = _saturation_record()
_SAT = gate_saturation(_RECORD)                                         # {gate: (left (H,), right (H,))}
_MEMORY = [int(u) for u in np.flatnonzero(_SAT["f"][1] >= _MIN_OPEN)]  # the units that remember


def _why_not_memory(u) -> str:
    shut, open_, mean = _SAT["f"][0][u], _SAT["f"][1][u], _RECORD.f[..., u].mean()
    if shut >= 0.5:
        return f"unit {u}'s forget gate is below 0.1 on {shut:.0%} of steps: it forgets, it does not keep"
    why = (f"unit {u}'s forget gate is above 0.9 on only {open_:.0%} of steps" if open_ > 0 else
           f"unit {u}'s forget gate is never above 0.9")
    if mean > _MIN_OPEN:
        why += " (its mean is above 0.9, but the test counts steps)"
    if _SAT["i"][1][u] >= 0.5:
        why += "; the gate that is open is its input gate"
    return why


def _check_units(answer):
    H = _RECORD.f.shape[-1]
    try:
        got = np.asarray(answer, dtype=float).ravel()
    except (TypeError, ValueError):
        got = None
    if got is None or isinstance(answer, str) or not np.all(np.isfinite(got)) or np.any(got != np.round(got)):
        return False, f"expected a list of unit indices (integers 0 to {H - 1}), got {answer!r:.60}"
    if np.any((got < 0) | (got >= H)):
        return False, f"unit indices run from 0 to {H - 1}, got {[int(u) for u in got if not 0 <= u < H]}"
    got = sorted({int(u) for u in got})
    extra, missing = [u for u in got if u not in _MEMORY], [u for u in _MEMORY if u not in got]
    if not extra and not missing:
        return True, "correct! Their forget gates are the points at the top of the plot."
    words = [_why_not_memory(u) for u in extra]
    if missing:
        are = "s are" if len(missing) > 1 else " is"
        words.append(f"{len(missing)} memory unit{are} missing from your list")
    return False, "not yet: " + "; ".join(words) + "."


memory_units_exercise = Exercise(
    "read a saturation plot: which units remember?",
    _check_units,
    hint_text="In the saturation plot, x is the fraction of steps a gate is below 0.1 and y the fraction "
              "above 0.9; each unit has one point per gate. Only the forget gate's points count, and a "
              "memory unit's point sits high: sat[\"f\"] holds their (x, y) coordinates, one entry per unit.",
    solution_text=f"sat = gate_saturation(record); np.flatnonzero(sat[\"f\"][1] >= 0.9) gives {_MEMORY}: "
                  "forget gates open on "
                  + ", ".join(f"{_SAT['f'][1][u]:.0%}" for u in _MEMORY) + " of the steps. Not memory: "
                  + "; ".join(_why_not_memory(u) for u in range(_RECORD.f.shape[-1]) if u not in _MEMORY)
                  + ".",
    question="An LSTM with 8 units read 4 sequences of 50 steps; its gates are in this exercise's `data`, a "
             "`GateRecord` as `record_gates` returns it. Draw its saturation plot, "
             "`plot_gate_saturation(gate_saturation(data))`, and read it, with the numbers behind it "
             "(`gate_saturation(data)[\"f\"]`) to put unit indices on the points. Which units are memory "
             "units, with a forget gate above 0.9 on at least 90 % of the steps? Answer with the sorted "
             "list of their indices.",
    reference_solution=_MEMORY,
    wrong_answer=[u for u in range(8) if max(_SAT["f"][0][u], _SAT["f"][1][u]) >= _MIN_OPEN],  # shut ones too
    data=_saturation_record(),                                 # the student's copy of _RECORD
)
