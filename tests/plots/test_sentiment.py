"""plot_running_prediction draws one point per word, the words as ticks, the whole-sentence mark."""

import numpy as np
import pytest

from rnn_helpers.plots.sentiment import plot_running_prediction


def test_points_ticks_and_final_mark():
    ax = plot_running_prediction(["not", "bad", "good"], [0.4, 0.2, 0.7], final=0.7, title="t")
    line = ax.lines[-1]
    assert np.allclose(line.get_ydata(), [0.4, 0.2, 0.7]) and np.allclose(line.get_xdata(), [1, 2, 3])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["not", "bad", "good"]
    assert np.allclose(ax.collections[0].get_offsets(), [[3, 0.7]])
    assert ax.get_title() == "t"


def test_bad_probabilities():
    with pytest.raises(ValueError, match="probabilities"):
        plot_running_prediction(["a", "b"], [0.1])
    with pytest.raises(ValueError, match="probabilities"):
        plot_running_prediction(["a"], [1.5])
