"""Exercises on Keras' recurrent layers: output shapes with return_sequences, a bidirectional stack.

Expected shapes come from running the numpy reference (``reference.forward``) on the same batch;
tests/test_exercise_bank.py checks them against the Keras layers.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.exercises.core import value_exercise
from rnn_helpers.exercises.parameters import parameter_count
from rnn_helpers.reference import forward, init_params

B, T, D = 5, 8, 8                                              # a batch of 5 digits, 8 rows of 8 pixels


def _sequence_shape(kind, units):
    hs, _, _ = forward(kind, np.zeros((B, T, D)), init_params(kind, D, units))
    return hs.shape                                            # (B, T, H): every step's output


return_sequences_shape_exercise = value_exercise(
    "output shape of LSTM(16, return_sequences=True) on (5, 8, 8)",
    expected=_sequence_shape("lstm", 16), rtol=0,
    question="A batch of 5 digits, shape (5, 8, 8), goes through `layers.LSTM(16, return_sequences=True)`. "
             "What is the shape of the output? Answer with a tuple.",
    hint="return_sequences=True keeps the time axis: one output vector per step and per example.",
    solution=f"(B, T, H) = {_sequence_shape('lstm', 16)}. Without return_sequences it would be "
             "(B, H) = (5, 16).",
    reference_solution=(5, 8, 16),
    wrong_answer=(5, 16),                                      # the last step only
)

_GRU = _sequence_shape("gru", 32)
_BIDI = (*_GRU[:2], 2 * _GRU[2], 2 * parameter_count("gru", D, 32))   # both directions, concatenated

bidirectional_exercise = value_exercise(
    "Bidirectional(GRU(32, return_sequences=True)) on (5, 8, 8): shape and parameters",
    expected=_BIDI, rtol=0,
    question="`layers.Bidirectional(layers.GRU(32, return_sequences=True))` reads the same (5, 8, 8) "
             "batch. What is its output shape, and how many parameters does it have? Answer with the "
             "tuple `(batch, steps, features, parameters)`.",
    hint="Bidirectional runs two copies of the GRU, one per direction, and concatenates their outputs "
         "along the last axis. Each copy has the parameters of one GRU(32) on 8 features.",
    solution=f"Shape (B, T, 2H) = {_BIDI[:3]}; parameters 2 * 3H(D + H + 2) = 2 * "
             f"{parameter_count('gru', D, 32)} = {_BIDI[3]}.",
    reference_solution=(5, 8, 64, 2 * 3 * 32 * (8 + 32 + 2)),
    wrong_answer=(5, 8, 32, 3 * 32 * (8 + 32 + 2)),            # one direction only
)
