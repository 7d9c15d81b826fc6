"""plot_loss_surface: draws the cliff and the descent paths into the given Axes."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from rnn_helpers.cliff import descent_path, loss_grid
from rnn_helpers.plots.surfaces import plot_loss_surface


def test_plot_draws_into_the_given_axes():
    fig, ax = plt.subplots()
    grid = loss_grid(np.linspace(2, 8, 6), np.linspace(-5, 1, 5))
    path = descent_path(5.0, -3.0, 1.0, 5, clip=1.0)
    out = plot_loss_surface(grid, ax=ax, paths={"clipped": path}, colorbar=False)
    assert out is ax and len(fig.axes) == 1
    assert ax.get_legend().get_texts()[0].get_text() == "clipped"
    assert ax.get_xlim() == (2.0, 8.0)
    np.testing.assert_allclose(ax.lines[0].get_xdata(), path.ws)             # the path as computed
    np.testing.assert_allclose(ax.lines[0].get_ydata(), path.bs)


def test_colorbar_adds_one_axes():
    fig, ax = plt.subplots()
    plot_loss_surface(loss_grid(np.linspace(2, 8, 4), np.linspace(-5, 1, 4)), ax=ax)
    assert len(fig.axes) == 2


@pytest.mark.parametrize("kwargs, match", [
    ({"grid": np.zeros((2, 2))}, "grid: expected a LossGrid"),
    ({"paths": {"a": 1}}, "paths: expected a dict mapping labels to DescentPath"),
])
def test_bad_arguments(kwargs, match):
    args = {"grid": loss_grid([2.0, 3.0], [0.0, 1.0])} | kwargs
    with pytest.raises(TypeError, match=match):
        plot_loss_surface(args.pop("grid"), **args)
