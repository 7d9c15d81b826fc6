"""The order-blind baselines of the sentiment notebook: the majority class, and a bag of words.

    counts = bag_of_words(ids, vocab_size)              # (N, V): how often each id occurs, order lost
    clf = fit_bag_of_words(ids_train, y_train, vocab_size)   # logistic regression on the counts
    p = bag_of_words_proba(clf, ids_test)               # (N,) P(positive)
    majority_accuracy(y_train, y_test)                  # always say the training set's majority label

numpy and scikit-learn only. Padding (id 0) is not counted; the OOV id 1 is a word like any other.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import check_number, check_positive_int
from rnn_helpers.datasets.tokens import _check_labels


def _check_ids(name, ids, vocab_size=None) -> np.ndarray:
    """(N, T) non-negative integer ids (below vocab_size if given), not empty; else an error naming it."""
    try:
        arr = np.asarray(ids)
    except Exception as exc:  # ragged lists
        raise TypeError(f"{name}: expected an (N, T) array of integer ids, got {type(ids).__name__}") from exc
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(f"{name}: expected integer ids, got dtype {arr.dtype}")
    if arr.ndim != 2 or arr.size == 0:
        raise ValueError(f"{name}: expected a non-empty (N, T) array of ids, got shape {arr.shape}")
    top = "" if vocab_size is None else f", {vocab_size - 1}"
    if arr.min() < 0 or (vocab_size is not None and arr.max() >= vocab_size):
        raise ValueError(f"{name}: expected ids in [0{top}], got ids from {arr.min()} to {arr.max()}")
    return arr


def bag_of_words(ids, vocab_size) -> np.ndarray:
    """(N, T) ids -> (N, V) float64 counts: counts[n, k] = how often id k occurs in sentence n (k >= 1).

    Column 0 (padding) stays 0. Any order of a sentence's words gives the same row.
    """
    V = check_positive_int("vocab_size", vocab_size)
    ids = _check_ids("ids", ids, V)
    counts = np.zeros((len(ids), V))
    rows = np.repeat(np.arange(len(ids)), ids.shape[1])
    np.add.at(counts, (rows, ids.ravel()), 1.0)                 # one count per (sentence, id)
    counts[:, 0] = 0.0                                          # padding is no word
    return counts


def fit_bag_of_words(ids, labels, vocab_size, *, C=1.0):
    """A scikit-learn LogisticRegression (L2, strength 1/C, lbfgs) fitted on the counts of ``ids``."""
    from sklearn.linear_model import LogisticRegression

    counts = bag_of_words(ids, vocab_size)
    y = _check_labels("labels", labels, len(counts))
    if len(np.unique(y)) < 2:
        raise ValueError("labels: expected both labels 0 and 1 among the training labels, got one only")
    C = check_number("C", C, low=1e-6, high=1e6)
    return LogisticRegression(C=C, max_iter=2000).fit(counts, y)


def bag_of_words_proba(classifier, ids) -> np.ndarray:
    """(N,) P(positive) of a ``fit_bag_of_words`` classifier for the sentences ``ids`` (N, T)."""
    from sklearn.linear_model import LogisticRegression

    if not isinstance(classifier, LogisticRegression) or not hasattr(classifier, "coef_"):
        raise TypeError(f"classifier: expected a fitted LogisticRegression from fit_bag_of_words, "
                        f"got {type(classifier).__name__}")
    V = classifier.coef_.shape[1]
    return classifier.predict_proba(bag_of_words(ids, V))[:, 1]


def majority_accuracy(train_labels, test_labels) -> float:
    """The accuracy on ``test_labels`` of always answering the most frequent label of ``train_labels``
    (a tie goes to 1)."""
    y_train = _check_labels("train_labels", train_labels)
    y_test = _check_labels("test_labels", test_labels)
    majority = int(y_train.mean() >= 0.5)
    return float(np.mean(y_test == majority))
