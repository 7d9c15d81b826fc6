"""Sampling: temperature and top-k reshape the softmax; the state is carried between characters."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from rnn_helpers.sampling import next_char_distribution, sample_text

LOGITS = np.array([2.0, 1.0, 0.5, -1.0, 3.0])


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def test_temperature_one_is_the_softmax():
    assert_allclose(next_char_distribution(LOGITS), softmax(LOGITS))
    assert_allclose(next_char_distribution(LOGITS, 0.5), softmax(LOGITS / 0.5))
    batch = next_char_distribution(np.stack([LOGITS, -LOGITS]))               # (2, V): row by row
    assert_allclose(batch[1], softmax(-LOGITS))


def test_low_temperature_gives_the_argmax_and_high_the_uniform():
    assert_array_equal(next_char_distribution(LOGITS, 1e-3), np.eye(5)[4])
    assert_allclose(next_char_distribution(LOGITS, 1e6), 0.2, atol=1e-5)


def test_top_k_zeroes_the_rest():
    p = next_char_distribution(LOGITS, 1.0, top_k=2)                          # keeps 3.0 and 2.0
    assert_allclose(p, [softmax(np.array([2.0, 3.0]))[0], 0, 0, 0, softmax(np.array([2.0, 3.0]))[1]])
    assert_array_equal(next_char_distribution(LOGITS, top_k=1), np.eye(5)[4])
    assert_allclose(next_char_distribution(LOGITS, top_k=5), softmax(LOGITS))


@pytest.mark.parametrize("kwargs, words", [({"temperature": 0.0}, "temperature"),
                                           ({"temperature": -1.0}, "temperature"),
                                           ({"top_k": 6}, "top_k"), ({"top_k": 0}, "top_k")])
def test_bad_arguments_are_named(kwargs, words):
    with pytest.raises(ValueError, match=words):
        next_char_distribution(LOGITS, **kwargs)
    with pytest.raises(ValueError, match="logits"):
        next_char_distribution([1.0, np.nan])


def counting_step(ids, state):
    """A model whose next character is its step count mod 5: it only works if the state is carried."""
    n = 1 if state is None else state + 1
    logits = np.full((1, 5), -50.0)
    logits[0, n % 5] = 50.0
    return logits, n


def test_sample_text_carries_the_state():
    out = sample_text(counting_step, [0, 0], 6, temperature=1.0, seed=0)
    # the prompt makes 2 steps; sample t is then (t + 2) mod 5 and is fed back as step t + 3
    assert_array_equal(out, [2, 3, 4, 0, 1, 2])


def test_sample_text_draws_from_the_distribution():
    fixed = lambda ids, state: (LOGITS[None], state)                          # noqa: E731
    out = sample_text(fixed, [0], 20000, temperature=0.7, seed=1)
    assert_array_equal(out, sample_text(fixed, [0], 20000, temperature=0.7, seed=1))   # seeded
    freq = np.bincount(out, minlength=5) / out.size
    assert_allclose(freq, softmax(LOGITS / 0.7), atol=0.01)
    assert set(sample_text(fixed, [0], 500, top_k=2, seed=2)) == {0, 4}
