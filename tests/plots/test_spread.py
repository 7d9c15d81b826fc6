"""plot_seed_curves: its legend sits under the Axes, where no curve runs."""

import matplotlib.pyplot as plt
import numpy as np

from rnn_helpers.plots.spread import plot_seed_curves


def _curves(labels, seeds=5, epochs=8):
    rng = np.random.default_rng(0)
    return {label: 0.6 - 0.05 * np.arange(epochs) + 0.05 * rng.normal(size=(seeds, epochs))
            for label in labels}


def test_seed_curves_legend_lies_outside_the_data_area_and_below_the_xlabel():
    for layout in (None, "constrained"):
        fig, ax = plt.subplots(figsize=(7, 3.6), layout=layout)
        curves = _curves(["tanh + Orthogonal (Keras default)", "relu + Identity (IRNN)", "linear"])
        assert plot_seed_curves(curves, ax=ax, live=("linear", [0.5, 0.4]), baseline=0.33) is ax
        ax.set(ylabel="validation MSE", title="5 seeds each")
        fig.canvas.draw()
        legend = ax.get_legend()
        assert legend is not None
        labels = [t.get_text() for t in legend.get_texts()]
        assert labels == [*curves, "linear: trained live here", "baseline"]
        assert legend.get_title().get_text() == "thick: median of 5 seeds, thin: each seed"
        box = legend.get_window_extent()
        assert not box.overlaps(ax.get_window_extent())              # no curve runs under it
        assert box.y1 <= ax.xaxis.label.get_window_extent().y0       # and it is under the label
        plt.close(fig)


def test_seed_curves_say_the_seed_count_per_label_when_it_differs():
    curves = _curves(["a"], seeds=3) | _curves(["b"], seeds=5)
    ax = plot_seed_curves(curves)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a (median of 3)", "b (median of 5)"]
    assert ax.get_legend().get_title().get_text() == "thick: median, thin: each seed"
