"""The gradient explorer: slider moves recompute the curve synchronously, honestly and silently."""

import warnings

import ipywidgets as widgets
import numpy as np
import pytest

from rnn_helpers.gradients import backprop_norms
from rnn_helpers.reference import forward, orthogonal
from rnn_helpers.widgets.gradient import _where_it_left, gradient_explorer, log_limits


@pytest.fixture
def explorer():
    return gradient_explorer(seed=0, sigma=1.0, seq_len=40, hidden_size=8)


def _independent_norms(sigma, H=8, T=40, scale=1.0, activation="tanh", seed=0):
    """The same network built from scratch: W_hh = sigma · Q, then forward and backward."""
    rng = np.random.default_rng([seed, H])
    Q = orthogonal(H, rng)
    W_hx = rng.normal(0.0, 0.5, (H, 4))
    x = scale * np.random.default_rng(seed).normal(size=(1, 200, 4))[:, :T]
    params = {"W_hx": W_hx, "W_hh": sigma * Q, "b_h": np.zeros(H)}
    hs, _, _ = forward("simple_rnn", x, params, activation=activation)
    return backprop_norms(sigma * Q, hs[0], activation)


def test_handles_and_first_render(explorer):
    assert set(explorer.sliders) == {"sigma", "activation", "seq_len", "hidden_size", "input_scale"}
    assert isinstance(explorer.sliders["sigma"], widgets.FloatSlider)
    assert isinstance(explorer.sliders["seq_len"], widgets.IntSlider)
    assert list(explorer.sliders["activation"].options) == ["tanh", "sigmoid", "relu", "linear"]
    assert explorer.norms.shape == explorer.bound.shape == (40,)
    np.testing.assert_allclose(explorer.norms, _independent_norms(1.0), rtol=1e-12)
    np.testing.assert_array_equal(explorer.bound, np.ones(40))            # (1 · 1)^k
    assert explorer.readout.value == (f"At lag 39: measured ‖dL/dh‖ = <b>{explorer.norms[-1]:.3g}</b>, "
                                      "bound = <b>1</b> (γ·‖W_hh‖₂ = 1·1.00).")
    assert explorer.ax.get_title() == "tanh, W_hh = ρQ with ρ = 1.00, H = 8, T = 40"


def test_sigma_slider_sets_norms_bound_lines_and_readout(explorer):
    before = (explorer.norms.copy(), bytes(explorer.image.value))
    lines = explorer.ax.get_lines()
    explorer.sliders["sigma"].value = 2.0
    np.testing.assert_allclose(explorer.norms, _independent_norms(2.0), rtol=1e-12)
    np.testing.assert_allclose(explorer.bound, 2.0 ** np.arange(40), rtol=1e-12)   # norms[0] = 1
    assert explorer.ax.get_lines() == lines                               # same artists, new data
    np.testing.assert_array_equal(lines[0].get_ydata(), explorer.norms)
    np.testing.assert_array_equal(lines[1].get_ydata(), explorer.bound)
    assert f"bound = <b>{2.0**39:.3g}</b> (γ·‖W_hh‖₂ = 1·2.00)" in explorer.readout.value
    assert "ρ = 2.00" in explorer.ax.get_title() and bytes(explorer.image.value) != before[1]
    explorer.sliders["sigma"].value = 1.0
    np.testing.assert_array_equal(explorer.norms, before[0])             # fixed seed: same curve back


def test_input_scale_and_activation_sliders(explorer):
    explorer.sliders["input_scale"].value = 2.0
    np.testing.assert_allclose(explorer.norms, _independent_norms(1.0, scale=2.0), rtol=1e-12)
    explorer.sliders["activation"].value = "sigmoid"
    np.testing.assert_allclose(explorer.norms, _independent_norms(1.0, scale=2.0, activation="sigmoid"),
                               rtol=1e-12)
    np.testing.assert_allclose(explorer.bound, 0.25 ** np.arange(40), rtol=1e-12)   # γ_sigmoid = 1/4
    assert "(γ·‖W_hh‖₂ = 0.25·1.00)" in explorer.readout.value


def test_seq_len_and_hidden_size_sliders(explorer):
    short = explorer.norms.copy()
    explorer.sliders["seq_len"].value = 60
    assert explorer.norms.shape == (60,) and explorer.ax.get_xlim() == (0, 59)
    assert explorer.readout.value.startswith("At lag 59")
    explorer.sliders["seq_len"].value = 40
    np.testing.assert_array_equal(explorer.norms, short)
    explorer.sliders["hidden_size"].value = 12
    np.testing.assert_allclose(explorer.norms, _independent_norms(1.0, H=12), rtol=1e-12)


def test_linear_orthogonal_net_is_exactly_geometric(explorer):
    explorer.sliders["activation"].value = "linear"
    explorer.sliders["sigma"].value = 0.1
    np.testing.assert_allclose(explorer.norms, 0.1 ** np.arange(40), rtol=1e-9)
    np.testing.assert_allclose(explorer.bound, explorer.norms, rtol=1e-9)   # the bound is tight


def test_y_limits_hold_every_point_and_sit_on_ticks(explorer):
    for sigma in (0.05, 0.5, 1.0, 1.5, 4.0):
        explorer.sliders["sigma"].value = sigma
        lo, hi = np.log10(explorer.ax.get_ylim())
        finite = np.concatenate([explorer.norms, explorer.bound])
        finite = np.log10(finite[np.isfinite(finite) & (finite > 0)])
        assert lo < finite.min() and finite.max() < hi
        ticks = np.log10(explorer.ax.get_yticks())
        assert ticks[0] >= lo - 1e-9 and ticks[-1] <= hi + 1e-9 and len(ticks) <= 8


def testlog_limits_snap_outwards_to_a_tick_step():
    assert log_limits(np.array([1.0, 1e-11])) == (-12.0, 2.0, 2.0)
    assert log_limits(np.array([1.0, 1.0])) == (-1.0, 1.0, 1.0)
    assert log_limits(np.array([0.0, np.inf])) == (-2.0, 2.0, 1.0)        # nothing finite to show
    lo, hi, step = log_limits(np.array([1.0, 5e-324]), np.array([1e120]))
    with pytest.raises(ValueError, match="curves: expected at least one array"):
        log_limits()
    with pytest.raises(TypeError, match="curves: expected an array of numbers"):
        log_limits(["a"])
    assert lo == pytest.approx(np.log10(5e-324)) and hi == 200.0 and step == 100.0   # float64's floor


@pytest.mark.parametrize("activation", ["relu", "sigmoid", "linear", "tanh"])
def test_extremes_are_silent_and_say_what_left_float_range(explorer, activation):
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        explorer.sliders["seq_len"].value = 200
        explorer.sliders["activation"].value = activation
        explorer.sliders["input_scale"].value = 5.0                      # relu with a huge input
        for sigma in (0.05, 4.0):                                          # both ends of the slider
            explorer.sliders["sigma"].value = sigma
            assert explorer.norms.shape == (200,) and not np.isnan(explorer.norms).any()
            with np.errstate(under="ignore"):
                assert np.all(explorer.norms <= explorer.bound * (1 + 1e-9))  # the bound holds
            for what, curve in (("measured norm", explorer.norms), ("bound", explorer.bound)):
                if (curve == 0).any():
                    k = int(np.argmax(curve == 0)) - 1
                    assert f"the {what} underflowed to 0 (below 5e-324, or exactly 0) beyond lag {k}" \
                        in explorer.readout.value
                else:
                    assert f"the {what} underflowed" not in explorer.readout.value
    assert explorer.bound[-1] == pytest.approx((4.0 * (0.25 if activation == "sigmoid" else 1.0)) ** 199)


def test_readout_reports_underflow_plainly():
    ex = gradient_explorer(sigma=0.05, activation="sigmoid", seq_len=200, hidden_size=8)
    assert (ex.norms == 0).any() and (ex.bound == 0).any()
    assert "<br>Note: the measured norm underflowed to 0" in ex.readout.value
    assert ("<br>Note: the bound underflowed to 0 (below 5e-324, or exactly 0) beyond lag 170."
            in ex.readout.value)


def test_overflow_wording():
    notes = _where_it_left(np.array([1.0, 1e300, np.inf, np.inf]), "measured norm")
    assert notes == ["the measured norm overflowed to inf (above 1.8e308) beyond lag 1"]
    assert _where_it_left(np.array([0.0, 0.0]), "bound") == ["the bound underflowed to 0 (below 5e-324, "
                                                            "or exactly 0)"]
    assert _where_it_left(np.ones(3), "bound") == []


@pytest.mark.parametrize("kw, error, words", [
    ({"sigma": 10.0}, ValueError, "sigma: expected a finite number in [0.05, 4.0], got 10.0"),
    ({"sigma": np.nan}, ValueError, "sigma: expected a finite number in [0.05, 4.0], got nan"),
    ({"sigma": "big"}, TypeError, "sigma: expected a number, got 'big' (str)"),
    ({"activation": "gelu"}, ValueError, "activation: expected one of ['tanh', 'sigmoid', 'relu', 'linear']"),
    ({"activation": None}, TypeError, "activation: expected one of"),
    ({"seq_len": 1}, ValueError, "seq_len: expected an integer in [2, 200] (the slider's range), got 1"),
    ({"seq_len": 201}, ValueError, "seq_len: expected an integer in [2, 200]"),
    ({"hidden_size": 3.5}, TypeError, "hidden_size: expected an integer in [2, 96], got 3.5 (float)"),
    ({"hidden_size": 128}, ValueError, "hidden_size: expected an integer in [2, 96]"),
    ({"input_scale": -0.1}, ValueError, "input_scale: expected a finite number in [0.0, 5.0], got -0.1"),
    ({"input_scale": "big"}, TypeError, "input_scale: expected a number"),
    ({"seed": -1}, ValueError, "seed: expected a non-negative integer, got -1"),
    ({"seed": 1.0}, TypeError, "seed: expected a non-negative integer, got 1.0 (float)"),
])
def test_bad_arguments_name_the_argument(kw, error, words):
    with pytest.raises(error) as info:
        gradient_explorer(**kw)
    assert words in str(info.value)


def test_numpy_integer_arguments_are_accepted():
    ex = gradient_explorer(seed=np.int64(3), seq_len=np.int64(20), hidden_size=np.int32(8),
                           sigma=np.float32(1.5))
    assert ex.seed == 3 and type(ex.seed) is int and ex.norms.shape == (20,)
    np.testing.assert_allclose(ex.norms, _independent_norms(1.5, T=20, seed=3), rtol=1e-6)
