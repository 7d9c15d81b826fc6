"""The gradient explorer: how σ_max(W_hh), φ and the length of the sequence set ‖dL/dh_{T-k}‖.

    explorer = gradient_explorer(sigma=1.0)
    display(explorer.widget)          # explorer.sliders["sigma"].value = 2.0 redraws at once

A thin layer over ``reference.forward``, ``gradients.backprop_norms`` and
``gradients.jacobian_bound``: one persistent matplotlib figure (no pyplot, so it never shows itself)
is redrawn by updating its artists and rendered to PNG into an ``ipywidgets.Image``, which works in
plain JupyterLab without ipympl and in tests without a kernel.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullFormatter

from rnn_helpers._checks import check_choice, check_positive_int
from rnn_helpers.activations import ACTIVATIONS
from rnn_helpers.gradients import ACTIVATION_DERIVATIVE_BOUND, backprop_norms, jacobian_bound
from rnn_helpers.plots._base import fit_log_ylim
from rnn_helpers.reference import forward, orthogonal
from rnn_helpers.widgets._base import figure_png

INPUT_SIZE = 4
# H ≤ 96 keeps OpenBLAS' matrix-vector products single-threaded (its threshold is m·n = 9216);
# above that, two threads spin-wait on a busy 2-core machine and updates take 100+ ms.
RANGES = {"sigma": (0.05, 4.0, 0.05), "seq_len": (2, 200, 1), "hidden_size": (2, 96, 1),
          "input_scale": (0.0, 5.0, 0.1)}


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


@dataclass
class GradientExplorer:
    """Handles of the explorer: move ``sliders[...]``, read ``norms``/``bound``/``readout``."""

    sliders: dict
    fig: Figure
    ax: object
    image: widgets.Image
    readout: widgets.HTML
    widget: widgets.Widget
    seed: int = 0
    norms: np.ndarray = field(default_factory=lambda: np.zeros(0))
    bound: np.ndarray = field(default_factory=lambda: np.zeros(0))
    lines: tuple = ()

    def values(self) -> dict:
        return {name: s.value for name, s in self.sliders.items()}

    def compute(self):
        """Forward a simple RNN over fixed random inputs; return (norms, bound), each (T,).

        W_hh = sigma · Q with Q orthogonal, so σ_max(W_hh) is exactly sigma. Q, W_hx and the
        inputs depend only on the seed and the hidden size, so a slider changes only what it names.
        """
        v = self.values()
        H, T = v["hidden_size"], v["seq_len"]
        Q, W_hx, x = _fixed_draws(self.seed, H)                    # (H, H), (H, D), (1, 200, D)
        params = {"W_hx": W_hx, "W_hh": v["sigma"] * Q, "b_h": np.zeros(H)}
        hs, _, _ = forward("simple_rnn", v["input_scale"] * x[:, :T], params, activation=v["activation"])
        norms = backprop_norms(params["W_hh"], hs[0], v["activation"])          # (T,)
        bound = jacobian_bound(params["W_hh"], v["activation"], T, start=norms[0],
                               sigma_max=v["sigma"])                          # (T,)
        return norms, bound

    def update(self, change=None):
        """Recompute, update the two lines and the text, render the figure to the Image."""
        self.norms, self.bound = self.compute()
        lags = np.arange(self.norms.size)
        for line, y in zip(self.lines, (self.norms, self.bound)):
            line.set_data(lags, np.where(np.isfinite(y) & (y > 0), y, np.nan))
        v = self.values()
        gamma = ACTIVATION_DERIVATIVE_BOUND[v["activation"]]
        self.lines[1].set_label(f"bound (σ_max·γ)^k, σ_max·γ = {v['sigma']:.2f}·{gamma:g}")
        self.ax.legend(loc="lower left", fontsize="small")
        self.ax.set_xlim(0, max(lags[-1], 1))
        fit_log_ylim(self.ax)
        self.ax.set_title(f"{v['activation']}, σ_max(W_hh) = {v['sigma']:.2f}, H = "
                          f"{v['hidden_size']}, T = {v['seq_len']}", fontsize="medium")
        k = lags[-1]
        notes = _where_it_left(self.norms, "measured norm") + _where_it_left(self.bound, "bound")
        self.readout.value = (f"At lag {k}: measured ‖dL/dh‖ = <b>{self.norms[-1]:.3g}</b>, "
                              f"bound = <b>{self.bound[-1]:.3g}</b>."
                              + "".join(f"<br>Note: {n}." for n in notes))
        self.image.value = figure_png(self.fig)


def _check_range(name, value):
    lo, hi, _ = RANGES[name]
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name}: expected a number in [{lo}, {hi}], got {value!r}")
    if not lo <= value <= hi:
        raise ValueError(f"{name}: expected a value in [{lo}, {hi}] (the slider's range), got {value}")
    return value


def _sliders(sigma, activation, seq_len, hidden_size, input_scale):
    style = {"description_width": "110px"}
    lay = widgets.Layout(width="340px")
    def make(cls, name, value, desc):
        lo, hi, step = RANGES[name]
        return cls(value=value, min=lo, max=hi, step=step, description=desc, style=style,
                   layout=lay, continuous_update=False)
    return {
        "sigma": make(widgets.FloatSlider, "sigma", sigma, "σ_max(W_hh)"),
        "activation": widgets.Dropdown(options=list(ACTIVATIONS), value=activation,
                                       description="activation φ", style=style, layout=lay),
        "seq_len": make(widgets.IntSlider, "seq_len", seq_len, "length T"),
        "hidden_size": make(widgets.IntSlider, "hidden_size", hidden_size, "hidden size H"),
        "input_scale": make(widgets.FloatSlider, "input_scale", input_scale, "input scale"),
    }


def gradient_explorer(seed=0, sigma=1.0, activation="tanh", seq_len=60, hidden_size=32,
                      input_scale=1.0) -> GradientExplorer:
    """Build the explorer. W_hh = sigma · Q with Q a random orthogonal matrix (fixed by ``seed``),
    so its largest singular value σ_max is exactly ``sigma``; inputs are N(0, 1) · input_scale.

    Plots ‖dL/dh_{T-k}‖ from ``backprop_norms`` and the bound (σ_max γ_φ)^k against lag k.
    Returns a ``GradientExplorer``; display ``.widget``.
    """
    check_positive_int("seq_len", seq_len)
    check_positive_int("hidden_size", hidden_size)
    for name, value in (("sigma", sigma), ("seq_len", seq_len), ("hidden_size", hidden_size),
                        ("input_scale", input_scale)):
        _check_range(name, value)
    check_choice("activation", activation, ACTIVATIONS)
    sliders = _sliders(sigma, activation, seq_len, hidden_size, input_scale)
    fig = Figure(figsize=(7.0, 3.6), dpi=80)
    fig.subplots_adjust(left=0.12, right=0.98, bottom=0.14, top=0.91)  # fixed: constrained layout
    FigureCanvasAgg(fig)                                               # would double redraw time
    ax = fig.add_subplot()
    lines = (ax.plot([], [], lw=2, label="measured ‖dL/dh‖ at lag k")[0],
             ax.plot([], [], "--", color="0.3", lw=1, label="bound")[0])
    ax.set(xlabel="lag k (steps back from h_T)", ylabel="gradient norm")
    ax.grid(True, alpha=0.3)
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(_tick_label))            # plain text: mathtext
    ax.yaxis.set_minor_formatter(NullFormatter())                       # parsing costs ~25 ms
    image, readout = widgets.Image(format="png"), widgets.HTML()
    box = widgets.VBox([widgets.HBox([widgets.VBox(list(sliders.values())[:3]),
                                      widgets.VBox(list(sliders.values())[3:])]), image, readout])
    explorer = GradientExplorer(sliders, fig, ax, image, readout, box, seed=int(seed), lines=lines)
    for s in sliders.values():
        s.observe(explorer.update, names="value")
    explorer.update()
    return explorer
