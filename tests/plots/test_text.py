"""Bits-per-character bars and text coloured by a unit."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from rnn_helpers.plots.text import _layout, plot_bits_per_char, plot_text_activation  # noqa: E402


def test_bars_in_order_with_values_and_reference():
    fig, ax = plt.subplots()
    out = plot_bits_per_char({"uniform": 5.98, "bigram": 3.6, "LSTM": 2.9}, ax=ax,
                             spread={"LSTM": (2.8, 3.0)}, reference="bigram")
    assert out is ax and [p.get_height() for p in ax.patches] == [5.98, 3.6, 2.9]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["uniform", "bigram", "LSTM"]
    assert {"5.98", "3.60", "2.90"} <= {t.get_text() for t in ax.texts}
    plt.close(fig)


@pytest.mark.parametrize("kw", [{"bits": {}}, {"spread": {"GRU": (1, 2)}}, {"reference": "GRU"},
                                {"bits": {"a": -1.0}}])
def test_bad_bits_arguments(kw):
    args = {"bits": {"uniform": 5.98, "LSTM": 2.9}, **kw}
    with pytest.raises((TypeError, ValueError), match=next(iter(kw))):
        plot_bits_per_char(**args)


def test_layout_breaks_at_newlines_and_wraps():
    rows, cols = _layout("ab\ncdef", width=3)
    assert rows.tolist() == [0, 0, 0, 1, 1, 1, 2] and cols.tolist() == [0, 1, 2, 0, 1, 2, 0]


def test_text_activation_colours_one_cell_per_character():
    text = "HAMLET:\nTo be."
    values = np.linspace(-1, 1, len(text))
    fig, ax = plt.subplots()
    plot_text_activation(text, values, ax=ax, width=10)
    grid = ax.images[0].get_array()
    assert grid.shape == (2, 10) and grid[0, 0] == -1 and grid[1, 5] == 1      # "To be." row 1
    assert [t.get_text() for t in ax.texts][7] == "↵" and len(ax.texts) == len(text)
    with pytest.raises(ValueError, match="values"):
        plot_text_activation(text, values[:-1])
    plt.close("all")
