"""Loss surfaces: the cliff of the one-unit RNN with descent paths on top."""

from __future__ import annotations

import itertools

import numpy as np

from rnn_helpers._checks import check_positive_int
from rnn_helpers.cliff import DescentPath, LossGrid
from rnn_helpers.plots._base import target_axes


def plot_loss_surface(grid, ax=None, paths=None, levels=30, colorbar=True):
    """Filled contours of ``grid.loss`` over (w, b), with ``paths`` (a dict label → DescentPath)
    drawn on top as lines with markers (three styles, repeating). ``levels``: the number of contour
    levels, a positive integer. Draws into ``ax`` (plus a colour bar beside it when
    ``colorbar``) and returns ``ax``. Paths that leave the grid are cut at its edges."""
    if not isinstance(grid, LossGrid):
        raise TypeError(f"grid: expected a LossGrid from loss_grid(), got {type(grid).__name__}")
    paths = {} if paths is None else paths
    if not isinstance(paths, dict) or not all(isinstance(v, DescentPath) for v in paths.values()):
        raise TypeError("paths: expected a dict mapping labels to DescentPath objects")
    levels = check_positive_int("levels", levels)
    if not isinstance(colorbar, (bool, np.bool_)):
        raise TypeError(f"colorbar: expected True or False, got {colorbar!r} ({type(colorbar).__name__})")
    ax = target_axes(ax)
    cs = ax.contourf(grid.ws, grid.bs, grid.loss, levels=levels, cmap="viridis")
    if colorbar:
        ax.figure.colorbar(cs, ax=ax, label=r"loss $(h_T - \mathrm{target})^2$")
    styles = itertools.cycle([("-", "o", "tab:red"), ("--", "s", "white"), (":", "^", "tab:orange")])
    for label, path in paths.items():
        ls, marker, color = next(styles)
        ax.plot(path.ws, path.bs, ls=ls, marker=marker, ms=3, color=color, label=label)
    ax.set_xlim(grid.ws[0], grid.ws[-1])
    ax.set_ylim(grid.bs[0], grid.bs[-1])
    ax.set_xlabel("recurrent weight $w$")
    ax.set_ylabel("bias $b$")
    if paths:
        ax.legend(loc="lower left")
    return ax
