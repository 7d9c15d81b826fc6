"""Counting baselines for a character-level language model, in bits per character on held-out text.

    V = vocab.size; train, test = vocab.encode(train_text), vocab.encode(test_text)
    uniform_bits(V)                          # log2 V: every character equally likely
    unigram_bits(train, test, V)             # P(c) from counts: order ignored
    bigram_bits(train, test, V)              # P(c_t | c_{t-1}) from pair counts: one character of context

A model's bits per character is the mean of -log2 P(target) over the held-out targets, the
cross-entropy in base 2 (nats / ln 2). The targets are the next characters test[1:], the same
ones a model scores on ``char_windows`` (the first character has no context to predict it from).
Add-k smoothing (k = 1, Laplace, by default) adds k to every count, so a character or pair never
seen in training gets a small probability instead of zero (which would cost infinitely many bits).
numpy only.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, check_nonempty, check_number, check_positive_int
from rnn_helpers.datasets.chars import _check_ids

DEFAULT_K = 1.0          # add-one (Laplace) smoothing


def bits_per_char(probs_of_targets) -> float:
    """-mean(log2 p) over the probabilities a model gave the targets that came (any shape, in (0, 1])."""
    p = as_array("probs_of_targets", probs_of_targets)
    check_nonempty("probs_of_targets", p)
    if (p <= 0).any() or (p > 1).any():
        bad = p[(p <= 0) | (p > 1)][0]
        raise ValueError(f"probs_of_targets: expected probabilities in (0, 1], got {bad}")
    return float(-np.mean(np.log2(p)))


def uniform_bits(vocab_size) -> float:
    """log2 V: the bits per character of a model that gives each of V characters 1/V."""
    return float(np.log2(check_positive_int("vocab_size", vocab_size)))


def _counts_args(train_ids, vocab_size, k):
    V = check_positive_int("vocab_size", vocab_size)
    ids = _check_ids("train_ids", train_ids, V)
    check_nonempty("train_ids", ids)
    k = check_number("k", k, low=0.0)
    return ids, V, k


def unigram_probs(train_ids, vocab_size, k=DEFAULT_K) -> np.ndarray:
    """(V,) P(c) = (count(c) + k) / (L + k V), counted over every training character."""
    ids, V, k = _counts_args(train_ids, vocab_size, k)
    counts = np.bincount(ids, minlength=V).astype(np.float64)                    # (V,)
    return (counts + k) / (counts.sum() + k * V)


def bigram_probs(train_ids, vocab_size, k=DEFAULT_K) -> np.ndarray:
    """(V, V) P[a, b] = P(b | a) = (count(a b) + k) / (count(a ·) + k V); each row sums to 1.

    count(a ·) is the number of pairs that start with a. With k = 0 a character never followed by
    anything in training has no distribution: its row is uniform.
    """
    ids, V, k = _counts_args(train_ids, vocab_size, k)
    counts = np.zeros((V, V))                                                    # (V, V)
    np.add.at(counts, (ids[:-1], ids[1:]), 1.0)                                  # count(a b)
    rows = counts.sum(axis=1, keepdims=True) + k * V                             # (V, 1)
    return np.where(rows > 0, (counts + k) / np.where(rows > 0, rows, 1.0), 1.0 / V)


def _targets(test_ids, V):
    ids = _check_ids("test_ids", test_ids, V)
    if ids.size < 2:
        raise ValueError(f"test_ids: expected at least 2 ids (a context and a target), got {ids.size}")
    return ids


def unigram_bits(train_ids, test_ids, vocab_size, k=DEFAULT_K) -> float:
    """Bits per character of the add-k unigram model of ``train_ids`` on the targets test_ids[1:]."""
    P = unigram_probs(train_ids, vocab_size, k)
    test = _targets(test_ids, P.size)
    return bits_per_char(P[test[1:]])


def bigram_bits(train_ids, test_ids, vocab_size, k=DEFAULT_K) -> float:
    """Bits per character of the add-k bigram model of ``train_ids`` on test_ids[1:] given test_ids[:-1]."""
    P = bigram_probs(train_ids, vocab_size, k)
    test = _targets(test_ids, P.shape[0])
    return bits_per_char(P[test[:-1], test[1:]])
