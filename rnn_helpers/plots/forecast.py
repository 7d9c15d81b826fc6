"""Forecast plots: the history, the truth and forecasts from one origin with a band; error by horizon.

    plot_forecast(dates, y, origin=1900, forecasts={"GRU": f}, band=(lo, hi), history=104)
    plot_error_by_horizon({"naive": mae_naive, "GRU": mae_gru_over_seeds})   # (H,) or (seeds, H)

Takes ``ax=None`` (a new figure when None), draws only into that Axes and returns it.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, check_int, check_positive_int
from rnn_helpers.plots._base import target_axes
from rnn_helpers.plots.spread import _labelled, legend_below

COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


def plot_forecast(dates, y, origin, forecasts, band=None, history=52, ax=None, ylabel=None):
    """The series around ``origin`` (``history`` steps before it, truth after it) and each forecast
    (H,) made at ``origin``; ``band`` = (low, high) (H,) offsets around the first forecast."""
    dates = np.asarray(dates)
    y = as_array("y", y, ndim=1, dtype=np.float64)
    if dates.shape != y.shape:
        raise ValueError(f"dates: expected one date per value ({y.shape}), got shape {dates.shape}")
    forecasts = _labelled("forecasts", forecasts, 1, "forecast (H,)")
    H = len(next(iter(forecasts.values())))
    origin = check_int("origin", origin, low=0, high=y.size - 1 - H)
    history = check_positive_int("history", history)
    ax = target_axes(ax)
    past = slice(max(0, origin - history), origin + 1)
    ahead = slice(origin + 1, origin + 1 + H)
    ax.plot(dates[past], y[past], color="0.35", lw=1.2, label="seen")
    ax.plot(dates[ahead], y[ahead], color="black", lw=1.2, ls="--", label="truth")
    for color, (label, f) in zip(COLORS[1:], forecasts.items()):
        if f.shape != (H,):
            raise ValueError(f"forecasts[{label!r}]: expected {H} steps like the first, got {f.shape}")
        ax.plot(dates[ahead], f, color=color, lw=1.6, label=label)
    if band is not None:
        low, high = (as_array("band", b, ndim=1, dtype=np.float64) for b in band)
        first = next(iter(forecasts.values()))
        ax.fill_between(
            dates[ahead],
            first + low,
            first + high,
            color=COLORS[1],
            alpha=0.2,
            lw=0,
            label=f"band around {next(iter(forecasts))}",
        )
    ax.axvline(dates[origin], color="0.6", lw=0.8)
    if ylabel:
        ax.set_ylabel(ylabel)
    legend_below(ax)
    return ax


def plot_error_by_horizon(errors, ax=None, ylabel="mean absolute error"):
    """Error against steps ahead: {label: (H,) or (seeds, H)}; over seeds a line per seed, faint."""
    if not isinstance(errors, dict) or not errors:
        raise TypeError(
            f"errors: expected a non-empty dict {{label: (H,) or (seeds, H)}}, got {errors!r:.60}"
        )
    ax = target_axes(ax)
    for color, (label, e) in zip(COLORS, errors.items()):
        e = as_array(f"errors[{label!r}]", e, dtype=np.float64)
        if e.ndim not in (1, 2) or e.size == 0:
            raise ValueError(f"errors[{label!r}]: expected (H,) or (seeds, H), got shape {e.shape}")
        rows = e[None] if e.ndim == 1 else e
        k = np.arange(1, rows.shape[1] + 1)
        for i, row in enumerate(rows):
            ax.plot(
                k,
                row,
                color=color,
                lw=1.6 if rows.shape[0] == 1 else 1.0,
                alpha=1.0 if rows.shape[0] == 1 else 0.7,
                label=label if i == 0 else None,
            )
    ax.set_xlabel("steps ahead")
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    legend_below(ax)
    return ax
