"""Plots for the character model: bits per character side by side, and text coloured by a unit.

    plot_bits_per_char({"uniform": 5.98, "bigram": 3.58, "LSTM": 2.9}, ax=ax)
    plot_text_activation(text, values, ax=ax)       # one coloured cell per character (Karpathy et al. 2015)
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import Normalize

from rnn_helpers._checks import as_array, check_choice, check_positive_int, check_positive_number
from rnn_helpers.plots._base import target_axes
from rnn_helpers.plots.style import BLACK, BLUE, ORANGE


def plot_bits_per_char(bits, ax=None, spread=None, reference=None):
    """Bars of bits per character, one per model, in the dict's order, each value written on its bar.

    bits: {name: bits per character}; spread: None or {name: (low, high)}, drawn as a range on those
    bars (e.g. the lowest and highest over seeds); reference: None or the name of a bar whose level is
    drawn as a dashed line across all of them (the baseline to beat).
    """
    if not isinstance(bits, dict):
        raise TypeError(f"bits: expected a dict {{name: bits per character}}, got {type(bits).__name__}")
    if not bits:
        raise ValueError("bits: expected at least one model, got an empty dict")
    names = list(bits)
    values = as_array("bits", [bits[n] for n in names], ndim=1)
    if (values < 0).any():
        raise ValueError(f"bits: expected values >= 0, got {values.tolist()}")
    spread = {} if spread is None else spread
    if not isinstance(spread, dict) or set(spread) - set(names):
        raise ValueError(f"spread: expected None or a dict whose keys are names of bits {names}, "
                         f"got {spread!r:.80}")
    if reference is not None and reference not in bits:
        raise ValueError(f"reference: expected None or one of {names}, got {reference!r}")
    ax = target_axes(ax)
    x = np.arange(len(names))
    colors = [BLUE if n not in spread and n != reference else ORANGE if n in spread else "#999999"
              for n in names]
    ax.bar(x, values, color=colors, width=0.6)
    for n, (lo, hi) in spread.items():
        i = names.index(n)
        ax.plot([i, i], [lo, hi], color=BLACK, lw=2, solid_capstyle="butt")
    for i, v in enumerate(values):
        ax.text(i, v + 0.05, f"{v:.2f}", ha="center", va="bottom", fontsize="small")
    if reference is not None:
        ax.axhline(bits[reference], color="#666666", ls="--", lw=1)
    ax.set(xticks=x, ylabel="bits per character (held-out)", ylim=(0, values.max() * 1.15))
    ax.set_xticklabels(names)
    ax.grid(axis="x", visible=False)
    return ax


def _layout(text, width):
    """(row, column) of every character: a new row after each newline and every ``width`` characters."""
    rows, cols, r, c = [], [], 0, 0
    for ch in text:
        if c >= width:
            r, c = r + 1, 0
        rows.append(r)
        cols.append(c)
        r, c = (r + 1, 0) if ch == "\n" else (r, c + 1)
    return np.array(rows), np.array(cols)


def plot_text_activation(text, values, ax=None, width=64, cmap="RdBu_r", vmax=None):
    """``text`` written one character per cell, each cell coloured by ``values`` (len(text),).

    A newline starts a new row (drawn as a small ↵); rows wrap at ``width`` characters. Colours run
    from -vmax (blue) to +vmax (red), vmax default max|values|; cmap: a diverging colour map, one of
    RdBu_r, coolwarm, PiYG, PuOr (0 is white in each). Returns the Axes.
    """
    if not isinstance(text, str):
        raise TypeError(f"text: expected a str, got {type(text).__name__}")
    if not text:
        raise ValueError("text: expected a non-empty str, got ''")
    values = as_array("values", values, ndim=1)
    if values.shape != (len(text),):
        raise ValueError(f"values: expected one value per character, shape ({len(text)},), "
                         f"got {values.shape}")
    width = check_positive_int("width", width)
    vmax = float(np.abs(values).max() or 1.0) if vmax is None else check_positive_number("vmax", vmax)
    cmap = check_choice("cmap", cmap, ("RdBu_r", "coolwarm", "PiYG", "PuOr"))
    ax = target_axes(ax)
    rows, cols = _layout(text, width)
    grid = np.full((rows.max() + 1, width), np.nan)
    grid[rows, cols] = values
    ax.imshow(grid, cmap=cmap, norm=Normalize(-vmax, vmax), aspect="auto", interpolation="nearest")
    for ch, r, c in zip(text, rows, cols):
        ax.text(c, r, "↵" if ch == "\n" else ch, ha="center", va="center", family="monospace",
                fontsize=8, color="#888888" if ch == "\n" else BLACK)
    ax.set(xticks=[], yticks=[], xlim=(-0.5, width - 0.5), ylim=(rows.max() + 0.5, -0.5))
    ax.grid(False)
    return ax
