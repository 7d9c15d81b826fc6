"""plot_input draws every input feature; the heatmaps' colours come from the Okabe-Ito palette."""

import matplotlib.pyplot as plt
import numpy as np

from rnn_helpers.plots.heatmaps import GATE_COLORS, plot_input
from rnn_helpers.plots.style import HIGHLIGHT, PALETTE


def test_plot_input_draws_every_column_of_a_digit_an_all_zero_one_too():
    x = np.random.default_rng(0).uniform(size=(8, 8))              # a digit read row by row (T, D)
    x[:, [0, 7]] = 0.0                                              # blank left and right columns
    x[:, 3] = [0, 1, 1, 1, 1, 1, 0, 0]                              # 0/1 pixels, but mostly 1
    _, ax = plt.subplots()
    assert plot_input(x, ax=ax) is ax
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == [f"x[{d}]" for d in range(8)]
    for d, line in enumerate(lines):                                # one line per column, its values
        np.testing.assert_array_equal(line.get_xdata(), np.arange(1, 9))  # row i is step t = i + 1
        np.testing.assert_array_equal(line.get_ydata(), x[:, d])
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [f"x[{d}]" for d in range(8)]


def test_plot_input_draws_a_marker_channel_as_lines_at_its_ones():
    x = np.c_[np.linspace(-1, 1, 10), np.zeros(10), np.zeros(10)]
    x[[2, 7], 1] = 1.0                                              # the adding problem's marker
    ax = plot_input(x, names=["value", "marker", "blank"])
    value, *marks, blank = ax.get_lines()
    assert [m.get_xdata()[0] for m in marks] == [3, 8] and {m.get_color() for m in marks} == {HIGHLIGHT}
    assert ax.get_xlim() == (0.5, 10.5)                             # steps t = 1..T, index + 1
    np.testing.assert_array_equal(blank.get_ydata(), np.zeros(10))  # drawn, not taken for a marker
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["value", "marker", "blank"]


def test_gate_colours_are_okabe_ito():
    assert set(GATE_COLORS.values()) <= set(PALETTE)
    assert len(set(GATE_COLORS.values())) == len(GATE_COLORS)     # one colour per gate
