"""plot_against_length: the median over seeds as a line, every seed as a dot, live points, a baseline."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from rnn_helpers.plots.scaling import plot_against_length

LENGTHS = [25, 50, 100, 200, 400]


def test_median_line_seed_dots_live_cross_and_baseline():
    acc = np.array([[1.0, 0.5, 0.25, 0.25, 0.25], [1.0, 0.6, 0.3, 0.25, 0.25], [0.9, 0.5, 0.25, 0.3, 0.2]])
    fig, ax = plt.subplots()
    assert plot_against_length({"GRU": acc, "Transformer": np.ones(5)}, LENGTHS, ax=ax,
                               live={"GRU": (50, 0.55)}, baseline=0.25, baseline_label="chance") is ax
    lines = ax.get_lines()
    median = [ln for ln in lines if ln.get_label() == "GRU"][0]
    np.testing.assert_allclose(median.get_ydata(), np.median(acc, axis=0))
    np.testing.assert_allclose(median.get_xdata(), LENGTHS)
    dots = [ln for ln in lines if ln.get_marker() == "o"]
    assert len(dots) == 3 + 1                                         # a dot row per seed, per label
    crosses = [ln for ln in lines if ln.get_marker() == "x" and len(ln.get_xdata())]
    assert [(c.get_xdata()[0], c.get_ydata()[0]) for c in crosses] == [(50, 0.55)]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["GRU", "Transformer", "rerun live", "chance"]
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(t) for t in LENGTHS]
    plt.close(fig)


def test_log_y_and_a_new_axes_when_none():
    ax = plot_against_length({"LSTM": [0.1, 0.2, 0.4, 0.8, 1.6]}, LENGTHS, logy=True, ylabel="seconds")
    assert ax.get_yscale() == "log" and ax.get_ylabel() == "seconds"
    plt.close(ax.figure)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"values": {"a": np.ones(4)}}, ValueError, r"values\['a'\]: expected \(seeds, 5\) or \(5,\)"),
    ({"values": {}}, TypeError, "values: expected a non-empty dict"),
    ({"values": [1, 2]}, TypeError, "values: expected a non-empty dict"),
    ({"lengths": [0, 1, 2, 3, 4]}, ValueError, "lengths: expected positive"),
    ({"live": {"b": (25, 1.0)}}, ValueError, "live: expected"),
    ({"values": {"a": [1, 2, np.nan, 4, 5]}}, ValueError, "NaN"),
])
def test_bad_input_is_named(kwargs, error, match):
    args = {"values": {"a": np.ones(5)}, "lengths": LENGTHS, **kwargs}
    with pytest.raises(error, match=match):
        plot_against_length(args.pop("values"), args.pop("lengths"), **args)
    plt.close("all")
