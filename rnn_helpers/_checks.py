"""Argument checks shared by every public helper.

Each check raises ``TypeError`` or ``ValueError`` with a message that names the argument,
what was received and what was expected, so that a student sees the mistake, not a stack
trace from deep inside numpy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np


def as_array(name: str, value, *, ndim: int | None = None, dtype=None) -> np.ndarray:
    """Return ``value`` as a finite numpy array of ``ndim`` dimensions, or raise.

    ``dtype`` defaults to the value's own floating dtype (float64 for ints and lists).
    """
    if value is None:
        raise TypeError(f"{name}: expected an array, got None")
    try:
        arr = np.asarray(value)
    except Exception as exc:  # ragged lists and the like
        raise TypeError(f"{name}: expected an array of numbers, got {type(value).__name__}") from exc
    if arr.dtype == object or not np.issubdtype(arr.dtype, np.number):
        raise TypeError(f"{name}: expected an array of numbers, got dtype {arr.dtype}")
    if dtype is not None:
        arr = arr.astype(dtype, copy=False)
    elif not np.issubdtype(arr.dtype, np.floating):
        arr = arr.astype(np.float64)
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name}: expected {ndim} dimensions, got shape {arr.shape}")
    check_finite(name, arr)
    return arr


def check_finite(name: str, arr: np.ndarray) -> None:
    """Raise ``ValueError`` if ``arr`` holds a NaN or an infinity, saying how many and where."""
    bad = ~np.isfinite(arr)
    if bad.any():
        first = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(
            f"{name}: expected finite numbers, got {int(bad.sum())} NaN/inf value(s) "
            f"(first at index {first}: {arr[first]})"
        )


def check_shape(name: str, arr: np.ndarray, expected: Sequence[int | None]) -> None:
    """Raise ``ValueError`` unless ``arr.shape`` matches ``expected`` (``None`` matches any size)."""
    ok = arr.ndim == len(expected) and all(e is None or e == s for e, s in zip(expected, arr.shape))
    if not ok:
        shown = "(" + ", ".join("any" if e is None else str(e) for e in expected) + \
            ("," if len(expected) == 1 else "") + ")"
        raise ValueError(f"{name}: expected shape {shown}, got {arr.shape}")


def check_choice(name: str, value, choices: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``choices``, else raise with the list of valid names."""
    choices = list(choices)
    if not isinstance(value, str):
        raise TypeError(f"{name}: expected one of {choices}, got {value!r} ({type(value).__name__})")
    if value not in choices:
        raise ValueError(f"{name}: expected one of {choices}, got {value!r}")
    return value


def check_positive_int(name: str, value) -> int:
    """Return ``value`` as an int if it is a positive integer, else raise."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name}: expected a positive integer, got {value!r} ({type(value).__name__})")
    if value <= 0:
        raise ValueError(f"{name}: expected a positive integer, got {value}")
    return int(value)


def check_params(name: str, params, expected_keys: Iterable[str]) -> None:
    """Raise unless ``params`` is a mapping holding exactly ``expected_keys``."""
    expected = sorted(expected_keys)
    if not isinstance(params, dict):
        raise TypeError(f"{name}: expected a dict with keys {expected}, got {type(params).__name__}")
    missing = sorted(set(expected) - set(params))
    extra = sorted(set(params) - set(expected))
    if missing or extra:
        raise ValueError(
            f"{name}: expected keys {expected}, got {sorted(params)} "
            f"(missing {missing}, unexpected {extra})"
        )


def check_seed(value, name: str = "seed") -> int:
    """Return ``value`` as an int if it is a non-negative integer (Python or numpy), else raise."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name}: expected a non-negative integer, got {value!r} ({type(value).__name__})")
    if value < 0:
        raise ValueError(f"{name}: expected a non-negative integer, got {value}")
    return int(value)


def check_number(name: str, value, *, low: float = -np.inf, high: float = np.inf) -> float:
    """Return ``value`` as a float if it is a finite real number in [low, high], else raise."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name}: expected a number, got {value!r} ({type(value).__name__})")
    if not np.isfinite(value) or not low <= value <= high:
        raise ValueError(f"{name}: expected a finite number in [{low}, {high}], got {value}")
    return float(value)
