"""Every plot_* renders its maths as maths: no literal "h_{t-1}", "f^{k}" or "c_T" outside $...$."""

import importlib
import inspect
import pkgutil
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.text import Text

import rnn_helpers.plots

RNG = np.random.default_rng(0)
T, H = 6, 3


def _record():
    from rnn_helpers.gates import GateRecord

    h = RNG.normal(size=(T, H))
    gate = RNG.uniform(size=(T, H))
    return GateRecord(kind="lstm", x=RNG.normal(size=(T, 2)), h=h, g=h, i=gate, f=gate, o=gate, c=h)


def _loss_surface():
    from rnn_helpers.cliff import descent_path, loss_grid

    return {"grid": loss_grid(np.linspace(2, 8, 5), np.linspace(-5, 1, 5)),
            "paths": {"plain": descent_path(5.0, -3.0, 0.5, 3)}}


class _Probe:                          # the interface of GradientNormHistory
    total = [1.0, 0.5, np.inf]

    def as_arrays(self):
        return np.arange(3), {"rnn": np.array([1.0, 0.4, np.inf]), "out": np.full(3, 0.1)}


# A small valid call of each plot function: {module.name: () -> keyword arguments}.
CALLS = {
    "curves.plot_gradient_norms": lambda: {"norms": np.r_[1.0, 1e-3, 0.0], "bound": [1.0, np.inf, np.inf],
                                           "label": "tanh"},
    "curves.plot_training_curves": lambda: {"history": {"loss": [1.0, np.nan], "val_loss": [1.1, 0.9]},
                                            "baseline": 0.5},
    "curves.plot_gradient_norm_history": lambda: {"history": _Probe()},
    "curves.plot_impulse_responses": lambda: {"curves": {"tanh": [1.0, 1e9, 0.5]}, "title": "impulse"},
    "curves.plot_forget_products": lambda: {"curves": {"f = 0.9": 0.9 ** np.arange(5)}},
    "heatmaps.plot_hidden_states": lambda: {"hs": RNG.normal(size=(T, H)), "title": "states"},
    "heatmaps.plot_gate_heatmap": lambda: {"values": RNG.uniform(size=(T, H)), "highlight": [1]},
    "heatmaps.plot_input": lambda: {"x": np.c_[RNG.normal(size=T), np.eye(T)[1]]},
    "heatmaps.plot_gate_record": lambda: {"record": _record(), "highlight": [0]},
    "heatmaps.plot_gate_saturation": lambda: {"saturation": {"f": (np.array([0.9, 0.0, 0.1]),
                                                                   np.array([0.0, 0.8, 0.1]))},
                                              "highlight": [0, 1]},
    "diagrams.plot_unrolled_rnn": lambda: {},
    "diagrams.plot_lstm_cell": lambda: {},
    "diagrams.plot_gru_cell": lambda: {},
    "surfaces.plot_loss_surface": _loss_surface,
    "spread.plot_spread": lambda: {"groups": {"a": [0.5, 0.6], "b": [0.7]}, "live": {"a": 0.55},
                                   "baseline": 0.1, "ylabel": "accuracy"},
    "spread.plot_seed_curves": lambda: {"curves": {"a": [[0.5, 0.6], [0.4, 0.7]]}, "live": ("a", [0.5]),
                                        "baseline": 0.1},
}
MODULES = ("curves", "heatmaps", "diagrams", "surfaces", "spread")   # their every plot_* is in CALLS


def plot_functions() -> dict:
    found = {}
    for info in pkgutil.iter_modules(rnn_helpers.plots.__path__):
        module = importlib.import_module(f"rnn_helpers.plots.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("plot_") and fn.__module__ == module.__name__:
                found[f"{info.name}.{name}"] = fn
    return found


FOUND = plot_functions()
MATH = re.compile(r"(?<!\\)\$.*?(?<!\\)\$")                        # a $...$ span
NOT_MATH = re.compile(r"[_^]\{|(?<![\w\\])[A-Za-z][_^][A-Za-z0-9](?!\w)")  # x_{..}, f^{..}, h_t, c_T


def literal_maths(figure) -> list[str]:
    """Every text drawn in ``figure`` that still has a subscript or superscript outside $...$."""
    texts = [t.get_text() for t in figure.findobj(Text)]
    return [s for s in texts if NOT_MATH.search(MATH.sub("", s))]


def test_every_plot_function_of_the_course_modules_is_called():
    missing = sorted(k for k in FOUND if k.split(".")[0] in MODULES and k not in CALLS)
    assert not missing, f"add a small valid call to CALLS for {missing}"
    assert not set(CALLS) - set(FOUND), f"CALLS names plots that no longer exist: {set(CALLS) - set(FOUND)}"


@pytest.mark.parametrize("key", sorted(CALLS))
def test_labels_titles_and_notes_render_maths_as_maths(key):
    out = FOUND[key](**CALLS[key]())
    axes = np.ravel(np.asarray(out, dtype=object))
    assert all(isinstance(a, plt.Axes) for a in axes)
    figure = axes[0].figure
    figure.canvas.draw()                                         # the tick labels exist after a draw
    assert len(figure.findobj(Text)) > 3
    assert literal_maths(figure) == []


def test_the_walker_catches_literal_subscripts():
    fig, ax = plt.subplots()
    ax.set(xlabel="h_{t-1} and $h_{t-1}$", ylabel="‖h_t‖", title=r"$\partial c_T$ fine, val_loss fine")
    ax.text(0, 0, "f^{k}")
    assert sorted(literal_maths(fig)) == ["f^{k}", "h_{t-1} and $h_{t-1}$", "‖h_t‖"]
    assert literal_maths(plt.subplots()[0]) == []
