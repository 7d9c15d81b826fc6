"""Greedy and beam search on a toy model whose probabilities are known: beam finds what greedy misses."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from rnn_helpers.decoding import beam_search, greedy_decode

# A toy "model" over ids {0: start, 1: a, 2: b, 3: end}: the next id depends on the previous one only.
NEXT = np.log(np.array([
    [1e-9, 0.6, 0.4, 1e-9],      # after start: a 0.6, b 0.4
    [1e-9, 0.3, 0.3, 0.4],       # after a: a, b or end
    [1e-9, 0.0 + 1e-9, 1e-9, 1.0],  # after b: end, surely
    [1e-9, 1e-9, 1e-9, 1.0],     # after end: end
]))


def toy(src, dec_in):
    return NEXT[dec_in]                                                     # (B, t, V)


SRC = np.zeros((2, 3), dtype=int)


def test_greedy_takes_the_locally_best_step():
    assert_array_equal(greedy_decode(toy, SRC, length=3, end_id=3), [[1, 3, 3]] * 2)   # a, end: 0.24


def test_beam_finds_the_more_probable_sequence():
    beams = beam_search(toy, SRC, length=3, beam_width=2, end_id=3)
    assert beams.ids.shape == (2, 2, 3) and beams.scores.shape == (2, 2)
    assert_array_equal(beams.best, [[2, 3, 3]] * 2)                          # b, end: 0.4 > a, end: 0.24
    assert_allclose(np.exp(beams.scores[0]), [0.4, 0.24], rtol=1e-6)
    assert (np.diff(beams.scores, axis=1) <= 0).all()                        # best first


def test_beam_width_one_is_greedy():
    rng = np.random.default_rng(0)
    table = np.log(rng.dirichlet(np.ones(5), size=5))

    def fn(src, dec_in):
        return table[dec_in] + 0.01 * src[:, :1, None]
    src = rng.integers(0, 3, size=(4, 2))
    assert_array_equal(beam_search(fn, src, length=6, beam_width=1).best, greedy_decode(fn, src, length=6))


def test_bad_log_prob_shape_is_named():
    with pytest.raises(ValueError, match="log_prob_fn"):
        greedy_decode(lambda s, d: np.zeros((len(s), 4)), SRC, length=2)


def test_read_only_log_probs_are_fine():
    def frozen(src, dec_in):
        out = NEXT[dec_in]
        out.setflags(write=False)                                           # as np.asarray of a tensor
        return out
    assert_array_equal(beam_search(frozen, SRC, length=3, beam_width=2, end_id=3).best, [[2, 3, 3]] * 2)
