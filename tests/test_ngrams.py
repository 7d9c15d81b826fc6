"""Counting baselines: add-k unigram and bigram probabilities, and their bits per character."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from rnn_helpers.ngrams import (
    bigram_bits,
    bigram_probs,
    bits_per_char,
    uniform_bits,
    unigram_bits,
    unigram_probs,
)

TRAIN = [0, 0, 1, 0]          # pairs: (0, 0), (0, 1), (1, 0); characters: 0 three times, 1 once
TEST = [1, 0, 0]              # targets 0 after 1, then 0 after 0


def test_bits_per_char_is_mean_minus_log2():
    assert bits_per_char([0.5, 0.25]) == pytest.approx(1.5)
    assert bits_per_char(np.ones((2, 3))) == 0.0
    with pytest.raises(ValueError, match="probs_of_targets: expected probabilities in"):
        bits_per_char([0.5, 0.0])


def test_uniform_is_log2_V():
    assert uniform_bits(64) == 6.0


def test_unigram_counts_with_add_k():
    assert_allclose(unigram_probs(TRAIN, 2), [4 / 6, 2 / 6])                  # (3 + 1) / (4 + 2)
    assert_allclose(unigram_probs(TRAIN, 3, k=0.5), [3.5 / 5.5, 1.5 / 5.5, 0.5 / 5.5])
    assert unigram_bits(TRAIN, TEST, 2) == pytest.approx(-np.log2(4 / 6))    # both targets are 0


def test_bigram_counts_with_add_k():
    P = bigram_probs(TRAIN, 2)                    # rows: previous character
    assert_allclose(P, [[2 / 4, 2 / 4], [2 / 3, 1 / 3]])                      # (1+1)/(2+2); (1+1)/(1+2)
    assert_allclose(bigram_probs(TRAIN, 2, k=0), [[0.5, 0.5], [1.0, 0.0]])    # maximum likelihood
    assert_allclose(bigram_probs([0, 1], 3, k=0)[2], [1 / 3] * 3)             # never seen first: uniform
    assert_allclose(P.sum(axis=1), 1.0)
    expected = -(np.log2(2 / 3) + np.log2(1 / 2)) / 2                          # P(0|1), P(0|0)
    assert bigram_bits(TRAIN, TEST, 2) == pytest.approx(expected)


def test_bigram_beats_unigram_on_alternating_text():
    train = np.tile([0, 1, 2], 50)
    test = np.tile([0, 1, 2], 5)
    expected = -(10 * np.log2(51 / 53) + 4 * np.log2(50 / 52)) / 14           # 0->1, 1->2: 50 pairs; 2->0: 49
    assert bigram_bits(train, test, 3) == pytest.approx(expected)
    assert unigram_bits(train, test, 3) == pytest.approx(np.log2(3))          # order is invisible to it
