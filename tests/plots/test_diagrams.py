"""Diagrams: each draws into the given Axes only, labels in mathtext, the GRU as reference/gru.py."""

import re

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_rgb
from matplotlib.patches import FancyArrowPatch

import rnn_helpers.reference.gru as gru
from rnn_helpers.plots.diagrams import CELL_PATH, plot_gru_cell, plot_lstm_cell, plot_unrolled_rnn

GATES = ["$i_t$", "$f_t$", "$o_t$", "$g_t$"]
LSTM_LABELS = GATES + ["$x_t$", "$h_{t-1}$", "$c_{t-1}$", "$c_t$", "$h_t$", r"$i_t \odot g_t$"]
GRU_LABELS = ["$z_t$", "$r_t$", "$g_t$", "$1-z_t$", "$x_t$", "$h_{t-1}$", "$h_t$", "$W_{gh}$", "$W_{gx}$"]
RNN_LABELS = ["$h_{t-1}$", "$h_t$", "$h_{t+1}$", "$x_{t-1}$", "$x_t$", "$x_{t+1}$", "$y_{t-1}$", "$y_t$",
              "$y_{t+1}$", "$W_{hh}$", "$W_{hx}$", "$W_{yh}$", "$=$"]
DIAGRAMS = [(plot_unrolled_rnn, RNN_LABELS), (plot_lstm_cell, LSTM_LABELS), (plot_gru_cell, GRU_LABELS)]


def texts(ax):
    return [t.get_text() for t in ax.texts]


@pytest.mark.parametrize("plot, labels", DIAGRAMS, ids=lambda v: getattr(v, "__name__", ""))
def test_draws_into_the_given_axes_only(plot, labels):
    fig, ax = plt.subplots()
    size, figures = tuple(fig.get_size_inches()), plt.get_fignums()
    assert plot(ax=ax) is ax
    assert plt.get_fignums() == figures and fig.axes == [ax]        # no new figure, no new Axes
    assert tuple(fig.get_size_inches()) == size                      # the caller's figure untouched
    assert not ax.axison
    assert set(labels) <= set(texts(ax))


@pytest.mark.parametrize("plot, labels", DIAGRAMS, ids=lambda v: getattr(v, "__name__", ""))
def test_without_ax_a_new_figure(plot, labels):
    figures = plt.get_fignums()
    ax = plot()
    assert isinstance(ax, plt.Axes) and len(plt.get_fignums()) == len(figures) + 1
    assert set(labels) <= set(texts(ax))


@pytest.mark.parametrize("plot, labels", DIAGRAMS, ids=lambda v: getattr(v, "__name__", ""))
def test_subscripts_only_inside_mathtext(plot, labels):
    for text in texts(plot()):
        assert text.count("$") % 2 == 0, text
        outside = re.sub(r"\$[^$]*\$", "", text)
        assert "_{" not in outside and "_" not in outside, text


@pytest.mark.parametrize("plot", [plot_lstm_cell, plot_gru_cell])
def test_the_memory_path_is_thicker_than_every_other_wire(plot):
    arrows = [p for p in plot().patches if isinstance(p, FancyArrowPatch)]
    green = [a.get_edgecolor()[:3] == to_rgb(CELL_PATH) for a in arrows]
    path = [a.get_linewidth() for a, g in zip(arrows, green) if g]
    other = [a.get_linewidth() for a, g in zip(arrows, green) if not g]
    assert len(path) == 3 and min(path) > 2 * max(other)


def test_the_gru_docstring_states_the_reference_equations():
    equations = [line.strip().split("  ")[0] for line in gru.__doc__.splitlines()
                 if re.match(r"\s+[zrgh]_t = ", line)]
    assert len(equations) == 4 and equations[-1] == "h_t = z_t ⊙ h_{t-1} + (1 - z_t) ⊙ g_t"
    for eq in equations:
        assert eq in plot_gru_cell.__doc__


def test_the_gru_diagram_writes_the_reference_equations():
    shown = " ".join(texts(plot_gru_cell()))
    for eq in [r"h_t = z_t \odot h_{t-1} + (1 - z_t) \odot g_t",
               r"g_t = \phi(W_{gx} x_t + b_{gx} + r_t \odot (W_{gh} h_{t-1} + b_{gh}))",
               r"z_t = \sigma(W_{zx} x_t + b_{zx} + W_{zh} h_{t-1} + b_{zh})",
               r"r_t = \sigma(W_{rx} x_t + b_{rx} + W_{rh} h_{t-1} + b_{rh})"]:
        assert eq in shown


def test_steps_numbered_from_one_after_h0():
    labels = texts(plot_unrolled_rnn(steps=5, outputs=False))
    assert {"$h_0$", "$x_1$", "$x_5$", "$h_5$"} <= set(labels)
    assert not any(label.startswith("$y") for label in labels) and "$W_{yh}$" not in labels
    assert labels.count("$W_{hh}$") == 1 + 5                        # the self-loop and each step's input
    assert {"$h_t$", "$x_t$", "$y_t$"} <= set(texts(plot_unrolled_rnn(steps=1)))


@pytest.mark.parametrize("kwargs, error, match", [
    ({"steps": 0}, ValueError, "steps: expected a positive integer, got 0"),
    ({"steps": 7}, ValueError, "steps: expected at most 6 steps .*, got 7"),
    ({"steps": 2.5}, TypeError, "steps: expected a positive integer, got 2.5"),
    ({"steps": True}, TypeError, "steps: expected a positive integer"),
    ({"outputs": 1}, TypeError, "outputs: expected True or False, got 1"),
    ({"ax": "left"}, TypeError, "ax: expected a matplotlib Axes or None, got str"),
])
def test_unrolled_rnn_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        plot_unrolled_rnn(**kwargs)


@pytest.mark.parametrize("plot", [plot_lstm_cell, plot_gru_cell])
def test_cells_refuse_a_non_axes(plot):
    with pytest.raises(TypeError, match="ax: expected a matplotlib Axes or None, got int"):
        plot(ax=3)
