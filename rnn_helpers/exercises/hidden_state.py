"""Exercises on the hidden state: one step of the recurrence, and how long a pulse lasts.

Checked against the course's own functions: ``reference.rnn_step`` on hidden cases, and
``memory.impulse_response`` for the memory span.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.exercises.core import function_exercise, source_of, value_exercise
from rnn_helpers.memory import impulse_response, recurrent_matrix
from rnn_helpers.reference import rnn_step


def _reference_step(x_t, h_prev, W_hx, W_hh, b_h):
    params = {"W_hx": W_hx, "W_hh": W_hh, "b_h": b_h}
    return rnn_step(x_t, (h_prev,), params, activation="tanh")[0]     # h_t (B, H)


def my_rnn_step(x_t, h_prev, W_hx, W_hh, b_h):
    return np.tanh(x_t @ W_hx.T + h_prev @ W_hh.T + b_h)   # (B, H)


def _forgot_transposes(x_t, h_prev, W_hx, W_hh, b_h):      # maths order copied into batch-first code
    return np.tanh(x_t @ W_hx + h_prev @ W_hh + b_h)


def _step_cases(seed=42):
    rng = np.random.default_rng(seed)
    return [tuple(rng.normal(size=shape) for shape in [(b, d), (b, h), (h, d), (h, h), (h,)])
            for b, d, h in [(1, 1, 1), (2, 3, 4), (5, 2, 7)]]


rnn_step_exercise = function_exercise(
    "write rnn_step", _reference_step, _step_cases(),
    question="Write `my_rnn_step(x_t, h_prev, W_hx, W_hh, b_h)` returning "
             "$h_t = \\tanh(W_{hx} x_t + W_{hh} h_{t-1} + b_h)$ for a batch: `x_t` (B, D), `h_prev` "
             "(B, H), `W_hx` (H, D), `W_hh` (H, H), `b_h` (H,), result (B, H). The checker runs it on "
             "hidden cases of several shapes and compares with `reference.rnn_step`. Replace the "
             "`raise` line with your code.",
    hint="Batch first: W_hx x_t becomes x_t @ W_hx.T, which is (B, H). b_h (H,) broadcasts over the batch.",
    solution=source_of(my_rnn_step),
    reference_solution=my_rnn_step,
    wrong_answer=_forgot_transposes,
)


def _steps_to_one_percent(radius, steps=200):
    r = impulse_response(recurrent_matrix(32, radius, seed=0), activation="linear", steps=steps)
    return int(np.argmax(r < 0.01 * r[0]))                   # first t with ‖Δh_t‖ < 1 % of ‖Δh_0‖


memory_span_exercise = value_exercise(
    "steps until 1 % at ρ = 0.9",
    expected=_steps_to_one_percent(0.9), rtol=0,
    question="For a linear RNN with $W_{hh} = 0.9\\,Q$ ($Q$ orthogonal), after how many steps $t$ does "
             "the influence of a pulse first fall below 1 % of its start, "
             "$\\lVert\\Delta h_t\\rVert < 0.01 \\lVert\\Delta h_0\\rVert$? Answer with an integer "
             "(you may compute it).",
    hint="For a linear net the influence is exactly ρ^t times its start. Solve 0.9^t < 0.01 for the "
         "smallest integer t (take logarithms).",
    solution=f"t > ln(0.01) / ln(0.9) = {np.log(0.01) / np.log(0.9):.1f}, so t = "
             f"{_steps_to_one_percent(0.9)}: int(np.ceil(np.log(0.01) / np.log(0.9))). "
             f"(0.9^{_steps_to_one_percent(0.9) - 1} = {0.9 ** (_steps_to_one_percent(0.9) - 1):.4f} is "
             "still above 0.01.)",
    reference_solution=int(np.ceil(np.log(0.01) / np.log(0.9))),
    wrong_answer=int(np.floor(np.log(0.01) / np.log(0.9))),   # rounded down: still above 1 %
)
