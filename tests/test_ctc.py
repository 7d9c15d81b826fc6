"""rnn_helpers.ctc: digit labels, the collapse of a frame path, greedy decoding, edit distance and the
digit error rate, against hand-computed cases and a brute-force edit distance."""

import itertools

import numpy as np
import pytest

from rnn_helpers.ctc import (
    BLANK,
    N_LABELS,
    ctc_collapse,
    decode_ids,
    digit_error_rate,
    edit_distance,
    encode_digits,
    greedy_ctc_decode,
)


def test_digit_d_is_id_d_plus_1_and_decoding_gives_it_back():
    assert encode_digits("314").tolist() == [4, 2, 5] and encode_digits("314").dtype == np.int64
    assert encode_digits("0").tolist() == [1] and encode_digits("9").tolist() == [10]
    assert decode_ids([4, 2, 5]) == "314" and decode_ids(np.array([1, 10])) == "09"
    assert decode_ids([]) == ""
    for s in ("0", "007", "31415926535", "9876543210"):
        assert decode_ids(encode_digits(s)) == s


@pytest.mark.parametrize("path, expected", [
    ([0, 4, 4, 0, 2, 0, 0, 5, 5], [4, 2, 5]),      # the docstring's example: "314"
    ([4, 4], [4]),                                  # a repeat without a blank is one digit
    ([4, 0, 4], [4, 4]),                            # ... with a blank between, two
    ([4, 4, 0, 0, 4, 4, 4], [4, 4]),
    ([0, 0, 0], []),                                # only blanks: nothing said
    ([7], [7]),
    ([1, 2, 1, 2], [1, 2, 1, 2]),                   # no repeats, no blanks: unchanged
    ([], []),
])
def test_collapse_merges_repeats_then_drops_blanks(path, expected):
    got = ctc_collapse(np.array(path, dtype=np.int64) if path else path)
    assert got.tolist() == expected and got.dtype == np.int64


def test_every_string_has_a_path_that_collapses_to_it():
    # a blank between every pair of labels (and a few repeats of each) always reads back as the string
    for s in ("33", "314", "1111", "90"):
        path = [BLANK]
        for i in encode_digits(s):
            path += [int(i)] * 2 + [BLANK]
        assert decode_ids(ctc_collapse(path)) == s


def _one_hot(paths):
    """(B, T) label paths -> (B, T, 11) probabilities: 0.9 on the path's label, the rest spread."""
    paths = np.asarray(paths)
    probs = np.full(paths.shape + (N_LABELS,), 0.01)
    np.put_along_axis(probs, paths[..., None], 0.9, axis=-1)
    return probs


def test_greedy_decoding_reads_the_most_probable_label_at_each_frame():
    paths = [[0, 4, 4, 0, 2, 0, 0, 5, 5],          # "314"
             [4, 4, 4, 4, 0, 4, 0, 0, 0],          # "33"
             [0, 0, 0, 0, 0, 0, 0, 0, 0],          # ""
             [1, 1, 2, 2, 3, 3, 10, 0, 1]]         # "01290"
    probs = _one_hot(paths)
    assert np.allclose(probs.sum(axis=-1), 1)
    assert greedy_ctc_decode(probs) == ["314", "33", "", "01290"]
    assert greedy_ctc_decode(np.log(probs)) == ["314", "33", "", "01290"]   # logits: the same argmax


def test_greedy_decoding_is_not_the_most_probable_string():
    # frame by frame the blank wins (0.6 > 0.4), but "3" has 1 - 0.6 ** 2 = 0.64 of the probability
    probs = np.zeros((1, 2, N_LABELS))
    probs[0, :, BLANK], probs[0, :, 4] = 0.6, 0.4
    assert greedy_ctc_decode(probs) == [""]


def _brute_force_distance(a, b):
    """The fewest edits, by trying every alignment: recursion over the first characters."""
    if not a or not b:
        return len(a) + len(b)
    return min(_brute_force_distance(a[1:], b) + 1, _brute_force_distance(a, b[1:]) + 1,
               _brute_force_distance(a[1:], b[1:]) + (a[0] != b[0]))


@pytest.mark.parametrize("a, b, d", [
    ("kitten", "sitting", 3), ("", "", 0), ("", "314", 3), ("314", "", 3), ("314", "314", 0),
    ("314", "3144", 1), ("314", "324", 1), ("314", "14", 1), ("123", "321", 2), ("flaw", "lawn", 2),
])
def test_edit_distance_of_known_cases(a, b, d):
    assert edit_distance(a, b) == d and edit_distance(b, a) == d
    assert isinstance(edit_distance(a, b), int)


def test_edit_distance_equals_brute_force_and_is_symmetric():
    strings = ["".join(p) for n in range(4) for p in itertools.product("012", repeat=n)]
    rng = np.random.default_rng(0)
    for a, b in rng.choice(strings, size=(150, 2)):
        assert edit_distance(a, b) == _brute_force_distance(a, b) == edit_distance(b, a)
    for a in strings:
        assert edit_distance(a, a) == 0


def test_digit_error_rate_is_total_edits_over_total_reference_digits():
    assert digit_error_rate(["314"], ["324"]) == pytest.approx(1 / 3)
    assert digit_error_rate(["314", "27"], ["314", "27"]) == 0.0
    # 1 + 2 edits over 3 + 2 digits (not the mean of 1/3 and 2/2)
    assert digit_error_rate(["324", ""], ["314", "27"]) == pytest.approx(3 / 5)
    assert digit_error_rate(("", ""), ("12", "345")) == 1.0                # all deleted
    assert digit_error_rate(["1234567", "0"], ["1", "0"]) == pytest.approx(6 / 2)   # insertions: above 1


@pytest.mark.parametrize("call, error, words", [
    (lambda: encode_digits(""), ValueError, "digits: expected at least one digit"),
    (lambda: encode_digits("3a"), ValueError, "digits: expected only the digits"),
    (lambda: encode_digits(314), TypeError, "digits"),
    (lambda: decode_ids([0, 4]), ValueError, r"ids: .*\(no blank\)"),
    (lambda: decode_ids([1.0]), TypeError, "ids"),
    (lambda: ctc_collapse([11]), ValueError, "path"),
    (lambda: greedy_ctc_decode(np.zeros((1, 3, 10))), ValueError, "probs: expected shape"),
    (lambda: edit_distance("1", 1), TypeError, "reference"),
    (lambda: digit_error_rate(["1"], ["1", "2"]), ValueError, "hypotheses: expected one per reference"),
    (lambda: digit_error_rate(["1"], [""]), ValueError, "references: expected at least one digit"),
])
def test_bad_input_says_what_it_got(call, error, words):
    with pytest.raises(error, match=words):
        call()
