"""Exercises on the LSTM: one step by hand, the cell path's product of forget gates, the forget bias.

Checked against ``reference.lstm_step`` and ``gates.constant_gate_cell`` (the gate explorer's cell).
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.activations import sigmoid
from rnn_helpers.exercises.core import function_exercise, source_of, value_exercise
from rnn_helpers.gates import constant_gate_cell, pulse_input
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

_F, _LAG = 0.95, 20
_SURVIVES = float(constant_gate_cell(_F, 1.0, 1.0, pulse_input())[2][_LAG])   # ∂c_T/∂c_{T-20} = f^20

forget_product_exercise = value_exercise(
    "∏ f over 20 steps at f = 0.95",
    expected=_SURVIVES, rtol=2e-3,
    question="A forget gate holds the constant value $f = 0.95$ for 20 steps. What fraction of the "
             "cell-path gradient survives, $\\partial c_T / \\partial c_{T-20}$? (A number, 3 "
             "significant digits are enough.)",
    hint="Along the cell path each step multiplies by f_t. Twenty steps of the same f.",
    solution=f"0.95 ** 20 = {_SURVIVES:.3f}: about a third survives 20 steps; over 100 steps only "
             f"0.95 ** 100 = {_F ** 100:.2g}.",
    reference_solution=0.358,
    wrong_answer=1 - _LAG * (1 - _F),                          # 5 % lost per step, subtracted: 0
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
