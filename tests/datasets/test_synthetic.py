"""The adding problem: shapes, markers, targets, seeding, the trivial baseline, argument errors."""

import numpy as np
import pytest

from rnn_helpers.datasets.synthetic import (
    TRIVIAL_MSE,
    adding_problem,
    marked_sum_so_far,
    trivial_baseline_mse,
)


def test_shapes_and_dtype():
    x, y = adding_problem(7, 12, seed=0)
    assert x.shape == (7, 12, 2) and y.shape == (7,)
    assert x.dtype == np.float32 and y.dtype == np.float32
    x64, _ = adding_problem(3, 5, seed=0, dtype=np.float64)
    assert x64.dtype == np.float64


@pytest.mark.parametrize("seq_len", [2, 3, 10, 101])
def test_exactly_two_markers_one_per_half(seq_len):
    x, _ = adding_problem(500, seq_len, seed=1)
    markers = x[..., 1]
    assert np.isin(markers, (0.0, 1.0)).all()
    np.testing.assert_array_equal(markers.sum(axis=1), 2)
    half = seq_len // 2
    np.testing.assert_array_equal(markers[:, :half].sum(axis=1), 1)   # one in the first half
    np.testing.assert_array_equal(markers[:, half:].sum(axis=1), 1)   # one in the second half


def test_values_are_uniform_and_target_is_the_marked_sum():
    x, y = adding_problem(300, 20, seed=2)
    assert x[..., 0].min() >= 0.0 and x[..., 0].max() < 1.0
    marked = np.where(x[..., 1] == 1.0, x[..., 0], 0.0).sum(axis=1)   # independent: by mask
    np.testing.assert_allclose(y, marked, rtol=1e-6)
    np.testing.assert_allclose(marked_sum_so_far(x)[:, -1], y, rtol=1e-6)
    np.testing.assert_allclose(marked_sum_so_far(x[0]), marked_sum_so_far(x)[0])


def test_marked_sum_so_far_steps_at_the_markers():
    x = np.array([[0.3, 0.0], [0.5, 1.0], [0.9, 0.0], [0.2, 1.0]])   # (T, 2)
    np.testing.assert_allclose(marked_sum_so_far(x), [0.0, 0.5, 0.5, 0.7])


def test_seeded():
    a, ya = adding_problem(10, 30, seed=5)
    b, yb = adding_problem(10, 30, seed=5)
    c, _ = adding_problem(10, 30, seed=6)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(ya, yb)
    assert not np.array_equal(a, c)


def test_trivial_baseline_is_one_sixth():
    _, y = adding_problem(200_000, 4, seed=3)
    assert TRIVIAL_MSE == pytest.approx(1 / 6)
    # the standard error of the estimate is about 0.0005 here
    assert trivial_baseline_mse(y) == pytest.approx(1 / 6, abs=0.003)
    assert trivial_baseline_mse([1.0, 2.0, 0.0]) == pytest.approx(2 / 3)


@pytest.mark.parametrize("args, error, match", [
    ((0, 10), ValueError, "n: expected a positive integer, got 0"),
    ((5, 0), ValueError, "seq_len: expected a positive integer, got 0"),
    ((5, -3), ValueError, "seq_len: expected a positive integer, got -3"),
    ((5, 1), ValueError, "seq_len: expected at least 2 steps"),
    ((5, 10.0), TypeError, "seq_len: expected a positive integer"),
    ((2.5, 10), TypeError, "n: expected a positive integer"),
])
def test_bad_arguments(args, error, match):
    with pytest.raises(error, match=match):
        adding_problem(*args)


@pytest.mark.parametrize("seed", [-1, 1.5, None, True])
def test_bad_seed(seed):
    with pytest.raises((TypeError, ValueError), match="seed: expected a non-negative integer"):
        adding_problem(3, 4, seed=seed)


def test_bad_inputs_of_helpers():
    with pytest.raises(ValueError, match=r"x: expected shape \(n, T, 2\)"):
        marked_sum_so_far(np.zeros((3, 4, 5)))
    with pytest.raises(ValueError, match="finite"):
        marked_sum_so_far(np.full((4, 2), np.nan))
    with pytest.raises(ValueError, match="at least one target"):
        trivial_baseline_mse([])
    with pytest.raises(ValueError, match="expected 1 dimensions"):
        trivial_baseline_mse(np.zeros((2, 2)))

