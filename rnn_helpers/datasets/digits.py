"""Real digits read row by row: scikit-learn's bundled 8x8 images as 8-step sequences.

    data = digit_sequence_splits(seed=0)                               # 8 steps of 8 pixels each

scikit-learn's ``load_digits`` ships with the package (1797 images of 8x8 pixels, 0-16, ten
classes), so nothing is downloaded. No TensorFlow here.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import check_seed
from rnn_helpers.datasets.splits import SequenceSplits, split_stratified


def load_digit_sequences():
    """All 1797 digits as sequences: x (1797, 8, 8) float32 in [0, 1] (row t = time step t), y (1797,)."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    x = (digits.images / 16.0).astype(np.float32)                 # (N, 8, 8): pixels 0-16 -> [0, 1]
    return x, digits.target.astype(np.int64)


def digit_sequence_splits(*, seed=0) -> SequenceSplits:
    """The digits as 8-step sequences, split 60 / 20 / 20 (train / validation / test), stratified."""
    seed = check_seed(seed)                                        # before loading the data
    return split_stratified(*load_digit_sequences(), seed=seed)
