"""Parameters for the reference cells: random initial weights, and the one orthogonal-matrix helper.

    params = init_params("lstm", input_size=3, hidden_size=5, seed=0)
    Q = orthogonal(32, seed=0)                 # (32, 32), Q.T @ Q = I
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import (
    as_array,
    check_float_dtype,
    check_positive_int,
    check_positive_number,
    check_seed,
)
from rnn_helpers.reference.loop import check_kind


def init_params(kind, input_size, hidden_size, *, scale=None, seed=0, dtype=np.float64):
    """Random parameters for ``kind`` ("simple_rnn", "lstm" or "gru"), biases included.

    Weights are normal with standard deviation ``scale`` (default ``1/sqrt(hidden_size)``);
    biases are normal with standard deviation 0.1 so that tests exercise them too. ``dtype``: a
    floating dtype.
    """
    cell = check_kind(kind)
    D = check_positive_int("input_size", input_size)
    H = check_positive_int("hidden_size", hidden_size)
    scale = 1.0 / np.sqrt(H) if scale is None else check_positive_number("scale", scale)
    dtype = check_float_dtype("dtype", dtype)
    rng = np.random.default_rng(check_seed(seed))
    draws = {name: rng.normal(0.0, 0.1 if name.startswith("b_") else scale, shape)
             for name, shape in cell.param_shapes(D, H).items()}
    return {name: as_array("scale", w, dtype=dtype) for name, w in draws.items()}   # refuses overflow


def orthogonal(size, seed=0) -> np.ndarray:
    """A random orthogonal matrix Q (size, size), Haar-distributed: QR of a Gaussian, signs fixed.

    Every singular value and every eigenvalue modulus of Q is 1, so ``rho * Q`` has spectral
    radius and largest singular value both equal to ``rho``. ``seed``: an int, a sequence of ints,
    or a ``np.random.Generator`` to draw from (it advances); the same seed gives the same Q.
    """
    H = check_positive_int("size", size)
    if isinstance(seed, (list, tuple)):
        seed = [check_seed(s) for s in seed]
    elif not isinstance(seed, np.random.Generator):
        seed = check_seed(seed)
    q, r = np.linalg.qr(np.random.default_rng(seed).normal(size=(H, H)))
    return q * np.sign(np.diag(r))                                  # (H, H)
