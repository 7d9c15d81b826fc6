"""The memory explorer: a slider for the spectral radius ρ of W_hh and a dropdown for φ, redrawing
the impulse response of ``rnn_helpers.memory.impulse_response`` live.

    explorer = memory_explorer(); display(explorer.widget)
    explorer.sliders["radius"].value = 1.2      # redraws at once; read explorer.curve, .note

W_hh = ρ Q with Q a random orthogonal matrix fixed by ``seed``, so a linear φ gives exactly
r_k = r_0 ρ^k (the dotted line) and tanh or relu stay below it; the x-axis counts the steps
k = 0..steps-1 after the pulse (k = 0: the pulse's own step t = 1, as in ``impulse_response``).
The curve is clipped to ``memory.DISPLAY_RANGE`` for the log axis, and the title says what was
clipped from which step k.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import check_positive_int, check_seed
from rnn_helpers.activations import ACTIVATIONS
from rnn_helpers.memory import DISPLAY_RANGE, clip_for_display, impulse_response, recurrent_matrix
from rnn_helpers.widgets._base import Explorer, dropdown, figure, legend_above, slider

RADIUS_RANGE = (0.0, 1.5, 0.05)                   # (min, max, step) of the ρ slider


def _figure(steps):
    """The persistent figure: a log Axes with fixed limits; the two lines and the title are animated."""
    fig = figure(6.5, 3.7)
    fig.subplots_adjust(left=0.13, right=0.97, bottom=0.13, top=0.77)  # fixed: no layout per draw
    ax = fig.add_subplot()
    k = np.arange(steps)                                               # steps after the pulse
    lines = (ax.plot(k, np.ones(steps), label=r"$r_k = \|\Delta h_{1+k}\|$, the pulse's influence")[0],
             ax.plot(k, np.ones(steps), "k:", lw=1,
                     label=r"$r_0\,\rho^k$: linear φ (a bound for tanh, relu)")[0])
    ax.set(yscale="log", ylim=(DISPLAY_RANGE[0] / 3, DISPLAY_RANGE[1] * 3),
           xlabel="steps $k$ after the pulse (0: its own step)",
           ylabel=r"$\|h_{1+k}(\mathrm{pulse}) - h_{1+k}(\mathrm{no\ pulse})\|$")
    legend_above(ax)
    for artist in (*lines, ax.title):
        artist.set_animated(True)
        artist.set_zorder(3)                                           # above the frame (2.5)
    return fig, ax, lines


class MemoryExplorer(Explorer):
    """Move ``sliders["radius"]`` (ρ) or ``sliders["activation"]`` (φ); read ``curve`` (steps,),
    the response r_k, and ``note``, what the plot had to clip ('' if nothing)."""

    def __init__(self, sliders, hidden_size, steps, seed):
        self.steps, self.seed = steps, seed
        self.W_hh_unit = recurrent_matrix(hidden_size, 1.0, seed)       # (H, H), spectral radius 1
        self.curve, self.linear, self.note = np.zeros(0), np.zeros(0), ""
        fig, ax, (self.line, self.linear_line) = _figure(steps)
        super().__init__(sliders, fig, (ax,), readout=False)

    def compute(self, v):
        """r_k for W_hh = ρ Q, and the linear reference r_0 ρ^k (clipped to the plot's range)."""
        rho = v["radius"]
        self.curve = impulse_response(rho * self.W_hh_unit, activation=v["activation"], steps=self.steps,
                                      seed=self.seed)                                  # (steps,)
        with np.errstate(over="ignore", under="ignore"):        # long runs: inf or 0, honestly
            r0 = min(self.curve[0], DISPLAY_RANGE[1])
            self.linear = r0 * rho ** np.arange(self.steps, dtype=float)               # (steps,)

    def draw(self, v):
        shown, self.note = clip_for_display(self.curve)
        self.line.set_ydata(shown)
        self.linear_line.set_ydata(np.clip(self.linear, *DISPLAY_RANGE))
        title = f"φ = {v['activation']}, ρ = {v['radius']:.2f}"
        self.ax.title.set_text(title + (f"\n{self.note}" if self.note else ""))


def memory_explorer(hidden_size=32, steps=50, radius=0.9, activation="tanh", seed=0) -> MemoryExplorer:
    """An explorer of ``impulse_response``: a slider for the spectral radius ρ of W_hh (H, H) and a
    dropdown for φ, over ``steps`` steps; W_hh's direction is fixed by ``seed``.

    ``radius`` must lie in the slider's range [0, 1.5]. Returns a ``MemoryExplorer``; display
    ``.widget``. Setting ``.sliders["radius"].value`` or ``.sliders["activation"].value`` redraws
    at once and updates ``.curve`` (steps,) and ``.note``.
    """
    hidden_size, steps = check_positive_int("hidden_size", hidden_size), check_positive_int("steps", steps)
    sliders = {"radius": slider("radius", radius, *RADIUS_RANGE, "radius ρ"),
               "activation": dropdown("activation", activation, ACTIVATIONS, "φ")}
    explorer = MemoryExplorer(sliders, hidden_size, steps, check_seed(seed))
    explorer.update()
    return explorer
