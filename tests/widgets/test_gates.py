"""The gate explorer: each slider sets the constant-gate cell, and what leaves the plot is said."""

import warnings

import numpy as np
import pytest

from rnn_helpers.gates import PULSE_AT, STEPS, constant_gate_cell, pulse_input
from rnn_helpers.widgets.gates import STATE_YLIM, gate_explorer

K = STEPS - 1 - PULSE_AT                                    # lag from T back to the pulse (44)


def test_moving_the_forget_slider_changes_memory_and_gradient():
    ex = gate_explorer(f=1.0, i=1.0, o=1.0)
    np.testing.assert_allclose(ex.c[PULSE_AT:], np.tanh(1.0))          # f = 1: kept for ever
    np.testing.assert_allclose(ex.grad, 1.0)
    assert ex.readout.value == ("c_T = <b>0.762</b> (the pulse wrote i·tanh(1) = 0.762); gradient 44 "
                                "steps back (to the pulse) = f^44 = <b>1</b>")
    png = ex.image.value
    ex.sliders["f"].value = 0.5
    np.testing.assert_allclose(ex.grad, 0.5 ** np.arange(STEPS))
    assert ex.c[-1] == pytest.approx(np.tanh(1.0) * 0.5**K)
    np.testing.assert_allclose(ex.lines["c"].get_ydata(), ex.c)
    np.testing.assert_array_equal(ex.lines["grad"].get_ydata()[:40], 0.5 ** np.arange(40))
    assert np.isnan(ex.lines["grad"].get_ydata()[40:]).all()            # below the axis: left out
    assert ex.image.value != png and ex.axes[0].get_title() == "f = 0.50, i = 1.00, o = 1.00"
    title = r"$\partial c_T/\partial c_{T-k} = f^k$ (below 1e-12 from lag 40)"         # 0.5^40 ≈ 9e-13
    assert ex.axes[1].get_title() == title


def test_notebook_03_readout():
    ex = gate_explorer(f=0.95, i=1.0, o=1.0)
    ex.sliders["f"].value = 0.9
    assert ex.readout.value.replace("<b>", "").replace("</b>", "") == (
        "c_T = 0.00739 (the pulse wrote i·tanh(1) = 0.762); gradient 44 steps back (to the pulse) "
        "= f^44 = 0.0097")
    assert ex.grad[K] == pytest.approx(0.9**K)


def test_input_output_and_distractor_sliders():
    ex = gate_explorer(f=1.0, i=1.0, o=1.0)
    ex.sliders["o"].value = 0.25
    np.testing.assert_allclose(ex.h, 0.25 * np.tanh(ex.c))
    np.testing.assert_allclose(ex.lines["h"].get_ydata(), ex.h)
    ex.sliders["i"].value = 0.0
    np.testing.assert_allclose(ex.c, 0.0)                                # nothing written
    ex.sliders["i"].value = 1.0
    ex.sliders["noise"].value = 0.5
    np.testing.assert_allclose(ex.x, pulse_input(noise=0.5, seed=0))
    c, h, _ = constant_gate_cell(1.0, 1.0, 0.25, ex.x)
    np.testing.assert_allclose(ex.c, c) and np.testing.assert_allclose(ex.h, h)
    assert abs(ex.c[-1] - np.tanh(1.0)) > 0.05                           # distractors overwrite c


def test_seed_fixes_the_distractors():
    ex = gate_explorer(noise=0.5, seed=np.int64(7))
    np.testing.assert_array_equal(ex.x, pulse_input(noise=0.5, seed=7))


def test_extremes_warn_nothing_and_say_what_left_the_plot():
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        ex = gate_explorer(f=1.0, i=1.0, o=1.0, noise=1.0)               # c_t random-walks
        assert ex.c.max() > STATE_YLIM[1]
        first = int(np.flatnonzero((ex.c < STATE_YLIM[0]) | (ex.c > STATE_YLIM[1]))[0])
        assert (f"<br>Note: c_t leaves the plotted range [-1.6, 2.6] from step t = {first + 1} "
                f"(clipped; c_t spans [{ex.c.min():.3g}, {ex.c.max():.3g}]).") in ex.readout.value
        ex.sliders["f"].value = 0.0                                      # forgets at once
        np.testing.assert_array_equal(ex.grad, np.r_[1.0, np.zeros(STEPS - 1)])
        assert ex.axes[1].get_title().endswith("(below 1e-12 from lag 1)")
        assert "Note" not in ex.readout.value
        for name in ("i", "o", "noise"):
            ex.sliders[name].value = 0.0
        np.testing.assert_array_equal(ex.h, 0.0)


@pytest.mark.parametrize("kw, error, words", [
    ({"f": 1.2}, ValueError, "f: expected a finite number in [0.0, 1.0], got 1.2"),
    ({"i": -0.1}, ValueError, "i: expected a finite number in [0.0, 1.0], got -0.1"),
    ({"o": "open"}, TypeError, "o: expected a number, got 'open' (str)"),
    ({"noise": np.nan}, ValueError, "noise: expected a finite number"),
    ({"f": True}, TypeError, "f: expected a number"),
    ({"seed": -1}, ValueError, "seed: expected a non-negative integer, got -1"),
    ({"seed": 2.0}, TypeError, "seed: expected a non-negative integer, got 2.0"),
])
def test_bad_arguments(kw, error, words):
    with pytest.raises(error) as info:
        gate_explorer(**kw)
    assert words in str(info.value)


def test_time_axes_show_steps_from_1_and_lags_from_0():
    ex = gate_explorer()
    ax_state, ax_grad = ex.axes
    for name in ("x", "c", "h"):                                      # index i is step t = i + 1
        np.testing.assert_array_equal(ex.lines[name].get_xdata(), np.arange(1, STEPS + 1))
    np.testing.assert_array_equal(ex.lines["grad"].get_xdata(), np.arange(STEPS))   # lag k = 0..T-1
    pulse_t = PULSE_AT + 1
    assert ex.x[pulse_t - 1] == 1.0
    (mark,) = [line for line in ax_state.lines if line not in ex.lines.values()]
    (lag,) = [line for line in ax_grad.lines if line not in ex.lines.values()]
    assert mark.get_xdata()[0] == pulse_t and lag.get_xdata()[0] == STEPS - pulse_t == K
