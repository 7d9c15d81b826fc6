"""A small hand-written contrast set: pairs of sentences whose label flips with word order or negation.

    pairs = load_contrast_set()        # ContrastSet(texts, labels, pair, permutation), 24 sentences
    pairs.texts[pairs.pair == 3]       # the two members of pair 3

Written for this course (no source, no licence needed). In a ``permutation`` pair both sentences
hold exactly the same words, only in another order ("not good, bad" / "not bad, good"): a model
that sees only word counts must give both the same score, so it gets exactly one of the two right.
The other pairs differ by a negation or a word swapped for its opposite. Every word is one the
training split of ``split_sentences(seed=0)`` has at least twice (``tests/datasets/test_contrast.py``).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from rnn_helpers.datasets.tokens import standardize

# (positive sentence, negative sentence)
CONTRAST_PAIRS = (
    ("not bad, good.", "not good, bad."),
    ("I thought it would be bad, but it is great.", "I thought it would be great, but it is bad."),
    ("it was terrible at first but now it is great.", "it was great at first but now it is terrible."),
    ("I do not hate it, I love it.", "I do not love it, I hate it."),
    ("the food was bad but the service was excellent and we will go back.",
     "the food was excellent but the service was bad and we will not go back."),
    ("never bad, always great.", "never great, always bad."),
    ("the first one was bad, this one is great.", "the first one was great, this one is bad."),
    ("the movie was good.", "the movie was not good."),
    ("I would recommend this phone.", "I would not recommend this phone."),
    ("the food was not bad at all.", "the food was bad."),
    ("we will go back.", "we will never go back."),
    ("this is worth the money.", "this is a waste of money."),
)


class ContrastSet(NamedTuple):
    """texts 2P str (positive then negative, pair by pair), labels (2P,) int64, pair (2P,) pair index,
    permutation (2P,) bool: True where the pair's two sentences hold the same words."""

    texts: list
    labels: np.ndarray
    pair: np.ndarray
    permutation: np.ndarray


def load_contrast_set() -> ContrastSet:
    """The CONTRAST_PAIRS as one labelled list of sentences (see the module's docstring)."""
    texts, labels, pair, permutation = [], [], [], []
    for k, (pos, neg) in enumerate(CONTRAST_PAIRS):
        same = sorted(standardize(pos)) == sorted(standardize(neg))          # the same multiset of words
        texts += [pos, neg]
        labels += [1, 0]
        pair += [k, k]
        permutation += [same, same]
    return ContrastSet(texts, np.array(labels, dtype=np.int64), np.array(pair), np.array(permutation))
