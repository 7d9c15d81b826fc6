"""Clips as strips of frames, and the direction task's confusion table.

    plot_frames({"true": clip[5:], "ConvLSTM": predicted[0], "copy last": copy[0]}, first_step=5)
    plot_confusion(table, DIRECTIONS, title="GRU")          # rows the truth, columns the answer

Takes ``ax=None`` (a new figure when None), draws only into that Axes and returns it. Every strip is
one image (the frames side by side, a thin gap between them), so a figure of several strips stays
one Axes and one PNG.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, as_numbers, check_int, check_positive_number
from rnn_helpers.plots._base import target_axes

GAP = 1                 # pixels of grey between frames and between rows


def _rows(rows) -> dict:
    if isinstance(rows, dict):
        if not rows:
            raise ValueError("rows: expected at least one {label: frames (T, H, W)}, got an empty dict")
        items = rows.items()
    else:
        items = [("", rows)]
    out = {}
    for label, frames in items:
        if not isinstance(label, str):
            raise TypeError(f"rows: expected string labels, got {type(label).__name__}")
        a = as_array(f"rows[{label!r}]" if label else "rows", frames, ndim=3, dtype=np.float64)
        if 0 in a.shape:
            raise ValueError(f"rows[{label!r}]: expected frames (T, H, W) with every size >= 1, "
                             f"got {a.shape}")
        out[label] = a
    shapes = {a.shape[1:] for a in out.values()}
    if len(shapes) > 1:
        raise ValueError(f"rows: expected frames of one size, got sizes {sorted(shapes)}")
    return out


def frame_mosaic(rows, gap=GAP) -> np.ndarray:
    """The image ``plot_frames`` draws: every row's frames side by side, rows stacked, ``gap`` pixels of
    NaN (drawn grey) between; rows shorter than the longest are padded with NaN on the right."""
    rows = _rows(rows)
    gap = check_int("gap", gap, low=0)
    H, W = next(iter(rows.values())).shape[1:]
    T = max(a.shape[0] for a in rows.values())
    out = np.full((len(rows) * (H + gap) - gap, T * (W + gap) - gap), np.nan)
    for r, a in enumerate(rows.values()):
        for t, frame in enumerate(a):
            out[r * (H + gap):r * (H + gap) + H, t * (W + gap):t * (W + gap) + W] = frame
    return out


def _check_cmap(cmap):
    import matplotlib

    if not isinstance(cmap, str):
        raise TypeError(f"cmap: expected the name of a matplotlib colour map such as 'gray_r', got "
                        f"{cmap!r:.40} ({type(cmap).__name__})")
    if cmap not in matplotlib.colormaps:
        raise ValueError(f"cmap: expected the name of a matplotlib colour map such as 'gray_r', got {cmap!r}")


def plot_frames(rows, ax=None, first_step=0, title=None, cmap="gray_r", vmax=1.0):
    """Strips of frames: ``rows`` a dict {label: frames (T, H, W)} (one strip per label, top to bottom)
    or one array (T, H, W); the columns are numbered from ``first_step``. Pixels from 0 (white) to
    ``vmax`` (black)."""
    rows = _rows(rows)
    first_step = check_int("first_step", first_step, low=0)
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title: expected a string or None, got {type(title).__name__}")
    _check_cmap(cmap)
    vmax = check_positive_number("vmax", vmax)
    ax = target_axes(ax)
    H, W = next(iter(rows.values())).shape[1:]
    T = max(a.shape[0] for a in rows.values())
    image = np.ma.masked_invalid(frame_mosaic(rows))
    ax.set_facecolor("0.75")
    ax.imshow(image, cmap=cmap, vmin=0.0, vmax=vmax, interpolation="nearest")
    ax.set_xticks([t * (W + GAP) + (W - 1) / 2 for t in range(T)], [str(first_step + t) for t in range(T)])
    ax.set_yticks([r * (H + GAP) + (H - 1) / 2 for r in range(len(rows))], list(rows))
    ax.tick_params(length=0)
    ax.grid(False)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_xlabel("frame")
    if title:
        ax.set_title(title, fontsize="small")
    return ax


def plot_confusion(table, labels, ax=None, title=None):
    """A confusion table (K, K) of counts, rows the true class and columns the answer, each cell
    shaded by its share of its row and labelled with its count."""
    t = as_numbers("table", table, ndim=2)
    if not isinstance(labels, (list, tuple)) or not all(isinstance(s, str) for s in labels):
        raise TypeError(f"labels: expected a list or tuple of class names, got {labels!r:.60}")
    if t.shape != (len(labels), len(labels)) or (t < 0).any():
        raise ValueError(f"table: expected non-negative counts of shape ({len(labels)}, {len(labels)}) "
                         f"(one row and column per label), got shape {t.shape}")
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title: expected a string or None, got {type(title).__name__}")
    ax = target_axes(ax)
    share = t / np.maximum(t.sum(axis=1, keepdims=True), 1)
    ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
    for (r, c), n in np.ndenumerate(t):
        ax.text(c, r, f"{int(n)}", ha="center", va="center", fontsize="small",
                color="white" if share[r, c] > 0.5 else "black")
    ax.set_xticks(range(len(labels)), labels)
    ax.set_yticks(range(len(labels)), labels)
    ax.set(xlabel="answer", ylabel="true direction")
    if title:
        ax.set_title(title, fontsize="small")
    return ax
