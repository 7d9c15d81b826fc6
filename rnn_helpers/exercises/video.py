"""Exercises on video as a sequence: the ConvLSTM's weights, the copy-the-last-frame baseline, and
what a model that ignores the order of the frames can know.

Expected values come from the package's own functions and formulas (``video.copy_last``), so the
exercises and the notebook agree; the worked solution of the function exercise is ``copy_last`` below,
shown as it is (``source_of``) and run through the checker by the tests.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers import video
from rnn_helpers.exercises.core import function_exercise, source_of, value_exercise

# --- the weights of a ConvLSTM ---------------------------------------------------------------------

FILTERS, KERNEL, CHANNELS = 8, 3, 1
_CONVLSTM_PARAMS = 4 * FILTERS * (KERNEL * KERNEL * CHANNELS + KERNEL * KERNEL * FILTERS + 1)

convlstm_parameters_exercise = value_exercise(
    "the weights of a ConvLSTM",
    expected=_CONVLSTM_PARAMS, rtol=0,
    question=f"`ConvLSTM2D({FILTERS}, {KERNEL}, padding='same')` reads frames of 16 x 16 pixels with "
             f"{CHANNELS} channel. How many weights does it have (kernels and biases of all four gates)? "
             "Answer with an integer.",
    hint="Each of the four gates has an input kernel (k x k x input channels x filters), a recurrent "
         "kernel (k x k x filters x filters) and a bias per filter. The frame size does not appear.",
    solution=f"4 x {FILTERS} x ({KERNEL}·{KERNEL}·{CHANNELS} + {KERNEL}·{KERNEL}·{FILTERS} + 1) = "
             f"{_CONVLSTM_PARAMS}. A dense LSTM with 8 units reading the 256 pixels as a vector would "
             f"have 4 x 8 x (256 + 8 + 1) = {4 * 8 * (256 + 8 + 1)}, and would not know that neighbouring "
             "pixels are neighbours: the convolution shares its weights across the frame.",
    reference_solution=4 * FILTERS * (KERNEL ** 2 * (CHANNELS + FILTERS) + 1),
    wrong_answer=FILTERS * (KERNEL * KERNEL * CHANNELS + KERNEL * KERNEL * FILTERS + 1),   # one gate
)

# --- the copy-the-last-frame forecast --------------------------------------------------------------

_rng = np.random.default_rng(0)
_CASES = [(_rng.random((2, 4, 5, 5)).astype(np.float32), 3),
          (_rng.random((1, 2, 3, 4)).astype(np.float32), 1)]


def copy_last(observed, horizon):
    # the forecast every video model must beat: right wherever nothing moves, wrong twice where
    # something does (the digit is missing where it went and present where it was)
    return np.repeat(observed[:, -1:], horizon, axis=1)            # (N, horizon, H, W)


def _wrong_copy_last(observed, horizon):
    return np.repeat(np.asarray(observed)[:, :1], horizon, axis=1)      # the first frame, not the last


copy_last_exercise = function_exercise(
    "the copy-the-last-frame forecast",
    reference=video.copy_last, cases=_CASES, rtol=0, atol=0,
    question="Write `copy_last(observed, horizon)`: `observed` is an array (N, T, H, W) of clips; return "
             "an array (N, horizon, H, W) in which every one of the `horizon` predicted frames of clip n "
             "is the last observed frame of clip n.",
    hint="`observed[:, -1:]` keeps the time axis (N, 1, H, W); `np.repeat(..., horizon, axis=1)` copies it.",
    solution=source_of(copy_last),
    reference_solution=copy_last,
    wrong_answer=_wrong_copy_last,
)

# --- what averaging the frames can know ----------------------------------------------------------------

order_free_ceiling_exercise = value_exercise(
    "what a model without order can know",
    expected=0.5, rtol=0, atol=1e-9,
    question="A digit moves up, down, left or right (a quarter of the clips each), and a clip played "
             "backwards looks exactly like a clip of the opposite direction, equally likely. A model "
             "sees each clip's frames as a set, with their order lost. What is the best accuracy it "
             "can reach on the four directions? Answer with a number between 0 and 1.",
    hint="From the set of frames the model can still see along which axis the digit moved. Can it tell "
         "'up' from 'down'?",
    solution="0.5. The set of frames of an upward clip is the set of a downward clip played backwards, "
             "and both are equally likely, so the best the model can do is find the axis (always) and "
             "guess the sign (half the time). Chance is 0.25; the ordered model can reach 1.",
    reference_solution=1 / 2,
    wrong_answer=0.25,                                        # chance: the axis is still visible
)
