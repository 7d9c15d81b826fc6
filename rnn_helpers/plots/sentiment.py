"""The sentiment notebook's figures: P(positive) read after every word of a sentence.

    ax = plot_running_prediction(["not", "bad", "good"], [0.41, 0.22, 0.74], final=0.74)

Takes ``ax=None`` (a new figure when None), draws only into that Axes and returns it; never calls
``plt.show()`` or changes global style.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, check_number
from rnn_helpers.plots._base import target_axes
from rnn_helpers.plots.style import BLUE, VERMILLION


def plot_running_prediction(words, probabilities, ax=None, final=None, title=None):
    """P(positive) after words 1..t of one sentence, one point per word, the words on the x-axis.

    words: the L words the model read (str); probabilities: (L,) values in [0, 1]; final: None or the
    model's prediction for the whole sentence, marked at the last word; title: None or a str.
    """
    if isinstance(words, str) or not isinstance(words, (list, tuple)) or \
            not all(isinstance(w, str) for w in words):
        raise TypeError(f"words: expected a list of str, got {type(words).__name__} {words!r:.40}")
    p = as_array("probabilities", probabilities, ndim=1, dtype=np.float64)
    if p.shape != (len(words),) or not words:
        raise ValueError(f"probabilities: expected one value per word, shape ({len(words)},), got {p.shape}")
    if p.min() < 0 or p.max() > 1:
        raise ValueError(f"probabilities: expected values in [0, 1], got {p.min():.3g} to {p.max():.3g}")
    final = None if final is None else check_number("final", final, low=0.0, high=1.0)
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title: expected None or a str, got {type(title).__name__}")
    ax = target_axes(ax)
    t = np.arange(1, len(words) + 1)
    ax.axhline(0.5, color="0.6", lw=1, ls="--", zorder=1)
    ax.plot(t, p, color=BLUE, marker="o", ms=4, lw=1.5, zorder=2, label="after word t")
    if final is not None:
        ax.scatter([t[-1]], [final], s=90, facecolors="none", edgecolors=VERMILLION, lw=1.5, zorder=3,
                   label="whole sentence")
    ax.set_xticks(t, words, rotation=40, ha="right", fontsize="small")
    ax.set(ylim=(-0.03, 1.03), xlim=(0.5, len(words) + 0.5), ylabel="P(positive)")
    if title is not None:
        ax.set_title(title, fontsize="small")
    return ax
