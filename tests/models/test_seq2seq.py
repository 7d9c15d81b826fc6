"""The translator: shapes, names, a causal decoder, attention rows sum to 1, source gradients, learning."""

import functools

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from rnn_helpers.datasets.dates import SOURCE_VOCAB, TARGET_VOCAB, date_pairs, encode_dates
from rnn_helpers.decoding import beam_search, greedy_decode
from rnn_helpers.models.seq2seq import (
    attention_weights,
    build_translator,
    has_attention,
    source_gradient_norms,
    translator_log_probs,
)

VS, VT = len(SOURCE_VOCAB), len(TARGET_VOCAB)


@functools.cache
def model(attention):
    return build_translator(VS, VT, attention=attention, embed_dim=4, units=8, seed=1)


@functools.cache
def batch():
    return encode_dates(date_pairs(6, seed=0))


@pytest.mark.parametrize("attention", [False, True])
def test_shapes_names_and_seeding(attention):
    m, d = model(attention), batch()
    assert m([d.src, d.dec_in]).shape == (6, 10, VT)
    assert has_attention(m) is attention
    assert {"src_embed", "encoder", "dec_embed", "decoder", "combine", "logits"} <= {x.name for x in m.layers}
    again = build_translator(VS, VT, attention=attention, embed_dim=4, units=8, seed=1)
    for a, b in zip(m.get_weights(), again.get_weights()):
        assert_array_equal(a, b)
    lp = translator_log_probs(m, d.src, d.dec_in)
    assert_allclose(translator_log_probs(m, d.src, d.dec_in, last_only=True), lp[:, -1:], atol=1e-6)
    assert_allclose(np.exp(lp).sum(-1), 1.0, atol=1e-6)
    assert_allclose(lp, np.asarray(m([d.src, d.dec_in]), dtype=np.float64) -
                    np.log(np.exp(np.asarray(m([d.src, d.dec_in]), dtype=np.float64)).sum(-1, keepdims=True)),
                    atol=1e-5)


@pytest.mark.parametrize("attention", [False, True])
def test_decoder_is_causal(attention):
    m, d = model(attention), batch()
    full = translator_log_probs(m, d.src, d.dec_in)
    changed = d.dec_in.copy()
    changed[:, 6:] = (changed[:, 6:] + 3) % VT                                # change steps 6..9
    other = translator_log_probs(m, d.src, changed)
    assert_allclose(full[:, :6], other[:, :6], atol=1e-6)                     # steps 0..5 cannot see them
    assert not np.allclose(full[:, 6:], other[:, 6:], atol=1e-4)


def test_attention_weights_are_distributions_over_the_source():
    d = batch()
    a = attention_weights(model(True), d.src, d.dec_in)
    assert a.shape == (6, 10, d.src.shape[1])
    assert_allclose(a.sum(-1), 1.0, atol=1e-5)
    with pytest.raises(ValueError, match="attention"):
        attention_weights(model(False), d.src, d.dec_in)


def test_gradient_norms_only_where_the_loss_can_see():
    d = batch()
    norms = source_gradient_norms(model(False), d.src, d.dec_in, d.target, step=-1)
    assert norms.shape == (d.src.shape[1],) and (norms > 0).all()            # every position reaches h_T


def test_a_short_training_beats_the_per_position_majority():
    train, test = encode_dates(date_pairs(1500, seed=0)), encode_dates(date_pairs(200, seed=1))
    m = build_translator(VS, VT, attention=True, embed_dim=8, units=32, seed=0, learning_rate=1e-2)
    m.fit([train.src, train.dec_in], train.target, batch_size=64, epochs=3, verbose=0)
    majority = np.array([np.bincount(col, minlength=VT).argmax() for col in train.target.T])   # (10,)
    base = (test.target == majority).mean()
    fn = functools.partial(translator_log_probs, m)
    greedy = greedy_decode(fn, test.src, length=10)
    assert (greedy == test.target).mean() > base + 0.1                      # measured 0.47 -> 0.7
    beams = beam_search(fn, test.src, length=10, beam_width=3)
    own = np.exp(beams.scores[:, 0])
    greedy_p = np.exp(np.take_along_axis(translator_log_probs(m, test.src, np.concatenate(
        [np.zeros((200, 1), int), greedy[:, :-1]], 1)), greedy[:, :, None], -1)[..., 0].sum(-1))
    assert (own >= greedy_p * (1 - 1e-4)).mean() > 0.98     # beam may prune greedy's path, but rarely does
