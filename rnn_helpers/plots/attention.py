"""Attention as a picture: which input characters each output character reads; gradients by position.

    plot_attention(weights, "3 March 2014", "2014-03-03")   # (To, Ts) weights, rows: outputs, columns: inputs
    plot_source_gradients({"no attention": g0, "attention": g1}, source_len=30)   # log norm per position
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, check_bool, check_nonempty
from rnn_helpers.plots._base import target_axes


def _labels(name, labels) -> list[str]:
    if isinstance(labels, str):
        return list(labels)
    if not isinstance(labels, (list, tuple)) or not all(isinstance(x, str) for x in labels):
        raise TypeError(f"{name}: expected a str (one label per character) or a list of strings, "
                        f"got {type(labels).__name__}")
    return list(labels)


def plot_attention(weights, source, output, ax=None, colorbar=False):
    """Heatmap of attention weights, shape (len(output), len(source)): row t is what output t reads.

    source, output: a str (one character per column / row) or a list of tokens. Values in [0, 1].
    """
    w = as_array("weights", weights, ndim=2)
    check_nonempty("weights", w)
    if w.min() < 0 or w.max() > 1 + 1e-6:
        raise ValueError(f"weights: expected attention weights in [0, 1], got values from {w.min():.3g} "
                         f"to {w.max():.3g}")
    cols, rows = _labels("source", source), _labels("output", output)
    if w.shape != (len(rows), len(cols)):
        raise ValueError(f"weights: expected shape (len(output), len(source)) = ({len(rows)}, {len(cols)}), "
                         f"got {w.shape}")
    colorbar = check_bool("colorbar", colorbar)
    ax = target_axes(ax)
    image = ax.imshow(w, cmap="Greys", vmin=0, vmax=1, aspect="auto", interpolation="nearest")
    ax.set_xticks(range(len(cols)), [c if c != " " else "␣" for c in cols])
    ax.set_yticks(range(len(rows)), rows)
    ax.tick_params(length=0)
    ax.set(xlabel="input character", ylabel="output character")
    ax.grid(False)
    if colorbar:
        ax.figure.colorbar(image, ax=ax, label="attention weight")
    return ax


def plot_source_gradients(curves, ax=None):
    """Mean gradient norm per source position, one curve per model, log scale; x counts steps back
    from the last input character (1 = the last character)."""
    if not isinstance(curves, dict) or not curves:
        raise (TypeError if not isinstance(curves, dict) else ValueError)(
            f"curves: expected a non-empty dict {{label: (Ts,) norms}}, got {curves!r:.60}")
    ax = target_axes(ax)
    for label, values in curves.items():
        y = as_array(f"curves[{label!r}]", values, ndim=1)
        check_nonempty(f"curves[{label!r}]", y)
        if (y <= 0).any():
            raise ValueError(f"curves: expected norms > 0 (log scale), got a minimum of {y.min():.3g} "
                             f"in {label!r}")
        lag = np.arange(len(y), 0, -1)                                  # position s -> steps back Ts - s
        ax.semilogy(lag, y, marker="o", ms=3, label=str(label))
    ax.set(xlabel="input position, counted back from the last character (1 = last)",
           ylabel="mean ‖∂ loss at the last output / ∂ input embedding‖")
    ax.invert_xaxis()
    ax.legend()
    return ax
