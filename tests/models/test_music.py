"""The chorale LSTM: windows that never cross pieces, probabilities equal to the model's own softmax,
a continuation that keeps the opening's state, and a tiny model that learns a repeating chorale."""

import numpy as np
import pytest

from rnn_helpers.models.language import reference_step_fn
from rnn_helpers.models.music import (
    build_music_model,
    continue_chorale,
    stream_probs,
    streams_probs,
    token_windows,
    train_music_model,
)
from rnn_helpers.music import PitchVocabulary, interleave, score


def test_the_model_reads_any_length_and_has_the_counted_parameters():
    model = build_music_model(47, embed_dim=16, units=96, seed=0)
    assert model.count_params() == 47 * 16 + 4 * 96 * (16 + 96 + 1) + 96 * 47 + 47
    for T in (8, 33):
        assert model(np.zeros((2, T), dtype="int32")).shape == (2, T, 47)
    again = build_music_model(47, embed_dim=16, units=96, seed=0)
    assert all(np.array_equal(a, b) for a, b in zip(model.get_weights(), again.get_weights()))


def test_windows_start_at_soprano_tokens_and_never_cross_into_the_next_piece():
    a, b = np.arange(100), 100 + np.arange(40) % 5
    x, y = token_windows([a, b], length=16)
    assert x.shape == y.shape == (6 + 2, 16)                       # a: starts 0..80, b: 0, 16
    assert np.array_equal(x[0], a[:16]) and np.array_equal(y[0], a[1:17])
    assert np.array_equal(x[6], b[:16]) and np.array_equal(y[7], b[17:33])
    assert x[:6, 0].tolist() == [0, 16, 32, 48, 64, 80]                 # soprano tokens: multiples of 4
    assert x[:6].max() < 100 and y[:6].max() < 100                     # nothing of b in a's windows
    with pytest.raises(ValueError, match="length: expected a multiple of 4"):
        token_windows([a], length=10)


def test_stream_probs_are_the_softmax_of_the_logits_for_the_targets():
    model = build_music_model(6, embed_dim=3, units=4, seed=1)
    tokens = np.array([1, 2, 3, 4, 1, 2, 5, 4, 1, 0, 5, 4])
    probs = stream_probs(model, tokens)
    assert probs.shape == (8, 6) and np.allclose(probs.sum(axis=1), 1)
    z = np.asarray(model(tokens[None, :-1].astype("int32")), dtype=np.float64)[0, 3:]
    assert np.allclose(np.log(probs) - np.log(probs[:, :1]), z - z[:, :1], atol=1e-5)
    # the numpy step function reading the same tokens one at a time gives the same distributions
    step, state = reference_step_fn(model), None
    for t, i in enumerate(tokens[:-1]):
        logits, state = step([i], state)
        if t >= 3:
            p = np.exp(logits[0] - logits[0].max())
            assert np.allclose(p / p.sum(), probs[t - 3], atol=1e-5)


def test_streams_probs_of_a_batch_equal_each_stream_on_its_own():
    model = build_music_model(6, embed_dim=3, units=4, seed=2)
    streams = [np.array([1, 2, 3, 4, 1, 2, 5, 4, 1, 0, 5, 4]), np.array([5, 4, 3, 2]),
               np.array([2, 2, 2, 2, 3, 3, 3, 3])]
    batch = streams_probs(model, streams)      # padded after the shorter ones: it must not matter
    assert [p.shape for p in batch] == [(8, 6), (0, 6), (4, 6)]
    for s, p in zip(streams, batch):
        assert np.allclose(p, stream_probs(model, s), atol=1e-6)


def test_a_tiny_model_learns_a_repeating_chorale_and_continues_it():
    vocab = PitchVocabulary(60, 67)
    phrase = np.array([[67, 64, 62, 60], [66, 64, 61, 60], [65, 63, 62, 60], [64, 62, 61, 60]])
    tokens = vocab.encode(interleave(np.tile(phrase, (40, 1))))
    x, y = token_windows([tokens] * 4, length=32)
    model = build_music_model(vocab.size, embed_dim=4, units=16, seed=0, learning_rate=2e-2)
    hist = train_music_model(model, x, y, x[:4], y[:4], epochs=20, batch_size=16)
    assert hist["val_accuracy"][-1] > 0.95 and hist["loss"][-1] < 0.2 * hist["loss"][0]
    assert score(stream_probs(model, tokens), tokens[4:])["accuracy"] > 0.95
    cont = continue_chorale(model, vocab, np.tile(phrase, (2, 1)), steps=8, temperature=0.5, seed=0)
    assert cont.shape == (8, 4) and np.array_equal(cont, np.tile(phrase, (2, 1)))   # the phrase goes on
    again = continue_chorale(model, vocab, np.tile(phrase, (2, 1)), steps=8, temperature=3.0, seed=5)
    assert np.array_equal(again, continue_chorale(model, vocab, np.tile(phrase, (2, 1)), steps=8,
                                                  temperature=3.0, seed=5))


def test_continue_chorale_checks_its_vocabulary():
    model = build_music_model(6, embed_dim=3, units=4, seed=1)
    with pytest.raises(ValueError, match="vocab: expected the model's vocabulary of size 6"):
        continue_chorale(model, PitchVocabulary(60, 70), np.full((2, 4), 61), steps=2)
    with pytest.raises(TypeError, match="vocab: expected the PitchVocabulary"):
        continue_chorale(model, None, np.full((2, 4), 61), steps=2)
    with pytest.raises(ValueError, match=r"opening: expected rests \(0\) or pitches in \[60, 64\]"):
        continue_chorale(model, PitchVocabulary(60, 64), np.full((2, 4), 65), steps=2)
