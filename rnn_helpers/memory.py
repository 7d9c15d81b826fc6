"""How long one input lasts in a simple RNN's hidden state: impulse responses and their explorer.

    W_hh = recurrent_matrix(32, radius=0.9)          # (H, H), spectral radius 0.9
    r = impulse_response(W_hh, activation="tanh")    # (steps,): ‖h_t(pulse) − h_t(no pulse)‖
    plot_impulse_responses({"ρ = 0.9": r})           # log scale, clipped readably
    explorer = memory_explorer(); explorer.widget    # slider + dropdown, redraws live

Two runs of h_t = φ(W_hx x_t + W_hh h_{t-1}) from h_{-1} = 0 share every input except x_0: one
gets the pulse, the other x_0 = 0; all later inputs are 0. Their distance at step t is the
pulse's influence t steps later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from rnn_helpers._checks import as_array, check_choice, check_positive_int, check_shape
from rnn_helpers._render import figure_png
from rnn_helpers.activations import ACTIVATIONS, get_activation

BLOWUP = 1e100              # a state this large counts as diverged: the rest of the curve is inf
DISPLAY_RANGE = (1e-15, 1e6)  # what the plots show on their log axis; values outside are clipped


def _check_number(name: str, value, *, low: float = -np.inf) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name}: expected a number, got {value!r} ({type(value).__name__})")
    if not np.isfinite(value) or value < low:
        raise ValueError(f"{name}: expected a finite number >= {low}, got {value}")
    return float(value)


def recurrent_matrix(hidden_size, radius, seed=0) -> np.ndarray:
    """W_hh = ρ Q (H, H): a random orthogonal Q scaled by ``radius`` ρ >= 0.

    Every eigenvalue of W_hh then has modulus ρ (so its spectral radius is ρ) and
    ‖W_hh v‖ = ρ‖v‖ for every v. Keras' default recurrent initializer is orthogonal, i.e. ρ = 1.
    The same ``seed`` gives the same Q for every radius: only the scale changes.
    """
    H = check_positive_int("hidden_size", hidden_size)
    radius = _check_number("radius", radius, low=0.0)
    A = np.random.default_rng(seed).normal(size=(H, H))     # (H, H)
    Q, R = np.linalg.qr(A)
    return radius * Q * np.sign(np.diag(R))                 # sign fix: Q uniform over O(H)


def _pulse_input(W_hx, pulse, hidden_size: int, seed) -> tuple[np.ndarray, np.ndarray]:
    """Checked ``W_hx`` (H, D) (a random unit column if None) and the pulse x_0 (D,)."""
    if W_hx is None:
        w = np.random.default_rng(seed).normal(size=(hidden_size, 1))
        W_hx = w / np.linalg.norm(w)                                    # (H, 1), unit norm
    W_hx = as_array("W_hx", W_hx, ndim=2)
    check_shape(f"W_hx (hidden size H={hidden_size} from W_hh)", W_hx, (hidden_size, None))
    D = W_hx.shape[1]
    if np.ndim(pulse) == 0:
        x0 = np.full(D, _check_number("pulse", pulse))                  # (D,)
    else:
        x0 = as_array("pulse", pulse, ndim=1)
        check_shape(f"pulse (input size D={D} from W_hx)", x0, (D,))
    return W_hx, x0


def impulse_response(W_hh, W_hx=None, activation="tanh", steps=50, pulse=1.0,
                     seed=0) -> np.ndarray:
    """Norm of the hidden-state difference caused by one input pulse at t = 0.

    W_hh (H, H); W_hx (H, D), or None for a random unit column (D = 1) drawn from ``seed``;
    pulse: x_0 as a number (every input unit) or a (D,) vector; activation: a name in
    ``rnn_helpers.activations.ACTIVATIONS``. Returns r (steps,) with
    r[t] = ‖h_t(x_0 = pulse) − h_t(x_0 = 0)‖. Once a state passes ``BLOWUP`` the run has
    diverged and the rest of r is ``inf`` (no overflow warnings are raised).
    """
    W_hh = as_array("W_hh", W_hh, ndim=2)
    check_shape("W_hh (square)", W_hh, (W_hh.shape[0], W_hh.shape[0]))
    phi, _ = get_activation(activation)
    steps = check_positive_int("steps", steps)
    W_hx, x0 = _pulse_input(W_hx, pulse, W_hh.shape[0], seed)
    h = np.zeros((2, W_hh.shape[0]))                     # (2, H): row 0 no pulse, row 1 pulse
    x = np.stack([np.zeros_like(x0), x0])                # (2, D): the inputs at t = 0
    r = np.full(steps, np.inf)
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(steps):
            a = h @ W_hh.T + (x @ W_hx.T if t == 0 else 0.0)  # (2, H) pre-activation
            h = phi(a)                                         # (2, H)
            if not np.all(np.abs(h) <= BLOWUP):                # diverged (or NaN): stop here
                break
            r[t] = np.linalg.norm(h[1] - h[0])
    return r


def clip_for_display(r, low=DISPLAY_RANGE[0], high=DISPLAY_RANGE[1]) -> tuple[np.ndarray, str]:
    """Clip a response r (steps,) into [low, high] for a log axis (inf becomes ``high``).

    Returns the clipped copy and a note saying what was clipped from which step ('' if nothing).
    """
    r = np.asarray(r, dtype=np.float64)
    if r.ndim != 1 or np.isnan(r).any():
        raise ValueError(f"r: expected a 1-D response without NaN, got shape {r.shape}")
    notes = []
    above, below = np.flatnonzero(r > high), np.flatnonzero(r < low)
    if above.size:
        notes.append(f"above {high:.0e} from step {above[0]} (clipped; the state explodes)")
    if below.size:
        notes.append(f"below {low:.0e} from step {below[0]} (clipped)")
    return np.clip(r, low, high), "; ".join(notes)


def plot_impulse_responses(curves, ax=None, title=None):
    """Draw impulse responses {label: r (steps,)} on a log axis, clipped to ``DISPLAY_RANGE``.

    A curve that had to be clipped says so in its legend label. Returns the Axes.
    """
    if not isinstance(curves, dict) or not curves:
        raise TypeError(f"curves: expected a non-empty dict {{label: array}}, got {curves!r:.60}")
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    for label, r in curves.items():
        shown, note = clip_for_display(r)
        ax.plot(np.arange(len(shown)), shown, label=f"{label} — {note}" if note else str(label))
    ax.set_yscale("log")
    ax.set_ylim(DISPLAY_RANGE[0] / 3, DISPLAY_RANGE[1] * 3)
    ax.set_xlabel("steps t after the pulse")
    ax.set_ylabel("‖h_t(pulse) − h_t(no pulse)‖")
    ax.legend(fontsize="small")
    if title is not None:
        ax.set_title(title)
    return ax


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
    radius_slider = widgets.FloatSlider(value=_check_number("radius", radius, low=0.0), min=0.0,
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
