"""Exercises beyond RNNs: the GRU's weights, the causal mask of attention, and the rounds of a
parallel scan.

Expected values come from the package's own functions and formulas (``attention.causal_mask``,
``scan.scan_rounds``), so the exercises and the notebook agree; the worked solution of the function
exercise is ``causal_mask`` below, shown as it is (``source_of``) and run through the checker by the
tests.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers import attention, scan
from rnn_helpers.exercises.core import function_exercise, source_of, value_exercise

# --- the weights of a GRU -----------------------------------------------------------------------------

FEATURES, UNITS = 8, 70
_GRU_PARAMS = 3 * UNITS * (FEATURES + UNITS + 2)

gru_parameters_exercise = value_exercise(
    "the weights of a GRU",
    expected=_GRU_PARAMS, rtol=0,
    question=f"`keras.layers.GRU({UNITS})` (Keras' default `reset_after=True`) reads {FEATURES} features a "
             "step. How many weights does the layer have? Answer with an integer.",
    hint="Three blocks (z, r and the candidate g), each with an input matrix (D x H), a recurrent matrix "
         "(H x H) and, with reset_after=True, two biases of H each.",
    solution=f"3 x {UNITS} x ({FEATURES} + {UNITS} + 2) = {_GRU_PARAMS}: the kernel (8, 210), the recurrent "
             f"kernel (70, 210) and the bias (2, 210). An LSTM has four blocks and one bias each, "
             f"4H(D + H + 1): with 60 units, {4 * 60 * (FEATURES + 60 + 1)}.",
    reference_solution=3 * UNITS * FEATURES + 3 * UNITS * UNITS + 2 * 3 * UNITS,
    wrong_answer=3 * UNITS * (FEATURES + UNITS + 1),                 # one bias per block
)

# --- the causal mask ------------------------------------------------------------------------------------


def causal_mask(T):
    # query t may read keys 0..t: True on and below the diagonal, so nothing reads the future
    return np.tril(np.ones((T, T), dtype=bool))


def _wrong_causal_mask(T):
    return np.triu(np.ones((T, T), dtype=bool))                      # reads only the future


causal_mask_exercise = function_exercise(
    "the causal mask",
    reference=attention.causal_mask, cases=[(1,), (3,), (6,)], rtol=0, atol=0,
    question="Write `causal_mask(T)`: a boolean array (T, T) whose entry [t, s] is True when query "
             "position t may attend to key position s, that is when s <= t (Keras' convention: True = "
             "may attend).",
    hint="`np.ones((T, T), dtype=bool)` is everything allowed; `np.tril` keeps the diagonal and what is "
         "below it.",
    solution=source_of(causal_mask),
    reference_solution=causal_mask,
    wrong_answer=_wrong_causal_mask,
)

# --- the rounds of a parallel scan ----------------------------------------------------------------------

_T = 400

scan_rounds_exercise = value_exercise(
    "the rounds of a parallel scan",
    expected=scan.scan_rounds(_T), rtol=0,
    question=f"A GRU's loop needs {_T} steps, one after another, for a sequence of {_T} steps. How many "
             "rounds does the Hillis-Steele scan of a linear recurrence need for the same sequence (in "
             "round k every position combines with the position 2^k before it)? Answer with an integer.",
    hint="After round k every position holds the combination of the 2^(k+1) steps ending at it (or all "
         "steps since the start). How many doublings reach 400?",
    solution=f"ceil(log2 {_T}) = {scan.scan_rounds(_T)}: 2^8 = 256 < {_T} <= 512 = 2^9. Each round is one "
             "array operation over all positions at once.",
    reference_solution=int(np.ceil(np.log2(_T))),
    wrong_answer=_T // 2,
)
