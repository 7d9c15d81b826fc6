"""Curves: gradient norms against lag, training curves, gradient-norm histories, impulse responses,
forget-gate products. Every function takes ``ax=None``, draws only there and returns the Axes.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator

from rnn_helpers._checks import as_array, check_choice, check_nonempty, check_number
from rnn_helpers.memory import DISPLAY_RANGE, clip_for_display
from rnn_helpers.plots._base import curve, fit_log_ylim, note, target_axes

TOTAL_STYLE = {"color": "0.75", "solid_capstyle": "round", "zorder": 1.9}   # lines are at zorder 2


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
            note(ax, f"{who}{what} {where}", line.get_color())
    if np.isnan(y).any():
        note(ax, f"{who}NaN at {int(np.isnan(y).sum())} lag(s)", line.get_color())
    return line


def plot_gradient_norms(norms, ax=None, bound=None, label=None, bound_label="bound"):
    """‖dL/dh‖ (or ‖dL/dx‖) against lag k = 0..T-1 on a log axis, optionally with a bound.

    norms (T,) and bound (any length) may hold inf (overflow) and 0 (underflow): the finite part
    is drawn and a note on the Axes says where the curve left float range. Several calls can draw
    onto the same ``ax``.
    """
    norms = curve("norms", norms)
    if np.isnan(norms).all():
        raise ValueError(f"norms: expected at least one number that is not NaN, "
                         f"got NaN at all {norms.size} lags")
    ax = target_axes(ax)
    line = _draw_log_curve(ax, norms, label, label=label)
    if bound is not None:
        _draw_log_curve(ax, curve("bound", bound), bound_label, ls="--",
                        lw=0.65 * plt.rcParams["lines.linewidth"],
                        color=line.get_color(), label=bound_label)
    fit_log_ylim(ax)
    ax.set(xlabel="lag $k$ (steps back from the loss)", ylabel="gradient norm")
    if label is not None or bound is not None:
        ax.legend(fontsize="small", loc="lower left")
    return ax


def _history_dict(history) -> dict:
    """{metric: values (epochs,)}: 1-D, non-empty arrays of numbers (NaN and inf allowed)."""
    hist = getattr(history, "history", history)
    if not isinstance(hist, dict):
        raise TypeError(f"history: expected a keras History or a dict of lists, got "
                        f"{type(history).__name__}")
    if not hist:
        raise ValueError("history: expected at least one metric, got an empty dict (has the model been fit?)")
    checked = {}
    for key, values in hist.items():
        checked[key] = as_array(f"history[{key!r}]", values, ndim=1, dtype=np.float64, finite=False)
        check_nonempty(f"history[{key!r}]", checked[key])
    return checked


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
    check_choice("metric", metric, sorted(hist, key=str))
    baseline = None if baseline is None else check_number("baseline", baseline)
    ax = target_axes(ax)
    for key, name in ((metric, "train"), (f"val_{metric}", "validation")):
        if key in hist:
            y = hist[key]
            epochs = np.arange(1, y.size + 1)
            (line,) = ax.plot(epochs, y, marker="." if y.size < 30 else None, label=name)
            _mark_nonfinite(ax, epochs, y, line.get_color(), f"{name}: NaN/inf")
    if baseline is not None:
        ax.axhline(baseline, ls="--", color="0.4", lw=1, label=baseline_label)
    ax.set(xlabel="epoch", ylabel=metric)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize="small")
    return ax


def _norm_records(history):
    """(steps (N,), {layer: norms (N,)}, total (N,) or None) from the callback or its as_arrays()."""
    if hasattr(history, "as_arrays"):
        steps, norms = history.as_arrays()
        total = np.asarray(history.total, dtype=np.float64)
    elif isinstance(history, tuple) and len(history) == 2 and isinstance(history[1], dict):
        (steps, norms), total = history, None
    else:
        raise TypeError(f"history: expected a GradientNormHistory or its as_arrays() tuple, "
                        f"got {type(history).__name__}")
    steps = as_array("history (steps)", steps, ndim=1)
    if steps.size == 0 or not isinstance(norms, dict) or not norms:
        raise ValueError("history: expected at least one record of at least one layer, got none "
                         "(has the model been fit with the callback?)")
    return steps, norms, total


def plot_gradient_norm_history(history, ax=None):
    """Per-layer gradient norms against training step, log y, from a ``GradientNormHistory``.

    history: the callback (its total norm is drawn too, as a wide light-grey band below the layer
    lines: a layer that carries nearly all of it runs inside the band, both stay visible) or
    ``callback.as_arrays()``. Non-finite norms are marked with crosses at the top of the Axes.
    """
    steps, norms, total = _norm_records(history)
    lw = plt.rcParams["lines.linewidth"]
    curves = [(name, y, {}) for name, y in norms.items()]
    if total is not None:
        curves.insert(0, ("total", total, TOTAL_STYLE | {"lw": 2.7 * lw}))   # a band under the layers
    ax = target_axes(ax)
    for name, y, style in curves:
        y = curve(f"norms[{name!r}]", y)
        if y.size != steps.size:
            raise ValueError(f"norms[{name!r}]: expected {steps.size} values (one per step), "
                             f"got {y.size}")
        (line,) = ax.plot(steps, np.where(np.isfinite(y) & (y > 0), y, np.nan), label=name, **style)
        _mark_nonfinite(ax, steps, y, "0.45" if style else line.get_color(), None)   # total: darker
    fit_log_ylim(ax)
    ax.set(xlabel="training step", ylabel="gradient norm (probe batch)")
    ax.legend(fontsize="small")
    return ax


def _check_curves(curves) -> dict:
    if not isinstance(curves, dict):
        raise TypeError(f"curves: expected a non-empty dict {{label: array}}, got {type(curves).__name__}")
    if not curves:
        raise ValueError("curves: expected a non-empty dict {label: array}, got an empty one")
    return curves


def plot_impulse_responses(curves, ax=None, title=None):
    """Draw impulse responses {label: r (steps,)} on a log axis, clipped to ``DISPLAY_RANGE``.

    r as from ``memory.impulse_response``: r[k] = ‖Δh_{1+k}‖, k = 0..steps-1 steps after the pulse
    (the pulse is x_1, so k = 0 is the pulse's own step t = 1), drawn at x = k. A curve that had to
    be clipped says so in its legend label. Returns the Axes.
    """
    curves = _check_curves(curves)
    ax = target_axes(ax)
    for label, r in curves.items():
        shown, note = clip_for_display(r)
        ax.plot(np.arange(len(shown)), shown, label=f"{label} — {note}" if note else str(label))
    ax.set_yscale("log")
    ax.set_ylim(DISPLAY_RANGE[0] / 3, DISPLAY_RANGE[1] * 3)
    ax.set_xlabel("steps $k$ after the pulse (0: its own step)")
    ax.set_ylabel(r"$\|h_{1+k}(\mathrm{pulse}) - h_{1+k}(\mathrm{no\ pulse})\|$")
    ax.legend(fontsize="small")
    if title is not None:
        ax.set_title(title)
    return ax


def plot_forget_products(curves, ax=None):
    """Cell-path gradients ∏ f against lag on a log axis: curves {label: (K,) values in [0, 1]}."""
    curves = _check_curves(curves)
    ax = target_axes(ax)
    for label, y in curves.items():
        y = as_array(f"curves[{label!r}]", y, ndim=1)
        check_nonempty(f"curves[{label!r}]", y)
        if y.min() < 0 or y.max() > 1:
            raise ValueError(f"curves[{label!r}]: products of forget gates lie in [0, 1], got values in "
                             f"[{y.min():.3g}, {y.max():.3g}]")
        ax.plot(np.arange(y.size), np.where(y > 0, y, np.nan), label=str(label))
    ax.set_yscale("log")
    ax.set(xlabel="lag $k$ (steps back from $c_T$)",
           ylabel=r"$\partial c_T/\partial c_{T-k} = \prod f$")
    ax.legend(fontsize="small", loc="lower left")
    return ax
