"""The synthetic tasks: adding, temporal order and latch (structure, targets, seeding, baselines, errors)."""

import numpy as np
import pytest

from rnn_helpers.datasets.synthetic import (
    LATCH_CHANCE,
    LATCH_NOISE_STD,
    ORDER_CLASSES,
    SYMBOLS,
    TEMPORAL_ORDER_CHANCE,
    TRIVIAL_MSE,
    adding_problem,
    default_windows,
    latch_labels,
    latch_problem,
    marked_sum_so_far,
    random_sequence_data,
    temporal_order_labels,
    temporal_order_problem,
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


@pytest.mark.parametrize("dtype, error", [(int, ValueError), (np.int32, ValueError), ("abc", TypeError)])
def test_bad_dtype(dtype, error):
    with pytest.raises(error, match="dtype: expected a"):
        adding_problem(3, 4, dtype=dtype)


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



# ---- the temporal order problem ------------------------------------------------------------------

def _symbols(x):
    return np.array(SYMBOLS)[x.argmax(axis=-1)]                           # (n, T) letters


@pytest.mark.parametrize("seq_len", [4, 5, 10, 100])
def test_temporal_order_structure(seq_len):
    x, y = temporal_order_problem(400, seq_len, seed=0)
    assert x.shape == (400, seq_len, 8) and x.dtype == np.float32 and y.dtype == np.int64
    np.testing.assert_array_equal(x.sum(axis=-1), 1.0)                   # one-hot
    s = _symbols(x)
    assert (s[:, 0] == "E").all() and (s[:, -1] == "B").all()
    (a1, b1), (a2, b2) = default_windows(seq_len)
    relevant = np.isin(s, ["X", "Y"])
    np.testing.assert_array_equal(relevant[:, a1:b1].sum(axis=1), 1)     # one in each window
    np.testing.assert_array_equal(relevant[:, a2:b2].sum(axis=1), 1)
    np.testing.assert_array_equal(relevant.sum(axis=1), 2)               # and nowhere else
    assert np.isin(s[:, 1:-1][~relevant[:, 1:-1]], list("abcd")).all()


def test_temporal_order_windows_follow_the_paper_at_100():
    assert default_windows(100) == ((10, 21), (50, 61))                  # t1 in [10, 20], t2 in [50, 60]
    x, _ = temporal_order_problem(2000, 100, seed=1)
    steps = np.argwhere(np.isin(_symbols(x), ["X", "Y"]))[:, 1].reshape(-1, 2)   # (n, 2) t1, t2
    assert steps[:, 0].min() == 10 and steps[:, 0].max() == 20
    assert steps[:, 1].min() == 50 and steps[:, 1].max() == 60


def test_temporal_order_class_is_the_order_of_x_and_y():
    x, y = temporal_order_problem(500, 30, windows=((2, 8), (15, 25)), seed=2)
    letters = _symbols(x)
    order = ["".join(row[np.isin(row, ["X", "Y"])]) for row in letters]   # e.g. "YX"
    np.testing.assert_array_equal(y, [ORDER_CLASSES.index(o) for o in order])
    np.testing.assert_array_equal(temporal_order_labels(x), y)
    np.testing.assert_allclose(np.bincount(y, minlength=4) / 500, TEMPORAL_ORDER_CHANCE, atol=0.06)
    assert TEMPORAL_ORDER_CHANCE == 0.25


def test_temporal_order_distractors_do_not_matter():
    x, y = temporal_order_problem(300, 40, seed=3)
    s = x.argmax(axis=-1)                                                 # (n, T) symbol indices
    distractor = s < 4
    rng = np.random.default_rng(0)
    altered = s.copy()
    altered[distractor] = rng.integers(0, 4, size=distractor.sum())       # other distractors
    for row in range(len(s)):                                             # and shuffled in time
        where = np.flatnonzero(distractor[row])
        altered[row, where] = rng.permutation(altered[row, where])
    np.testing.assert_array_equal(temporal_order_labels(np.eye(8)[altered]), y)
    flipped = s.copy()                                                    # a relevant step: y changes
    first = np.argmax((s == 4) | (s == 5), axis=1)                        # (n,) step of the first X/Y
    flipped[np.arange(len(s)), first] = 9 - flipped[np.arange(len(s)), first]   # X (4) <-> Y (5)
    assert (temporal_order_labels(np.eye(8)[flipped]) != y).all()


def test_temporal_order_seeded():
    a, ya = temporal_order_problem(20, 12, seed=np.int64(4))
    b, yb = temporal_order_problem(20, 12, seed=4)
    c, _ = temporal_order_problem(20, 12, seed=5)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(ya, yb)
    assert not np.array_equal(a, c)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"seq_len": 3}, ValueError, r"seq_len: expected an integer in \[4, inf\], got 3"),
    ({"seq_len": 10.0}, TypeError, "seq_len: expected an integer"),
    ({"n": 0}, ValueError, "n: expected a positive integer, got 0"),
    ({"windows": ((0, 3), (5, 8))}, ValueError, r"windows \(start 1\): expected an integer in \[1, 9\]"),
    ({"windows": ((1, 6), (5, 8))}, ValueError, "windows: expected 1 <= start1 < stop1 <= start2"),
    ({"windows": ((2, 2), (5, 8))}, ValueError, "two non-empty windows in order"),
    ({"windows": ((1, 3), (5, 10))}, ValueError, r"windows \(stop 2\): expected an integer in \[1, 9\]"),
    ({"windows": (1, 3)}, TypeError, "windows: expected two"),
    ({"windows": "ab"}, TypeError, "windows: expected two"),
    ({"windows": ((1, 3),)}, ValueError, r"windows: expected two \(start, stop\) pairs"),
    ({"windows": ((1, 3, 4), (5, 8))}, ValueError, "windows: expected two"),
    ({"seed": -1}, ValueError, "seed: expected a non-negative integer"),
    ({"seed": 0.5}, TypeError, "seed: expected a non-negative integer"),
])
def test_temporal_order_bad_arguments(kwargs, error, match):
    args = {"n": 5, "seq_len": 10} | kwargs
    with pytest.raises(error, match=match):
        temporal_order_problem(args.pop("n"), args.pop("seq_len"), **args)


def test_temporal_order_labels_checks_its_input():
    with pytest.raises(ValueError, match=r"x: expected shape \(n, T, 8\)"):
        temporal_order_labels(np.zeros((2, 5, 3)))
    x, _ = temporal_order_problem(3, 10, seed=0)
    x[1, :, :] = np.eye(8)[0]                                             # only distractors
    with pytest.raises(ValueError, match="exactly two X/Y steps per sequence, got 0 in sequence 1"):
        temporal_order_labels(x)


# ---- the latch problem ---------------------------------------------------------------------------

def test_latch_structure():
    x, y = latch_problem(4000, 50, latch_len=3, seed=0)
    assert x.shape == (4000, 50, 1) and x.dtype == np.float32 and y.dtype == np.int64
    assert set(np.unique(y)) == {0, 1} and abs(y.mean() - LATCH_CHANCE) < 0.03
    np.testing.assert_array_equal(x[:, :3, 0], np.repeat(2.0 * y[:, None] - 1.0, 3, axis=1))
    noise = x[:, 3:, 0]
    assert abs(noise.mean()) < 0.01 and noise.std() == pytest.approx(LATCH_NOISE_STD, rel=0.01)
    assert LATCH_NOISE_STD ** 2 == pytest.approx(0.2)
    for cls in (0, 1):                                                    # the noise carries no class
        assert noise[y == cls].std() == pytest.approx(LATCH_NOISE_STD, rel=0.02)
        assert abs(noise[y == cls].mean()) < 0.01


def test_latch_class_is_set_by_the_first_steps_only():
    x, y = latch_problem(300, 20, latch_len=2, noise_std=1.0, seed=1)
    np.testing.assert_array_equal(latch_labels(x, 2), y)
    altered = x.copy()
    altered[:, 2:] = np.random.default_rng(0).normal(scale=5.0, size=altered[:, 2:].shape)
    np.testing.assert_array_equal(latch_labels(altered, 2), y)            # any noise: same class
    altered[:, :2] *= -1                                                  # flip the latch
    np.testing.assert_array_equal(latch_labels(altered, 2), 1 - y)
    quiet, yq = latch_problem(5, 6, latch_len=1, noise_std=0.0, seed=2)
    np.testing.assert_array_equal(quiet[:, 1:], 0.0)
    np.testing.assert_array_equal(quiet[:, 0, 0], 2.0 * yq - 1.0)


def test_latch_seeded():
    a, ya = latch_problem(10, 8, seed=np.int64(3))
    b, yb = latch_problem(10, 8, seed=3)
    c, _ = latch_problem(10, 8, seed=4)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(ya, yb)
    assert not np.array_equal(a, c)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"seq_len": 1}, ValueError, r"seq_len: expected an integer in \[2, inf\], got 1"),
    ({"latch_len": 0}, ValueError, r"latch_len: expected an integer in \[1, 9\], got 0"),
    ({"latch_len": 10}, ValueError, r"latch_len: expected an integer in \[1, 9\], got 10"),
    ({"latch_len": 1.0}, TypeError, "latch_len: expected an integer"),
    ({"noise_std": -0.1}, ValueError, "noise_std: expected a finite number in"),
    ({"noise_std": np.nan}, ValueError, "noise_std: expected a finite number"),
    ({"n": -2}, ValueError, "n: expected a positive integer, got -2"),
    ({"seed": None}, TypeError, "seed: expected a non-negative integer"),
])
def test_latch_bad_arguments(kwargs, error, match):
    args = {"n": 5, "seq_len": 10} | kwargs
    with pytest.raises(error, match=match):
        latch_problem(args.pop("n"), args.pop("seq_len"), **args)
    with pytest.raises(ValueError, match=r"x: expected shape \(n, T, 1\)"):
        latch_labels(np.zeros((2, 5, 2)))


def test_random_sequence_data_checks_its_seed():
    with pytest.raises(ValueError, match="seed: expected a non-negative integer, got -1"):
        random_sequence_data(3, 4, 2, seed=-1)
    a, ya = random_sequence_data(3, 4, 2, seed=np.int64(1))
    b, yb = random_sequence_data(3, 4, 2, seed=1)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(ya, yb)
