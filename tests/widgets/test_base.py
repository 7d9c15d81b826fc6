"""The one widget design: the Explorer handle, slider(), and the blitting renderer, for all three widgets."""

import io

import ipywidgets as widgets
import numpy as np
import PIL.Image
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from rnn_helpers.widgets._base import BlitRenderer, Explorer, dropdown, legend_above, png_bytes, slider
from rnn_helpers.widgets.gates import gate_explorer
from rnn_helpers.widgets.gradient import gradient_explorer
from rnn_helpers.widgets.memory import memory_explorer

BUILDERS = {"gradient": lambda: gradient_explorer(seq_len=40, hidden_size=8),
            "memory": lambda: memory_explorer(hidden_size=16, steps=40),
            "gates": lambda: gate_explorer(noise=0.3)}
DESCRIPTIONS = {  # tests/browser finds the gradient explorer's slider by "ρ (W_hh = ρQ)"
    "gradient": {"sigma": "ρ (W_hh = ρQ)", "activation": "activation φ", "seq_len": "length T",
                 "hidden_size": "hidden size H", "input_scale": "input scale"},
    "memory": {"radius": "radius ρ", "activation": "φ"},
    "gates": {"f": "forget f", "i": "input i", "o": "output o", "noise": "distractors"},
}
MOVES = {"gradient": [("sigma", 2.0), ("activation", "relu"), ("seq_len", 57), ("input_scale", 4.0)],
         "memory": [("radius", 1.5), ("activation", "linear"), ("radius", 0.0)],
         "gates": [("f", 0.5), ("noise", 1.0), ("f", 1.0), ("o", 0.2)]}


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(PIL.Image.open(io.BytesIO(png)).convert("RGBA"))


@pytest.mark.parametrize("name", BUILDERS)
def test_every_builder_returns_the_one_explorer_handle(name):
    ex = BUILDERS[name]()
    assert isinstance(ex, Explorer) and "update" not in vars(ex)          # a method, not patched in
    assert {n: s.description for n, s in ex.sliders.items()} == DESCRIPTIONS[name]
    assert all(not s.continuous_update for s in ex.sliders.values() if hasattr(s, "continuous_update"))
    assert isinstance(ex.widget, widgets.VBox) and ex.image in ex.widget.children
    assert (ex.readout is None) == (name == "memory")
    assert ex.fig.axes == list(ex.axes) and ex.image.value[:4] == b"\x89PNG"
    w, h = ex.fig.canvas.get_width_height()
    assert _pixels(ex.image.value).shape == (h, w, 4)
    png = ex.image.value
    ex.update()                                                           # same state, same pixels
    assert ex.image.value == png


@pytest.mark.parametrize("name", BUILDERS)
def test_blitted_png_equals_a_full_redraw(name):
    ex = BUILDERS[name]()
    for control, value in MOVES[name]:
        ex.sliders[control].value = value
        np.testing.assert_array_equal(_pixels(ex.image.value), ex.renderer.full_redraw())


@pytest.mark.parametrize("name", BUILDERS)
def test_the_background_is_rendered_again_only_when_it_changed(name):
    ex = BUILDERS[name]()
    assert ex.renderer.full_draws == 1
    control, value = MOVES[name][0]
    start = ex.sliders[control].value
    ex.sliders[control].value = value
    ex.sliders[control].value = start                                     # cached: no new full draw
    draws = ex.renderer.full_draws
    assert draws <= 2
    ex.axes[0].set_xlim(-5, 5)                                            # a static change
    ex.renderer.render()
    assert ex.renderer.full_draws == draws + 1


def test_gate_and_memory_sliders_never_redraw_the_background():
    for ex, control in ((gate_explorer(), "f"), (memory_explorer(), "radius")):
        for value in np.linspace(ex.sliders[control].min, ex.sliders[control].max, 12):
            ex.sliders[control].value = float(value)
        assert ex.renderer.full_draws == 1


def test_the_background_cache_is_bounded():
    fig = Figure()
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    renderer = BlitRenderer(fig, cache_size=3)
    for right in range(1, 6):
        ax.set_xlim(0, right)
        renderer.render()
    assert renderer.full_draws == 5 and len(renderer.backgrounds) == 3


def test_a_static_artist_above_an_animated_one_is_refused():
    fig = Figure()
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    (line,) = ax.plot([0, 1], [0, 1], label="y")
    line.set_animated(True)
    ax.legend()                                                           # zorder 5 > the line's 2
    with pytest.raises(ValueError, match="static artists .* lie above animated ones"):
        BlitRenderer(fig)


def test_slider_factory_picks_the_kind_and_checks_the_value():
    s = slider("n", np.int64(5), 2, 10, 1, "n")
    assert isinstance(s, widgets.IntSlider) and s.value == 5 and (s.min, s.max, s.step) == (2, 10, 1)
    f = slider("x", 1, 0.0, 2.0, 0.5, "x")
    assert isinstance(f, widgets.FloatSlider) and f.value == 1.0
    assert not s.continuous_update and s.style.description_width == f.style.description_width


@pytest.mark.parametrize("args, error, words", [
    (("n", 3.5, 2, 10, 1, "n"), TypeError, "n: expected an integer in [2, 10], got 3.5 (float)"),
    (("n", True, 0, 10, 1, "n"), TypeError, "n: expected an integer"),
    (("n", 11, 2, 10, 1, "n"), ValueError, "n: expected an integer in [2, 10] (the slider's range), got 11"),
    (("x", 2.5, 0.0, 2.0, 0.5, "x"), ValueError, "x: expected a finite number in [0.0, 2.0], got 2.5"),
    (("x", np.nan, 0.0, 2.0, 0.5, "x"), ValueError, "x: expected a finite number in [0.0, 2.0], got nan"),
    (("x", "1", 0.0, 2.0, 0.5, "x"), TypeError, "x: expected a number, got '1' (str)"),
])
def test_slider_factory_refuses_what_the_slider_would_clamp(args, error, words):
    with pytest.raises(error) as info:
        slider(*args)
    assert words in str(info.value)


def test_dropdown_factory_checks_the_choice():
    assert dropdown("kind", "b", ["a", "b"], "kind").value == "b"
    with pytest.raises(ValueError, match=r"kind: expected one of \['a', 'b'\], got 'c'"):
        dropdown("kind", "c", ["a", "b"], "kind")
    with pytest.raises(TypeError, match="kind: expected one of"):
        dropdown("kind", 1, ["a", "b"], "kind")


@pytest.mark.parametrize("call, error, words", [
    (lambda: BlitRenderer("fig"), TypeError, "fig: expected a matplotlib Figure, got str"),
    (lambda: BlitRenderer(Figure(), cache_size=0), ValueError, "cache_size: expected a positive integer"),
    (lambda: legend_above(None), TypeError, "ax: expected a matplotlib Axes, got NoneType"),
    (lambda: legend_above(Figure().add_subplot(), ncol=2.5), TypeError, "ncol: expected a positive integer"),
    (lambda: png_bytes(None), TypeError, "rgba: expected a numpy array of uint8 pixels, got NoneType"),
    (lambda: png_bytes(np.zeros((2, 2, 4))), ValueError, "rgba: expected uint8 pixels of shape (h, w, 4)"),
    (lambda: png_bytes(np.zeros((2, 2), np.uint8)), ValueError, "got uint8 (2, 2)"),
])
def test_the_helpers_name_a_bad_argument(call, error, words):
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value)


def test_png_bytes_round_trips_the_pixels():
    rgba = np.random.default_rng(0).integers(0, 256, (3, 5, 4), dtype=np.uint8)
    np.testing.assert_array_equal(_pixels(png_bytes(rgba)), rgba)
