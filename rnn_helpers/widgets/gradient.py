"""The gradient explorer: how the scale ρ of W_hh = ρQ, φ and the length of the sequence set ‖dL/dh_{T-k}‖.

    explorer = gradient_explorer(sigma=1.0)
    display(explorer.widget)          # explorer.sliders["sigma"].value = 2.0 redraws at once

Notation (the series'): W_hh = ρQ with Q orthogonal, so ‖W_hh‖₂ (the largest singular value) and the
spectral radius ρ(W_hh) are both ρ; the bound is (γ_φ ‖W_hh‖₂)^k. The slider is labelled ρ; its key
and the builder's argument keep the name ``sigma`` (tests, the bench and the notebooks set it).

A thin layer over ``reference.forward``, ``gradients.backprop_norms`` and
``gradients.jacobian_bound`` on the ``widgets._base.Explorer``: one persistent matplotlib figure (no
pyplot, so it never shows itself) whose curves and title are blitted to PNG in an
``ipywidgets.Image``, which works in plain JupyterLab without ipympl and in tests without a kernel.
The log y-limits are snapped to tick multiples (``log_limits``), so most moves reuse the cached
background.
"""

from __future__ import annotations

import functools
import math

import numpy as np
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from rnn_helpers._checks import as_numbers, check_seed
from rnn_helpers.activations import ACTIVATIONS
from rnn_helpers.gradients import ACTIVATION_DERIVATIVE_BOUND, backprop_norms, jacobian_bound
from rnn_helpers.reference import forward, orthogonal
from rnn_helpers.widgets._base import Explorer, dropdown, figure, legend_above, slider

INPUT_SIZE = 4
# H ≤ 96 keeps OpenBLAS' matrix-vector products single-threaded (its threshold is m·n = 9216);
# above that, two threads spin-wait on a busy 2-core machine and updates take 100+ ms.
RANGES = {"sigma": (0.05, 4.0, 0.05), "seq_len": (2, 200, 1), "hidden_size": (2, 96, 1),
          "input_scale": (0.0, 5.0, 0.1)}
TINY = 5e-324                                    # the smallest positive float64 (subnormal)
FLOAT_RANGE = (math.log10(TINY), 308.0)          # the y-axis' widest range, in decades


@functools.lru_cache(maxsize=16)
def _fixed_draws(seed, H):
    """Q (H, H), W_hx (H, D) and inputs x (1, T_max, D) for a seed and hidden size.

    Cached: the QR of a 128 x 128 matrix runs multi-threaded in OpenBLAS and is slow on a busy
    machine, and a slider that does not change H must not redo it.
    """
    rng = np.random.default_rng([seed, H])
    Q = orthogonal(H, rng)                                           # (H, H)
    W_hx = rng.normal(0.0, 1.0 / np.sqrt(INPUT_SIZE), (H, INPUT_SIZE))
    x = np.random.default_rng(seed).normal(size=(1, RANGES["seq_len"][1], INPUT_SIZE))
    for a in (Q, W_hx, x):
        a.setflags(write=False)                                      # shared by every update
    return Q, W_hx, x


def _tick_label(y, _pos):
    """Decades as 1e-50 rather than mathtext 10^{-50} (re-parsed at every redraw)."""
    e = np.log10(y) if y > 0 else np.nan
    if np.isfinite(e) and round(e) == 0 and abs(e) < 1e-9:
        return "1"
    return f"1e{int(round(e))}" if np.isfinite(e) and abs(e - round(e)) < 1e-9 else f"{y:g}"


def _where_it_left(norms, what):
    notes = []
    for bad, how in ((np.isposinf(norms), "overflowed to inf (above 1.8e308)"),
                     (norms == 0, "underflowed to 0 (below 5e-324, or exactly 0)")):
        if bad.any():
            k = int(np.argmax(bad))
            notes.append(f"the {what} {how} beyond lag {k - 1}" if k else f"the {what} {how}")
    return notes


def log_limits(*curves) -> tuple[float, float, float]:
    """(lo, hi, step) in decades: log y-limits around every finite positive value, snapped outwards
    to multiples of a tick step chosen from the span.

    Snapped limits change only when the curves move by a tick step, so most slider moves keep the
    cached background (the fast path). The limits stay inside ``FLOAT_RANGE``, which holds every
    positive float64 a curve can reach here, so nothing finite is ever cut off the axis.
    """
    if not curves:
        raise ValueError("curves: expected at least one array of norms, got none")
    y = np.concatenate([as_numbers("curves", c, finite=False).astype(np.float64).ravel() for c in curves])
    y = np.log10(y[np.isfinite(y) & (y > 0)])
    lo, hi = (float(y.min()), float(y.max())) if y.size else (-1.0, 1.0)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if max(hi - lo, 1.0) / s <= 7)
    lo, hi = step * np.floor((lo - 0.3) / step), step * np.ceil((hi + 0.3) / step)
    return max(float(lo), FLOAT_RANGE[0]), min(float(hi), FLOAT_RANGE[1]), float(step)


def _set_log_axis(ax, lo, hi, step):
    """Log y-axis from 10^lo to 10^hi with a tick at every multiple of ``step`` decades."""
    ax.set_ylim(max(10.0**lo, TINY), 10.0**hi)
    decades = np.arange(np.ceil(lo / step) * step, hi + step / 2, step)
    ax.yaxis.set_major_locator(FixedLocator(10.0**decades))


def _figure():
    """The persistent figure: one log Axes; the two lines and the title are animated."""
    fig = figure(7.0, 3.9)
    fig.subplots_adjust(left=0.12, right=0.98, bottom=0.13, top=0.84)  # fixed: no layout per draw
    ax = fig.add_subplot()
    lines = (ax.plot([], [], lw=2, label="measured ‖dL/dh‖ at lag k")[0],
             ax.plot([], [], "--", color="0.3", lw=1, label="bound ‖dL/dh_T‖ (γ·‖W_hh‖₂)^k")[0])
    ax.set(xlabel="lag k (steps back from h_T)", ylabel="gradient norm", yscale="log")
    ax.grid(True, alpha=0.3)
    ax.yaxis.set_major_formatter(FuncFormatter(_tick_label))            # plain text: mathtext
    ax.yaxis.set_minor_locator(NullLocator())                           # parsing costs ~25 ms
    legend_above(ax, title_size="medium")
    for artist in (*lines, ax.title):
        artist.set_animated(True)
        artist.set_zorder(3)                                            # above the frame (2.5)
    return fig, ax, lines


class GradientExplorer(Explorer):
    """Move ``sliders[name].value``; read ``norms`` and ``bound`` (each (T,)) and ``readout``."""

    def __init__(self, sliders, seed):
        self.seed = seed
        self.norms, self.bound = np.zeros(0), np.zeros(0)
        fig, ax, self.lines = _figure()
        super().__init__(sliders, fig, (ax,))

    def compute(self, v):
        """Forward a simple RNN over fixed random inputs; set ``norms`` and ``bound``, each (T,).

        W_hh = ρQ (ρ = sigma) with Q orthogonal, so ‖W_hh‖₂ is exactly ρ. Q, W_hx and the
        inputs depend only on the seed and the hidden size, so a slider changes only what it names.
        """
        H, T = v["hidden_size"], v["seq_len"]
        Q, W_hx, x = _fixed_draws(self.seed, H)                    # (H, H), (H, D), (1, 200, D)
        params = {"W_hx": W_hx, "W_hh": v["sigma"] * Q, "b_h": np.zeros(H)}
        hs, _, _ = forward("simple_rnn", v["input_scale"] * x[:, :T], params, activation=v["activation"])
        self.norms = backprop_norms(params["W_hh"], hs[0], v["activation"])          # (T,)
        self.bound = jacobian_bound(params["W_hh"], v["activation"], T, start=self.norms[0],
                                    sigma_max=v["sigma"])                          # (T,)

    def draw(self, v):
        """The two curves (inf and 0 left out), snapped limits, legend, title and readout."""
        lags = np.arange(self.norms.size)
        for line, y in zip(self.lines, (self.norms, self.bound)):
            line.set_data(lags, np.where(np.isfinite(y) & (y > 0), y, np.nan))
        self.ax.set_xlim(0, max(lags[-1], 1))
        _set_log_axis(self.ax, *log_limits(self.norms, self.bound))
        self.ax.title.set_text(f"{v['activation']}, W_hh = ρQ with ρ = {v['sigma']:.2f}, H = "
                               f"{v['hidden_size']}, T = {v['seq_len']}")
        notes = _where_it_left(self.norms, "measured norm") + _where_it_left(self.bound, "bound")
        gamma = ACTIVATION_DERIVATIVE_BOUND[v["activation"]]
        self.readout.value = (f"At lag {lags[-1]}: measured ‖dL/dh‖ = <b>{self.norms[-1]:.3g}</b>, "
                              f"bound = <b>{self.bound[-1]:.3g}</b> (γ·‖W_hh‖₂ = {gamma:g}·{v['sigma']:.2f})."
                              + "".join(f"<br>Note: {n}." for n in notes))


def gradient_explorer(seed=0, sigma=1.0, activation="tanh", seq_len=60, hidden_size=32,
                      input_scale=1.0) -> GradientExplorer:
    """Build the explorer. W_hh = ρQ with ρ = ``sigma`` and Q a random orthogonal matrix (fixed by
    ``seed``), so ‖W_hh‖₂ = ρ(W_hh) = ρ exactly; inputs are N(0, 1) · input_scale.

    Plots ‖dL/dh_{T-k}‖ from ``backprop_norms`` and the bound (γ_φ ‖W_hh‖₂)^k against lag k.
    Every argument must lie in its slider's range (``RANGES``). Returns a ``GradientExplorer``;
    display ``.widget``; setting ``.sliders[name].value`` redraws at once.
    """
    seed = check_seed(seed)
    sliders = {
        "sigma": slider("sigma", sigma, *RANGES["sigma"], "ρ (W_hh = ρQ)"),
        "activation": dropdown("activation", activation, ACTIVATIONS, "activation φ"),
        "seq_len": slider("seq_len", seq_len, *RANGES["seq_len"], "length T"),
        "hidden_size": slider("hidden_size", hidden_size, *RANGES["hidden_size"], "hidden size H"),
        "input_scale": slider("input_scale", input_scale, *RANGES["input_scale"], "input scale"),
    }
    explorer = GradientExplorer(sliders, seed)
    explorer.update()
    return explorer
