"""The forecast plots draw what they are given and return their Axes."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from rnn_helpers.plots.forecast import plot_error_by_horizon, plot_forecast  # noqa: E402


def test_plot_forecast_draws_history_truth_forecasts_and_band():
    y = np.arange(30.0)
    ax = plot_forecast(np.arange(30), y, 20, {"a": y[21:25] + 1, "b": y[21:25]},
                       band=(np.full(4, -1.0), np.ones(4)), history=10)
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels[:4] == ["seen", "truth", "a", "b"] and len(ax.collections) == 1
    plt.close("all")


def test_error_by_horizon_one_line_per_seed():
    ax = plot_error_by_horizon({"naive": np.arange(1.0, 5.0), "gru": np.ones((3, 4))})
    assert len(ax.get_lines()) == 4 and ax.get_xlabel() == "steps ahead"
    plt.close("all")
