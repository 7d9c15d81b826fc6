"""BLEU through sacrebleu, BLEU's clipped precision by hand, the nearest-verse baseline, verse encoding."""

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from rnn_helpers.datasets.verses import WordVocabulary, encode_verse_pairs, split_pairs, tokenize
from rnn_helpers.translation import clipped_precision, corpus_bleu, nearest_translation


def test_clipped_precision_of_papineni():
    assert clipped_precision("the the the the the the the", "the cat is on the mat") == pytest.approx(2 / 7)
    assert clipped_precision("the cat", "the cat sat", n=2) == 1.0
    assert clipped_precision("a", "a b", n=2) == 0.0


def test_corpus_bleu():
    refs = ["the cat is on the mat", "there is a cat on the mat"]
    assert corpus_bleu(refs, refs) == pytest.approx(100.0)
    assert corpus_bleu(["dog dog dog", "bird"], refs) == 0.0
    assert 0 < corpus_bleu(["the cat is on a mat", "there is a cat on the mat"], refs) < 100


def test_nearest_translation_picks_the_most_overlapping_source():
    train = [("and god said", "y dijo dios"), ("the evening and the morning", "la tarde y la mañana"),
             ("god saw the light", "vió dios la luz")]
    assert nearest_translation(train, ["and the morning came", "god saw"]) == ["la tarde y la mañana",
                                                                                "vió dios la luz"]


def test_verse_encoding():
    assert tokenize("Y dijo Dios: Sea la luz.") == ["y", "dijo", "dios", ":", "sea", "la", "luz", "."]
    pairs = [("a b c", "x y"), ("a b", "x z z"), ("b", "y")]
    sv, tv = WordVocabulary([s for s, _ in pairs]), WordVocabulary([t for _, t in pairs])
    assert sv.words == ("<pad>", "<s>", "</s>", "<unk>", "b", "a")          # count >= 2, most frequent first
    d = encode_verse_pairs(pairs, sv, tv)
    assert_array_equal(d.src[0], [5, 4, 3]) and d.src[2, 0] == 0            # left-padded, c unknown
    assert_array_equal(d.target[1], [*tv.encode("x z z"), 2])               # ... </s>
    assert_array_equal(d.dec_in[:, 0], 1) and (d.dec_in[:, 1:] == d.target[:, :-1]).all()
    assert_array_equal(d.weights, d.target != 0)
    assert tv.decode(d.target[1]) == "x z z" and sv.decode(d.src[0]) == "a b <unk>"
    train, test = split_pairs(pairs, n_test=1, seed=0)
    assert len(train) == 2 and len(test) == 1 and set(train + test) == set(pairs)
    assert split_pairs(pairs, n_test=1, seed=0) == (train, test)
    assert np.all(np.isin(np.asarray(d.weights), [0.0, 1.0]))
