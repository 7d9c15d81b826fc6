"""Exercises on speech recognition: reading a CTC path, the digit error rate, and counting frames.

Expected values come from the package's own functions (``ctc.ctc_collapse``, ``ctc.digit_error_rate``,
``audio.log_mel``), so the exercises and the notebook agree.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.audio import HOP, RATE, WINDOW, log_mel
from rnn_helpers.ctc import ctc_collapse, decode_ids, digit_error_rate
from rnn_helpers.exercises.core import value_exercise

# --- reading a CTC path ----------------------------------------------------------------------------

PATH = "_3_33__11_1"                                  # "_" the blank, one symbol per output frame
_IDS = ctc_collapse(np.array([0 if s == "_" else int(s) + 1 for s in PATH]))
_DIGITS = tuple(int(d) for d in decode_ids(_IDS))

ctc_path_exercise = value_exercise(
    "reading a CTC path",
    expected=_DIGITS, rtol=0,
    question=f"A CTC model's most probable label at each of {len(PATH)} output frames is {PATH!r} "
             "('_' is the blank). What digit string does greedy decoding read? Answer with a tuple of "
             "digits, e.g. (3, 1, 4).",
    hint="First merge runs of the same symbol into one, then delete the blanks. A blank between two "
         "equal digits keeps them apart.",
    solution=f"Merging runs gives _ 3 _ 3 _ 1 _ 1; dropping the blanks leaves {_DIGITS}. Without the "
             "blanks CTC could not write a repeated digit: '33' needs a blank between its two 3s.",
    reference_solution=(3, 3, 1, 1),
    wrong_answer=(3, 1),                                  # every repeat merged, blanks or not
)

# --- the digit error rate --------------------------------------------------------------------------

HYPOTHESES, REFERENCES = ["314", "1592"], ["3141", "1562"]
_DER = digit_error_rate(HYPOTHESES, REFERENCES)

der_exercise = value_exercise(
    "the digit error rate",
    expected=_DER, rtol=1e-9,
    question=f"A recogniser transcribes two clips as {HYPOTHESES}; the truth is {REFERENCES}. What is "
             "its digit error rate: the fewest insertions, deletions and substitutions that turn each "
             "transcription into the truth, summed, over the number of true digits? Answer with a number.",
    hint="Align each pair: '314' against '3141' misses one digit; '1592' against '1562' has one digit "
         "wrong. Count the true digits of both clips.",
    solution=f"One deletion plus one substitution: 2 edits over 4 + 4 = 8 true digits, {_DER}. Neither "
             "string is right, so the string accuracy is 0: the error rate gives credit for the digits "
             "that are.",
    reference_solution=2 / 8,
    wrong_answer=2 / 7,                                   # divided by the transcribed digits
)

# --- frames of a clip ------------------------------------------------------------------------------

SECONDS = 1.5
_FRAMES = log_mel(np.zeros(int(SECONDS * RATE), np.float32)).shape[0]

frame_count_exercise = value_exercise(
    "frames of a clip",
    expected=_FRAMES, rtol=0,
    question=f"The course's log-mel features take a window of {WINDOW} samples every {HOP} samples "
             f"({1000 * WINDOW // RATE} ms every {1000 * HOP // RATE} ms at {RATE} Hz), and only whole "
             f"windows. How many frames does a {SECONDS} s clip give? Answer with a number.",
    hint=f"{SECONDS} s at {RATE} Hz is {int(SECONDS * RATE)} samples. The first window starts at sample "
         f"0; count how many more starts, {HOP} apart, leave room for a whole window.",
    solution=f"1 + ({int(SECONDS * RATE)} - {WINDOW}) // {HOP} = {_FRAMES} frames. The model's two "
             "stride-2 convolutions then give about a quarter as many outputs, one every 80 ms.",
    reference_solution=1 + (int(SECONDS * RATE) - WINDOW) // HOP,
    wrong_answer=int(SECONDS * RATE) // HOP,               # the window's length forgotten
)
