"""The order-blind baselines: counts, the majority class, a logistic regression that learns."""

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from rnn_helpers.bag_of_words import bag_of_words, bag_of_words_proba, fit_bag_of_words, majority_accuracy


def test_counts_ignore_order_and_padding():
    ids = np.array([[2, 3, 2, 0], [3, 2, 2, 0], [1, 1, 0, 0]])
    counts = bag_of_words(ids, 5)
    assert_array_equal(counts, [[0, 0, 2, 1, 0], [0, 0, 2, 1, 0], [0, 2, 0, 0, 0]])


def test_majority_accuracy():
    assert majority_accuracy([1, 1, 0], [0, 0, 1, 1]) == 0.5
    assert majority_accuracy([0, 0, 1], [0, 0, 0, 1]) == 0.75
    with pytest.raises(ValueError, match="test_labels"):
        majority_accuracy([0, 1], [0, 2])


def test_logistic_regression_learns_the_words_and_not_the_order():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 200)
    ids = rng.integers(4, 10, (200, 6))
    ids[:, 0] = np.where(y == 1, 2, 3)                                 # word 2 positive, word 3 negative
    clf = fit_bag_of_words(ids[:150], y[:150], 10)
    p = bag_of_words_proba(clf, ids[150:])
    assert np.mean((p > 0.5) == y[150:]) > 0.95 > majority_accuracy(y[:150], y[150:])
    assert_array_equal(bag_of_words_proba(clf, ids[150:, ::-1]), p)   # reversed: the same scores, exactly
