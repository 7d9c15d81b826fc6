"""Linear recurrences, by the loop and by a parallel scan; the minGRU built on them.

    h = linear_recurrence(a, b)                  # h_t = a_t * h_{t-1} + b_t, one step after another
    h, rounds = parallel_scan(a, b)              # the same h in ceil(log2 T) rounds of whole-array work
    params = init_min_gru(input_size=8, hidden_size=16, seed=0)
    h = min_gru_forward(x, params)               # (B, T, H): gates from x_t alone, so it scans

a, b: (T, H) or (B, T, H), time on the second-last axis; h0 (H,) or (B, H), zeros by default.

Why a scan works: one step is the affine map h -> a h + b. Two steps in a row, first (a1, b1) then
(a2, b2), are again one affine map, h -> a2 a1 h + (a2 b1 + b2), so the pairs combine with an
associative operator and every prefix can be computed like a prefix sum: in round k each position t
combines what it holds with what position t - 2^k held (Hillis & Steele 1986). After ceil(log2 T)
rounds every position holds the map from h0 to h_t. Each round is one array operation over all T
positions at once: T sequential steps become log2 T, at the price of T log2 T combinations in all
(Blelloch's scan, which ``keras.ops.associative_scan`` uses, needs only about 2T).

This only works because a_t and b_t do not depend on h_{t-1}. In a GRU the gates read h_{t-1}, so the
recurrence is not linear in h and must run step by step; the minGRU (Feng et al. 2024) computes its
gates from x_t alone: z_t = sigmoid(x_t W_z + b_z), h~_t = x_t W_h + b_h, h_t = (1 - z_t) h_{t-1} +
z_t h~_t, which is the linear recurrence with a_t = 1 - z_t, b_t = z_t h~_t.
"""

from __future__ import annotations

import math

import numpy as np

from rnn_helpers._checks import as_array, check_bool, check_positive_int, check_seed

MIN_GRU_KEYS = ("W_z", "b_z", "W_h", "b_h")


def _check_ab(a, b) -> tuple[np.ndarray, np.ndarray]:
    a = as_array("a", a, dtype=np.float64)
    b = as_array("b", b, dtype=np.float64)
    if a.ndim not in (2, 3):
        raise ValueError(f"a: expected (T, H) or (B, T, H), time on the second-last axis, "
                         f"got shape {a.shape}")
    if b.shape != a.shape:
        raise ValueError(f"b: expected the shape of a {a.shape}, got {b.shape}")
    if a.shape[-2] == 0 or a.shape[-1] == 0:
        raise ValueError(f"a: expected at least one step (T >= 1) and one unit, got shape {a.shape}")
    return a, b


def _check_h0(h0, a) -> np.ndarray:
    want = a.shape[:-2] + a.shape[-1:]                        # (H,) or (B, H)
    if h0 is None:
        return np.zeros(want)
    h0 = as_array("h0", h0, dtype=np.float64)
    if h0.shape != want:
        raise ValueError(f"h0: expected shape {want} (one state per sequence), got {h0.shape}")
    return h0


def linear_recurrence(a, b, h0=None) -> np.ndarray:
    """h_t = a_t * h_{t-1} + b_t for t = 0..T-1, one step after another: h, the shape of a."""
    a, b = _check_ab(a, b)
    h = _check_h0(h0, a)
    out = np.empty_like(b)
    for t in range(a.shape[-2]):                             # T steps, each waits for the last
        h = a[..., t, :] * h + b[..., t, :]
        out[..., t, :] = h
    return out


def scan_rounds(T) -> int:
    """The number of rounds of the parallel scan over T steps: ceil(log2 T) (0 for T = 1)."""
    T = check_positive_int("T", T)
    return math.ceil(math.log2(T)) if T > 1 else 0


def parallel_scan(a, b, h0=None) -> tuple[np.ndarray, int]:
    """The same h as ``linear_recurrence``, by the Hillis-Steele scan: (h, the number of rounds).

    Round k (offset 2^k): every position t >= 2^k composes the map it holds with the map of position
    t - 2^k, which came first: (A, B)_t <- (A_t A_{t-s}, A_t B_{t-s} + B_t). h0 enters as b_0 + a_0 h0.
    """
    a, b = _check_ab(a, b)
    h0 = _check_h0(h0, a)
    A, B = a.copy(), b.copy()
    B[..., 0, :] += a[..., 0, :] * h0
    T, rounds, shift = a.shape[-2], 0, 1
    while shift < T:                                          # ceil(log2 T) rounds
        A_prev, B_prev = A[..., :-shift, :], B[..., :-shift, :]
        B_new = B.copy()
        B_new[..., shift:, :] = A[..., shift:, :] * B_prev + B[..., shift:, :]
        A_new = A.copy()
        A_new[..., shift:, :] = A[..., shift:, :] * A_prev
        A, B, rounds, shift = A_new, B_new, rounds + 1, 2 * shift
    return B, rounds


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))                    # stable for any z


def init_min_gru(input_size, hidden_size, seed=0) -> dict:
    """minGRU parameters: W_z, W_h (D, H) Glorot-uniform, b_z, b_h (H,) zeros, float64."""
    D, H = check_positive_int("input_size", input_size), check_positive_int("hidden_size", hidden_size)
    rng = np.random.default_rng(check_seed(seed))
    limit = np.sqrt(6.0 / (D + H))
    return {"W_z": rng.uniform(-limit, limit, (D, H)), "b_z": np.zeros(H),
            "W_h": rng.uniform(-limit, limit, (D, H)), "b_h": np.zeros(H)}


def _check_min_gru(x, params) -> tuple[np.ndarray, dict]:
    x = as_array("x", x, ndim=3, dtype=np.float64)
    if 0 in x.shape:
        raise ValueError(f"x: expected (B, T, D) with at least one example, step and feature, got {x.shape}")
    if not isinstance(params, dict):
        raise TypeError(f"params: expected a dict with {list(MIN_GRU_KEYS)}, got {type(params).__name__}")
    missing = [k for k in MIN_GRU_KEYS if k not in params]
    if missing:
        raise ValueError(f"params: expected the keys {list(MIN_GRU_KEYS)}, missing {missing}")
    p = {k: as_array(f"params[{k!r}]", params[k], dtype=np.float64) for k in MIN_GRU_KEYS}
    if p["W_z"].ndim != 2:
        raise ValueError(f"params['W_z']: expected shape (D, H), got {p['W_z'].shape}")
    D, H = p["W_z"].shape
    for k, want in (("W_h", (D, H)), ("b_z", (H,)), ("b_h", (H,))):
        if p[k].shape != want:
            raise ValueError(f"params[{k!r}]: expected shape {want}, got {p[k].shape}")
    if x.shape[-1] != D:
        raise ValueError(f"x: expected {D} features (the rows of W_z), got shape {x.shape}")
    return x, p


def min_gru_coefficients(x, params) -> tuple[np.ndarray, np.ndarray]:
    """The minGRU's recurrence coefficients for x (B, T, D): a = 1 - z, b = z * h~, each (B, T, H)."""
    x, p = _check_min_gru(x, params)
    z = _sigmoid(x @ p["W_z"] + p["b_z"])
    return 1.0 - z, z * (x @ p["W_h"] + p["b_h"])


def min_gru_forward(x, params, h0=None, *, parallel=True) -> np.ndarray:
    """Every hidden state of the minGRU over x (B, T, D): (B, T, H), by the scan or by the loop."""
    parallel = check_bool("parallel", parallel)
    a, b = min_gru_coefficients(x, params)
    if parallel:
        return parallel_scan(a, b, h0)[0]
    return linear_recurrence(a, b, h0)
