"""The constant-gate cell of the gate explorer: an LSTM unit with constant gates, and its input."""

import numpy as np
import pytest

from rnn_helpers.gates import PULSE_AT, STEPS, constant_gate_cell, pulse_input
from rnn_helpers.reference import forward


def _logit(p):
    return np.log(p / (1 - p))


def _by_reference(f, i, o, x):
    """The same unit as a one-unit reference LSTM: zero weights into the gates, biases logit(gate)."""
    z = np.zeros((1, 1))
    params = {f"W_{k}{s}": z for k in "ifog" for s in "xh"}
    params |= {"W_gx": np.ones((1, 1)), "b_g": np.zeros(1)}
    params |= {f"b_{k}": np.array([_logit(v)]) for k, v in (("i", i), ("f", f), ("o", o))}
    hs, _, caches = forward("lstm", x[None, :, None], params)           # (1, T, 1)
    return np.array([cache["c"][0, 0] for cache in caches]), hs[0, :, 0]


@pytest.mark.parametrize("f, i, o, noise", [(0.95, 1 - 1e-9, 1 - 1e-9, 0.0), (0.5, 0.3, 0.8, 0.7),
                                            (0.99, 0.1, 0.2, 1.0)])
def test_constant_gate_cell_is_an_lstm_with_constant_gates(f, i, o, noise):
    x = pulse_input(noise=noise, seed=3)
    c, h, grad = constant_gate_cell(f, i, o, x)
    c_ref, h_ref = _by_reference(f, i, o, x)
    np.testing.assert_allclose(c, c_ref, atol=1e-9)
    np.testing.assert_allclose(h, h_ref, atol=1e-9)
    np.testing.assert_allclose(grad, f ** np.arange(STEPS), rtol=1e-12)


def test_pulse_input():
    x = pulse_input()
    assert x.shape == (STEPS,) and x[PULSE_AT] == 1.0 and np.count_nonzero(x) == 1
    noisy = pulse_input(noise=0.5, seed=1)
    np.testing.assert_array_equal(noisy, pulse_input(noise=0.5, seed=1))
    assert np.abs(np.delete(noisy, PULSE_AT)).max() <= 0.5
    with pytest.raises(ValueError, match=r"pulse_at: expected an integer in \[0, 9\], got 10"):
        pulse_input(steps=10, pulse_at=10)
    with pytest.raises(ValueError, match="steps: expected a positive integer, got 0"):
        pulse_input(steps=0)


def test_constant_gate_cell_bad_input():
    with pytest.raises(ValueError, match=r"x: expected finite numbers, got 1 NaN/inf value\(s\)"):
        constant_gate_cell(0.5, 0.5, 0.5, np.array([0.0, np.inf]))
