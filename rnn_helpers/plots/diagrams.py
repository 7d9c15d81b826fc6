"""Diagrams of the cells, drawn with matplotlib: the unrolled RNN, the LSTM cell, the GRU cell.

Every function takes ``ax=None`` (a new figure when None), draws only into that Axes with the frame
off, and returns it. Labels are mathtext in the series' notation; colours are Okabe-Ito (safe for
colour-blind readers). Boxes, arrows and ⊙/⊕ nodes are placed in data units with an equal aspect.
"""

from __future__ import annotations

from matplotlib.colors import to_rgba
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch
from matplotlib.path import Path

from rnn_helpers._checks import check_bool, check_positive_int
from rnn_helpers.plots._base import target_axes
from rnn_helpers.plots.style import BLACK, BLUE, GREEN, ORANGE

GATE = BLUE            # σ gates
CANDIDATE = ORANGE     # the candidate g_t and its parts
CELL_PATH = GREEN      # the memory path c_t (LSTM) or h_t (GRU)
TEXT = BLACK           # text and plain wires
MAX_STEPS = 6          # more steps than this do not fit across a page
R = 0.22               # radius of a ⊙ / ⊕ node


# ---------------------------------------------------------------------------------------------
# The pieces: a box, an arrow along a polyline, a ⊙/⊕ node, a label.

def _label(ax, x, y, text, ha="center", va="center", **kw):
    """Black text at (x, y), centred unless told."""
    ax.text(x, y, text, color=TEXT, ha=ha, va=va, **kw)


def _box(ax, x, y, text, color, w=0.9, h=0.7):
    """A rounded box centred on (x, y) with ``text`` inside; its face is ``color``, lightened."""
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0,rounding_size=0.12",
                                fc=to_rgba(color, 0.18), ec=color, lw=1.5, zorder=2))
    _label(ax, x, y, text, zorder=3)


def _arrow(ax, *points, color=TEXT, lw=1.2, head=True, curve=False):
    """A wire through ``points`` (x, y), ending in an arrow head unless ``head`` is False; with
    ``curve``, the four points are a cubic Bézier curve's start, two control points and end."""
    path = Path(points, [Path.MOVETO] + [Path.CURVE4] * 3) if curve else Path(points)
    ax.add_patch(FancyArrowPatch(path=path, arrowstyle="-|>" if head else "-", color=color,
                                 lw=lw, mutation_scale=10 + 2 * lw, joinstyle="miter", zorder=1))


def _node(ax, x, y, op):
    """A ⊙ (``op="odot"``, element-wise product) or ⊕ (``op="oplus"``, sum) node at (x, y)."""
    ax.add_patch(Circle((x, y), R, fc="white", ec=TEXT, lw=1.2, zorder=2))
    if op == "odot":
        ax.add_patch(Circle((x, y), 0.25 * R, fc=TEXT, ec=TEXT, zorder=3))
    else:
        ax.plot([x - R, x + R, x, x, x], [y, y, y, y - R, y + R], color=TEXT, lw=1.2, zorder=3)


def _state_line(ax, y, name_in, name_out, odot_x, oplus_x):
    """The thick memory line at height y: ``name_in`` → ⊙ (a gate) → ⊕ (what is written) → ``name_out``."""
    thick = {"color": CELL_PATH, "lw": 3.5}
    _label(ax, 0.0, y, name_in, ha="right")
    _arrow(ax, (0.1, y), (odot_x - R, y), **thick)
    _node(ax, odot_x, y, "odot")
    _arrow(ax, (odot_x + R, y), (oplus_x - R, y), **thick)
    _node(ax, oplus_x, y, "oplus")
    _arrow(ax, (oplus_x + R, y), (11.8, y), **thick)
    _label(ax, 11.9, y, name_out, ha="left")


def _frame(ax, x0, y0, x1, y1):
    """The cell's outline, a light grey rounded rectangle behind everything."""
    ax.add_patch(FancyBboxPatch((x0, y0), x1 - x0, y1 - y0, boxstyle="round,pad=0,rounding_size=0.3",
                                fc="#F2F2F2", ec="#BBBBBB", lw=1.0, zorder=0))


def _dot(ax, x, y):
    """A junction: the wires that meet here carry the same value."""
    ax.add_patch(Circle((x, y), 0.06, fc=TEXT, ec=TEXT, zorder=2))


def _finish(ax, created, xlim, ylim, scale=0.55):
    """Equal aspect, no frame. A figure made here gets ``scale`` inches per data unit; on a smaller
    given Axes, the text and arrow heads shrink in proportion so that labels stay in their boxes."""
    ax.set(xlim=xlim, ylim=ylim, aspect="equal")
    ax.axis("off")
    if created:
        ax.figure.set_size_inches(scale * (xlim[1] - xlim[0]), scale * (ylim[1] - ylim[0]))
        ax.figure.subplots_adjust(left=0, right=1, bottom=0, top=1)
    w, h = ax.get_position().size * ax.figure.get_size_inches()            # the Axes, in inches
    shrink = min(1.0, w / (xlim[1] - xlim[0]) / scale, h / (ylim[1] - ylim[0]) / scale)
    for text in ax.texts:
        text.set_fontsize(text.get_fontsize() * shrink)
    for arrow in (p for p in ax.patches if isinstance(p, FancyArrowPatch)):
        arrow.set_mutation_scale(arrow.get_mutation_scale() * shrink)
    return ax


def _equations(ax, x, y, lines):
    """The cell's equations, one mathtext line each, from (x, y) downwards."""
    for k, line in enumerate(lines):
        _label(ax, x, y - 0.55 * k, line, ha="left", fontsize="small")


def _sub(base, index):
    """Mathtext for base with a subscript: ``$h_t$``, ``$h_{t-1}$``."""
    return f"${base}_{index}$" if len(index) == 1 else f"${base}_{{{index}}}$"


# ---------------------------------------------------------------------------------------------
# The simple RNN, folded and unrolled.

def _rnn_cell(ax, x, t, outputs):
    """The cell at x: box h_t, input x_t below through W_hx, output y_t above through W_yh."""
    _box(ax, x, 0, _sub("h", t), GATE, w=1.0)
    _label(ax, x, -1.5, _sub("x", t))
    _arrow(ax, (x, -1.28), (x, -0.35))
    _label(ax, x + 0.08, -0.82, "$W_{hx}$", ha="left", fontsize="small")
    if outputs:
        _arrow(ax, (x, 0.35), (x, 1.28))
        _label(ax, x + 0.08, 0.82, "$W_{yh}$", ha="left", fontsize="small")
        _label(ax, x, 1.5, _sub("y", t))


def plot_unrolled_rnn(steps=3, ax=None, outputs=True):
    """The RNN h_t = φ(W_hh h_{t-1} + W_hx x_t + b_h), y_t = W_yh h_t + b_y: on the left the cell
    with its self-loop W_hh, then "=" and ``steps`` copies of it (1 ≤ steps ≤ 6), the state passed
    right along W_hh. Steps are t-1, t, t+1 for steps=3 (t for 1), else 1..T after h_0.
    ``outputs``: draw y_t on top. Returns ``ax``."""
    steps = check_positive_int("steps", steps)
    if steps > MAX_STEPS:
        raise ValueError(f"steps: expected at most {MAX_STEPS} steps (more do not fit), got {steps}")
    outputs = check_bool("outputs", outputs)
    created, ax = ax is None, target_axes(ax)
    _rnn_cell(ax, 0.0, "t", outputs)
    _arrow(ax, (0.5, 0.2), (1.25, 0.8), (1.25, -0.8), (0.5, -0.2), curve=True)   # the self-loop
    _label(ax, 1.12, 0, "$W_{hh}$", ha="left", fontsize="small")
    _label(ax, 2.25, 0, "$=$", fontsize="xx-large")
    names = {1: ["t"], 3: ["t-1", "t", "t+1"]}.get(steps, [str(k) for k in range(1, steps + 1)])
    xs = [4.7 + 2.2 * k for k in range(steps)]
    _label(ax, 3.05, 0, "$\\cdots$" if names[0][0] == "t" else "$h_0$")
    for k, x in enumerate(xs):
        _rnn_cell(ax, x, names[k], outputs)
        _arrow(ax, (3.35 if k == 0 else xs[k - 1] + 0.5, 0), (x - 0.5, 0))
        _label(ax, x - 1.1 + 0.15 * (k == 0), 0.12, "$W_{hh}$", va="bottom", fontsize="small")
    if names[0][0] == "t":
        _arrow(ax, (xs[-1] + 0.5, 0), (xs[-1] + 1.3, 0))
        _label(ax, xs[-1] + 0.9, 0.12, "$W_{hh}$", va="bottom", fontsize="small")
        _label(ax, xs[-1] + 1.65, 0, "$\\cdots$")
    top = 1.9 if outputs else 0.8
    return _finish(ax, created, (-0.8, xs[-1] + 2.0), (-1.9, top))


# ---------------------------------------------------------------------------------------------
# The LSTM cell: the cell path c along the top, the gates below it, h_t out on the right.

LSTM_EQUATIONS = (
    r"$i_t = \sigma(W_{ix} x_t + W_{ih} h_{t-1} + b_i)$, the same for $f_t$ and $o_t$",
    r"$g_t = \phi(W_{gx} x_t + W_{gh} h_{t-1} + b_g)$,   $\phi = \tanh$",
    r"$c_t = f_t \odot c_{t-1} + i_t \odot g_t$",
    r"$h_t = o_t \odot \phi(c_t)$",
)


def _lstm_inputs(ax, gate_xs, bus_y, x_in):
    """h_{t-1} from the left and x_t from below join on one wire that feeds every box in gate_xs."""
    _label(ax, 0.0, bus_y, "$h_{t-1}$", ha="right")
    _label(ax, x_in, -0.05, "$x_t$", va="top")
    _arrow(ax, (0.1, bus_y), (gate_xs[-1], bus_y), head=False)
    _arrow(ax, (x_in, 0.0), (x_in, bus_y), head=False)
    _dot(ax, x_in, bus_y)
    for k, x in enumerate(gate_xs):
        _arrow(ax, (x, bus_y), (x, 2.15))
        if k < len(gate_xs) - 1:
            _dot(ax, x, bus_y)


def _lstm_gates(ax):
    """The gates f_t, i_t, o_t (σ) and the candidate g_t (φ) and where their outputs go."""
    for x, act, color in ((3.0, r"$\sigma$", GATE), (4.6, r"$\sigma$", GATE), (6.4, r"$\phi$", CANDIDATE),
                          (7.6, r"$\sigma$", GATE)):                     # f, i, g, o
        _box(ax, x, 2.5, act, color)
    _arrow(ax, (3.0, 2.85), (3.0, 5.5 - R))                               # f_t to c_{t-1}
    _label(ax, 3.12, 4.2, "$f_t$", ha="left")
    _arrow(ax, (4.6, 2.85), (4.6, 4.3), (5.5 - R, 4.3))                   # i_t ...
    _label(ax, 4.48, 3.6, "$i_t$", ha="right")
    _arrow(ax, (6.4, 2.85), (6.4, 4.3), (5.5 + R, 4.3))                   # ... ⊙ g_t
    _label(ax, 6.52, 3.6, "$g_t$", ha="left")
    _node(ax, 5.5, 4.3, "odot")
    _arrow(ax, (5.5, 4.3 + R), (5.5, 5.5 - R))
    _label(ax, 5.62, 4.9, r"$i_t \odot g_t$", ha="left", fontsize="small")
    _arrow(ax, (7.6, 2.85), (7.6, 3.5), (8.8 - R, 3.5))                   # o_t to φ(c_t)
    _label(ax, 8.15, 3.58, "$o_t$", va="bottom")


def _lstm_paths(ax):
    """The cell path c_{t-1} → ⊙ f_t → ⊕ i_t ⊙ g_t → c_t (thick), and h_t = o_t ⊙ φ(c_t) out."""
    _state_line(ax, 5.5, "$c_{t-1}$", "$c_t$", odot_x=3.0, oplus_x=5.5)
    _dot(ax, 8.8, 5.5)
    _arrow(ax, (8.8, 5.5), (8.8, 4.75))
    _box(ax, 8.8, 4.45, r"$\phi$", CELL_PATH, w=0.7, h=0.6)
    _arrow(ax, (8.8, 4.15), (8.8, 3.5 + R))
    _node(ax, 8.8, 3.5, "odot")
    _arrow(ax, (8.8 + R, 3.5), (10.2, 3.5), (10.2, 1.3), (11.8, 1.3))
    _label(ax, 11.9, 1.3, "$h_t$", ha="left")


def plot_lstm_cell(ax=None):
    """The LSTM cell in the series' notation; the cell path (thick, along the top) is where the
    gradient flows back multiplied only by f_t::

        i_t = σ(W_ix x_t + W_ih h_{t-1} + b_i)      (the same for f_t and o_t)
        g_t = φ(W_gx x_t + W_gh h_{t-1} + b_g)      φ = tanh
        c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
        h_t = o_t ⊙ φ(c_t)

    The equations are written under the cell. Returns ``ax``."""
    created, ax = ax is None, target_axes(ax)
    _frame(ax, 0.9, 0.5, 11.2, 6.2)
    _lstm_inputs(ax, (3.0, 4.6, 6.4, 7.6), 1.3, 1.9)
    _lstm_gates(ax)
    _lstm_paths(ax)
    _equations(ax, 0.0, -0.9, LSTM_EQUATIONS)
    return _finish(ax, created, (-1.3, 12.7), (-2.9, 6.6))


# ---------------------------------------------------------------------------------------------
# The GRU cell (Keras' reset_after=True): the state path h along the top, the gates below it.

GRU_EQUATIONS = (
    r"$z_t = \sigma(W_{zx} x_t + b_{zx} + W_{zh} h_{t-1} + b_{zh})$",
    r"$r_t = \sigma(W_{rx} x_t + b_{rx} + W_{rh} h_{t-1} + b_{rh})$",
    r"$g_t = \phi(W_{gx} x_t + b_{gx} + r_t \odot (W_{gh} h_{t-1} + b_{gh}))$,   $\phi = \tanh$",
    r"$h_t = z_t \odot h_{t-1} + (1 - z_t) \odot g_t$",
)


def _gru_inputs(ax):
    """h_{t-1} (branched down from the top) feeds z, r and W_gh; x_t feeds z, r and W_gx."""
    _arrow(ax, (1.4, 7.0), (1.4, 1.8), (6.4, 1.8), head=False)            # h_{t-1} wire
    _dot(ax, 1.4, 7.0)
    _label(ax, 2.0, -0.05, "$x_t$", va="top")
    _arrow(ax, (2.0, 0.0), (2.0, 1.0), (8.2, 1.0), head=False)            # x_t wire
    for x in (2.8, 4.6):                                                  # the gates take both
        _arrow(ax, (x, 1.0), (x, 2.45))
        _dot(ax, x, 1.0)
        _dot(ax, x, 1.8)
    _arrow(ax, (6.4, 1.8), (6.4, 2.45))
    _arrow(ax, (8.2, 1.0), (8.2, 2.45))


def _gru_gates(ax):
    """z_t and 1 - z_t; r_t ⊙ (W_gh h_{t-1} + b_gh), plus W_gx x_t + b_gx, through φ: g_t."""
    for x, text, color in ((2.8, r"$\sigma$", GATE), (4.6, r"$\sigma$", GATE),
                           (6.4, "$W_{gh}$", CANDIDATE), (8.2, "$W_{gx}$", CANDIDATE)):
        _box(ax, x, 2.8, text, color)
    _arrow(ax, (2.8, 3.15), (2.8, 7.0 - R))                               # z_t to h_{t-1}
    _label(ax, 2.92, 4.6, "$z_t$", ha="left")
    _dot(ax, 2.8, 6.0)
    _arrow(ax, (2.8, 6.0), (3.7, 6.0))
    _box(ax, 4.1, 6.0, "$1-$", GATE, w=0.8, h=0.55)
    _arrow(ax, (4.5, 6.0), (9.6 - R, 6.0))                                # 1 - z_t to g_t
    _label(ax, 6.5, 6.08, "$1-z_t$", va="bottom", fontsize="small")
    _arrow(ax, (4.6, 3.15), (4.6, 4.0), (6.4 - R, 4.0))                   # r_t ...
    _label(ax, 4.48, 3.6, "$r_t$", ha="right")
    _arrow(ax, (6.4, 3.15), (6.4, 4.0 - R))                               # ... ⊙ W_gh h_{t-1} + b_gh
    _node(ax, 6.4, 4.0, "odot")
    _arrow(ax, (6.4, 4.0 + R), (6.4, 4.9), (8.2 - R, 4.9))
    _arrow(ax, (8.2, 3.15), (8.2, 4.9 - R))                               # + W_gx x_t + b_gx
    _node(ax, 8.2, 4.9, "oplus")
    _arrow(ax, (8.2 + R, 4.9), (9.25, 4.9))
    _box(ax, 9.6, 4.9, r"$\phi$", CANDIDATE, w=0.7, h=0.55)
    _arrow(ax, (9.6, 5.175), (9.6, 6.0 - R))
    _label(ax, 9.72, 5.55, "$g_t$", ha="left")


def _gru_path(ax):
    """The state path h_{t-1} → ⊙ z_t → ⊕ (1 - z_t) ⊙ g_t → h_t, thick along the top."""
    _state_line(ax, 7.0, "$h_{t-1}$", "$h_t$", odot_x=2.8, oplus_x=9.6)
    _node(ax, 9.6, 6.0, "odot")                                          # (1 - z_t) ⊙ g_t ...
    _arrow(ax, (9.6, 6.0 + R), (9.6, 7.0 - R))                            # ... into the ⊕


def plot_gru_cell(ax=None):
    """The GRU cell as Keras computes it (``reset_after=True``) and as ``reference/gru.py`` does::

        z_t = σ(W_zx x_t + b_zx + W_zh h_{t-1} + b_zh)             update gate
        r_t = σ(W_rx x_t + b_rx + W_rh h_{t-1} + b_rh)             reset gate
        g_t = φ(W_gx x_t + b_gx + r_t ⊙ (W_gh h_{t-1} + b_gh))     candidate, φ = tanh
        h_t = z_t ⊙ h_{t-1} + (1 - z_t) ⊙ g_t

    z_t weights the *old* state (thick, along the top); r_t multiplies the recurrent term after
    the matrix product. The equations are written under the cell. Returns ``ax``."""
    created, ax = ax is None, target_axes(ax)
    _frame(ax, 0.9, 0.5, 10.8, 7.5)
    _gru_inputs(ax)
    _gru_gates(ax)
    _gru_path(ax)
    _equations(ax, 0.0, -0.9, GRU_EQUATIONS)
    return _finish(ax, created, (-1.3, 12.7), (-2.9, 7.9))
