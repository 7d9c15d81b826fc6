"""The sentence classifier: the mask makes padding irrelevant, the running prediction ends at the
model's answer, and a small LSTM learns an order that a bag of words cannot see."""

import keras
import numpy as np
import pytest
from numpy.testing import assert_allclose

from rnn_helpers.bag_of_words import bag_of_words_proba, fit_bag_of_words
from rnn_helpers.datasets.tokens import pad_ids
from rnn_helpers.exercises import sentiment as ex
from rnn_helpers.models.sentiment import (
    build_sentiment_model,
    make_vectorizer,
    predict_positive,
    running_predictions,
    train_sentiment_model,
)


@pytest.mark.parametrize("bidirectional", [False, True])
def test_padding_does_not_change_the_output(bidirectional):
    model = build_sentiment_model(12, bidirectional=bidirectional, embed_dim=4, units=3, seed=0)
    assert [layer.name for layer in model.layers] == ["ids", "embedding", "rnn", "head"]
    sentence = np.array([5, 2, 9, 1])
    p = [predict_positive(model, pad_ids(sentence, n))[0] for n in (4, 7, 30)]
    assert_allclose(p, p[0], atol=1e-6)


def test_same_call_same_weights():
    a, b = (build_sentiment_model(12, embed_dim=4, units=3, seed=2) for _ in range(2))
    for wa, wb in zip(a.get_weights(), b.get_weights()):
        assert np.array_equal(wa, wb)


def test_running_prediction_ends_at_the_models_prediction():
    model = build_sentiment_model(12, bidirectional=False, embed_dim=4, units=3, seed=1)
    ids = np.array([[3, 4, 5, 0, 0], [6, 7, 8, 9, 2]])
    steps = running_predictions(model, ids)                                  # (N, T)
    assert steps.shape == (2, 5) and np.isnan(steps[0, 3:]).all() and not np.isnan(steps[1]).any()
    whole = predict_positive(model, ids)
    assert_allclose([steps[0, 2], steps[1, 4]], whole, atol=1e-6)
    prefix = predict_positive(model, ids[:1, :2])                              # the first two words alone
    assert_allclose(steps[0, 1], prefix[0], atol=1e-6)
    with pytest.raises(ValueError, match="model"):
        running_predictions(build_sentiment_model(12, embed_dim=4, units=3), ids)


def _order_task(n, seed):
    """Each sequence holds word 2 and word 3 once, among words 4..9; label 1 if 2 comes first."""
    rng = np.random.default_rng(seed)
    ids = rng.integers(4, 10, (n, 6))
    for row in ids:
        a, b = rng.choice(6, 2, replace=False)
        row[a], row[b] = 2, 3
    y = (np.argmax(ids == 2, axis=1) < np.argmax(ids == 3, axis=1)).astype(int)
    return ids, y


def test_a_small_lstm_learns_word_order_a_bag_of_words_cannot():
    x, y = _order_task(600, 0)
    x_val, y_val = _order_task(200, 1)
    model = build_sentiment_model(10, bidirectional=False, embed_dim=8, units=16, seed=0, learning_rate=1e-2)
    history = train_sentiment_model(model, x, y, x_val, y_val, epochs=8, batch_size=32)
    assert history["val_accuracy"][-1] > 0.85
    bow = bag_of_words_proba(fit_bag_of_words(x, y, 10), x_val)
    assert abs(np.mean((bow > 0.5) == y_val) - 0.5) < 0.12                     # chance: the counts are equal


def test_vectorizer_and_the_exercises_agree_with_keras():
    vectorize = make_vectorizer(ex.MASK_VOCAB, ex.MASK_LENGTH)
    ids = vectorize(ex.MASK_TEXTS)
    embedding = keras.layers.Embedding(len(ex.MASK_VOCAB) + 2, ex.MASK_EMBED, mask_zero=True)
    out, mask = embedding(ids), embedding.compute_mask(ids)
    assert (*out.shape, int(np.sum(mask))) == tuple(ex.padding_mask_exercise.reference_solution)
    assert ex.padding_mask_exercise.check(ex.padding_mask_exercise.reference_solution)
    model = keras.Sequential([keras.Input(shape=(None,), dtype="int32"),
                              keras.layers.Embedding(ex.PARAM_V, ex.PARAM_E, mask_zero=True),
                              keras.layers.Bidirectional(keras.layers.LSTM(ex.PARAM_H)),
                              keras.layers.Dense(1, activation="sigmoid")])
    assert ex.bidirectional_parameters_exercise.check(model.count_params())
