"""Words as ids: the numpy rules equal Keras' TextVectorization, the vocabulary's order, the splits."""

import keras
import numpy as np
import pytest
from numpy.testing import assert_array_equal

from rnn_helpers.datasets.text import load_sentiment_sentences
from rnn_helpers.datasets.tokens import build_vocabulary, encode, pad_ids, split_sentences, standardize


def test_standardize_lowers_strips_and_splits():
    assert standardize("Not bad, GOOD!! it's 10/10") == ["not", "bad", "good", "its", "1010"]
    assert standardize("  ") == []


def test_vocabulary_by_count_then_alphabet():
    texts = ["b a a", "c b a", "d"]
    assert build_vocabulary(texts, min_count=1) == ["a", "b", "c", "d"]        # 3, 2, then ties a-z
    assert build_vocabulary(texts, min_count=2) == ["a", "b"]
    assert build_vocabulary(texts, min_count=1, max_words=3) == ["a", "b", "c"]


def test_encode_pads_cuts_and_marks_oov():
    ids = encode(["good movie", "bad bad bad bad", "unknown"], ["bad", "good"], length=3)
    assert_array_equal(ids, [[3, 1, 0], [2, 2, 2], [1, 0, 0]])                 # 0 pad, 1 OOV, 2.. words
    assert encode(["a b c"], ["a"]).shape == (1, 3)                            # length None: the longest


def test_encode_equals_keras_text_vectorization():
    texts = load_sentiment_sentences().texts                                   # every sentence of the file
    vocab = build_vocabulary(texts[:2000], min_count=2)
    layer = keras.layers.TextVectorization(vocabulary=vocab, output_sequence_length=24)
    assert layer.get_vocabulary()[:2] == ["", "[UNK]"]
    assert_array_equal(encode(texts, vocab, length=24), np.asarray(layer(texts)))


def test_pad_ids():
    assert_array_equal(pad_ids([4, 2], 4), [[4, 2, 0, 0]])
    with pytest.raises(ValueError, match="length"):
        pad_ids([4, 2, 3], 2)


def test_split_is_stratified_seeded_and_disjoint():
    data = split_sentences(load_sentiment_sentences(), seed=0)
    assert data.sizes() == {"train": 1800, "validation": 600, "test": 600}
    for part in ("train", "val", "test"):
        y, sources = getattr(data, f"y_{part}"), getattr(data, f"sources_{part}")
        for source in ("amazon", "imdb", "yelp"):                              # each (source, label) a sixth
            assert np.sum((sources == source) & (y == 1)) == len(y) // 6
    every = data.texts_train + data.texts_val + data.texts_test                 # each sentence once
    assert sorted(every) == sorted(load_sentiment_sentences().texts)
    again = split_sentences(load_sentiment_sentences(), seed=0)
    assert again.texts_test == data.texts_test
    assert split_sentences(load_sentiment_sentences(), seed=1).texts_test != data.texts_test


def test_bad_labels_are_refused():
    texts, labels, sources = load_sentiment_sentences()
    with pytest.raises(ValueError, match="labels"):
        split_sentences((texts, labels * 2, sources))
