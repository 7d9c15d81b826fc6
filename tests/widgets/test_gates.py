"""The gate explorer: constant-gate cell against the numpy reference LSTM, sliders, speed."""

import time

import numpy as np
import pytest

from rnn_helpers.gates import PULSE_AT, STEPS, constant_gate_cell, pulse_input
from rnn_helpers.reference import forward
from rnn_helpers.widgets.gates import gate_explorer


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
    with pytest.raises(ValueError, match=r"pulse_at: expected a step in \[0, 10\)"):
        pulse_input(steps=10, pulse_at=10)
    with pytest.raises(ValueError, match="steps: expected a positive integer, got 0"):
        pulse_input(steps=0)


def test_moving_the_forget_slider_changes_memory_and_gradient():
    ex = gate_explorer(f=1.0, i=1.0, o=1.0)
    np.testing.assert_allclose(ex.c[PULSE_AT:], np.tanh(1.0))          # f = 1: kept for ever
    np.testing.assert_allclose(ex.grad, 1.0)
    assert "c_T = <b>0.762</b>" in ex.readout.value
    png = ex.image.value
    ex.sliders["f"].value = 0.5
    np.testing.assert_allclose(ex.grad, 0.5 ** np.arange(STEPS))
    assert ex.c[-1] == pytest.approx(np.tanh(1.0) * 0.5 ** (STEPS - 1 - PULSE_AT))
    np.testing.assert_allclose(ex.lines["c"].get_ydata(), ex.c)
    assert ex.image.value != png and "f = 0.50" in ex.ax[0].get_title()
    assert "below 1e-12 from lag 40" in ex.ax[1].get_title()           # 0.5^40 ≈ 9e-13


def test_input_output_and_distractor_sliders():
    ex = gate_explorer(f=1.0, i=1.0, o=1.0)
    ex.sliders["o"].value = 0.25
    np.testing.assert_allclose(ex.h, 0.25 * np.tanh(ex.c))
    ex.sliders["i"].value = 0.0
    np.testing.assert_allclose(ex.c, 0.0)                                # nothing written
    ex.sliders["i"].value = 1.0
    ex.sliders["noise"].value = 0.5
    np.testing.assert_allclose(ex.x, pulse_input(noise=0.5, seed=0))
    assert abs(ex.c[-1] - np.tanh(1.0)) > 0.05                           # distractors overwrite c


@pytest.mark.parametrize("kw, error, match", [
    ({"f": 1.2}, ValueError, r"f: expected a finite number in \[0.0, 1.0\], got 1.2"),
    ({"i": -0.1}, ValueError, "i: expected a finite number"),
    ({"o": "open"}, TypeError, "o: expected a number"),
    ({"noise": np.nan}, ValueError, "noise: expected a finite number"),
])
def test_bad_arguments(kw, error, match):
    with pytest.raises(error, match=match):
        gate_explorer(**kw)


def test_constant_gate_cell_bad_input():
    with pytest.raises(ValueError, match="1-D array of finite numbers"):
        constant_gate_cell(0.5, 0.5, 0.5, np.array([0.0, np.inf]))


def test_update_is_fast():
    """Median update under 50 ms, as this thread's CPU time (robust on a busy machine)."""
    ex = gate_explorer()
    ex.update()                                                          # warm-up
    times = []
    for f in np.linspace(0.0, 1.0, 15):
        start = time.thread_time()
        ex.sliders["f"].value = float(np.round(f, 2))
        times.append(time.thread_time() - start)
    assert np.median(times) < 0.05, f"median update {np.median(times) * 1e3:.0f} ms"


def test_blitted_png_equals_a_full_redraw():
    import io

    import PIL.Image

    ex = gate_explorer(f=0.8, i=0.6, o=0.9, noise=0.3)
    ex.sliders["f"].value = 0.9
    blitted = np.asarray(PIL.Image.open(io.BytesIO(ex.image.value)).convert("RGBA"))
    for ax in ex.ax:
        for artist in (*ax.lines, ax.title):
            artist.set_animated(False)
    ex.fig.canvas.draw()
    full = np.asarray(ex.fig.canvas.buffer_rgba())
    assert blitted.shape == full.shape
    assert np.mean(np.any(blitted != full, axis=-1)) < 0.002       # at most a few edge pixels
