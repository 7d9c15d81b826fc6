"""Gradient checks: a relative error and a central-difference numerical gradient (CS231n style).

    num = numerical_gradient(lambda: loss(params), params["W_hh"])
    assert rel_error(num, grads["W_hh"]) < 1e-6
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from rnn_helpers._checks import as_array, as_numbers, check_finite, check_positive_number


def rel_error(a, b) -> float:
    """Relative error ``‖a − b‖ / max(‖a‖ + ‖b‖, 1e-300)`` over all elements (0 when both are 0).

    Below about 1e-7 in float64 means the two gradients agree; around 1e-2 means a bug. Both are
    divided by their largest |element| first, so huge finite arrays (1e200) do not overflow.
    """
    a = as_array("a", a, dtype=np.float64)
    b = as_array("b", b, dtype=np.float64)
    if b.shape != a.shape:
        raise ValueError(f"a, b: expected two arrays of one shape, got {a.shape} and {b.shape}")
    scale = max(np.abs(a).max(initial=0.0), np.abs(b).max(initial=0.0))
    if scale == 0:
        return 0.0
    a, b = a / scale, b / scale                                   # the ratio does not change
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))


def _value(f) -> float:
    """f() as a float, or a TypeError: a loss is one real number."""
    y = f()
    try:
        return float(as_numbers("f", y, ndim=0, finite=False))
    except (TypeError, ValueError):
        raise TypeError(f"f: expected a function returning one real number (the loss), "
                        f"got {y!r:.60}") from None


def numerical_gradient(f: Callable[[], float], x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central differences ``(f(x + eps e_k) − f(x − eps e_k)) / 2 eps`` for every element k of x.

    ``f`` takes no arguments and reads ``x``, which is changed in place during the check and
    restored after each element (also when ``f`` raises). ``x`` must be a float64 numpy array
    of finite numbers (float32 is too coarse).
    """
    if not callable(f):
        raise TypeError(f"f: expected a function of no arguments returning a number, got {type(f).__name__}")
    if not isinstance(x, np.ndarray) or x.dtype != np.float64:
        got = x.dtype if isinstance(x, np.ndarray) else type(x).__name__
        raise TypeError(f"x: expected a float64 numpy array (changed in place), got {got}")
    check_finite("x", x)
    eps = check_positive_number("eps", eps)
    grad = np.zeros_like(x)
    for k in np.ndindex(x.shape):
        old = x[k]
        try:
            x[k] = old + eps
            f_plus = _value(f)
            x[k] = old - eps
            f_minus = _value(f)
        finally:
            x[k] = old
        grad[k] = (f_plus - f_minus) / (2 * eps)
    if not np.all(np.isfinite(grad)):
        raise ValueError("f: returned NaN or inf during the check; expected a finite scalar loss")
    return grad
