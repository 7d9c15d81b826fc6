"""The memory explorer: the radius and φ controls set the impulse response, and clipping is said."""

import warnings

import numpy as np
import pytest

from rnn_helpers.memory import DISPLAY_RANGE, clip_for_display, impulse_response, recurrent_matrix
from rnn_helpers.widgets.memory import memory_explorer


def test_explorer_slider_move_changes_the_curve():
    ex = memory_explorer(hidden_size=16, steps=40, radius=0.5)
    first_png, first = ex.image.value, ex.curve.copy()
    np.testing.assert_allclose(first, impulse_response(recurrent_matrix(16, 0.5), steps=40))
    ex.sliders["radius"].value = 1.0                   # fires the observer synchronously
    np.testing.assert_allclose(ex.curve, impulse_response(recurrent_matrix(16, 1.0), steps=40))
    assert ex.curve[-1] > 1e6 * first[-1]             # memory lasts far longer at ρ = 1
    np.testing.assert_allclose(ex.line.get_ydata(), clip_for_display(ex.curve)[0])
    assert ex.image.value != first_png and ex.image.value[:4] == b"\x89PNG"
    ex.sliders["activation"].value = "linear"
    np.testing.assert_allclose(ex.curve, ex.curve[0] * np.ones(40), rtol=1e-10)  # ρ = 1: no decay
    assert ex.ax.get_title() == "φ = linear, ρ = 1.00" and ex.note == ""


def test_the_dotted_line_is_the_linear_response():
    ex = memory_explorer(hidden_size=16, steps=40, radius=0.8)
    np.testing.assert_allclose(ex.linear_line.get_ydata(), ex.curve[0] * 0.8 ** np.arange(40), rtol=1e-12)
    assert np.all(ex.curve <= ex.linear_line.get_ydata() * (1 + 1e-12))  # tanh stays below it
    ex.sliders["activation"].value = "linear"
    np.testing.assert_allclose(ex.curve, ex.linear_line.get_ydata(), rtol=1e-10)


def test_the_title_says_what_was_clipped_as_notebook_01_prints_it():
    ex = memory_explorer(hidden_size=32, steps=50, radius=0.9, activation="tanh")
    ex.sliders["activation"].value = "linear"
    ex.sliders["radius"].value = 1.5
    assert ex.ax.get_title() == "φ = linear, ρ = 1.50\nabove 1e+06 from step 35 (clipped; the state explodes)"
    assert ex.note == "above 1e+06 from step 35 (clipped; the state explodes)"
    assert ex.line.get_ydata().max() == DISPLAY_RANGE[1]


def test_radius_zero_forgets_at_once_and_says_so():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ex = memory_explorer(steps=30, radius=0.0)
    assert ex.curve[0] > 0 and np.all(ex.curve[1:] == 0.0)            # W_hh = 0: nothing carries over
    assert ex.note == "below 1e-15 from step 1 (clipped)"
    assert ex.ax.get_title() == "φ = tanh, ρ = 0.00\nbelow 1e-15 from step 1 (clipped)"
    np.testing.assert_array_equal(ex.line.get_ydata()[1:], DISPLAY_RANGE[0])


def test_explorer_extremes_warn_nothing_and_say_what_was_clipped():
    ex = memory_explorer(steps=2000)                   # long enough for 1.5^t to pass 1e308
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        for name in ["relu", "linear", "sigmoid", "tanh"]:
            ex.sliders["activation"].value = name
            for rho in [ex.sliders["radius"].max, ex.sliders["radius"].min]:
                ex.sliders["radius"].value = rho
                for line in (ex.line, ex.linear_line):
                    assert np.all(np.isfinite(line.get_ydata()))
                assert ex.note == clip_for_display(ex.curve)[1] and ex.note in ex.ax.get_title()
        ex.sliders["activation"].value = "linear"
        ex.sliders["radius"].value = ex.sliders["radius"].max
    assert ex.sliders["radius"].max == 1.5 and np.isinf(ex.curve[-1])
    assert "clipped; the state explodes" in ex.ax.get_title()


@pytest.mark.parametrize("kw, error, words", [
    ({"activation": "elu"}, ValueError, "activation: expected one of"),
    ({"radius": 2.0}, ValueError, "radius: expected a finite number in [0.0, 1.5], got 2.0"),
    ({"radius": -0.1}, ValueError, "radius: expected a finite number in [0.0, 1.5], got -0.1"),
    ({"radius": np.nan}, ValueError, "radius: expected a finite number"),
    ({"radius": "big"}, TypeError, "radius: expected a number, got 'big'"),
    ({"steps": 0}, ValueError, "steps: expected a positive integer, got 0"),
    ({"steps": 10.0}, TypeError, "steps: expected a positive integer, got 10.0"),
    ({"hidden_size": 3.5}, TypeError, "hidden_size: expected a positive integer, got 3.5"),
    ({"hidden_size": 0}, ValueError, "hidden_size: expected a positive integer, got 0"),
    ({"seed": -2}, ValueError, "seed: expected a non-negative integer, got -2"),
    ({"seed": 0.5}, TypeError, "seed: expected a non-negative integer, got 0.5"),
])
def test_bad_arguments_name_the_argument(kw, error, words):
    with pytest.raises(error) as info:
        memory_explorer(**kw)
    assert words in str(info.value)


def test_numpy_integer_arguments_are_accepted():
    ex = memory_explorer(hidden_size=np.int64(8), steps=np.int32(12), seed=np.int64(4))
    np.testing.assert_allclose(ex.curve, impulse_response(recurrent_matrix(8, 0.9, seed=4), steps=12, seed=4))


def test_the_x_axis_counts_steps_after_the_pulse_from_its_own_step():
    ex = memory_explorer(hidden_size=8, steps=12)
    np.testing.assert_array_equal(ex.line.get_xdata(), np.arange(12))   # r[k] at x = k, k = 0: x_1's step
    assert ex.ax.get_xlabel() == "steps $k$ after the pulse (0: its own step)"
    assert "h_{1+k}" in ex.ax.get_ylabel() and r"\rho^k" in ex.linear_line.get_label()
