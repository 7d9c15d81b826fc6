"""CTC in numpy: digit labels, the collapse of a frame path, greedy decoding and the digit error rate.

    ids = encode_digits("314")                    # [4, 2, 5]: digit d is id d + 1, 0 is the blank
    ctc_collapse([0, 4, 4, 0, 2, 0, 0, 5, 5])     # [4, 2, 5]: merge repeats, then drop blanks
    greedy_ctc_decode(probs)                      # (B, T, 11) per-frame probabilities -> ["314", ...]
    edit_distance("314", "3144")                  # 1: insertions, deletions and substitutions
    digit_error_rate(["314"], ["324"])            # 1/3: edits over the number of reference digits

A CTC model outputs, at every frame, a distribution over the labels and a **blank** ("no new label
here"). A path of one label per frame reads as the string obtained by merging repeated labels and
then removing blanks; a repeated digit needs a blank between its two copies ("33" is 4, 0, 4).
Greedy decoding takes the most probable label at each frame and collapses that path. numpy only.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_numbers

BLANK = 0
N_LABELS = 11                      # the blank and the ten digits


def _check_digit_string(name, digits) -> str:
    if not isinstance(digits, str):
        raise TypeError(f"{name}: expected a string of digits like '314', got {type(digits).__name__}")
    if not digits.isascii() or (digits and not digits.isdigit()):
        raise ValueError(f"{name}: expected only the digits 0-9, got {digits!r}")
    return digits


def _check_ids(name, ids, low, what) -> np.ndarray:
    """``ids`` as a 1-D int64 array of label ids in [low, N_LABELS - 1]; an empty list is no ids."""
    a = as_numbers(name, ids, ndim=1)
    if a.size == 0:
        return a.astype(np.int64)
    if not np.issubdtype(a.dtype, np.integer):
        raise TypeError(f"{name}: expected integer label ids in [{low}, {N_LABELS - 1}] {what}, "
                        f"got dtype {a.dtype}")
    if a.min() < low or a.max() >= N_LABELS:
        raise ValueError(f"{name}: expected integer label ids in [{low}, {N_LABELS - 1}] {what}, "
                         f"got {a!r:.60}")
    return a.astype(np.int64)


def encode_digits(digits) -> np.ndarray:
    """"314" -> int64 ids [4, 2, 5] (digit d is id d + 1; 0 is the blank)."""
    digits = _check_digit_string("digits", digits)
    if not digits:
        raise ValueError("digits: expected at least one digit, got ''")
    return np.array([int(d) + 1 for d in digits], dtype=np.int64)


def decode_ids(ids) -> str:
    """Label ids (no blanks) -> the digit string: [4, 2, 5] -> "314"."""
    a = _check_ids("ids", ids, 1, "(no blank)")
    return "".join(str(int(i) - 1) for i in a)


def ctc_collapse(path) -> np.ndarray:
    """A path of one label id per frame (T,) -> the label ids it reads as: repeats merged, blanks dropped."""
    p = _check_ids("path", path, 0, "(0 is the blank)")
    if p.size == 0:
        return p
    keep = np.concatenate([[True], p[1:] != p[:-1]]) & (p != BLANK)
    return p[keep].astype(np.int64)


def greedy_ctc_decode(probs) -> list[str]:
    """Per-frame distributions (B, T, 11) (probabilities or logits: only the argmax is used) -> one
    digit string per row: the most probable label at each frame, collapsed."""
    p = as_numbers("probs", probs, ndim=3)
    if p.shape[-1] != N_LABELS or p.shape[1] == 0:
        raise ValueError(f"probs: expected shape (B, T, {N_LABELS}) with T >= 1 (blank + 10 digits), "
                         f"got {p.shape}")
    return [decode_ids(ctc_collapse(row.argmax(axis=-1))) for row in p]


def edit_distance(hypothesis, reference) -> int:
    """Levenshtein distance between two strings: the fewest insertions, deletions and substitutions."""
    for name, s in (("hypothesis", hypothesis), ("reference", reference)):
        if not isinstance(s, str):
            raise TypeError(f"{name}: expected a string, got {type(s).__name__}")
    d = np.arange(len(reference) + 1)
    for i, a in enumerate(hypothesis, start=1):
        previous, d[0] = d[0], i
        for j, b in enumerate(reference, start=1):
            previous, d[j] = d[j], min(d[j] + 1, d[j - 1] + 1, previous + (a != b))
    return int(d[-1])


def digit_error_rate(hypotheses, references) -> float:
    """Total edit distance over the total number of reference digits (can exceed 1 with insertions)."""
    for name, xs in (("hypotheses", hypotheses), ("references", references)):
        if not isinstance(xs, (list, tuple)) or not xs:
            raise TypeError(f"{name}: expected a non-empty list of digit strings, got {type(xs).__name__}")
    if len(hypotheses) != len(references):
        raise ValueError(f"hypotheses: expected one per reference ({len(references)}), got {len(hypotheses)}")
    refs = [_check_digit_string("references", r) for r in references]
    if not sum(map(len, refs)):
        raise ValueError("references: expected at least one digit in all")
    hyps = [_check_digit_string("hypotheses", h) for h in hypotheses]
    return sum(edit_distance(h, r) for h, r in zip(hyps, refs)) / sum(map(len, refs))
