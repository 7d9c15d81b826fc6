"""Results over seeds: dots per model or curves per epoch, their median, and the point rerun live.

    plot_spread({"LSTM": [0.88, 0.90, 0.89], "GRU": [0.94, 0.93, 0.94]}, live={"LSTM": 0.883},
                baseline=0.1, baseline_label="chance", ylabel="test accuracy")

Takes ``ax=None`` (a new figure when None), draws only into that Axes and returns it; never calls
``plt.show()`` or changes global style.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextPath
from matplotlib.transforms import ScaledTranslation

from rnn_helpers._checks import as_array, check_nonempty, check_number
from rnn_helpers.plots._base import check_axes, target_axes
from rnn_helpers.plots.style import BLUE, VERMILLION

LEGEND_SIZE = "x-small"


def _labelled(name, groups, ndim, what) -> dict:
    """``groups`` {str label: array of ``ndim`` dimensions, non-empty}, else an error naming ``name``."""
    if not isinstance(groups, dict):
        raise TypeError(f"{name}: expected a dict {{label: {what}}}, got {type(groups).__name__}")
    if not groups:
        raise ValueError(f"{name}: expected at least one label with its values, got an empty dict")
    checked = {}
    for label, values in groups.items():
        if not isinstance(label, str):
            raise TypeError(f"{name}: expected str labels, got {label!r} ({type(label).__name__})")
        checked[label] = as_array(f"{name}[{label!r}]", values, ndim=ndim, dtype=np.float64)
        check_nonempty(f"{name}[{label!r}]", checked[label])
    return checked


def plot_spread(groups, ax=None, live=None, baseline=None, baseline_label="baseline", ylabel=None):
    """Each label's values (one per seed) as dots, its median as a bar; ``live`` points as crosses.

    groups: {label: values (seeds,)}; live: {label: value} for points trained again in the notebook
    (each label must be one of ``groups``); baseline: a horizontal reference line (chance, a naive
    forecast), labelled ``baseline_label``.
    """
    groups = _labelled("groups", groups, 1, "values over seeds")
    live = {} if live is None else live
    if not isinstance(live, dict):
        raise TypeError(f"live: expected None or a dict {{label: value}}, got {type(live).__name__}")
    for label in live:
        if label not in groups:
            raise ValueError(f"live: expected labels from groups {list(groups)}, got {label!r}")
    live = {label: check_number(f"live[{label!r}]", value) for label, value in live.items()}
    baseline = None if baseline is None else check_number("baseline", baseline)
    if not isinstance(baseline_label, str) or (ylabel is not None and not isinstance(ylabel, str)):
        raise TypeError("baseline_label, ylabel: expected str (ylabel may be None)")
    ax = target_axes(ax)
    offsets = np.linspace(-0.12, 0.12, max(len(v) for v in groups.values()))
    for x, (label, values) in enumerate(groups.items()):
        ax.plot(x + offsets[:len(values)], values, "o", ms=5, color=BLUE, alpha=0.75,
                label="one seed each" if x == 0 else None)
        ax.plot([x - 0.25, x + 0.25], [np.median(values)] * 2, color="k", lw=2,
                label="median" if x == 0 else None)
        if label in live:
            ax.plot(x, live[label], "x", ms=9, mew=2, color=VERMILLION,
                    label="trained live in this notebook" if label == next(iter(live)) else None)
    if baseline is not None:
        ax.axhline(baseline, color="0.4", lw=1, ls=":", label=baseline_label)
    ax.set_xticks(range(len(groups)), list(groups))
    ax.set(xlim=(-0.6, len(groups) - 0.4), ylabel=ylabel)
    ax.legend(fontsize="small")
    return ax


def plot_seed_curves(curves, ax=None, live=None, baseline=None, baseline_label="baseline", colors=None):
    """Per-epoch curves over seeds: each label's seeds as thin lines, their median as a thick one.

    curves: {label: values (seeds, epochs)}; live: None or (label, values (epochs,)) for a point
    trained again in the notebook, drawn as crosses (it may have fewer epochs than the sweep);
    colors: None or {label: colour} (default: the colour cycle). Epochs are numbered from 1. The
    legend sits under the Axes (``legend_below``), its title says what thick and thin lines are.
    """
    checked = _labelled("curves", curves, 2, "values (seeds, epochs)")
    if colors is not None and (not isinstance(colors, dict) or set(colors) != set(checked)):
        raise ValueError(f"colors: expected None or a colour for each label {list(checked)}, got {colors!r}")
    if live is not None:
        if not isinstance(live, tuple) or len(live) != 2 or live[0] not in checked:
            raise ValueError(f"live: expected None or (label, values) with a label from {list(checked)}, "
                             f"got {live!r:.80}")
        live = (live[0], as_array("live[1]", live[1], ndim=1, dtype=np.float64))
    baseline = None if baseline is None else check_number("baseline", baseline)
    ax = target_axes(ax)
    seeds = {len(values) for values in checked.values()}
    for label, values in checked.items():
        epochs = np.arange(1, values.shape[1] + 1)
        name = label if len(seeds) == 1 else f"{label} (median of {len(values)})"
        line, = ax.plot(epochs, np.median(values, axis=0), lw=2.2, label=name,
                        color=None if colors is None else colors[label])
        ax.plot(epochs, values.T, color=line.get_color(), lw=0.7, alpha=0.45)
    if live is not None:
        ax.plot(np.arange(1, len(live[1]) + 1), live[1], "kx", ms=6, label=f"{live[0]}: trained live here")
    if baseline is not None:
        ax.axhline(baseline, color="0.4", lw=1, ls=":", label=baseline_label)
    ax.set_xlabel("epoch")
    legend_below(ax, title=(f"thick: median of {seeds.pop()} seeds, thin: each seed" if len(seeds) == 1
                            else "thick: median, thin: each seed"))
    return ax


def _points(key) -> float:
    return FontProperties(size=plt.rcParams[key]).get_size_in_points()


def legend_below(ax, title=None):
    """The legend of ``ax`` under its x-axis label, outside the plotting area: no curve runs under it.

    As many columns as fit the Axes' width. Its distance below the Axes follows the tick and label
    sizes in rcParams; ``title`` goes on top of the entries. Layout managers (``tight_layout``,
    ``layout="constrained"``, ``bbox_inches="tight"``) make room for it. Returns the Legend.
    """
    check_axes("ax", ax)
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title: expected a str or None, got {type(title).__name__}")
    rc = plt.rcParams
    drop = (max(rc["xtick.major.size"], 0.0) + rc["xtick.major.pad"] + 1.25 * _points("xtick.labelsize")
            + rc["axes.labelpad"] + 1.25 * _points("axes.labelsize") + 4.0)     # points below the Axes
    handles, labels = ax.get_legend_handles_labels()
    prop = FontProperties(size=LEGEND_SIZE)
    entry = max(TextPath((0, 0), label, prop=prop).get_extents().width for label in labels) if labels else 0.0
    entry += 4.0 * prop.get_size_in_points()                      # handle, its pad, column spacing
    width = ax.get_position().width * ax.figure.get_figwidth() * 72.0          # the Axes, in points
    ncol = int(np.clip(width // max(entry, 1.0), 1, max(len(labels), 1)))
    offset = ScaledTranslation(0.0, -drop / 72.0, ax.figure.dpi_scale_trans)
    return ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=ncol,
                     bbox_transform=ax.transAxes + offset, borderaxespad=0.0, fontsize=LEGEND_SIZE,
                     title=title, title_fontsize=LEGEND_SIZE)
