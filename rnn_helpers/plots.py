"""Plots for hidden states, gradient norms and training curves.

Every function takes ``ax=None`` (a new figure when None), draws only into that Axes, returns it,
never calls ``plt.show()`` and never changes global style.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import TwoSlopeNorm
from matplotlib.ticker import FixedLocator, LogLocator, MaxNLocator, NullLocator

from rnn_helpers._checks import as_array

NOTE_GID = "gradient-note"  # gid of the text notes, so several curves stack their notes


def _axes(ax):
    if ax is None:
        _, ax = plt.subplots()
    elif not isinstance(ax, plt.Axes):
        raise TypeError(f"ax: expected a matplotlib Axes or None, got {type(ax).__name__}")
    return ax


def _curve(name, values) -> np.ndarray:
    """A non-empty 1-D float array of norms ≥ 0 that may hold inf and NaN."""
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name}: expected a 1-D array of numbers, "
                        f"got {type(values).__name__}") from exc
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name}: expected a non-empty 1-D array, got shape {arr.shape}")
    if (arr < 0).any():
        raise ValueError(f"{name}: expected norms ≥ 0, got a minimum of {np.nanmin(arr)}")
    return arr


def plot_hidden_states(hs, ax=None, title=None):
    """Heatmap of hidden states hs (T, H): units on y, time on x, colours centred at 0."""
    hs = as_array("hs", hs, ndim=2)                               # (T, H)
    ax = _axes(ax)
    vmax = float(np.max(np.abs(hs))) or 1.0
    im = ax.imshow(hs.T, aspect="auto", origin="lower", cmap="RdBu_r", interpolation="nearest",
                   norm=TwoSlopeNorm(vcenter=0.0, vmin=-vmax, vmax=vmax))
    ax.figure.colorbar(im, ax=ax, label="$h_t$")
    ax.set(xlabel="time step t", ylabel="hidden unit", title=title)
    ax.grid(False)
    return ax


def _note(ax, text, color):
    n = sum(t.get_gid() == NOTE_GID for t in ax.texts)
    ax.text(0.98, 0.95 - 0.08 * n, text, transform=ax.transAxes, ha="right", va="top",
            color=color, fontsize="small", gid=NOTE_GID)


def fit_log_ylim(ax):
    """Log y-limits around every finite positive value drawn in data coordinates.

    Set by hand because matplotlib's automatic 5% margin overflows for curves spanning 1e±300.
    """
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


def _draw_log_curve(ax, y, name, **style):
    """Plot y against its index with inf, NaN and 0 left out; note on the Axes what was left out."""
    x = np.arange(y.size)
    shown = np.where(np.isfinite(y) & (y > 0), y, np.nan)         # log axis shows finite y > 0
    (line,) = ax.plot(x, shown, **style)
    who = f"{name}: " if name else ""
    for bad, what in ((np.isposinf(y), "overflows to inf"), (y == 0, "underflows to 0")):
        if bad.any():
            k = int(np.argmax(bad))
            where = f"beyond lag {k - 1}" if k > 0 else "from lag 0"
            _note(ax, f"{who}{what} {where}", line.get_color())
    if np.isnan(y).any():
        _note(ax, f"{who}NaN at {int(np.isnan(y).sum())} lag(s)", line.get_color())
    return line


def plot_gradient_norms(norms, ax=None, bound=None, label=None, bound_label="bound"):
    """‖dL/dh‖ (or ‖dL/dx‖) against lag k = 0..T-1 on a log axis, optionally with a bound.

    norms (T,) and bound (any length) may hold inf (overflow) and 0 (underflow): the finite part
    is drawn and a note on the Axes says where the curve left float range. Several calls can draw
    onto the same ``ax``.
    """
    norms = _curve("norms", norms)
    ax = _axes(ax)
    line = _draw_log_curve(ax, norms, label, label=label)
    if bound is not None:
        _draw_log_curve(ax, _curve("bound", bound), bound_label, ls="--", lw=1,
                        color=line.get_color(), label=bound_label)
    fit_log_ylim(ax)
    ax.set(xlabel="lag k (steps back from the loss)", ylabel="gradient norm")
    if label is not None or bound is not None:
        ax.legend(fontsize="small", loc="lower left")
    return ax


def _history_dict(history) -> dict:
    hist = getattr(history, "history", history)
    if not isinstance(hist, dict):
        raise TypeError(f"history: expected a keras History or a dict of lists, got "
                        f"{type(history).__name__}")
    return hist


def _mark_nonfinite(ax, x, y, color, label):
    bad = ~np.isfinite(y)
    if bad.any():
        ax.plot(x[bad], np.full(bad.sum(), 0.97), "x", color=color, ms=8, mew=2,
                transform=ax.get_xaxis_transform(), label=label)


def plot_training_curves(history, ax=None, metric="loss", baseline=None, baseline_label="baseline"):
    """Train and validation curves of ``metric`` per epoch (epochs count from 1).

    history: a keras History or a dict of lists. NaN/inf values are marked with crosses at the
    top of the Axes; ``baseline`` draws a horizontal reference line (e.g. a naive forecast).
    """
    hist = _history_dict(history)
    if metric not in hist:
        raise ValueError(f"metric: expected one of {sorted(hist)}, got {metric!r}")
    ax = _axes(ax)
    for key, name in ((metric, "train"), (f"val_{metric}", "validation")):
        if key in hist:
            y = np.asarray(hist[key], dtype=np.float64)
            epochs = np.arange(1, y.size + 1)
            (line,) = ax.plot(epochs, y, marker="." if y.size < 30 else None, label=name)
            _mark_nonfinite(ax, epochs, y, line.get_color(), f"{name}: NaN/inf")
    if baseline is not None:
        ax.axhline(float(baseline), ls="--", color="0.4", lw=1, label=baseline_label)
    ax.set(xlabel="epoch", ylabel=metric)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize="small")
    return ax


def plot_gradient_norm_history(history, ax=None):
    """Per-layer gradient norms against training step, log y, from a ``GradientNormHistory``.

    history: the callback (its total norm is drawn too, dashed) or ``callback.as_arrays()``.
    Non-finite norms are marked with crosses at the top of the Axes.
    """
    if hasattr(history, "as_arrays"):
        steps, norms = history.as_arrays()
        norms = dict(norms) | {"total": np.asarray(history.total, dtype=np.float64)}
    elif isinstance(history, tuple) and len(history) == 2 and isinstance(history[1], dict):
        steps, norms = history
    else:
        raise TypeError(f"history: expected a GradientNormHistory or its as_arrays() tuple, "
                        f"got {type(history).__name__}")
    steps = np.asarray(steps)
    ax = _axes(ax)
    for name, y in norms.items():
        y = _curve(f"norms[{name!r}]", y) if len(y) else np.zeros(0)
        if y.size != steps.size:
            raise ValueError(f"norms[{name!r}]: expected {steps.size} values (one per step), "
                             f"got {y.size}")
        style = {"color": "k", "ls": "--"} if name == "total" and hasattr(history, "total") else {}
        (line,) = ax.plot(steps, np.where(np.isfinite(y) & (y > 0), y, np.nan), label=name, **style)
        _mark_nonfinite(ax, steps, y, line.get_color(), None)
    fit_log_ylim(ax)
    ax.set(xlabel="training step", ylabel="gradient norm (probe batch)")
    ax.legend(fontsize="small")
    return ax
