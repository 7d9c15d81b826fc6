"""What every plot shares: the ``ax=None`` contract, notes above the Axes, log limits that survive inf/0/NaN.

Every ``plot_*`` function in ``rnn_helpers.plots`` takes ``ax=None`` (a new figure when None),
draws only into that Axes, returns it, never calls ``plt.show()`` and never changes global style.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import FixedLocator, LogLocator, NullLocator
from matplotlib.transforms import Bbox

from rnn_helpers._checks import as_array, check_nonempty

NOTE_GID = "gradient-note"  # gid of the text notes, so several curves stack their notes


def check_axes(name, ax):
    """``ax`` if it is a matplotlib Axes, else a TypeError naming ``name``."""
    if not isinstance(ax, plt.Axes):
        raise TypeError(f"{name}: expected a matplotlib Axes, got {type(ax).__name__}")
    return ax


def target_axes(ax):
    """``ax`` if it is a matplotlib Axes, a new figure's Axes if it is None; else a TypeError."""
    if ax is None:
        _, ax = plt.subplots()
    elif not isinstance(ax, plt.Axes):
        raise TypeError(f"ax: expected a matplotlib Axes or None, got {type(ax).__name__}")
    return ax


def curve(name, values) -> np.ndarray:
    """A non-empty 1-D float array of norms ≥ 0 that may hold inf and NaN."""
    arr = as_array(name, values, ndim=1, dtype=np.float64, finite=False)
    check_nonempty(name, arr)
    if (arr < 0).any():
        raise ValueError(f"{name}: expected norms ≥ 0, got a minimum of {np.nanmin(arr)}")
    return arr


NOTE_BOX = {"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": "0.8"}


def _note_strip(ax):
    """Where notes sit: a strip on the top edge of ``ax``, or of its title when it has one.

    A callable ``xycoords`` (renderer -> Bbox), so it follows the title wherever it is set or
    moved after the note is made; matplotlib places the title before it places the notes.
    """
    def strip(renderer):
        top = ax.bbox.y1
        if ax.title.get_text():
            top = max(top, ax.title.get_window_extent(renderer).y1)
        return Bbox.from_extents(ax.bbox.x0, top, ax.bbox.x1, top + 1.0)
    return strip


def note(ax, text, color):
    """A small text note right-aligned ABOVE ``ax`` (and its title); several notes stack upwards.

    The notes never cover the data: they sit outside the plotting area, in a strip above the
    title (or above the Axes when there is no title), each in a white box like a legend's.
    Layout managers (``tight_layout``, ``layout="constrained"``, ``bbox_inches="tight"``) make
    room for them.
    """
    check_axes("ax", ax)
    if not isinstance(text, str):
        raise TypeError(f"text: expected a str, got {type(text).__name__}")
    n = sum(t.get_gid() == NOTE_GID for t in ax.texts)
    size = FontProperties(size="small").get_size_in_points()          # follows rcParams font.size
    ax.annotate(text, xy=(1.0, 0.0), xycoords=_note_strip(ax), xytext=(0, (0.6 + 2.1 * n) * size),
                textcoords="offset points", ha="right", va="bottom", color=color, fontsize=size,
                gid=NOTE_GID, bbox=NOTE_BOX, annotation_clip=False)


def fit_log_ylim(ax):
    """Log y-limits around every finite positive value drawn in data coordinates.

    Set by hand because matplotlib's automatic 5% margin overflows for curves spanning 1e±300.
    """
    check_axes("ax", ax)
    ys = [np.asarray(line.get_ydata(), dtype=np.float64) for line in ax.get_lines()
          if line.get_transform() == ax.transData]
    y = np.concatenate(ys) if ys else np.zeros(0)
    y = np.log10(y[np.isfinite(y) & (y > 0)])
    lo, hi = (y.min(), y.max()) if y.size else (-1.0, 1.0)
    pad = max(0.05 * (hi - lo), 0.3)
    lo, hi = max(lo - pad, -307.0), min(hi + pad, 307.0)
    ax.set_ylim(10**lo, 10**hi)                                   # also turns autoscale off
    if ax.get_yscale() != "log":
        ax.set_yscale("log")                                      # (resets ticks and formats)
    if hi - lo > 20 or max(-lo, hi) > 250:   # LogLocator would overflow placing ticks past 1e308
        step = next(s for s in (5, 10, 20, 25, 50, 100) if (hi - lo) / s <= 8)
        decades = np.arange(np.ceil(lo / step) * step, hi, step)
        ax.yaxis.set_major_locator(FixedLocator(10.0**decades))
        ax.yaxis.set_minor_locator(NullLocator())
    elif isinstance(ax.yaxis.get_major_locator(), FixedLocator):  # back to a modest range
        ax.yaxis.set_major_locator(LogLocator())
        ax.yaxis.set_minor_locator(LogLocator(subs="auto"))
