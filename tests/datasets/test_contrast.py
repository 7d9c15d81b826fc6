"""The contrast set: balanced pairs, permutation pairs detected from the words, every word known."""

import numpy as np

from rnn_helpers.datasets.contrast import CONTRAST_PAIRS, load_contrast_set
from rnn_helpers.datasets.text import load_sentiment_sentences
from rnn_helpers.datasets.tokens import build_vocabulary, split_sentences, standardize


def test_pairs_and_labels():
    c = load_contrast_set()
    assert len(c.texts) == 2 * len(CONTRAST_PAIRS) == 24
    assert c.labels.tolist() == [1, 0] * 12 and c.pair.tolist() == np.repeat(np.arange(12), 2).tolist()
    for k in range(12):
        a, b = (standardize(t) for t in np.array(c.texts)[c.pair == k])
        assert c.permutation[2 * k] == (sorted(a) == sorted(b)) and a != b
    assert c.permutation.sum() == 12                                           # 6 permutation pairs


def test_every_word_is_in_the_notebooks_vocabulary():
    data = split_sentences(load_sentiment_sentences(), seed=0)
    vocab = set(build_vocabulary(data.texts_train, min_count=2))
    words = {w for t in load_contrast_set().texts for w in standardize(t)}
    assert words <= vocab, sorted(words - vocab)
