"""Exercises on the hidden state: one step of the recurrence, how long a pulse lasts, and a
prediction of how the order of the inputs changes the final state.

Checked against the course's own functions: ``reference.rnn_step`` on hidden cases,
``memory.impulse_response`` for the memory span and ``reference.forward`` for the final states.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.exercises.core import Exercise, _compare, function_exercise, source_of, value_exercise
from rnn_helpers.memory import impulse_response, recurrent_matrix
from rnn_helpers.reference import forward, rnn_step


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
    return int(np.argmax(r < 0.01 * r[0]))                   # first k with r_k < 1 % of r_0


memory_span_exercise = value_exercise(
    "steps until 1 % at ρ = 0.9",
    expected=_steps_to_one_percent(0.9), rtol=0,
    question="For a linear RNN with $W_{hh} = 0.9\\,Q$ ($Q$ orthogonal) and a pulse at $t = 1$, how many "
             "steps $k$ after the pulse does its influence $r_k = \\lVert\\Delta h_{1+k}\\rVert$ first "
             "fall below 1 % of its start, $r_k < 0.01\\, r_0$? Answer with an integer (you may compute it).",
    hint="For a linear net the influence is exactly ρ^k times its start. Solve 0.9^k < 0.01 for the "
         "smallest integer k (take logarithms).",
    solution=f"k > ln(0.01) / ln(0.9) = {np.log(0.01) / np.log(0.9):.1f}, so k = "
             f"{_steps_to_one_percent(0.9)}: int(np.ceil(np.log(0.01) / np.log(0.9))). "
             f"(0.9^{_steps_to_one_percent(0.9) - 1} = {0.9 ** (_steps_to_one_percent(0.9) - 1):.4f} is "
             "still above 0.01.)",
    reference_solution=int(np.ceil(np.log(0.01) / np.log(0.9))),
    wrong_answer=int(np.floor(np.log(0.01) / np.log(0.9))),   # rounded down: still above 1 %
)


# --- predict, then run: the same inputs in the other order ---------------------------------------

_W = 0.5                                                        # h_t = 0.5 h_{t-1} + x_t, one unit
_INPUTS = np.array([[1.0, 0.0, 0.0, 2.0], [2.0, 0.0, 0.0, 1.0]])    # (B, T): a sequence and its reverse
_ONE_UNIT = {"W_hx": np.array([[1.0]]), "W_hh": np.array([[_W]]), "b_h": np.array([0.0])}
_FINAL = forward("simple_rnn", _INPUTS[..., None], _ONE_UNIT, activation="linear")[1][0][:, 0]   # (2,) h_4


def _check_final_states(answer):
    ok, message = _compare(answer, _FINAL, 1e-9, 1e-12, "your pair of final states")
    if ok or not message.startswith("not yet"):                 # right, or not a pair of finite numbers
        return ok, message
    got = np.asarray(answer, dtype=np.float64)
    if np.allclose(got, _INPUTS.sum(axis=1)):
        return False, ("both of your numbers are the plain sum of the inputs, which is all a model that "
                       "ignores order (the bag model) could hold. The state is multiplied by 0.5 at every "
                       "step before the new input is added, so inputs that came early have shrunk more.")
    if np.allclose(got, _W * _FINAL):
        return False, ("it looks as if every input was multiplied by 0.5 once too often: count again how "
                       "many steps come after each input, and whether the last input is multiplied at all.")
    if np.isclose(got[0], got[1]):
        return False, "your two final states are equal, but the same inputs in another order leave another."
    right = np.isclose(got, _FINAL, rtol=1e-9, atol=1e-12)
    if right.any():
        return False, f"not yet: your {'first' if right[0] else 'second'} number is right, the other is not."
    return False, message


reverse_order_exercise = Exercise(
    "predict, then run: the same inputs in reverse order",
    _check_final_states,
    hint_text="Unroll the recurrence on paper, one line per step: h_1 = 0.5 · 0 + x_1, then "
              "h_2 = 0.5 h_1 + x_2, and so on up to h_4, once for each sequence.",
    solution_text=(f"h_4 = 0.5³ x_1 + 0.5² x_2 + 0.5 x_3 + x_4. For (1, 0, 0, 2): 0.125 + 2 = {_FINAL[0]:g}; "
                   f"for (2, 0, 0, 1): 0.25 + 1 = {_FINAL[1]:g}. The same inputs, in another order, leave "
                   "another state: the state weighs each input by how long ago it came, which is what the "
                   "bag model cannot do. `forward` gives the same numbers."),
    question="Predict, then run. A linear RNN with one unit, $h_t = 0.5\\, h_{t-1} + x_t$ with "
             "$h_0 = 0$, reads the four inputs $(x_1, \\dots, x_4) = (1, 0, 0, 2)$, and then the same inputs "
             "in reverse order, $(2, 0, 0, 1)$. Before you run anything, predict the final state $h_4$ of "
             "each and answer with the pair `(h_4 for (1, 0, 0, 2), h_4 for (2, 0, 0, 1))`. Then run "
             "`forward(\"simple_rnn\", x, params, activation=\"linear\")` with `x` of shape (2, 4, 1) and "
             "`params = {\"W_hx\": [[1.0]], \"W_hh\": [[0.5]], \"b_h\": [0.0]}` to see if you were right.",
    reference_solution=(2.125, 1.25),
    wrong_answer=(3.0, 3.0),                                   # order ignored: the bag's sum
)
