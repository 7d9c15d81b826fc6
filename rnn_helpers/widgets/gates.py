"""The gate explorer: set an LSTM cell's gates by hand and watch its memory and its gradient.

    ex = gate_explorer(f=0.95, i=1.0, o=1.0)
    display(ex.widget)          # ex.sliders["f"].value = 0.5 redraws at once; read ex.c, ex.h, ex.grad

One LSTM unit with CONSTANT gates f, i, o (the weights into the gates are 0, so each gate is
σ(b) = the slider's value) runs over ``STEPS`` steps. Its candidate is g_t = φ(x_t), where the
input is a pulse of height 1 at step ``PULSE_AT`` plus, optionally, random distractors::

    c_t = f · c_{t-1} + i · g_t        h_t = o · φ(c_t)        ∂c_T/∂c_{T-k} = f^k (the cell path)

Like the other widgets: one persistent figure (no pyplot) whose artists are updated and
rendered to PNG in an ``ipywidgets.Image``; no ipympl needed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import ipywidgets as widgets
import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from rnn_helpers.gates import (
    FLOOR,
    PULSE_AT,
    RANGES,
    STEPS,
    check_gate_value,
    constant_gate_cell,
    pulse_input,
)

LABELS = {"f": "forget f", "i": "input i", "o": "output o", "noise": "distractors"}


@dataclass
class GateExplorer:
    """Handles: move ``sliders[name].value``; read ``c``, ``h``, ``grad`` (each (T,)), ``readout``."""

    sliders: dict
    fig: Figure
    ax: tuple                 # (state Axes, gradient Axes)
    lines: dict
    image: widgets.Image
    readout: widgets.HTML
    widget: widgets.Widget
    seed: int = 0
    x: np.ndarray = field(default_factory=lambda: np.zeros(0))
    c: np.ndarray = field(default_factory=lambda: np.zeros(0))
    h: np.ndarray = field(default_factory=lambda: np.zeros(0))
    grad: np.ndarray = field(default_factory=lambda: np.zeros(0))
    _background: object = field(default=None, repr=False)

    def values(self) -> dict:
        return {name: s.value for name, s in self.sliders.items()}

    def update(self, change=None):
        """Recompute c, h and the gradient, update the artists, render the PNG."""
        v = self.values()
        self.x = pulse_input(noise=v["noise"], seed=self.seed)
        self.c, self.h, self.grad = constant_gate_cell(v["f"], v["i"], v["o"], self.x)
        for name, y in (("x", self.x), ("c", self.c), ("h", self.h)):
            self.lines[name].set_ydata(y)
        self.lines["grad"].set_ydata(np.where(self.grad >= FLOOR, self.grad, np.nan))
        left = int(np.argmax(self.grad < FLOOR)) if (self.grad < FLOOR).any() else None
        self.ax[1].set_title("∂c_T/∂c_{T-k} = f^k" + (f" (below 1e-12 from lag {left})"
                                                     if left is not None else ""), fontsize="small")
        self.ax[0].set_title(f"f = {v['f']:.2f}, i = {v['i']:.2f}, o = {v['o']:.2f}", fontsize="small")
        k = STEPS - 1 - PULSE_AT                                   # lag from T back to the pulse
        self.readout.value = (f"c_T = <b>{self.c[-1]:.3g}</b> (the pulse wrote i·tanh(1) = "
                              f"{v['i'] * np.tanh(1.0):.3g}); gradient {k} steps back (to the pulse)"
                              f" = f^{k} = <b>{self.grad[k]:.3g}</b>")
        self.image.value = self._render()

    def _render(self) -> bytes:
        """Blit: paste the static background, draw only the changing artists, encode as PNG.

        The axes, ticks and labels never change, and drawing their text is most of a full
        redraw, so the background is rendered once (``_background``) and reused.
        """
        canvas = self.fig.canvas
        if self._background is None:
            canvas.draw()                                     # animated artists are skipped
            self._background = canvas.copy_from_bbox(self.fig.bbox)
        canvas.restore_region(self._background)
        for ax in self.ax:
            for artist in (*ax.lines, ax.title):
                if artist.get_animated():
                    ax.draw_artist(artist)
        buf = io.BytesIO()
        PIL.Image.fromarray(np.asarray(canvas.buffer_rgba())).save(buf, format="png", compress_level=1)
        return buf.getvalue()


def _figure():
    fig = Figure(figsize=(8.0, 3.2), dpi=80)
    FigureCanvasAgg(fig)
    fig.subplots_adjust(left=0.08, right=0.98, bottom=0.16, top=0.9, wspace=0.28)  # fixed layout
    ax_state, ax_grad = fig.subplots(1, 2)
    t = np.arange(STEPS)
    lines = {"x": ax_state.plot(t, np.zeros(STEPS), color="0.7", lw=0.8, label="input x_t")[0],
             "c": ax_state.plot(t, np.zeros(STEPS), lw=2, label="cell c_t")[0],
             "h": ax_state.plot(t, np.zeros(STEPS), lw=1.2, ls="--", label="hidden h_t")[0],
             "grad": ax_grad.plot(t, np.ones(STEPS), lw=2, marker=".", ms=3, color="tab:orange")[0]}
    ax_state.axvline(PULSE_AT, color="crimson", lw=0.8, ls=":")
    ax_state.set(xlabel="time step t", ylim=(-1.6, 2.6))
    ax_state.legend(fontsize="x-small", loc="upper right", ncol=3)
    ax_grad.axvline(STEPS - 1 - PULSE_AT, color="crimson", lw=0.8, ls=":")
    ax_grad.set(xlabel="lag k (steps back from T)", yscale="log", ylim=(FLOOR / 2, 2.0))
    for ax in (ax_state, ax_grad):
        ax.grid(True, alpha=0.3)
        ax.title.set_animated(True)                           # redrawn on every update
    for line in lines.values():
        line.set_animated(True)
    return fig, (ax_state, ax_grad), lines


def gate_explorer(f=0.95, i=1.0, o=1.0, noise=0.0, seed=0) -> GateExplorer:
    """Build the explorer with sliders for f, i, o (constant gates) and the distractors' size.

    Returns a ``GateExplorer``; display ``.widget``. Setting a slider's value redraws at once.
    """
    start = {"f": f, "i": i, "o": o, "noise": noise}
    style, lay = {"description_width": "80px"}, widgets.Layout(width="260px")
    sliders = {name: widgets.FloatSlider(value=check_gate_value(name, value), min=RANGES[name][0],
                                         max=RANGES[name][1], step=RANGES[name][2],
                                         description=LABELS[name], style=style, layout=lay,
                                         continuous_update=False)
               for name, value in start.items()}
    fig, axes, lines = _figure()
    image, readout = widgets.Image(format="png"), widgets.HTML()
    box = widgets.VBox([widgets.HBox([widgets.VBox(list(sliders.values())[:2]),
                                      widgets.VBox(list(sliders.values())[2:])]), image, readout])
    ex = GateExplorer(sliders, fig, axes, lines, image, readout, box, seed=int(seed))
    for s in sliders.values():
        s.observe(ex.update, names="value")
    ex.update()
    return ex
