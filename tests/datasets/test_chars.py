"""Characters as ids: the sorted vocabulary, next-character windows and contiguous splits."""

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from rnn_helpers.datasets.chars import CharVocabulary, char_windows, split_text


def test_vocabulary_is_sorted_and_round_trips():
    vocab = CharVocabulary("hello, world")
    assert vocab.chars == (" ", ",", "d", "e", "h", "l", "o", "r", "w")
    assert vocab.size == len(vocab) == 9
    ids = vocab.encode("hello")
    assert ids.dtype == np.int32
    assert_array_equal(ids, [4, 3, 5, 5, 6])
    assert vocab.decode(ids) == "hello"
    assert vocab.decode([]) == "" and vocab.encode("").shape == (0,)


def test_unknown_character_names_it_and_its_position():
    vocab = CharVocabulary("abc")
    with pytest.raises(ValueError, match=r"text: character 'z' at position 2 is not in the vocabulary"):
        vocab.encode("abzcz")
    with pytest.raises(ValueError, match=r"ids: expected ids in \[0, 2\], got 3 at position 1"):
        vocab.decode([0, 3])


def test_windows_target_the_next_character():
    ids = np.arange(10)
    x, y = char_windows(ids, 4)                                    # stride 4: windows do not overlap
    assert_array_equal(x, [[0, 1, 2, 3], [4, 5, 6, 7]])
    assert_array_equal(y, x + 1)
    x, y = char_windows(ids, 3, stride=2)                          # (10 - 1 - 3) // 2 + 1 = 4 windows
    assert_array_equal(x[:, 0], [0, 2, 4, 6])
    assert_array_equal(y[-1], [7, 8, 9])
    x, y = char_windows(ids, 9)                                    # L = T + 1: exactly one window
    assert x.shape == y.shape == (1, 9)
    with pytest.raises(ValueError, match="ids: expected at least seq_len"):
        char_windows(ids, 10)


def test_splits_are_contiguous_and_cover_the_text():
    text = "".join(chr(65 + i % 26) for i in range(1000))
    train, val, test = split_text(text, 0.1, 0.2)
    assert (len(train), len(val), len(test)) == (700, 100, 200)
    assert train + val + test == text
    assert split_text(text, 0.0, 0.1)[1] == ""
    with pytest.raises(ValueError, match="val_fraction, test_fraction"):
        split_text(text, 0.5, 0.5)
