"""The character model: seeded weights, one character at a time equals the whole sequence, it learns."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from rnn_helpers.datasets.chars import CharVocabulary, char_windows, split_text
from rnn_helpers.datasets.text import load_shakespeare
from rnn_helpers.models.language import build_char_model, keras_step_fn, model_bits_per_char
from rnn_helpers.ngrams import uniform_bits, unigram_bits
from rnn_helpers.sampling import sample_text


def test_shapes_names_and_loss():
    model = build_char_model(7, "gru", embed_dim=3, units=4)
    assert [layer.name for layer in model.layers] == ["ids", "embedding", "rnn", "logits"]
    assert model(np.zeros((2, 5), dtype="int32")).shape == (2, 5, 7)          # (B, T, V) logits
    assert model(np.zeros((1, 11), dtype="int32")).shape == (1, 11, 7)        # any T
    assert model.loss.get_config()["from_logits"]


def test_same_call_same_weights():
    a = build_char_model(7, "lstm", embed_dim=3, units=4, seed=3)
    np.random.default_rng().normal(size=3)
    build_char_model(9, "gru", seed=5)                                         # draws in between
    b = build_char_model(7, "lstm", embed_dim=3, units=4, seed=3)
    for wa, wb in zip(a.get_weights(), b.get_weights()):
        assert_array_equal(wa, wb)
    c = build_char_model(7, "lstm", embed_dim=3, units=4, seed=4)
    assert not np.array_equal(a.get_weights()[0], c.get_weights()[0])


def test_untrained_bits_are_about_log2_V():
    model = build_char_model(16, units=8)
    x = np.random.default_rng(0).integers(0, 16, (4, 10))
    assert model_bits_per_char(model, x, x) == pytest.approx(uniform_bits(16), abs=0.1)


def test_bits_per_char_is_the_keras_loss_over_ln2():
    model = build_char_model(6, "gru", embed_dim=3, units=5)
    rng = np.random.default_rng(1)
    x, y = rng.integers(0, 6, (5, 8)), rng.integers(0, 6, (5, 8))
    loss = model.evaluate(x, y, verbose=0)
    assert model_bits_per_char(model, x, y, batch_size=2) == pytest.approx(loss / np.log(2), rel=1e-5)


@pytest.mark.parametrize("kind", ["simple_rnn", "lstm", "gru"])
def test_step_by_step_equals_the_whole_sequence(kind):
    model = build_char_model(11, kind, embed_dim=4, units=6, seed=2)
    rnn, rng = model.get_layer("rnn"), np.random.default_rng(0)
    rnn.set_weights([w + 0.3 * rng.normal(size=w.shape) for w in rnn.get_weights()])   # a livelier state
    x = np.random.default_rng(3).integers(0, 11, (3, 9))                      # (B, T)
    whole = np.asarray(model(x))                                              # (B, T, V)
    step, state, steps = keras_step_fn(model), None, []
    for t in range(x.shape[1]):
        logits, state = step(x[:, t], state)                                  # (B, V), the state carried
        steps.append(logits)
    assert len(state) == (2 if kind == "lstm" else 1)
    assert_allclose(np.stack(steps, axis=1), whole, atol=1e-5)
    fresh, _ = step(x[:, -1], None)                                           # without the state: different
    assert np.abs(fresh - whole[:, -1]).max() > 1e-3


def test_a_short_training_beats_the_unigram_baseline():
    text = load_shakespeare()[:20_000]
    vocab = CharVocabulary(text)
    train, val, _ = split_text(text, 0.1, 0.0)
    train_ids, val_ids = vocab.encode(train), vocab.encode(val)
    x, y = char_windows(train_ids, 64, stride=32)                             # (561, 64)
    model = build_char_model(vocab.size, "lstm", embed_dim=16, units=64, learning_rate=1e-2, seed=0)
    model.fit(x, y, batch_size=32, epochs=3, verbose=0)                       # 3 * 18 = 54 steps
    bits = model_bits_per_char(model, *char_windows(val_ids, 64))
    assert bits < unigram_bits(train_ids, val_ids, vocab.size) - 0.5
    out = sample_text(keras_step_fn(model), vocab.encode("ROMEO:"), 20, temperature=0.5, seed=0)
    assert len(vocab.decode(out)) == 20
