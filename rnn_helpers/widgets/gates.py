"""The gate explorer: set an LSTM cell's gates by hand and watch its memory and its gradient.

    ex = gate_explorer(f=0.95, i=1.0, o=1.0)
    display(ex.widget)          # ex.sliders["f"].value = 0.5 redraws at once; read ex.c, ex.h, ex.grad

One LSTM unit with CONSTANT gates f, i, o (the weights into the gates are 0, so each gate is
σ(b) = the slider's value) runs over ``STEPS`` steps t = 1..T from c_0 = 0. Its candidate is
g_t = φ(x_t), where the input is a pulse of height 1 at step t = ``PULSE_AT`` + 1 (array index
``PULSE_AT``) plus, optionally, random distractors::

    c_t = f · c_{t-1} + i · g_t        h_t = o · φ(c_t)        ∂c_T/∂c_{T-k} = f^k (the cell path)

The state Axes shows the steps t = 1..T, the gradient Axes the lags k = 0..T-1.

Like the other widgets (``widgets._base``): one persistent figure (no pyplot) whose animated
artists are updated and blitted to PNG in an ``ipywidgets.Image``; no ipympl needed.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import check_seed
from rnn_helpers.gates import FLOOR, PULSE_AT, RANGES, STEPS, constant_gate_cell, pulse_input
from rnn_helpers.widgets._base import Explorer, figure, legend_above, projector_scale, slider

LABELS = {"f": "forget f", "i": "input i", "o": "output o", "noise": "distractors"}
STATE_YLIM = (-1.6, 2.6)                       # the state Axes' fixed range; c_t may leave it


def _figure():
    """The persistent figure: state and gradient Axes with fixed limits; lines and titles animated."""
    fig = figure(8.0, 3.4)
    fig.subplots_adjust(left=0.08, right=0.98, bottom=0.15, top=0.84, wspace=0.28)  # fixed layout
    ax_state, ax_grad = fig.subplots(1, 2)
    t, k = np.arange(1, STEPS + 1), np.arange(STEPS)               # steps t = 1..T, lags k = 0..T-1
    lines = {"x": ax_state.plot(t, np.zeros(STEPS), color="0.7", lw=0.8, label="input $x_t$")[0],
             "c": ax_state.plot(t, np.zeros(STEPS), lw=2, label="cell $c_t$")[0],
             "h": ax_state.plot(t, np.zeros(STEPS), lw=1.2, ls="--", label="hidden $h_t$")[0],
             "grad": ax_grad.plot(k, np.ones(STEPS), lw=2, marker=".", ms=3, color="tab:orange")[0]}
    ax_state.axvline(PULSE_AT + 1, color="crimson", lw=0.8, ls=":")          # the pulse's step t
    ax_state.set(xlabel="time step $t$", ylim=STATE_YLIM)
    legend_above(ax_state, ncol=3)
    ax_grad.axvline(STEPS - 1 - PULSE_AT, color="crimson", lw=0.8, ls=":")   # lag k = T - t_pulse
    ax_grad.set(xlabel="lag $k$ (steps back from $T$)", yscale="log", ylim=(FLOOR / 2, 2.0))
    ax_grad.set_title(" ", pad=20 * projector_scale(), fontsize="small")   # level with the left title
    for ax in (ax_state, ax_grad):
        ax.grid(True, alpha=0.3)
    for artist in (*lines.values(), ax_state.title, ax_grad.title):
        artist.set_animated(True)                                     # redrawn on every update
        artist.set_zorder(3)                                          # above the frame (2.5)
    return fig, (ax_state, ax_grad), lines


class GateExplorer(Explorer):
    """Move ``sliders[name].value``; read ``x``, ``c``, ``h``, ``grad`` (each (T,)) and ``readout``."""

    def __init__(self, sliders, seed):
        self.seed = seed
        self.x = self.c = self.h = self.grad = np.zeros(0)
        fig, axes, self.lines = _figure()
        super().__init__(sliders, fig, axes)

    def compute(self, v):
        """The pulse (plus distractors) through one LSTM unit with constant gates."""
        self.x = pulse_input(noise=v["noise"], seed=self.seed)                  # (T,)
        self.c, self.h, self.grad = constant_gate_cell(v["f"], v["i"], v["o"], self.x)

    def draw(self, v):
        for name, y in (("x", self.x), ("c", self.c), ("h", self.h)):
            self.lines[name].set_ydata(y)
        self.lines["grad"].set_ydata(np.where(self.grad >= FLOOR, self.grad, np.nan))
        below = self.grad < FLOOR
        left = f" (below 1e-12 from lag {int(np.argmax(below))})" if below.any() else ""
        self.axes[1].title.set_text(r"$\partial c_T/\partial c_{T-k} = f^k$" + left)
        self.axes[0].title.set_text(f"f = {v['f']:.2f}, i = {v['i']:.2f}, o = {v['o']:.2f}")
        k = STEPS - 1 - PULSE_AT                                   # lag from T back to the pulse
        self.readout.value = (f"c_T = <b>{self.c[-1]:.3g}</b> (the pulse wrote i·tanh(1) = "
                              f"{v['i'] * np.tanh(1.0):.3g}); gradient {k} steps back (to the pulse)"
                              f" = f^{k} = <b>{self.grad[k]:.3g}</b>" + self._off_plot())

    def _off_plot(self) -> str:
        """A note when c_t leaves the state Axes' fixed range (the plot clips it), else ''."""
        out = np.flatnonzero((self.c < STATE_YLIM[0]) | (self.c > STATE_YLIM[1]))
        if not out.size:
            return ""
        return (f"<br>Note: c_t leaves the plotted range [{STATE_YLIM[0]}, {STATE_YLIM[1]}] from step "
                f"t = {out[0] + 1} (clipped; c_t spans [{self.c.min():.3g}, {self.c.max():.3g}]).")


def gate_explorer(f=0.95, i=1.0, o=1.0, noise=0.0, seed=0) -> GateExplorer:
    """Build the explorer with sliders for f, i, o (constant gates) and the distractors' size.

    Each value must lie in its slider's range (``gates.RANGES``); ``seed`` fixes the distractors.
    Returns a ``GateExplorer``; display ``.widget``. Setting a slider's value redraws at once.
    """
    seed = check_seed(seed)
    sliders = {name: slider(name, value, *RANGES[name], LABELS[name])
               for name, value in (("f", f), ("i", i), ("o", o), ("noise", noise))}
    explorer = GateExplorer(sliders, seed)
    explorer.update()
    return explorer
