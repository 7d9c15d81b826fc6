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


def test_many_paths_repeat_the_styles():
    path = descent_path(5.0, -3.0, 0.5, 2)
    ax = plot_loss_surface(loss_grid([2.0, 3.0], [0.0, 1.0]), paths={f"p{k}": path for k in range(13)},
                           colorbar=False)
    assert len(ax.lines) == 13 and ax.lines[0].get_linestyle() == ax.lines[3].get_linestyle()


@pytest.mark.parametrize("kwargs, error, match", [
    ({"grid": np.zeros((2, 2))}, TypeError, "grid: expected a LossGrid"),
    ({"paths": {"a": 1}}, TypeError, "paths: expected a dict mapping labels to DescentPath"),
    ({"levels": 0}, ValueError, "levels: expected a positive integer, got 0"),
    ({"levels": True}, TypeError, "levels: expected a positive integer"),
    ({"levels": "30"}, TypeError, "levels: expected a positive integer"),
    ({"colorbar": 1}, TypeError, "colorbar: expected True or False"),
    ({"colorbar": None}, TypeError, "colorbar: expected True or False"),
])
def test_bad_arguments(kwargs, error, match):
    args = {"grid": loss_grid([2.0, 3.0], [0.0, 1.0])} | kwargs
    with pytest.raises(error, match=match):
        plot_loss_surface(args.pop("grid"), **args)
