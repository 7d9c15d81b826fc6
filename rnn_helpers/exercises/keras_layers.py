"""Exercises on Keras' recurrent layers: output shapes with return_sequences, a bidirectional stack,
the mask that ``Masking`` computes from a padded batch.

Expected shapes come from running the numpy reference (``reference.forward``) on the same batch, the
mask from Masking's rule in numpy; tests/test_exercise_bank.py checks both against the Keras layers.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.exercises.core import Exercise, value_exercise
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


# --- find the bug: a pad value that real steps also take ------------------------------------------

_PADDED = np.array([                                           # (B, T, D) = (3, 5, 2), padded with 0.0
    [[0.5, 1.0], [0.2, 0.0], [0.0, 0.0], [0.7, 0.3], [0.0, 0.0]],
    [[0.0, 0.0], [0.4, 0.9], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]],
    [[0.3, 0.8], [0.6, 0.1], [0.9, 0.0], [0.5, 0.5], [0.0, 0.4]],
])
_LENGTHS = np.array([4, 2, 5])                                 # real steps per sequence
_REAL = np.arange(_PADDED.shape[1]) < _LENGTHS[:, None]        # (B, T): the steps that are data
_KEPT = np.any(_PADDED != 0.0, axis=-1)                        # (B, T): what Masking(mask_value=0.0) keeps
_SKIP_IF_ANY_ZERO = np.all(_PADDED != 0.0, axis=-1)            # skips a step if one feature is 0.0


def _show(mask) -> str:
    return "[" + ",\n ".join(str([bool(v) for v in row]) for row in mask) + "]"


def _check_mask(answer):
    try:
        got = np.asarray(answer)
        ok = got.dtype == bool or (np.issubdtype(got.dtype, np.number) and np.isin(got, (0, 1)).all())
    except (TypeError, ValueError):
        ok = False
    if not ok:
        return False, (f"expected a (B, T) array of True/False (or 1/0), got {type(answer).__name__} "
                       f"{answer!r:.50}")
    if got.shape != _KEPT.shape:
        return False, (f"expected one True/False per sequence and step, shape (B, T) = {_KEPT.shape}, "
                       f"got {got.shape}")
    got = got.astype(bool)
    if np.array_equal(got, _KEPT):
        return True, f"correct! {int((_REAL & ~_KEPT).sum())} real steps are skipped as if they were padding."
    if np.array_equal(got, ~_KEPT):
        return False, "your mask is the other way round: True marks a step that is kept (Keras' convention)."
    if np.array_equal(got, _REAL):
        return False, ("this is the mask the lengths describe, but Masking never sees the lengths: it "
                       "decides from each step's values alone. Look again at the real steps.")
    if np.array_equal(got, _SKIP_IF_ANY_ZERO):
        return False, ("you skip steps in which only some of the features are 0.0. Re-read which steps "
                       "Masking skips.")
    rows = np.flatnonzero((got != _KEPT).any(axis=1))
    return False, (f"not yet: {int((got != _KEPT).sum())} of the {got.size} entries differ "
                   f"(in sequence{'s' if len(rows) > 1 else ''} {', '.join(map(str, rows))}). Try hint().")


mask_value_bug_exercise = Exercise(
    "find the bug: a pad value that is also data",
    _check_mask,
    hint_text="Masking(mask_value=v) skips a step when every feature of that step equals v, whatever the "
              "lengths were. Go through the batch step by step; then compare with the lengths to see "
              "which real steps are lost.",
    solution_text=f"Masking keeps a step unless all its features equal 0.0, np.any(x != 0.0, axis=-1):\n"
                  f"{_show(_KEPT)}\nThe lengths say the real steps are np.arange(T) < lengths[:, None]:\n"
                  f"{_show(_REAL)}\nSo {int((_REAL & ~_KEPT).sum())} real steps are skipped as padding: "
                  "the silent step inside sequence 0 and the silent first step of sequence 1. (Sequence 2's "
                  "steps with one 0.0 feature are kept.) The fix: pad with a value no real step takes, e.g. "
                  "-1 for features in [0, 1] (notebook 04 does this), or pass the mask from the lengths "
                  "yourself, `layer(x, mask=np.arange(T) < lengths[:, None])`.",
    question="Sequences of lengths (4, 2, 5) are padded with 0.0 to T = 5 steps of D = 2 features (one "
             "line per sequence, one pair of features per step) and fed to `layers.Masking(mask_value=0.0)` "
             "and then an LSTM. The padded batch (also in the exercise's `data[\"x\"]`, the lengths in "
             "`data[\"lengths\"]`):\n\n"
             "```\n" + "\n".join(str(seq.tolist()) for seq in _PADDED) + "\n```\n\n"
             "Which steps does Masking let through to the LSTM? Answer with its boolean mask, shape "
             "(B, T) = (3, 5), True where a step is kept. Then compare it with the lengths: is every step "
             "it skips padding, and which pad value would have been safe?",
    reference_solution=_KEPT.tolist(),
    wrong_answer=_REAL.tolist(),
    data={"x": _PADDED.copy(), "lengths": _LENGTHS.copy()},     # the student's copies
)
