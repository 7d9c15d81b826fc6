"""Synthetic tasks with known long-range structure, and the starting code's random data.

    x, y = adding_problem(n=1000, seq_len=100, seed=0)   # x (n, T, 2), y (n,)
    x, y = random_sequence_data(1000, 10, 8, num_classes=2, seed=0)   # noise: nothing to learn

The adding problem (Hochreiter & Schmidhuber 1997, in the form of Le, Jaitly & Hinton 2015):
each step carries two numbers, a value a_t ~ U(0, 1) and a marker m_t ∈ {0, 1}. Exactly two
steps are marked, one in the first half of the sequence and one in the second half; the target
is the sum of the two marked values. A model must find the first marked value and carry it,
unchanged, across up to T - 1 steps of distractors.

Predicting the constant E[a + b] = 1 whatever the input is the trivial baseline:
its mean squared error is Var(a + b) = 2 · Var(U(0, 1)) = 2/12 = 1/6.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, check_positive_int, check_seed

TRIVIAL_PREDICTION = 1.0        # E[a + b] for a, b ~ U(0, 1)
TRIVIAL_MSE = 2.0 / 12.0        # Var(a + b) = 2 · 1/12 ≈ 0.167


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
    rng = np.random.default_rng(seed)
    x = rng.random((n, timesteps, features)).astype(np.float32)   # (n, T, D)
    y = rng.integers(0, num_classes, size=n)                      # (n,)
    return x, y
