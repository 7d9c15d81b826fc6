"""Sequence data of the Keras notebook: the starting code's random data and the digits read row by row."""

import numpy as np
import pytest

from rnn_helpers.datasets.digits import digit_sequence_splits, load_digit_sequences
from rnn_helpers.datasets.splits import (
    SequenceSplits,
    random_lengths,
    split_stratified,
    truncate_and_pad,
)
from rnn_helpers.datasets.synthetic import random_sequence_data


def test_random_sequence_data_has_the_starting_codes_shapes_and_ranges():
    x, y = random_sequence_data(1000, 10, 8, num_classes=2, seed=0)
    assert x.shape == (1000, 10, 8) and x.dtype == np.float32
    assert 0.0 <= x.min() and x.max() < 1.0
    assert y.shape == (1000,) and set(np.unique(y)) == {0, 1}
    assert 400 < np.sum(y == 1) < 600                      # balanced coin flips
    x2, y2 = random_sequence_data(1000, 10, 8, num_classes=2, seed=0)
    assert np.array_equal(x, x2) and np.array_equal(y, y2)
    assert not np.array_equal(y, random_sequence_data(1000, 10, 8, num_classes=2, seed=1)[1])


@pytest.mark.parametrize("kwargs, error", [
    ({"n": 0}, ValueError), ({"n": 2.5}, TypeError), ({"timesteps": -1}, ValueError),
    ({"num_classes": "2"}, TypeError),
])
def test_random_sequence_data_rejects_bad_sizes(kwargs, error):
    args = {"n": 4, "timesteps": 3, "features": 2, "num_classes": 2} | kwargs
    with pytest.raises(error, match=next(iter(kwargs))):
        random_sequence_data(**args)


def test_digits_are_read_row_by_row():
    from sklearn.datasets import load_digits

    x, y = load_digit_sequences()
    images = load_digits().images
    assert x.shape == (1797, 8, 8) and x.dtype == np.float32 and y.shape == (1797,)
    assert x.min() == 0.0 and x.max() == 1.0
    np.testing.assert_allclose(x[5, 3], images[5][3] / 16.0)   # step t = image row t
    assert set(np.unique(y)) == set(range(10))


def test_splits_are_disjoint_stratified_and_seeded():
    x, y = load_digit_sequences()
    codes = np.arange(len(x), dtype=np.float32)[:, None, None] * np.ones((1, 2, 1), np.float32)
    s = split_stratified(codes, y, seed=0)                      # x carries each example's index
    ids = {name: getattr(s, f"x_{name}")[:, 0, 0].astype(int) for name in ("train", "val", "test")}
    assert s.sizes() == {"train": 1077, "validation": 360, "test": 360}
    assert len(set(np.concatenate(list(ids.values())))) == len(x)          # disjoint, complete
    for name, idx in ids.items():
        assert np.array_equal(getattr(s, f"y_{name}"), y[idx])              # labels travel along
    for name in ("train", "val", "test"):                                  # same class mix as y
        share = np.bincount(getattr(s, f"y_{name}"), minlength=10) / len(getattr(s, f"y_{name}"))
        np.testing.assert_allclose(share, np.bincount(y) / len(y), atol=0.01)
    again = split_stratified(codes, y, seed=0)
    assert np.array_equal(again.x_test, s.x_test)
    assert not np.array_equal(split_stratified(codes, y, seed=1).x_test, s.x_test)


def test_digit_sequence_splits_describe_themselves():
    data = digit_sequence_splits(seed=0)
    assert isinstance(data, SequenceSplits)
    assert data.input_shape == (8, 8) and data.num_classes == 10
    assert data.x_train.shape == (1077, 8, 8) and data.y_test.shape == (360,)


def test_reshaped_reads_the_same_pixels_one_by_one():
    data = digit_sequence_splits(seed=0)
    pixels = data.reshaped(64, 1)
    assert pixels.input_shape == (64, 1) and pixels.x_val.shape == (360, 64, 1)
    assert pixels.x_test[7, 8 * 3 + 5, 0] == data.x_test[7, 3, 5]          # row 3, column 5
    assert pixels.y_train is data.y_train
    with pytest.raises(ValueError, match="timesteps \\* features: expected 64"):
        data.reshaped(10, 6)


@pytest.mark.parametrize("kwargs, match", [
    ({"val_fraction": 0.0}, "val_fraction"), ({"test_fraction": 1}, "test_fraction"),
    ({"val_fraction": 0.5, "test_fraction": 0.5}, "val_fraction \\+ test_fraction"),
])
def test_split_rejects_bad_fractions(kwargs, match):
    x, y = np.zeros((40, 3, 2)), np.arange(40) % 2
    with pytest.raises(ValueError, match=match):
        split_stratified(x, y, **kwargs)


def test_split_rejects_labels_that_do_not_fit():
    with pytest.raises(ValueError, match="y: expected 10 integer labels"):
        split_stratified(np.zeros((10, 3, 2)), np.zeros(9, int))
    with pytest.raises(ValueError, match="x: expected 3 dimensions"):
        split_stratified(np.zeros((10, 3)), np.zeros(10, int))


def test_random_lengths_cover_the_range_and_are_seeded():
    lengths = random_lengths(2000, 8, min_len=4, seed=0)
    assert lengths.shape == (2000,) and set(np.unique(lengths)) == {4, 5, 6, 7, 8}
    assert np.array_equal(lengths, random_lengths(2000, 8, min_len=4, seed=0))
    with pytest.raises(ValueError, match="min_len: expected at most max_len=3, got 4"):
        random_lengths(5, 3, min_len=4)


def test_truncate_and_pad_keeps_the_first_steps_and_pads_the_rest():
    x = np.arange(2 * 4 * 3, dtype=np.float32).reshape(2, 4, 3) + 1.0     # (B=2, T=4, D=3)
    out = truncate_and_pad(x, np.array([1, 3]), pad_value=-1.0)
    assert out.shape == (2, 4, 3) and out.dtype == np.float32
    assert np.array_equal(out[0, :1], x[0, :1]) and np.all(out[0, 1:] == -1.0)
    assert np.array_equal(out[1, :3], x[1, :3]) and np.all(out[1, 3:] == -1.0)
    assert x[0, 1, 0] == 4.0                                               # input left untouched
    assert np.array_equal(truncate_and_pad(x, np.array([4, 4])), x)        # full length: no padding


@pytest.mark.parametrize("lengths, pad, error, match", [
    (np.array([0, 2]), 0.0, ValueError, "lengths: expected values in 1..4, got 0..2"),
    (np.array([1, 5]), 0.0, ValueError, "lengths: expected values in 1..4, got 1..5"),
    (np.array([1.0, 2.0]), 0.0, ValueError, "lengths: expected 2 integers"),
    (np.array([1, 2, 3]), 0.0, ValueError, "lengths: expected 2 integers"),
    (np.array([1, 2]), float("nan"), ValueError, "pad_value: expected a finite number"),
])
def test_truncate_and_pad_rejects_bad_arguments(lengths, pad, error, match):
    with pytest.raises(error, match=match):
        truncate_and_pad(np.zeros((2, 4, 3)), lengths, pad_value=pad)
