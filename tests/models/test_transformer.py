"""The Transformer layers: PositionalEncoding adds the sinusoids of rnn_helpers.attention, and an
EncoderBlock is the pre-norm block of its docstring, written out in numpy with the numpy multi-head
attention; causal blocks never read later positions."""

import keras
import numpy as np
import pytest

from rnn_helpers.attention import multi_head_attention, params_from_keras_mha, positional_encoding
from rnn_helpers.models.transformer import EncoderBlock, PositionalEncoding

B, T, D = 2, 6, 8                          # sequences, positions, width


def _x(seed=0, T=T):
    return np.random.default_rng(seed).normal(size=(B, T, D)).astype("float32")


def _block(causal=False, seed=0):
    block = EncoderBlock(heads=2, key_dim=3, ff_dim=5, causal=causal)
    block(_x())
    rng = np.random.default_rng(seed)                   # non-trivial norms too: gamma, beta not 1, 0
    block.set_weights([rng.normal(scale=0.5, size=v.shape) + (1.0 if "gamma" in v.path else 0.0)
                       for v in block.weights])
    return block


def _layer_norm(x, norm):
    mean, var = x.mean(axis=-1, keepdims=True), x.var(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + norm.epsilon) * np.asarray(norm.gamma) + np.asarray(norm.beta)


def _dense(x, layer):
    return x @ np.asarray(layer.kernel, dtype=np.float64) + np.asarray(layer.bias, dtype=np.float64)


def test_positional_encoding_adds_the_sinusoids():
    x = _x(1)
    out = np.asarray(PositionalEncoding()(x))
    assert out.shape == x.shape and out.dtype == np.float32
    np.testing.assert_allclose(out - x, np.broadcast_to(positional_encoding(T, D), x.shape), atol=1e-6)
    layer = PositionalEncoding()
    layer(x)
    assert layer.count_params() == 0 and not layer.weights                  # nothing to learn


def test_the_block_keeps_the_shape_and_has_its_named_parts():
    block = _block()
    out = np.asarray(block(_x()))
    assert out.shape == (B, T, D) and np.all(np.isfinite(out))
    assert [block.norm1.name, block.attention.name, block.norm2.name, block.ff1.name, block.ff2.name] == \
        ["norm1", "attention", "norm2", "ff1", "ff2"]
    # attention: 3 projections D -> 2 x 3 with biases, one back; two norms; the feed-forward net
    attention = 3 * (D * 2 * 3 + 2 * 3) + (2 * 3 * D + D)
    assert block.count_params() == attention + 2 * 2 * D + (D * 5 + 5) + (5 * D + D)


@pytest.mark.parametrize("causal", [False, True])
def test_the_block_is_its_equations_in_numpy(causal):
    block, x = _block(causal), _x(2)
    out, scores = block(x, return_attention_scores=True)
    x64 = x.astype(np.float64)
    n = _layer_norm(x64, block.norm1)                                         # (B, T, D)
    mask = np.tril(np.ones((T, T), dtype=bool)) if causal else None
    a, w = multi_head_attention(n, n, params_from_keras_mha(block.attention), mask=mask)
    np.testing.assert_allclose(np.asarray(scores), w, atol=1e-5)             # (B, heads, T, T)
    y = x64 + a                                                               # residual
    expected = y + _dense(np.maximum(_dense(_layer_norm(y, block.norm2), block.ff1), 0.0), block.ff2)
    np.testing.assert_allclose(np.asarray(out), expected, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(block.attention_scores(x), w, atol=1e-5)


@pytest.mark.parametrize("causal", [False, True])
def test_attention_scores_are_rows_of_weights(causal):
    scores = _block(causal).attention_scores(_x(3))
    assert scores.shape == (B, 2, T, T) and isinstance(scores, np.ndarray)
    assert scores.min() >= 0
    np.testing.assert_allclose(scores.sum(axis=-1), 1.0, atol=1e-5)
    upper = scores[..., np.triu_indices(T, 1)[0], np.triu_indices(T, 1)[1]]
    assert np.all(upper == 0.0) if causal else np.all(upper > 0.0)


def test_a_causal_block_does_not_read_later_positions():
    causal, full = _block(causal=True), _block(causal=False)
    x = _x(4)
    changed = x.copy()
    changed[:, 4:] += _x(5)[:, 4:]              # positions 4, 5 only (not a constant: LayerNorm removes it)
    np.testing.assert_allclose(np.asarray(causal(changed))[:, :4], np.asarray(causal(x))[:, :4], atol=1e-6)
    assert not np.allclose(np.asarray(causal(changed))[:, 4:], np.asarray(causal(x))[:, 4:], atol=1e-3)
    assert not np.allclose(np.asarray(full(changed))[:, :4], np.asarray(full(x))[:, :4], atol=1e-3)


def test_the_config_round_trips_and_a_model_saves(tmp_path):
    block = EncoderBlock(3, 4, 7, causal=True, name="b")
    config = block.get_config()
    assert {k: config[k] for k in ("heads", "key_dim", "ff_dim", "causal", "name")} == \
        {"heads": 3, "key_dim": 4, "ff_dim": 7, "causal": True, "name": "b"}
    assert EncoderBlock.from_config(config).get_config() == config
    inputs = keras.Input(shape=(T, D))
    model = keras.Model(inputs, EncoderBlock(2, 3, 5, causal=True)(PositionalEncoding()(inputs)))
    model.save(tmp_path / "encoder.keras")
    loaded = keras.models.load_model(tmp_path / "encoder.keras")
    np.testing.assert_allclose(np.asarray(loaded(_x(6))), np.asarray(model(_x(6))), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("call, error, match", [
    (lambda: EncoderBlock(heads=0), ValueError, "heads: expected a positive integer, got 0"),
    (lambda: EncoderBlock(key_dim=2.5), TypeError, "key_dim"),
    (lambda: EncoderBlock(ff_dim=None), TypeError, "ff_dim"),
    (lambda: EncoderBlock(causal="yes"), TypeError, "causal"),
])
def test_bad_arguments_name_the_argument(call, error, match):
    with pytest.raises(error, match=match):
        call()
