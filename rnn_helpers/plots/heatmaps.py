"""Heatmaps and maps: hidden states, recorded gates aligned with the input, gate saturation.

Single-panel functions take ``ax=None`` (a new figure when None), draw only into that Axes and
return it; ``plot_gate_record`` draws one panel per array and takes ``axes=None`` (a sequence
of Axes). None calls ``plt.show()`` or changes global style.

Time axes show the steps t = 1..T: row i of a (T, ...) array (array index i) is drawn at x = i + 1,
so a mark at step t is ``ax.axvline(t)``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import TwoSlopeNorm
from matplotlib.ticker import MaxNLocator

from rnn_helpers._checks import (
    as_array,
    as_numbers,
    check_bool,
    check_choice,
    check_nonempty,
    check_number,
    check_shape,
)
from rnn_helpers.gates import GateRecord
from rnn_helpers.plots._base import check_axes, target_axes
from rnn_helpers.plots.style import BLACK, BLUE, GREEN, HIGHLIGHT, ORANGE, PURPLE, VERMILLION


def plot_hidden_states(hs, ax=None, title=None):
    """Heatmap of hidden states hs (T, H): units on y, steps t = 1..T on x, colours centred at 0."""
    hs = as_array("hs", hs, ndim=2)                               # (T, H)
    check_nonempty("hs", hs)
    ax = target_axes(ax)
    vmax = float(np.max(np.abs(hs))) or 1.0
    T, H = hs.shape
    im = ax.imshow(hs.T, aspect="auto", origin="lower", cmap="RdBu_r", interpolation="nearest",
                   extent=(0.5, T + 0.5, -0.5, H - 0.5),           # column i at step t = i + 1
                   norm=TwoSlopeNorm(vcenter=0.0, vmin=-vmax, vmax=vmax))
    ax.figure.colorbar(im, ax=ax, label="$h_t$")
    ax.set(xlabel="time step t", ylabel="hidden unit", title=title)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))        # steps are whole numbers
    ax.grid(False)
    return ax


GATE_LABELS = {"i": "input gate $i_t$", "f": "forget gate $f_t$", "o": "output gate $o_t$",
               "g": "candidate $g_t$", "c": "cell $c_t$", "h": "hidden $h_t$",
               "z": "update gate $z_t$", "r": "reset gate $r_t$"}
SIGMOID_NAMES = ("i", "f", "o", "z", "r")   # drawn on a 0..1 scale
GATE_COLORS = {"i": BLUE, "f": ORANGE, "o": GREEN, "z": PURPLE, "r": VERMILLION}   # Okabe-Ito


def _units(highlight, H):
    """Unit indices as a list of ints (None: none), each in [0, H)."""
    if highlight is None:
        return []
    arr = as_numbers("highlight", np.atleast_1d(highlight), ndim=1)
    if arr.size and not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(f"highlight: expected unit indices (integers), got dtype {arr.dtype}")
    units = [int(u) for u in arr]
    bad = [u for u in units if not 0 <= u < H]
    if bad:
        raise ValueError(f"highlight: expected unit indices in [0, {H}), got {bad}")
    return units


def _names(name, names) -> list:
    if isinstance(names, str) or not isinstance(names, (list, tuple)):
        raise TypeError(f"{name}: expected a list of names, got {type(names).__name__}")
    return names


def plot_gate_heatmap(values, ax=None, name="f", highlight=None, colorbar=True):
    """Heatmap of one gate, values (T, H): steps t = 1..T on x, units on y.

    Sigmoid gates use a 0..1 scale, the other arrays a scale centred at 0. ``highlight``: unit
    indices to mark with an arrow and a label on the right (e.g. the memory units).
    """
    values = as_array("values", values, ndim=2)                 # (T, H)
    check_nonempty("values", values)
    if not isinstance(name, str):
        raise TypeError(f"name: expected the name of the array (e.g. 'f'), got {type(name).__name__}")
    check_bool("colorbar", colorbar)
    if name in SIGMOID_NAMES and (values.min() < 0 or values.max() > 1):
        raise ValueError(f"values: the sigmoid gate {name!r} lies in [0, 1], got values in "
                         f"[{values.min():.3g}, {values.max():.3g}]; pass the name of the array")
    ax = target_axes(ax)
    T, H = values.shape
    if name in SIGMOID_NAMES:
        kw = {"cmap": "viridis", "vmin": 0.0, "vmax": 1.0}
    else:
        vmax = float(np.abs(values).max()) or 1.0
        kw = {"cmap": "RdBu_r", "norm": TwoSlopeNorm(vcenter=0.0, vmin=-vmax, vmax=vmax)}
    im = ax.imshow(values.T, aspect="auto", origin="lower", interpolation="nearest",
                   extent=(0.5, T + 0.5, -0.5, H - 0.5), **kw)       # column i at step t = i + 1
    if colorbar:
        ax.figure.colorbar(im, ax=ax, pad=0.01, fraction=0.03)
    for u in _units(highlight, H):
        ax.annotate(f"unit {u}", xy=(T + 0.5, u), xytext=(4, 0), textcoords="offset points",
                    va="center", fontsize="x-small", color=HIGHLIGHT, annotation_clip=False)
        ax.axhline(u, color=HIGHLIGHT, lw=0.6, ls=":")
    ax.set(ylabel="unit", title=GATE_LABELS.get(name, name))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))        # steps are whole numbers
    ax.title.set_fontsize("small")
    ax.grid(False)
    return ax


def _is_marker(col) -> bool:
    """A 0/1 channel that is mostly 0 (at least one 1, at most half the steps), like the adding
    problem's marker. An all-zero channel, or a pixel column that happens to be 0/1, is not."""
    ones = int(np.count_nonzero(col == 1.0))
    return bool(np.isin(col, (0.0, 1.0)).all()) and 0 < ones <= col.size // 2


def plot_input(x, ax=None, names=None):
    """The input x (T, D) as one line per channel against t = 1..T, aligned with the heatmaps.

    Every channel is drawn, an all-zero one as a flat line at 0. Marker channels (0/1, mostly 0)
    are drawn as vertical lines at their 1s instead.
    """
    x = as_array("x", x, ndim=2)                                 # (T, D)
    check_nonempty("x", x)
    names = [f"x[{d}]" for d in range(x.shape[1])] if names is None else list(_names("names", names))
    if len(names) != x.shape[1]:
        raise ValueError(f"names: expected one name per input channel ({x.shape[1]}), got {len(names)}")
    ax = target_axes(ax)
    lw = plt.rcParams["lines.linewidth"]
    t = np.arange(1, x.shape[0] + 1)                              # (T,) steps: index i is t = i + 1
    for d, col in enumerate(x.T):
        if _is_marker(col):
            for k, t_mark in enumerate(t[col == 1.0]):
                ax.axvline(t_mark, color=HIGHLIGHT, lw=lw, label=names[d] if k == 0 else None)
        else:
            ax.plot(t, col, lw=0.55 * lw, label=names[d])
    ax.set(xlim=(0.5, x.shape[0] + 0.5), ylabel="input")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))        # steps are whole numbers
    ax.legend(fontsize="x-small", loc="upper left", ncol=x.shape[1])
    return ax


def plot_gate_record(record, axes=None, names=None, highlight=None, input_names=None):
    """The input and every recorded array of ONE sequence, stacked with a shared time axis t = 1..T.

    record: a ``GateRecord`` of (T, H) arrays (use ``record.sequence(b)`` for a batch);
    names: which arrays (default all of ``record.names``); axes: len(names) + 1 Axes or None.
    Returns the array of Axes.
    """
    if not isinstance(record, GateRecord):
        raise TypeError(f"record: expected a GateRecord, got {type(record).__name__}")
    if record.h.ndim != 2:
        raise ValueError(f"record: expected one sequence ((T, H) arrays), got h {record.h.shape}; "
                         "use record.sequence(b)")
    names = list(record.names) if names is None else [check_choice("names[...]", n, record.names)
                                                           for n in _names("names", names)]
    if not names:
        raise ValueError(f"names: expected at least one of {list(record.names)}, got none")
    _units(highlight, record.h.shape[1])
    if axes is None:
        _, axes = plt.subplots(len(names) + 1, 1, sharex=True, figsize=(7.5, 1.3 * len(names) + 1.2),
                               layout="constrained")
    axes = np.asarray(axes, dtype=object).ravel()
    if axes.size != len(names) + 1:
        raise ValueError(f"axes: expected {len(names) + 1} Axes (input + {names}), got {axes.size}")
    for j, a in enumerate(axes):
        check_axes(f"axes[{j}]", a)
    plot_input(record.x, ax=axes[0], names=input_names)
    for ax, n in zip(axes[1:], names):
        plot_gate_heatmap(record[n], ax=ax, name=n, highlight=highlight)
    axes[-1].set_xlabel("time step t")
    return axes


def _check_saturation(saturation) -> dict:
    """{gate: (left (H,), right (H,))} with fractions in [0, 1], as from ``gate_saturation``."""
    if not isinstance(saturation, dict):
        raise TypeError(f"saturation: expected the dict from gate_saturation, "
                        f"got {type(saturation).__name__}")
    if not saturation:
        raise ValueError("saturation: expected the dict from gate_saturation, got an empty one")
    checked = {}
    for k, pair in saturation.items():
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise TypeError(f"saturation[{k!r}]: expected a pair (left (H,), right (H,)), got {pair!r:.60}")
        left, right = (as_array(f"saturation[{k!r}][{n}]", a, ndim=1) for n, a in enumerate(pair))
        check_nonempty(f"saturation[{k!r}][0]", left)
        check_shape(f"saturation[{k!r}][1] (the shape of [0])", right, left.shape)
        if min(left.min(), right.min()) < 0 or max(left.max(), right.max()) > 1:
            raise ValueError(f"saturation[{k!r}]: expected fractions of steps in [0, 1]")
        checked[k] = (left, right)
    return checked


def plot_gate_saturation(saturation, ax=None, highlight=None, min_saturated=0.5):
    """Per unit, fraction of steps a gate is left-saturated (x) against right-saturated (y).

    saturation: ``gates.gate_saturation(record)``, {gate: (left (H,), right (H,))}. Points near
    the top left are gates that are almost always open (> 0.9), bottom right almost always shut.
    ``highlight``: unit indices to label (e.g. memory units); a gate of such a unit is labelled
    when it is saturated (left + right) on at least ``min_saturated`` of the steps.
    """
    saturation = _check_saturation(saturation)
    min_saturated = check_number("min_saturated", min_saturated, low=0.0, high=1.0)
    ax = target_axes(ax)
    for j, (k, (left, right)) in enumerate(saturation.items()):
        ax.scatter(left, right, s=18, alpha=0.75, color=GATE_COLORS.get(k), label=GATE_LABELS.get(k, k))
        for n, u in enumerate(_units(highlight, len(left))):
            if left[u] + right[u] < min_saturated:
                continue                                         # label only saturated gates
            ax.annotate(f"{k}, unit {u}", xy=(left[u], right[u]), xytext=(10 + 42 * n, -12 - 10 * j),
                        textcoords="offset points", fontsize="x-small", color=BLACK,   # no gate is black
                        arrowprops={"arrowstyle": "-", "color": BLACK, "lw": 0.6})
    ax.plot([0, 1], [1, 0], color="0.6", lw=0.8, ls="--")       # left + right ≤ 1
    ax.set(xlim=(-0.03, 1.03), ylim=(-0.03, 1.03), aspect="equal",
           xlabel="fraction of steps with gate < 0.1", ylabel="fraction of steps with gate > 0.9")
    ax.legend(fontsize="x-small", loc="upper right")
    return ax
