"""Argument checks shared by every public helper.

Each check raises ``TypeError`` (wrong kind of value) or ``ValueError`` (right kind, wrong value)
with a message that names the argument, what was received and what was expected, so that a
student sees the mistake, not a stack trace from deep inside numpy. Numpy scalars count as
numbers (``np.int64`` seeds, ``np.float32`` fractions); ``bool`` never counts as a number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

_REAL = (int, float, np.integer, np.floating)


def as_numbers(name: str, value, *, ndim: int | None = None, finite: bool = True) -> np.ndarray:
    """Return ``value`` as a numpy array of real numbers (integers stay integers), or raise.

    Refused: None, strings, ragged lists, booleans, complex numbers (their imaginary part would be
    dropped without a word), a wrong number of dimensions and, when ``finite``, NaN or inf.
    """
    if value is None:
        raise TypeError(f"{name}: expected an array, got None")
    try:
        arr = np.asarray(value)
    except Exception as exc:  # ragged lists and the like
        raise TypeError(f"{name}: expected an array of numbers, got {type(value).__name__}") from exc
    if not (np.issubdtype(arr.dtype, np.integer) or np.issubdtype(arr.dtype, np.floating)):
        why = " (real numbers only)" if np.issubdtype(arr.dtype, np.complexfloating) else ""
        raise TypeError(f"{name}: expected an array of numbers, got dtype {arr.dtype}{why}")
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name}: expected {ndim} dimensions, got shape {arr.shape}")
    if finite:
        check_finite(name, arr)
    return arr


def as_array(name: str, value, *, ndim: int | None = None, dtype=None, finite: bool = True) -> np.ndarray:
    """Return ``value`` as a float numpy array of ``ndim`` dimensions (finite unless told), or raise.

    ``dtype`` defaults to the value's own floating dtype (float64 for ints and lists). A finite
    value that overflows ``dtype`` (1e39 as float32) is refused too.
    """
    arr = as_numbers(name, value, ndim=ndim, finite=finite)
    if dtype is None and not np.issubdtype(arr.dtype, np.floating):
        dtype = np.float64
    if dtype is not None:
        with np.errstate(over="ignore"):
            cast = arr.astype(dtype, copy=False)
        if finite and cast is not arr and not np.isfinite(cast).all():
            raise ValueError(f"{name}: values up to {np.abs(arr).max():.3g} overflow {np.dtype(dtype).name} "
                             f"(largest {np.finfo(dtype).max:.3g})")
        arr = cast
    return arr


def check_finite(name: str, arr) -> None:
    """Raise ``ValueError`` if ``arr`` holds a NaN or an infinity, saying how many and where."""
    arr = np.asarray(arr)
    if not (np.issubdtype(arr.dtype, np.integer) or np.issubdtype(arr.dtype, np.floating)):
        raise TypeError(f"{name}: expected an array of numbers, got dtype {arr.dtype}")
    bad = ~np.isfinite(arr)
    if bad.any():
        first = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(
            f"{name}: expected finite numbers, got {int(bad.sum())} NaN/inf value(s) "
            f"(first at index {first}: {arr[first]})"
        )


def check_nonempty(name: str, arr: np.ndarray) -> None:
    """Raise ``ValueError`` if ``arr`` has a zero-length axis (nothing to compute or draw)."""
    if arr.size == 0:
        raise ValueError(f"{name}: expected at least one value, got an empty array of shape {arr.shape}")


def check_shape(name: str, arr, expected: Sequence[int | None]) -> None:
    """Raise ``ValueError`` unless ``arr.shape`` matches ``expected`` (``None`` matches any size)."""
    shape = np.shape(arr)
    ok = len(shape) == len(expected) and all(e is None or e == s for e, s in zip(expected, shape))
    if not ok:
        shown = "(" + ", ".join("any" if e is None else str(e) for e in expected) + \
            ("," if len(expected) == 1 else "") + ")"
        raise ValueError(f"{name}: expected shape {shown}, got {shape}")


def check_choice(name: str, value, choices: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``choices``, else raise with the list of valid names."""
    choices = list(choices)
    if not isinstance(value, str):
        raise TypeError(f"{name}: expected one of {choices}, got {value!r} ({type(value).__name__})")
    if value not in choices:
        raise ValueError(f"{name}: expected one of {choices}, got {value!r}")
    return value


def check_bool(name: str, value) -> bool:
    """Return ``value`` if it is True or False (numpy's too), else raise (``"no"`` is not False)."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}: expected True or False, got {value!r} ({type(value).__name__})")
    return bool(value)


def check_int(name: str, value, *, low: int | None = None, high: int | None = None) -> int:
    """Return ``value`` as an int if it is an integer (Python or numpy) in [low, high], else raise."""
    shown = f" in [{'-inf' if low is None else low}, {'inf' if high is None else high}]"
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name}: expected an integer{shown}, got {value!r} ({type(value).__name__})")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{name}: expected an integer{shown}, got {value}")
    return int(value)


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
    extra = sorted(set(params) - set(expected), key=str)
    if missing or extra:
        raise ValueError(
            f"{name}: expected keys {expected}, got {sorted(params, key=str)} "
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
    if isinstance(value, bool) or not isinstance(value, _REAL):
        raise TypeError(f"{name}: expected a number, got {value!r} ({type(value).__name__})")
    if not np.isfinite(value) or not low <= value <= high:
        where = "" if np.isinf(low) and np.isinf(high) else f" in [{low}, {high}]"
        raise ValueError(f"{name}: expected a finite number{where}, got {value}")
    return float(value)


def check_positive_number(name: str, value) -> float:
    """Return ``value`` as a float if it is a finite real number > 0 (a rate, a scale, a step)."""
    value = check_number(name, value)
    if not value > 0:
        raise ValueError(f"{name}: expected a finite number > 0, got {value}")
    return value


def check_float_dtype(name: str, dtype) -> np.dtype:
    """Return ``np.dtype(dtype)`` if it is a floating dtype (float16/32/64), else raise."""
    try:
        dt = np.dtype(dtype)
    except TypeError as exc:
        raise TypeError(f"{name}: expected a numpy floating dtype such as np.float64, got {dtype!r}") from exc
    if not np.issubdtype(dt, np.floating):
        raise ValueError(f"{name}: expected a floating dtype (weights rounded to integers are zeros), "
                         f"got {dt.name}")
    return dt


def check_texts(name: str, texts) -> list[str]:
    """``texts`` as a non-empty list of strings (a list or tuple of str), or raise naming ``name``."""
    if not isinstance(texts, (list, tuple)) or not all(isinstance(t, str) for t in texts):
        raise TypeError(f"{name}: expected a list of strings, got {texts!r:.60}")
    if not texts:
        raise ValueError(f"{name}: expected at least one string, got []")
    return list(texts)
