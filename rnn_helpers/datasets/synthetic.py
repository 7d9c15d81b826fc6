"""Synthetic tasks with known long-range structure, and the starting code's random data.

    x, y = adding_problem(n=1000, seq_len=100, seed=0)   # x (n, T, 2) float, y (n,) float: regression
    x, y = temporal_order_problem(1000, 100, seed=0)     # x (n, T, 8) one-hot, y (n,) int64 in 0..3
    x, y = latch_problem(1000, 100, seed=0)              # x (n, T, 1) float, y (n,) int64 in {0, 1}
    x, y = random_sequence_data(1000, 10, 8, num_classes=2, seed=0)   # noise: nothing to learn
    x, y = first_value_problem(2000, seq_len=40, seed=0)   # x (n, T, 1), y (n, 1) = x_0: memory only

The adding problem (Hochreiter & Schmidhuber 1997, in the form of Le, Jaitly & Hinton 2015):
each step carries two numbers, a value a_t ~ U(0, 1) and a marker m_t ∈ {0, 1}. Exactly two
steps are marked, one in the first half of the sequence and one in the second half; the target
is the sum of the two marked values. A model must find the first marked value and carry it,
unchanged, across up to T - 1 steps of distractors.

Predicting the constant E[a + b] = 1 whatever the input is the trivial baseline:
its mean squared error is Var(a + b) = 2 · Var(U(0, 1)) = 2/12 = 1/6.

The temporal order problem (Hochreiter & Schmidhuber 1997, task 6a) and the latch problem
(Bengio, Simard & Frasconi 1994; the form of Hochreiter & Schmidhuber's task 3a) are
classification tasks: the class is set by a few relevant steps and everything else is noise,
so a model that forgets them scores chance (TEMPORAL_ORDER_CHANCE, LATCH_CHANCE).
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, check_int, check_number, check_positive_int, check_seed

TRIVIAL_PREDICTION = 1.0        # E[a + b] for a, b ~ U(0, 1)
TRIVIAL_MSE = 2.0 / 12.0        # Var(a + b) = 2 · 1/12 ≈ 0.167
FIRST_VALUE_MSE = 1.0 / 3.0     # Var(U(-1, 1)): predicting the mean of first_value_problem


def adding_problem(n, seq_len, seed=0, dtype=np.float32):
    """``n`` sequences of the adding problem, each ``seq_len`` steps long.

    Returns ``x`` (n, T, 2): channel 0 the values a_t ~ U(0, 1), channel 1 the markers (exactly
    two 1s per sequence, one at a step in [0, T//2), one in [T//2, T)); and ``y`` (n,): the sum of
    the two marked values. ``seq_len`` must be at least 2. The same ``seed`` gives the same data.
    """
    n = check_positive_int("n", n)
    T = check_positive_int("seq_len", seq_len)
    if T < 2:
        raise ValueError(f"seq_len: expected at least 2 steps (two markers, one per half), got {T}")
    dtype = _float_dtype(dtype)
    rng = np.random.default_rng(check_seed(seed))
    values = rng.uniform(0.0, 1.0, size=(n, T))                    # (n, T) a_t
    first = rng.integers(0, T // 2, size=n)                        # (n,) marker in the first half
    second = rng.integers(T // 2, T, size=n)                       # (n,) marker in the second half
    markers = np.zeros((n, T))                                     # (n, T) m_t
    rows = np.arange(n)
    markers[rows, first] = 1.0
    markers[rows, second] = 1.0
    x = np.stack([values, markers], axis=-1).astype(dtype)         # (n, T, 2)
    y = (x[rows, first, 0].astype(np.float64) + x[rows, second, 0]).astype(dtype)  # (n,)
    return x, y


def first_value_problem(n, seq_len=40, *, seed=0):
    """``n`` sequences of uniform noise whose target is their FIRST value: y = x_0.

    Returns ``x`` (n, T, 1) float32, every step ~ U(-1, 1), and ``y`` (n, 1) float32, a copy of
    ``x[:, 0]``. Nothing after step 0 matters, so a model must carry x_0 across T - 1 steps of
    distractors; predicting the mean (0) scores Var(U(-1, 1)) = 1/3, FIRST_VALUE_MSE.
    """
    n = check_positive_int("n", n)
    T = check_positive_int("seq_len", seq_len)
    x = np.random.default_rng(check_seed(seed)).uniform(-1, 1, (n, T, 1)).astype(np.float32)
    return x, x[:, 0].copy()                                       # (n, T, 1), (n, 1)


def _float_dtype(dtype) -> np.dtype:
    try:
        dt = np.dtype(dtype)
    except TypeError as exc:
        raise TypeError(f"dtype: expected a numpy floating dtype such as np.float32, got {dtype!r}") from exc
    if not np.issubdtype(dt, np.floating):
        raise ValueError(f"dtype: expected a floating dtype (values in [0, 1) round to 0), got {dt.name}")
    return dt


def marked_sum_so_far(x) -> np.ndarray:
    """The quantity a memory unit must hold: Σ_{s ≤ t} a_s m_s at every step, shape (n, T).

    x (n, T, 2) as from ``adding_problem`` (also accepts one sequence (T, 2), giving (T,)).
    """
    x = as_array("x", x)
    if x.ndim not in (2, 3) or x.shape[-1] != 2:
        raise ValueError(f"x: expected shape (n, T, 2) or (T, 2) (values, markers), got {x.shape}")
    return np.cumsum(x[..., 0] * x[..., 1], axis=-1)              # (n, T) or (T,)


def trivial_baseline_mse(y) -> float:
    """Mean squared error of always predicting ``TRIVIAL_PREDICTION`` = 1 on targets y (n,)."""
    y = as_array("y", y, ndim=1)
    if y.size == 0:
        raise ValueError("y: expected at least one target, got an empty array")
    return float(np.mean((y.astype(np.float64) - TRIVIAL_PREDICTION) ** 2))


def random_sequence_data(n, timesteps, features, num_classes=2, *, seed=0):
    """The starting code's data, seeded: x uniform in [0, 1) (n, T, D) float32, y (n,) int64 labels.

    The labels are drawn independently of x, so no model can beat chance (1 / num_classes) on
    examples it has not seen.
    """
    n, timesteps = check_positive_int("n", n), check_positive_int("timesteps", timesteps)
    features, num_classes = check_positive_int("features", features), check_positive_int(
        "num_classes", num_classes)
    rng = np.random.default_rng(check_seed(seed))
    x = rng.random((n, timesteps, features)).astype(np.float32)   # (n, T, D)
    y = rng.integers(0, num_classes, size=n)                      # (n,)
    return x, y


SYMBOLS = ("a", "b", "c", "d", "X", "Y", "E", "B")   # distractors a-d, relevant X/Y, start E, trigger B
ORDER_CLASSES = ("XX", "XY", "YX", "YY")            # H&S's classes Q, R, S, U
TEMPORAL_ORDER_CHANCE = 1.0 / len(ORDER_CLASSES)    # 4 balanced classes: accuracy 0.25
_X, _Y, _E, _B = (SYMBOLS.index(s) for s in "XYEB")


def default_windows(seq_len) -> tuple[tuple[int, int], tuple[int, int]]:
    """Where X/Y may sit, as half-open [start, stop) steps: about [T/10, T/5] and [T/2, 3T/5]
    (for T = 100 the [10, 20] and [50, 60] of Hochreiter & Schmidhuber)."""
    T = check_int("seq_len", seq_len, low=4)
    first = (max(1, T // 10), max(2, T // 5 + 1))
    second = (max(first[1], T // 2), min(T - 1, max(first[1] + 1, 3 * T // 5 + 1)))
    return first, second


def temporal_order_problem(n, seq_len=100, *, windows=None, seed=0):
    """``n`` sequences of the temporal order problem, after Hochreiter & Schmidhuber (1997, task 6a).

    Each sequence starts with E and ends with the trigger B; one step in ``windows[0]`` and one
    in ``windows[1]`` (half-open step ranges; default ``default_windows(seq_len)``) hold X or Y,
    every other step a distractor drawn uniformly from a, b, c, d. The class is the order of the
    two relevant symbols: 0 XX, 1 XY, 2 YX, 3 YY (ORDER_CLASSES), balanced. After H&S, the length
    is fixed (they drew it from 100-110) so that sequences batch.

    Returns ``x`` (n, T, 8) float32, one-hot over SYMBOLS, and ``y`` (n,) int64.
    """
    n = check_positive_int("n", n)
    T = check_int("seq_len", seq_len, low=4)
    w1, w2 = default_windows(T) if windows is None else _check_windows(windows, T)
    rng = np.random.default_rng(check_seed(seed))
    symbols = rng.integers(0, 4, size=(n, T))                      # (n, T) distractors a-d
    symbols[:, 0], symbols[:, -1] = _E, _B
    t1, t2 = rng.integers(*w1, size=n), rng.integers(*w2, size=n)  # (n,) relevant steps
    first, second = rng.integers(0, 2, size=n), rng.integers(0, 2, size=n)   # 0 = X, 1 = Y
    rows = np.arange(n)
    symbols[rows, t1], symbols[rows, t2] = _X + first, _X + second
    x = np.eye(len(SYMBOLS), dtype=np.float32)[symbols]            # (n, T, 8) one-hot
    return x, (2 * first + second).astype(np.int64)                # (n,) class of the order


def _check_windows(windows, T):
    if not isinstance(windows, (tuple, list)) or not all(isinstance(w, (tuple, list)) for w in windows):
        raise TypeError(f"windows: expected two (start, stop) pairs, got {windows!r}")
    if len(windows) != 2 or any(len(w) != 2 for w in windows):
        raise ValueError(f"windows: expected two (start, stop) pairs, got {windows!r}")
    (a1, b1), (a2, b2) = windows
    a1, b1, a2, b2 = (check_int(f"windows ({k})", v, low=1, high=T - 1)
                      for k, v in zip(("start 1", "stop 1", "start 2", "stop 2"), (a1, b1, a2, b2)))
    if not (a1 < b1 <= a2 < b2):
        raise ValueError(f"windows: expected 1 <= start1 < stop1 <= start2 < stop2 <= T - 1 = {T - 1} "
                         f"(two non-empty windows in order, clear of E and B), got {windows!r}")
    return (a1, b1), (a2, b2)


def temporal_order_labels(x) -> np.ndarray:
    """The class of each temporal order sequence, read from its X/Y steps only: (n,) int64.

    x (n, T, 8) one-hot over SYMBOLS, with exactly two X/Y steps per sequence.
    """
    x = as_array("x", x, ndim=3)
    if x.shape[-1] != len(SYMBOLS):
        raise ValueError(f"x: expected shape (n, T, {len(SYMBOLS)}) one-hot over SYMBOLS, got {x.shape}")
    symbols = x.argmax(axis=-1)                                    # (n, T)
    relevant = (symbols == _X) | (symbols == _Y)
    counts = relevant.sum(axis=1)
    if (counts != 2).any():
        raise ValueError(f"x: expected exactly two X/Y steps per sequence, got {counts[counts != 2][0]} "
                         f"in sequence {int(np.argmax(counts != 2))}")
    is_y = symbols[relevant].reshape(-1, 2) == _Y                  # (n, 2) in time order
    return (2 * is_y[:, 0] + is_y[:, 1]).astype(np.int64)


LATCH_CHANCE = 0.5                  # two balanced classes
LATCH_NOISE_STD = float(np.sqrt(0.2))   # H&S task 3a: Gaussian noise of variance 0.2


def latch_problem(n, seq_len, *, latch_len=3, noise_std=LATCH_NOISE_STD, seed=0):
    """``n`` sequences of the latch problem (Bengio et al. 1994; after Hochreiter & Schmidhuber's
    task 3a, whose first N = 3 elements carry the class): a model must latch the class it sees at
    the start and keep it through seq_len - latch_len steps of noise.

    The first ``latch_len`` steps are all +1 (class 1) or all -1 (class 0); the other steps are
    Gaussian noise N(0, noise_std²), the same for both classes. Returns ``x`` (n, T, 1) float32
    and ``y`` (n,) int64 in {0, 1}, balanced; the target is the class, at the end.
    """
    n, T = check_positive_int("n", n), check_int("seq_len", seq_len, low=2)
    L = check_int("latch_len", latch_len, low=1, high=T - 1)
    noise_std = check_number("noise_std", noise_std, low=0.0)
    rng = np.random.default_rng(check_seed(seed))
    y = rng.integers(0, 2, size=n)                                 # (n,) class
    x = noise_std * rng.standard_normal((n, T))                    # (n, T) noise everywhere
    x[:, :L] = (2.0 * y - 1.0)[:, None]                            # the latch: ±1 for L steps
    return x[..., None].astype(np.float32), y.astype(np.int64)     # (n, T, 1), (n,)


def latch_labels(x, latch_len=3) -> np.ndarray:
    """The class of each latch sequence, read from its first ``latch_len`` steps only: (n,) int64."""
    x = as_array("x", x, ndim=3)
    if x.shape[-1] != 1:
        raise ValueError(f"x: expected shape (n, T, 1), got {x.shape}")
    L = check_int("latch_len", latch_len, low=1, high=x.shape[1])
    return (x[:, :L, 0].mean(axis=1) > 0).astype(np.int64)
