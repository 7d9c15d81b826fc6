"""min-char-rnn on the reference loop: its gradients are right, and it learns a repeating text."""

import numpy as np

from rnn_helpers.gradcheck import numerical_gradient, rel_error
from rnn_helpers.ngrams import unigram_bits
from rnn_helpers.reference.char_rnn import _window_loss, train_char_rnn
from rnn_helpers.reference.weights import init_params


def test_window_gradients_match_finite_differences():
    V, H, T = 5, 4, 6
    rng = np.random.default_rng(0)
    params = init_params("simple_rnn", V, H, scale=0.5, seed=1)
    params.update(W_yh=rng.normal(0, 0.5, (V, H)), b_y=rng.normal(0, 0.1, V))
    ids = rng.integers(0, V, T + 1)
    h0 = rng.normal(0, 0.5, (1, H))
    _, grads, _ = _window_loss(ids[:-1], ids[1:], h0, params, V)
    for name, p in params.items():
        num = numerical_gradient(lambda: _window_loss(ids[:-1], ids[1:], h0, params, V)[0], p)
        assert rel_error(grads[name], num) < 1e-6, name


def test_it_learns_a_repeating_text_below_the_unigram():
    ids = np.tile(np.array([0, 1, 2, 3, 2, 1]), 100)                  # (600,), V = 4
    losses, _ = train_char_rnn(ids, 4, steps=150, hidden_size=16, seq_len=10, seed=0)
    unigram_nats = unigram_bits(ids, ids, 4) * np.log(2)
    assert losses[0] > unigram_nats > losses[-20:].mean() + 0.5
