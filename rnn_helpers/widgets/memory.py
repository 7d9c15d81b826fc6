"""The memory explorer: a slider for the spectral radius ρ of W_hh and a dropdown for φ, redrawing
the impulse response of ``rnn_helpers.memory.impulse_response`` live.

    explorer = memory_explorer(); display(explorer.widget)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from rnn_helpers._checks import check_choice, check_number, check_positive_int
from rnn_helpers.activations import ACTIVATIONS
from rnn_helpers.memory import DISPLAY_RANGE, clip_for_display, impulse_response, recurrent_matrix
from rnn_helpers.widgets._base import figure_png


@dataclass
class MemoryExplorer:
    """Handles of the widget that ``memory_explorer`` builds; ``update()`` redraws it.

    ``sliders["radius"]`` is a FloatSlider (spectral radius ρ of W_hh), ``sliders["activation"]``
    a Dropdown (φ); setting either's ``.value`` redraws and replaces ``curve`` (steps,).
    """

    sliders: dict
    fig: object               # matplotlib Figure (persistent, never shown by pyplot)
    ax: object
    line: object              # the Line2D whose data each update replaces
    image: object             # ipywidgets.Image holding the rendered PNG
    widget: object            # ipywidgets.VBox to display
    update: Callable[..., None]
    W_hh_unit: np.ndarray     # (H, H) with spectral radius 1; W_hh = radius * W_hh_unit
    curve: np.ndarray = field(default_factory=lambda: np.zeros(0))  # (steps,) current response
    note: str = ""


def memory_explorer(hidden_size=32, steps=50, radius=0.9, activation="tanh", seed=0):
    """An ipywidgets 8 explorer of ``impulse_response``: a slider for the spectral radius of W_hh
    and a dropdown for φ. Redraws one persistent figure into an ``ipywidgets.Image`` (PNG).

    Returns a ``MemoryExplorer``; display ``.widget``. Setting ``.sliders["radius"].value`` or
    ``.sliders["activation"].value`` redraws at once and updates ``.curve`` (steps,).
    """
    import ipywidgets as widgets
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    steps = check_positive_int("steps", steps)
    W_hh_unit = recurrent_matrix(hidden_size, 1.0, seed)                 # (H, H)
    radius_slider = widgets.FloatSlider(value=check_number("radius", radius, low=0.0), min=0.0,
                                        max=1.5, step=0.05, description="radius ρ",
                                        continuous_update=True)
    dropdown = widgets.Dropdown(options=list(ACTIVATIONS),
                                value=check_choice("activation", activation, ACTIVATIONS),
                                description="φ")
    fig = Figure(figsize=(6.5, 3.4), dpi=80)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    fig.subplots_adjust(left=0.13, right=0.97, bottom=0.14, top=0.86)  # fixed: no layout per draw
    t = np.arange(steps)
    ax.plot(t, np.ones(steps), label="‖Δh_t‖, the pulse's influence")
    ax.plot(t, np.ones(steps), "k:", lw=1,
            label=r"$r_0\,\rho^t$: linear φ (a bound for tanh, relu)")
    ax.set(yscale="log", ylim=(DISPLAY_RANGE[0] / 3, DISPLAY_RANGE[1] * 3),
           xlabel="steps t after the pulse", ylabel="‖h_t(pulse) − h_t(no pulse)‖")
    ax.legend(fontsize="small", loc="lower left")
    image = widgets.Image(format="png")
    ex = MemoryExplorer({"radius": radius_slider, "activation": dropdown}, fig, ax, ax.lines[0], image,
                        widgets.VBox([widgets.HBox([radius_slider, dropdown]), image]),
                        update=lambda *_: None, W_hh_unit=W_hh_unit)

    def update(*_):
        rho, name = ex.sliders["radius"].value, ex.sliders["activation"].value
        ex.curve = impulse_response(rho * W_hh_unit, activation=name, steps=steps, seed=seed)
        shown, ex.note = clip_for_display(ex.curve)
        ex.line.set_ydata(shown)
        with np.errstate(under="ignore"):
            linear = min(ex.curve[0], DISPLAY_RANGE[1]) * rho ** t.astype(float)   # (steps,)
        ax.lines[1].set_ydata(np.clip(linear, *DISPLAY_RANGE))
        ax.set_title(f"φ = {name}, ρ = {rho:.2f}" + (f"\n{ex.note}" if ex.note else ""),
                     fontsize="small")
        ex.image.value = figure_png(fig)

    ex.update = update
    radius_slider.observe(update, names="value")
    dropdown.observe(update, names="value")
    update()
    return ex
