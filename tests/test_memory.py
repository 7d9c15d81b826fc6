"""Impulse responses and the recurrent matrix (the explorer: tests/widgets/test_memory.py)."""

import warnings

import numpy as np
import pytest

from rnn_helpers.memory import clip_for_display, impulse_response, recurrent_matrix
from rnn_helpers.reference import forward


def _by_reference(W_hh, W_hx, x0, activation, steps):
    """Independent computation: the reference SimpleRNN on two sequences that differ at t = 0."""
    H, D = W_hx.shape
    x = np.zeros((2, steps, D))                      # (2, T, D): row 1 gets the pulse
    x[1, 0] = x0
    params = {"W_hx": W_hx, "W_hh": W_hh, "b_h": np.zeros(H)}
    hs, _, _ = forward("simple_rnn", x, params, activation=activation)   # (2, T, H)
    return np.linalg.norm(hs[1] - hs[0], axis=1)     # (T,)


@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid", "linear"])
@pytest.mark.parametrize("radius", [0.5, 1.1])
def test_impulse_response_matches_reference_forward(activation, radius):
    rng = np.random.default_rng(3)
    W_hh = recurrent_matrix(6, radius, seed=1)
    W_hx = rng.normal(size=(6, 2))
    x0 = np.array([0.7, -1.2])
    got = impulse_response(W_hh, W_hx, activation=activation, steps=20, pulse=x0)
    np.testing.assert_allclose(got, _by_reference(W_hh, W_hx, x0, activation, 20),
                               rtol=1e-12, atol=1e-15)


def test_impulse_response_of_linear_orthogonal_net_is_exactly_geometric():
    # ‖ρ Q v‖ = ρ‖v‖ for orthogonal Q, so a linear net's response is r_0 ρ^t
    r = impulse_response(recurrent_matrix(8, 0.8, seed=2), activation="linear", steps=30)
    np.testing.assert_allclose(r, r[0] * 0.8 ** np.arange(30), rtol=1e-10)
    assert r[0] == pytest.approx(1.0)  # default W_hx is a unit column and pulse=1


def test_tanh_response_stays_below_the_linear_bound():
    r = impulse_response(recurrent_matrix(16, 1.1), activation="tanh", steps=60)
    assert np.all(r <= r[0] * 1.1 ** np.arange(60) * (1 + 1e-12))
    assert np.all(r <= 2 * np.sqrt(16))              # tanh saturates: |h| < 1 in each unit


@pytest.mark.parametrize("radius", [0.0, 0.5, 1.0, 1.7])
def test_recurrent_matrix_has_the_requested_spectral_radius(radius):
    W = recurrent_matrix(20, radius, seed=4)
    assert W.shape == (20, 20)
    moduli = np.abs(np.linalg.eigvals(W))
    np.testing.assert_allclose(moduli.max(), radius, atol=1e-10)
    np.testing.assert_allclose(moduli, radius, atol=1e-10)      # all of them: W is ρ × orthogonal
    np.testing.assert_allclose(W.T @ W, radius**2 * np.eye(20), atol=1e-10)


def test_recurrent_matrix_same_seed_same_direction():
    np.testing.assert_allclose(recurrent_matrix(5, 2.0, seed=7), 2 * recurrent_matrix(5, 1.0, seed=7))
    assert not np.allclose(recurrent_matrix(5, 1.0, seed=7), recurrent_matrix(5, 1.0, seed=8))


@pytest.mark.parametrize("call, error, words", [
    (lambda: recurrent_matrix(0, 1.0), ValueError, "hidden_size: expected a positive integer, got 0"),
    (lambda: recurrent_matrix(4.5, 1.0), TypeError, "hidden_size"),
    (lambda: recurrent_matrix(4, -0.1), ValueError, "radius: expected a finite number in [0.0, inf]"),
    (lambda: recurrent_matrix(4, "big"), TypeError, "radius: expected a number, got 'big'"),
    (lambda: impulse_response(np.ones((3, 4))), ValueError, "W_hh (square): expected shape (3, 3)"),
    (lambda: impulse_response(np.ones(3)), ValueError, "W_hh: expected 2 dimensions"),
    (lambda: impulse_response(np.eye(3), activation="softmax"), ValueError, "activation"),
    (lambda: impulse_response(np.eye(3), steps=0), ValueError, "steps: expected a positive integer"),
    (lambda: impulse_response(np.eye(3), W_hx=np.ones((4, 2))), ValueError, "W_hx (hidden size H=3"),
    (lambda: impulse_response(np.eye(3), W_hx=np.ones((3, 2)), pulse=[1.0, 2.0, 3.0]),
     ValueError, "pulse (input size D=2 from W_hx): expected shape (2,), got (3,)"),
    (lambda: impulse_response(np.eye(3), pulse=np.nan), ValueError, "pulse: expected a finite"),
    (lambda: impulse_response([[np.inf]]), ValueError, "W_hh: expected finite numbers"),
])
def test_argument_errors_name_the_value(call, error, words):
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value)


@pytest.mark.parametrize("activation", ["relu", "linear", "tanh", "sigmoid"])
def test_no_numpy_warnings_when_the_state_explodes(activation):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = impulse_response(recurrent_matrix(32, 1.5), activation=activation, steps=2000,
                             pulse=5.0)
        shown, note = clip_for_display(r)
    assert r.shape == (2000,) and not np.isnan(r).any()
    assert np.all(np.isfinite(shown)) and shown.max() <= 1e6
    if activation == "linear":       # 1.5^t passes 1e100 near t = 570: inf from there on
        assert np.isinf(r[-1]) and np.isfinite(r[500])
        assert "above 1e+06 from step" in note and "explodes" in note


def test_clip_for_display_notes_what_it_clipped():
    shown, note = clip_for_display(np.array([1.0, 1e9, np.inf, 0.0]))
    np.testing.assert_allclose(shown, [1.0, 1e6, 1e6, 1e-15])
    assert note == ("above 1e+06 from step 1 (clipped; the state explodes); "
                    "below 1e-15 from step 3 (clipped)")
    assert clip_for_display(np.ones(3))[1] == ""
