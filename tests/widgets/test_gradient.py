"""The gradient explorer: slider moves recompute the curve synchronously, honestly and silently."""

import ipywidgets as widgets
import numpy as np
import pytest

from rnn_helpers.gradients import backprop_norms
from rnn_helpers.reference import forward, orthogonal
from rnn_helpers.widgets.gradient import gradient_explorer

PNG = b"\x89PNG"


@pytest.fixture(scope="module")
def explorer():
    return gradient_explorer(seed=0, sigma=1.0, seq_len=40, hidden_size=8)


def test_handles_and_first_render(explorer):
    assert set(explorer.sliders) == {"sigma", "activation", "seq_len", "hidden_size", "input_scale"}
    assert isinstance(explorer.sliders["sigma"], widgets.FloatSlider)
    assert isinstance(explorer.sliders["activation"], widgets.Dropdown)
    assert list(explorer.sliders["activation"].options) == ["tanh", "sigmoid", "relu", "linear"]
    assert isinstance(explorer.widget, widgets.Widget)
    assert bytes(explorer.image.value).startswith(PNG)
    assert explorer.norms.shape == explorer.bound.shape == (40,)
    assert explorer.readout.value.startswith("At lag 39")


def test_sigma_slider_changes_norms_readout_and_image(explorer):
    before = (explorer.norms.copy(), explorer.readout.value, bytes(explorer.image.value))
    lines_before = explorer.ax.get_lines()
    explorer.sliders["sigma"].value = 2.0
    assert not np.allclose(explorer.norms, before[0])
    assert explorer.readout.value != before[1] and bytes(explorer.image.value) != before[2]
    assert explorer.ax.get_lines() == lines_before                 # same artists, new data
    np.testing.assert_allclose(explorer.bound, 2.0 ** np.arange(40) * explorer.norms[0])
    np.testing.assert_array_equal(explorer.ax.get_lines()[0].get_ydata(), explorer.norms)
    explorer.sliders["sigma"].value = 1.0
    np.testing.assert_array_equal(explorer.norms, before[0])       # fixed seed: same curve back


def test_norms_equal_an_independent_forward_and_backward(explorer):
    explorer.sliders["input_scale"].value = 2.0
    H = 8
    rng = np.random.default_rng([0, H])
    Q = orthogonal(H, rng)
    assert np.linalg.svd(explorer.sliders["sigma"].value * Q, compute_uv=False)[0] == \
        pytest.approx(explorer.sliders["sigma"].value)
    W_hx = rng.normal(0.0, 0.5, (H, 4))
    x = 2.0 * np.random.default_rng(0).normal(size=(1, 200, 4))[:, :40]
    params = {"W_hx": W_hx, "W_hh": Q, "b_h": np.zeros(H)}
    hs, _, _ = forward("simple_rnn", x, params)
    np.testing.assert_allclose(explorer.norms, backprop_norms(Q, hs[0]), rtol=1e-12)
    explorer.sliders["input_scale"].value = 1.0


def test_seq_len_extends_the_same_curve(explorer):
    short = explorer.norms.copy()
    explorer.sliders["seq_len"].value = 60
    assert explorer.norms.shape == (60,)
    explorer.sliders["seq_len"].value = 40
    np.testing.assert_array_equal(explorer.norms, short)


@pytest.mark.parametrize("activation", ["relu", "sigmoid", "linear", "tanh"])
def test_extreme_settings_are_silent_and_say_what_happened(explorer, activation):
    with np.errstate(all="raise"):
        explorer.sliders["seq_len"].value = 200
        explorer.sliders["activation"].value = activation
        for sigma in (0.1, 3.0):
            explorer.sliders["sigma"].value = sigma
            assert explorer.norms.shape == (200,) and not np.isnan(explorer.norms).any()
            if (explorer.norms == 0).any():
                assert "underflowed to 0" in explorer.readout.value
            if activation == "linear" and sigma == 0.1:              # orthogonal: exactly 0.1^k
                np.testing.assert_allclose(explorer.norms, 0.1 ** np.arange(200), rtol=1e-9)
    explorer.sliders["activation"].value = "tanh"
    explorer.sliders["sigma"].value = 1.0
    explorer.sliders["seq_len"].value = 40


def test_readout_reports_underflow_plainly():
    ex = gradient_explorer(sigma=0.05, activation="sigmoid", seq_len=200, hidden_size=8)
    assert (ex.norms == 0).any() and (ex.bound == 0).any()
    assert "the measured norm underflowed to 0" in ex.readout.value
    assert "the bound underflowed to 0" in ex.readout.value


def test_bad_arguments():
    with pytest.raises(ValueError, match="sigma"):
        gradient_explorer(sigma=10.0)
    with pytest.raises(ValueError, match="activation"):
        gradient_explorer(activation="gelu")
    with pytest.raises(ValueError, match="seq_len"):
        gradient_explorer(seq_len=0)
    with pytest.raises(TypeError, match="hidden_size"):
        gradient_explorer(hidden_size=3.5)
    with pytest.raises(TypeError, match="input_scale"):
        gradient_explorer(input_scale="big")


def test_overflow_wording():
    from rnn_helpers.widgets.gradient import _where_it_left

    notes = _where_it_left(np.array([1.0, 1e300, np.inf, np.inf]), "measured norm")
    assert notes == ["the measured norm overflowed to inf (above 1.8e308) beyond lag 1"]
    assert _where_it_left(np.ones(3), "bound") == []
