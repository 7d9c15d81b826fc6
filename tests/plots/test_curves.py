"""The plot helpers draw exactly their inputs, into the given Axes, and survive inf/0/NaN."""

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgba

from rnn_helpers.plots._base import NOTE_GID, note
from rnn_helpers.plots.curves import (
    plot_gradient_norm_history,
    plot_gradient_norms,
    plot_training_curves,
)
from rnn_helpers.plots.heatmaps import plot_hidden_states


def _notes(ax):
    return [t.get_text() for t in ax.texts if t.get_gid() == NOTE_GID]


def test_hidden_states_heatmap_is_transposed_and_centred():
    hs = np.random.default_rng(0).normal(size=(30, 5))             # (T, H)
    _, ax = plt.subplots()
    assert plot_hidden_states(hs, ax=ax, title="h") is ax
    (im,) = ax.images
    np.testing.assert_array_equal(im.get_array(), hs.T)            # units on y, time on x
    vmax = np.abs(hs).max()
    assert (im.norm.vmin, im.norm.vcenter, im.norm.vmax) == (-vmax, 0.0, vmax)
    assert len(ax.figure.axes) == 2 and ax.get_title() == "h"      # the colorbar
    assert im.get_extent()[:2] == [0.5, 30.5] and ax.get_xlabel() == "time step t"   # columns t = 1..T
    with pytest.raises(ValueError, match="dimensions"):
        plot_hidden_states(hs[0])


def test_gradient_norms_draw_inputs_and_note_underflow_and_overflow():
    norms = np.r_[np.logspace(0, -300, 38), np.zeros(10)]          # underflow after lag 37
    bound = np.r_[np.logspace(0, 300, 13), np.full(35, np.inf)]    # overflow after lag 12
    with warnings.catch_warnings():
        warnings.simplefilter("error")                             # no overflow in matplotlib
        ax = plot_gradient_norms(norms, bound=bound, label="tanh")
        plot_gradient_norms(np.logspace(0, -5, 48), ax=ax, label="lstm")
        ax.figure.canvas.draw()
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["tanh", "bound", "lstm"]
    np.testing.assert_array_equal(lines[0].get_xdata(), np.arange(48))
    np.testing.assert_array_equal(lines[0].get_ydata()[:38], norms[:38])
    assert np.isnan(lines[0].get_ydata()[38:]).all()               # zeros left out, not drawn
    np.testing.assert_array_equal(lines[1].get_ydata()[:13], bound[:13])
    assert ax.get_yscale() == "log"
    assert _notes(ax) == ["tanh: underflows to 0 beyond lag 37",
                          "bound: overflows to inf beyond lag 12"]
    assert 0 < ax.get_ylim()[0] <= 1e-300 and ax.get_ylim()[1] >= 1e300


def test_gradient_norms_all_zero_or_nan_and_bad_arguments():
    ax = plot_gradient_norms(np.zeros(4), label="dead")
    plot_gradient_norms(np.array([1.0, np.nan, 0.5]), ax=ax)
    assert _notes(ax) == ["dead: underflows to 0 from lag 0", "NaN at 1 lag(s)"]
    with pytest.raises(ValueError, match="≥ 0"):
        plot_gradient_norms([1.0, -0.1])
    with pytest.raises(ValueError, match="norms: expected 1 dimensions, got shape"):
        plot_gradient_norms(np.ones((2, 2)))
    with pytest.raises(TypeError, match="Axes"):
        plot_gradient_norms([1.0], ax="left")


def test_training_curves_train_val_baseline_and_nan_marks():
    history = {"loss": [1.0, 0.5, np.nan, 0.3], "val_loss": [1.1, 0.6, 0.5, 0.4], "mae": [1, 1, 1, 1]}
    ax = plot_training_curves(history, baseline=0.7, baseline_label="naive")
    by_label = {line.get_label(): line for line in ax.get_lines()}
    np.testing.assert_array_equal(by_label["train"].get_xdata(), [1, 2, 3, 4])
    np.testing.assert_array_equal(by_label["train"].get_ydata(), history["loss"])
    np.testing.assert_array_equal(by_label["validation"].get_ydata(), history["val_loss"])
    np.testing.assert_array_equal(by_label["naive"].get_ydata(), [0.7, 0.7])
    np.testing.assert_array_equal(by_label["train: NaN/inf"].get_xdata(), [3])
    assert "validation: NaN/inf" not in by_label
    ax2 = plot_training_curves(history, metric="mae")
    assert [line.get_label() for line in ax2.get_lines()] == ["train"]
    with pytest.raises(ValueError, match="val_loss"):
        plot_training_curves(history, metric="accuracy")
    with pytest.raises(TypeError, match="History"):
        plot_training_curves([1, 2])


class _FakeHistory:  # the interface of GradientNormHistory, without training a model
    total = [2.0, np.inf, 1.0]

    def as_arrays(self):
        return np.array([1, 2, 3]), {"rnn": np.array([1.0, np.inf, 0.5]), "out": np.ones(3)}


def test_gradient_norm_history_lines_and_nonfinite_marks():
    ax = plot_gradient_norm_history(_FakeHistory())
    by_label = {line.get_label(): line for line in ax.get_lines()}
    np.testing.assert_array_equal(by_label["rnn"].get_xdata(), [1, 2, 3])
    np.testing.assert_array_equal(by_label["rnn"].get_ydata(), [1.0, np.nan, 0.5])
    np.testing.assert_array_equal(by_label["out"].get_ydata(), np.ones(3))
    total, layers = by_label["total"], [by_label["rnn"], by_label["out"]]
    assert ax.get_lines()[0] is total                               # drawn first ...
    assert all(total.get_zorder() < line.get_zorder() for line in layers)   # ... and below
    assert all(total.get_linewidth() > 2 * line.get_linewidth() for line in layers)  # a band
    assert total.get_color() not in {line.get_color() for line in layers}
    crosses = [line for line in ax.get_lines() if line.get_marker() == "x"]
    assert [list(c.get_xdata()) for c in crosses] == [[2], [2]]    # total and rnn at step 2
    ax2 = plot_gradient_norm_history(_FakeHistory().as_arrays())
    curves = [line.get_label() for line in ax2.get_lines() if line.get_marker() != "x"]
    assert curves == ["rnn", "out"]                                # no total without the callback
    with pytest.raises(ValueError, match="one per step"):
        plot_gradient_norm_history((np.arange(2), {"rnn": np.ones(3)}))
    with pytest.raises(TypeError, match="GradientNormHistory"):
        plot_gradient_norm_history({"rnn": [1.0]})


def test_impulse_responses_draw_each_curve_into_the_given_axes():
    from rnn_helpers.plots.curves import plot_impulse_responses

    _, ax = plt.subplots()
    out = plot_impulse_responses({"a": np.ones(5), "b": np.array([1.0, 1e9, 1.0])}, ax=ax)
    assert out is ax and len(ax.lines) == 2 and ax.get_yscale() == "log"
    np.testing.assert_array_equal(ax.lines[1].get_ydata(), [1.0, 1e6, 1.0])      # clipped for the axis
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0] == "a" and labels[1].startswith("b — above 1e+06 from step 1")
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), np.arange(5))        # r[k] at x = k
    assert ax.get_xlabel() == "steps $k$ after the pulse (0: its own step)"    # k = 0: x_1's own step
    assert "h_{1+k}" in ax.get_ylabel()
    with pytest.raises(TypeError, match="curves: expected a non-empty dict"):
        plot_impulse_responses([1, 2])


def test_gradient_norm_history_total_never_hides_a_layer_that_equals_it():
    class OneLayer:                                                # total == rnn at every step
        total = [1.0, 0.5, 0.2]

        def as_arrays(self):
            return np.arange(3), {"rnn": np.array(self.total)}

    fig, ax = plt.subplots()
    plot_gradient_norm_history(OneLayer(), ax=ax)
    fig.canvas.draw()
    total, rnn = ax.get_lines()
    np.testing.assert_array_equal(total.get_ydata(), rnn.get_ydata())
    assert total.get_zorder() < rnn.get_zorder() and total.get_linewidth() > rnn.get_linewidth()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["total", "rnn"]


def _note_boxes(ax):
    return [t.get_bbox_patch().get_window_extent() for t in ax.texts if t.get_gid() == NOTE_GID]


def test_notes_sit_above_the_axes_and_never_cover_a_curve_that_reaches_the_top():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])                                          # reaches the top right corner
    note(ax, "first note", "k")
    note(ax, "second, longer note", "k")
    fig.canvas.draw()
    first, second = [t for t in ax.texts if t.get_gid() == NOTE_GID]
    for t in (first, second):
        box = t.get_bbox_patch()
        assert box is not None and to_rgba(box.get_facecolor())[:3] == (1.0, 1.0, 1.0)
    data = ax.get_window_extent()                                    # the plotting area
    r1, r2 = _note_boxes(ax)
    for r in (r1, r2):
        assert r.y0 >= data.y1 and not r.overlaps(data)              # outside, above the data
        assert abs(r.x1 - data.x1) < 5                               # right-aligned with the Axes
    assert r2.y0 >= r1.y1                                            # stacked upwards, no overlap


def test_notes_go_above_a_title_set_before_or_after_them():
    for title_first in (True, False):
        fig, ax = plt.subplots(layout="constrained")
        if title_first:
            ax.set_title("a title as long as the Axes are wide, or nearly")
        plot_gradient_norms(np.r_[1e-3 * 1.8 ** np.arange(30), np.inf, np.nan], ax=ax, label="grows")
        if not title_first:
            ax.set_title("a title as long as the Axes are wide, or nearly")
        fig.canvas.draw()
        boxes = _note_boxes(ax)
        assert len(boxes) == 2
        title = ax.title.get_window_extent()
        for r in boxes:
            assert not r.overlaps(ax.get_window_extent()) and not r.overlaps(title) and r.y0 >= title.y1
            assert fig.bbox.contains(r.x0, r.y1 - 1)                  # the layout made room for them
        plt.close(fig)
