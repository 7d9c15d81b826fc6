"""rnn_helpers.scan: the linear recurrence by the loop and by the Hillis-Steele scan, and the minGRU."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_helpers.scan import (
    init_min_gru,
    linear_recurrence,
    min_gru_coefficients,
    min_gru_forward,
    parallel_scan,
    scan_rounds,
)


def _ab(shape, seed=0):
    rng = np.random.default_rng(seed)
    return rng.uniform(0.0, 1.0, shape), rng.normal(size=shape)


def test_the_loop_is_the_recurrence_written_out():
    a = np.array([[0.5], [2.0], [0.0]])
    b = np.array([[1.0], [1.0], [3.0]])
    # h0 = 4: 0.5*4+1 = 3, 2*3+1 = 7, 0*7+3 = 3
    np.testing.assert_allclose(linear_recurrence(a, b, h0=[4.0]), [[3.0], [7.0], [3.0]])


@pytest.mark.parametrize("T", [1, 2, 3, 7, 8, 9, 64, 100])
@pytest.mark.parametrize("batched", [False, True])
def test_the_scan_equals_the_loop(T, batched):
    shape = (3, T, 4) if batched else (T, 4)
    a, b = _ab(shape, seed=T)
    h0 = np.random.default_rng(1).normal(size=shape[:-2] + (4,))
    h_scan, rounds = parallel_scan(a, b, h0)
    np.testing.assert_allclose(h_scan, linear_recurrence(a, b, h0), rtol=1e-12, atol=1e-12)
    assert rounds == scan_rounds(T) == (int(np.ceil(np.log2(T))) if T > 1 else 0)


def test_rounds_grow_with_log_t():
    assert [scan_rounds(T) for T in (1, 2, 3, 4, 5, 400, 1024, 1025)] == [0, 1, 2, 2, 3, 9, 10, 11]


def test_the_inputs_are_not_changed():
    a, b = _ab((5, 2))
    a0, b0 = a.copy(), b.copy()
    parallel_scan(a, b, np.ones(2))
    np.testing.assert_array_equal(a, a0)
    np.testing.assert_array_equal(b, b0)


def test_min_gru_by_scan_and_by_loop_and_by_hand():
    p = init_min_gru(3, 5, seed=0)
    p = {**p, "b_z": np.full(5, -0.5), "b_h": np.full(5, 0.2)}
    x = np.random.default_rng(0).normal(size=(2, 9, 3))
    h = min_gru_forward(x, p)
    np.testing.assert_allclose(h, min_gru_forward(x, p, parallel=False), rtol=1e-12, atol=1e-12)
    state = np.zeros((2, 5))
    for t in range(9):                                   # the equations, one step at a time
        z = 1 / (1 + np.exp(-(x[:, t] @ p["W_z"] + p["b_z"])))
        state = (1 - z) * state + z * (x[:, t] @ p["W_h"] + p["b_h"])
        np.testing.assert_allclose(h[:, t], state, rtol=1e-12, atol=1e-12)
    a, b = min_gru_coefficients(x, p)
    assert a.shape == b.shape == (2, 9, 5) and ((a > 0) & (a < 1)).all()


def test_min_gru_from_a_state_by_scan_and_by_loop():
    p = init_min_gru(3, 4, seed=1)
    x = np.random.default_rng(1).normal(size=(2, 5, 3))
    h0 = np.random.default_rng(2).normal(size=(2, 4))
    h = min_gru_forward(x, p, h0)
    np.testing.assert_allclose(h, min_gru_forward(x, p, h0, parallel=False), rtol=1e-12, atol=1e-12)
    a, b = min_gru_coefficients(x, p)
    np.testing.assert_allclose(h[:, 0], a[:, 0] * h0 + b[:, 0], rtol=1e-12)     # the first step reads h0
    assert not np.allclose(h, min_gru_forward(x, p))                             # and h0 = 0 differs


def test_init_min_gru_is_seeded():
    p, q = init_min_gru(4, 3, seed=7), init_min_gru(4, 3, seed=7)
    assert all(np.array_equal(p[k], q[k]) for k in p)
    assert p["W_z"].shape == (4, 3) and p["b_h"].shape == (3,)
    assert not np.array_equal(p["W_z"], init_min_gru(4, 3, seed=8)["W_z"])


@pytest.mark.parametrize("call, match", [
    (lambda: linear_recurrence(np.ones(4), np.ones(4)), r"a: expected \(T, H\) or \(B, T, H\)"),
    (lambda: linear_recurrence(np.ones((4, 2)), np.ones((4, 3))), r"b: expected the shape of a \(4, 2\)"),
    (lambda: parallel_scan(np.ones((0, 2)), np.ones((0, 2))), r"T >= 1"),
    (lambda: parallel_scan(np.ones((4, 2)), np.ones((4, 2)), h0=np.ones(3)), r"h0: expected shape \(2,\)"),
    (lambda: parallel_scan(np.full((4, 2), np.nan), np.ones((4, 2))), r"a: .*NaN"),
    (lambda: scan_rounds(0), r"T"),
    (lambda: min_gru_forward(np.ones((1, 2, 4)), init_min_gru(3, 2)), r"x: expected 3 features"),
    (lambda: min_gru_forward(np.ones((1, 2, 3)), {"W_z": np.ones((3, 2))}),
     r"missing \['b_z', 'W_h', 'b_h'\]"),
    (lambda: min_gru_forward(np.ones((2, 3)), init_min_gru(3, 2)), r"x: expected 3 dimensions"),
    (lambda: min_gru_forward(np.ones((1, 2, 3)), init_min_gru(3, 2), parallel="no"),
     r"parallel: expected True"),
    (lambda: min_gru_forward(np.ones((1, 2, 3)), init_min_gru(3, 2), h0=np.ones(2)),
     r"h0: expected shape \(1, 2\)"),
])
def test_bad_input_is_named(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
