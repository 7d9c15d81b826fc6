"""Exercises on music as a sequence: interleaving four voices, the repeat baseline, notes in a key.

Expected values come from the package's own functions (``music.interleave``, ``music.repeat_accuracy``,
``harmony.in_key_fraction``), so the exercises and the notebook agree.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.exercises.core import value_exercise
from rnn_helpers.harmony import in_key_fraction
from rnn_helpers.music import interleave, repeat_accuracy

# --- four voices, one stream ----------------------------------------------------------------------

TWO_STEPS = [[67, 62, 59, 43], [69, 62, 57, 45]]                 # (T, 4): soprano, alto, tenor, bass
_STREAM = interleave(np.array(TWO_STEPS))

interleave_exercise = value_exercise(
    "four voices, one stream",
    expected=_STREAM, rtol=0,
    question=f"Two time steps of a chorale, each row (soprano, alto, tenor, bass) in MIDI numbers: "
             f"{TWO_STEPS}. Write the token stream the model reads, as MIDI numbers in reading order. "
             "Answer with a tuple of eight numbers.",
    hint="The stream goes time step by time step: all four voices of the first step, then all four of "
         "the second.",
    solution=f"Row after row: {tuple(int(v) for v in _STREAM)}. Token t belongs to voice t % 4, and the "
             "same voice's previous note is 4 tokens back.",
    reference_solution=tuple(np.array(TWO_STEPS).reshape(-1)),
    wrong_answer=tuple(np.array(TWO_STEPS).T.reshape(-1)),      # voice after voice: the columns
)

# --- the repeat-the-last-note baseline -------------------------------------------------------------

THREE_STEPS = [[67, 62, 59, 43], [67, 62, 57, 43], [69, 64, 57, 45]]
_TOKENS = interleave(np.array(THREE_STEPS))
_REPEAT = repeat_accuracy(_TOKENS, lag=4)

repeat_exercise = value_exercise(
    "the repeat-the-last-note baseline",
    expected=_REPEAT, rtol=1e-9,
    question=f"Three time steps (soprano, alto, tenor, bass): {THREE_STEPS}. The baseline predicts every "
             "note from the second step on as the same voice's note one step before. What share of "
             "those 8 predictions is right? Answer with a number between 0 and 1.",
    hint="Compare step 2 with step 1 and step 3 with step 2, voice by voice, and count the equal pairs.",
    solution=f"Step 2 against step 1: soprano, alto and bass hold (3 of 4); step 3 against step 2: only "
             f"the tenor holds (1 of 4). 4 of 8: {_REPEAT}. In the chorales the same count gives about "
             "0.58: held notes are most of what a voice does on an eighth-note grid.",
    reference_solution=float(np.mean(np.array(THREE_STEPS)[1:] == np.array(THREE_STEPS)[:-1])),
    wrong_answer=repeat_accuracy(_TOKENS, lag=1),               # the token just before: another voice
)

# --- notes in a key --------------------------------------------------------------------------------

MELODY = [[67, 66, 64, 65], [62, 60, 71, 70]]          # eight notes, read as one (2, 4) array
_IN_KEY = in_key_fraction(np.array(MELODY), "G major")

in_key_exercise = value_exercise(
    "notes in a key",
    expected=_IN_KEY, rtol=1e-9,
    question=f"The scale of G major has the pitch classes G A B C D E F#. Of the eight notes "
             f"{sum(MELODY, [])} (MIDI; 60 is C4, 66 is F#4, 70 is A#4/Bb4), what share is in G major? "
             "Answer with a number between 0 and 1.",
    hint="Take each MIDI number modulo 12 (0 = C, 2 = D, 4 = E, 5 = F, 6 = F#, 7 = G, 9 = A, 10 = A#, "
         "11 = B) and look it up in the scale.",
    solution=f"G, F#, E, D, C and B are in the scale; F (65) and B flat (70) are not: 6 of 8 = {_IN_KEY}. "
             "This is the measure used on the generated chorales, and real ones score below 1 too "
             "(passing notes, modulations).",
    reference_solution=6 / 8,
    wrong_answer=7 / 8,                                          # F natural taken for F#
)
