"""Measures against sequence length: one line per model, its seeds as dots, a baseline.

    plot_against_length({"GRU": acc_gru, "Transformer": acc_tf}, lengths=[25, 50, 100, 200, 400],
                        baseline=0.25, baseline_label="chance", ylabel="test accuracy")
    plot_against_length({"GRU": seconds}, lengths, logy=True, ylabel="seconds per epoch")

values: {label: (seeds, lengths)} or (lengths,); the median over seeds is the line, every seed a dot
(spread slightly sideways so that equal values stay visible). ``live``: {label: (length, value)}
points rerun in the notebook, drawn as crosses. The x axis is logarithmic (lengths double). Takes
``ax=None`` (a new figure when None), draws only into that Axes and returns it.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, check_bool, check_number
from rnn_helpers.plots._base import target_axes
from rnn_helpers.plots.style import PALETTE


def plot_against_length(values, lengths, ax=None, *, live=None, baseline=None, baseline_label="baseline",
                        ylabel=None, logy=False):
    """Each label's values against ``lengths`` (see the module docstring); returns the Axes."""
    lengths = as_array("lengths", lengths, ndim=1, dtype=np.float64)
    if len(lengths) == 0 or (lengths <= 0).any():
        raise ValueError(f"lengths: expected positive sequence lengths, got {lengths.tolist()}")
    if not isinstance(values, dict) or not values:
        raise TypeError(f"values: expected a non-empty dict {{label: (seeds, lengths) array}}, got "
                        f"{type(values).__name__}")
    checked = {}
    for label, v in values.items():
        v = as_array(f"values[{label!r}]", v, dtype=np.float64)
        v = v[None] if v.ndim == 1 else v
        if v.ndim != 2 or v.shape[1] != len(lengths) or v.shape[0] == 0:
            raise ValueError(f"values[{label!r}]: expected (seeds, {len(lengths)}) or ({len(lengths)},), one "
                             f"value per length, got shape {np.shape(values[label])}")
        checked[label] = v
    live = {} if live is None else live
    if not isinstance(live, dict) or any(k not in checked for k in live):
        raise ValueError(f"live: expected {{label: (length, value)}} with labels of values "
                         f"{list(checked)}, got {live!r:.80}")
    logy = check_bool("logy", logy)
    ax = target_axes(ax)
    for i, (label, v) in enumerate(checked.items()):
        color = PALETTE[i % len(PALETTE)]
        ax.plot(lengths, np.median(v, axis=0), "-", color=color, lw=1.8, label=label)
        offsets = np.linspace(-0.04, 0.04, v.shape[0]) if v.shape[0] > 1 else np.zeros(1)
        for off, row in zip(offsets, v):
            ax.plot(lengths * np.exp(off), row, "o", color=color, ms=4, alpha=0.7, mec="none")
        if label in live:
            T, value = live[label]
            ax.plot([check_number("live length", T, low=0)], [check_number("live value", value)], "x",
                    color="black", ms=8, mew=2, zorder=5)
    if any(live):
        ax.plot([], [], "x", color="black", ms=8, mew=2, label="rerun live")
    if baseline is not None:
        ax.axhline(check_number("baseline", baseline), color="0.4", ls="--", lw=1, label=baseline_label)
    ax.set_xscale("log")
    ax.set_xticks(lengths, [f"{int(t)}" for t in lengths])
    ax.minorticks_off()
    if logy:
        ax.set_yscale("log")
    ax.set(xlabel="sequence length T", ylabel=ylabel)
    ax.legend(fontsize="x-small")
    return ax
