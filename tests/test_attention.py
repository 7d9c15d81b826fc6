"""Attention in numpy equals keras.layers.MultiHeadAttention with the same weights; the mask and the
positional encoding do what they say."""

import keras
import numpy as np
import pytest

from rnn_helpers.attention import (
    causal_mask,
    multi_head_attention,
    params_from_keras_mha,
    positional_encoding,
    scaled_dot_product_attention,
    softmax,
)


def test_one_query_reads_the_key_it_matches():
    k = np.eye(3) * 10.0                                           # three orthogonal keys
    v = np.array([[1.0], [2.0], [3.0]])
    out, w = scaled_dot_product_attention(k[1:2], k, v)           # the query equals key 1
    assert w.argmax() == 1 and w[0, 1] > 0.99 and out[0, 0] == pytest.approx(2.0, abs=0.02)
    np.testing.assert_allclose(w.sum(axis=-1), 1.0)


def test_the_causal_mask_hides_the_future_exactly():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(6, 4))
    out, w = scaled_dot_product_attention(x, x, x, mask=causal_mask(6))
    assert np.all(w[np.triu_indices(6, 1)] == 0.0) and w[0, 0] == 1.0
    changed = x.copy()
    changed[4:] += 5.0                                             # change the last two steps only
    out2, _ = scaled_dot_product_attention(changed, changed, changed, mask=causal_mask(6))
    np.testing.assert_array_equal(out[:4], out2[:4])               # earlier outputs cannot see them


@pytest.mark.parametrize("causal", [False, True])
def test_multi_head_attention_equals_keras(causal):
    B, T, D, heads, d = 2, 5, 6, 3, 4
    x = np.random.default_rng(1).normal(size=(B, T, D)).astype("float32")
    layer = keras.layers.MultiHeadAttention(num_heads=heads, key_dim=d, seed=0)
    y_keras, w_keras = layer(x, x, return_attention_scores=True, use_causal_mask=causal)
    params = params_from_keras_mha(layer)
    y, w = multi_head_attention(x, x, params, mask=causal_mask(T) if causal else None)
    np.testing.assert_allclose(w, np.asarray(w_keras), atol=1e-5)
    np.testing.assert_allclose(y, np.asarray(y_keras), atol=1e-5)
    assert y.shape == (B, T, D) and w.shape == (B, heads, T, T)


def test_cross_attention_with_other_lengths_equals_keras():
    rng = np.random.default_rng(2)
    q, kv = rng.normal(size=(2, 3, 4)).astype("float32"), rng.normal(size=(2, 7, 5)).astype("float32")
    layer = keras.layers.MultiHeadAttention(num_heads=2, key_dim=3, seed=1)
    y_keras = layer(q, kv)
    y, w = multi_head_attention(q, kv, params_from_keras_mha(layer))
    np.testing.assert_allclose(y, np.asarray(y_keras), atol=1e-5)
    assert w.shape == (2, 2, 3, 7)


def test_positional_encoding_is_the_sinusoids():
    pe = positional_encoding(50, 8)
    np.testing.assert_allclose(pe[:, 0], np.sin(np.arange(50)))
    np.testing.assert_allclose(pe[:, 1], np.cos(np.arange(50)))
    np.testing.assert_allclose(pe[:, 6], np.sin(np.arange(50) / 10000 ** (6 / 8)))
    assert np.all(np.abs(pe) <= 1.0)


def test_softmax_of_a_fully_masked_row_is_zero_not_nan():
    s = softmax(np.array([[-np.inf, -np.inf], [0.0, 0.0]]))
    np.testing.assert_array_equal(s, [[0.0, 0.0], [0.5, 0.5]])
