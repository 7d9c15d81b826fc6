"""Generating with the character model: a stateful copy and the numpy step equal carrying the state;
min-char-rnn's recipe in Keras learns."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from rnn_helpers.models.language import (
    build_char_model,
    keras_step_fn,
    reference_step_fn,
    stateful_char_model,
    train_keras_char_rnn,
)
from rnn_helpers.ngrams import unigram_bits

IDS = np.array([3, 1, 4, 1, 5, 2, 6, 0, 2, 6])


def _carried(step, ids):
    state = None
    for i in ids:
        logits, state = step([i], state)
    return logits[0], state


@pytest.mark.parametrize("kind", ["lstm", "gru"])
def test_numpy_step_and_stateful_copy_equal_carrying_the_state(kind):
    model = build_char_model(7, kind, embed_dim=3, units=5, seed=1)
    keras_logits, keras_state = _carried(keras_step_fn(model), IDS)
    ref_logits, ref_state = _carried(reference_step_fn(model), IDS)
    assert_allclose(ref_logits, keras_logits, atol=1e-5)
    for a, b in zip(ref_state, keras_state):
        assert_allclose(a, b, atol=1e-5)
    whole = np.asarray(model(IDS[None]))[0, -1]
    assert_allclose(whole, keras_logits, atol=1e-5)
    streaming = stateful_char_model(model)
    assert streaming.get_layer("rnn").stateful
    for i in IDS:
        last = np.asarray(streaming(np.array([[i]])))[0, -1]
    assert_allclose(last, keras_logits, atol=1e-5)
    streaming.get_layer("rnn").reset_states()                           # back to zeros: as a fresh start
    first = np.asarray(streaming(IDS[None, :1]))[0, -1]
    assert_allclose(first, np.asarray(model(IDS[None, :1]))[0, -1], atol=1e-5)


def test_keras_min_char_rnn_learns_a_repeating_text():
    ids = np.tile(np.array([0, 1, 2, 3, 2, 1]), 100)
    losses = train_keras_char_rnn(ids, 4, steps=100, hidden_size=16, seq_len=10, seed=0)
    assert losses.shape == (100,)
    assert losses[0] > unigram_bits(ids, ids, 4) * np.log(2) > losses[-20:].mean() + 0.5
