"""Projector mode reaches every widget: larger, sharper figures with larger text, larger controls.

Off by default (matplotlib's defaults and the course's normal style); on under the course's projector
style, however it was set (``use_course_style(projector=True)``, ``RNN_PROJECTOR=1``).
"""

import importlib
import io
import pkgutil

import ipywidgets as widgets
import matplotlib
import numpy as np
import PIL.Image
import pytest
from matplotlib.text import Text

import rnn_helpers.widgets
from rnn_helpers.environment import setup_notebook
from rnn_helpers.plots.style import PROJECTOR, projector_on, use_course_style
from rnn_helpers.widgets import _base
from rnn_helpers.widgets.attention import attention_explorer
from rnn_helpers.widgets.gates import gate_explorer
from rnn_helpers.widgets.gradient import gradient_explorer
from rnn_helpers.widgets.memory import memory_explorer
from rnn_helpers.widgets.sampling import temperature_explorer

BUILDERS = {
    "attention_explorer": attention_explorer,
    "gate_explorer": gate_explorer,
    "gradient_explorer": lambda: gradient_explorer(seq_len=40, hidden_size=8),
    "memory_explorer": lambda: memory_explorer(hidden_size=16, steps=40),
    "temperature_explorer": lambda: temperature_explorer(np.linspace(2.0, -2.0, 8), "abcdefgh"),
}
MOVES = {"attention_explorer": ("query", 3), "gate_explorer": ("f", 0.5), "gradient_explorer": ("sigma", 2.0),
         "memory_explorer": ("radius", 1.2), "temperature_explorer": ("temperature", 0.5)}


def _build(name, projector):
    """The explorer built under the course's style, normal or projector (rcParams restored after)."""
    with matplotlib.rc_context():
        use_course_style(projector=projector)
        assert projector_on() is projector
        return BUILDERS[name]()


def _pixels(png):
    return np.asarray(PIL.Image.open(io.BytesIO(png)).convert("RGBA"))


def _font_sizes(ex):
    """{which text: font size in points} of every Axes' x label, title and first tick labels."""
    sizes = {}
    for i, ax in enumerate(ex.axes):
        sizes[f"{i} xlabel"] = ax.xaxis.label.get_size()
        sizes[f"{i} title"] = ax.title.get_size()
        sizes[f"{i} xtick"] = ax.xaxis.get_major_ticks()[0].label1.get_size()
        sizes[f"{i} ytick"] = ax.yaxis.get_major_ticks()[0].label1.get_size()
    return sizes


def _controls(ex):
    return [w for w in ex.sliders.values()]


def test_every_explorer_is_covered():
    found = {name for info in pkgutil.iter_modules(rnn_helpers.widgets.__path__, "rnn_helpers.widgets.")
             for name in vars(importlib.import_module(info.name)) if name.endswith("_explorer")}
    assert found == set(BUILDERS)


def test_off_by_default():
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        assert not projector_on()
        use_course_style()
        assert not projector_on()
        use_course_style(projector=True)
        assert projector_on()
        use_course_style(projector=False)                    # switches back cleanly
        assert not projector_on() and _base.projector_scale() == 1.0
    for name in BUILDERS:
        ex = BUILDERS[name]()                                # matplotlib's defaults, as in the tests
        assert ex.fig.dpi == _base.DPI == 80
        assert _base.PROJECTOR_CLASS not in ex.widget._dom_classes
        assert not any(isinstance(w, widgets.HTML) and "<style>" in w.value for w in ex.widget.children)
        for control in _controls(ex):
            assert control.style.description_width == _base.STYLE["description_width"]
            assert control.layout.width == _base.LAYOUT["width"]


@pytest.mark.parametrize("name", BUILDERS)
def test_projector_figures_are_larger_sharper_and_their_text_larger(name):
    normal, projected = _build(name, False), _build(name, True)
    assert projected.fig.dpi == 1.5 * normal.fig.dpi == 120
    np.testing.assert_allclose(projected.fig.get_size_inches(), 1.4 * normal.fig.get_size_inches())
    h0, w0 = _pixels(normal.image.value).shape[:2]
    h1, w1 = _pixels(projected.image.value).shape[:2]
    assert (w1, h1) == projected.fig.canvas.get_width_height()
    assert w1 >= 2 * w0 and h1 >= 2 * h0                          # 1.4 x 1.5 = 2.1 times the pixels a side
    small, large = _font_sizes(normal), _font_sizes(projected)
    for which, size in small.items():
        assert large[which] == pytest.approx(1.4 * size), which  # 14 pt text instead of 10
    texts = [t.get_size() for t in projected.fig.findobj(Text) if t.get_text().strip()]
    assert min(texts) > 9.0                                   # no text left at a fixed small size


@pytest.mark.parametrize("name", BUILDERS)
def test_projector_blitting_still_equals_a_full_redraw(name):
    with matplotlib.rc_context():
        use_course_style(projector=True)
        ex = BUILDERS[name]()
        control, value = MOVES[name]
        before = ex.image.value
        ex.sliders[control].value = value
        assert ex.image.value != before
        np.testing.assert_array_equal(_pixels(ex.image.value), ex.renderer.full_redraw())


@pytest.mark.parametrize("name", BUILDERS)
def test_projector_controls_are_larger(name):
    normal, projected = _build(name, False), _build(name, True)
    px = lambda s: float(s.removesuffix("px"))   # noqa: E731
    for a, b in zip(_controls(normal), _controls(projected)):
        assert px(b.style.description_width) > px(a.style.description_width)
        assert px(b.layout.width) > px(a.layout.width)
    assert _base.PROJECTOR_CLASS in projected.widget._dom_classes
    css = projected.widget.children[0]
    assert isinstance(css, widgets.HTML) and "--jp-widgets-font-size: 18px" in css.value
    assert css.value.startswith(f"<style>.{_base.PROJECTOR_CLASS} ")  # only inside the explorer's box
    assert projected.image in projected.widget.children
    if projected.readout is not None:
        assert projected.readout.style.font_size == _base.READOUT_FONT
        assert normal.readout.style.font_size in (None, "")


def test_rnn_projector_environment_variable_reaches_the_widgets(monkeypatch):
    monkeypatch.setenv("RNN_PROJECTOR", "1")
    with matplotlib.rc_context():
        setup_notebook(seed=0, show_versions=False)
        assert projector_on() and all(matplotlib.rcParams[k] == v for k, v in PROJECTOR.items())
        ex = memory_explorer(hidden_size=8, steps=20)
    assert ex.fig.dpi == 120 and _base.PROJECTOR_CLASS in ex.widget._dom_classes
