"""The shapes of sequence tasks, drawn unrolled: many-to-one, many-to-many, encoder-decoder.

    fig, axes = plt.subplots(1, 3)
    for ax, shape in zip(axes, SHAPES):
        plot_task_shape(shape, ax=ax)

Each box is one step of an RNN (h_t; s_t for the decoder of an encoder-decoder), inputs below,
outputs above, the state passed right. The title names the shape and what Keras returns for it
(B examples, T steps, H units). Drawn with the pieces of ``diagrams`` (the same boxes and arrows
as ``plot_unrolled_rnn``); labels are mathtext in the series' notation, t = 1..T.
"""

from __future__ import annotations

from rnn_helpers._checks import check_positive_int
from rnn_helpers.plots._base import target_axes
from rnn_helpers.plots.diagrams import CANDIDATE, GATE, _arrow, _box, _label, _sub

SHAPES = ("many_to_one", "many_to_many", "encoder_decoder")
TITLES = {
    "many_to_one": "many-to-one: one output at the end\n"
                   "return_sequences=False: (B, H)",
    "many_to_many": "many-to-many: an output at every step\n"
                    "return_sequences=True: (B, T, H)",
    "encoder_decoder": "encoder-decoder: read all, then write\n"
                       "state (B, H) → decoder (B, T', H)",
}
DX = 1.6          # distance between two steps, in data units
MAX_STEPS = 5     # steps per RNN that fit in a third of a page


def _step(ax, x, state, t, color, inp, out):
    """One step at x: box ``state``_t, input ``inp`` below (None: none), output ``out`` above."""
    _box(ax, x, 0, _sub(state, t), color, w=1.0)
    if inp is not None:
        _label(ax, x, -1.3, inp)
        _arrow(ax, (x, -1.08), (x, -0.35))
    if out is not None:
        _arrow(ax, (x, 0.35), (x, 1.08))
        _label(ax, x, 1.3, out)


def _chain(ax, x0, n, state, color, inputs, outputs, wire_from):
    """n steps from x0, the state wired in from ``wire_from`` and right from one step to the next;
    returns the x of each step."""
    xs = [x0 + DX * k for k in range(n)]
    _arrow(ax, (wire_from, 0), (x0 - 0.5, 0))
    for k, x in enumerate(xs):
        _step(ax, x, state, str(k + 1), color, inputs[k], outputs[k])
        if k:
            _arrow(ax, (xs[k - 1] + 0.5, 0), (x - 0.5, 0))
    return xs


def plot_task_shape(shape, ax=None, steps=3):
    """Draw one task shape of ``SHAPES`` unrolled over ``steps`` input steps (1 ≤ steps ≤ 5).

    many_to_one: inputs x_1..x_T, one output ŷ at the last step (a label for the sequence);
    many_to_many: an output y_t at every step; encoder_decoder: an encoder reads x_1..x_T, its
    last state h_T starts a decoder s_1..s_T' that writes y_1..y_T' (here T' = T), each step fed
    the previous output (y_0 is a start symbol). The state h_0 on the left is zeros. Returns ``ax``.
    """
    if not isinstance(shape, str):
        raise TypeError(f"shape: expected one of {SHAPES}, got {type(shape).__name__}")
    if shape not in SHAPES:
        raise ValueError(f"shape: expected one of {SHAPES}, got {shape!r}")
    steps = check_positive_int("steps", steps)
    if steps > MAX_STEPS:
        raise ValueError(f"steps: expected at most {MAX_STEPS} steps (more do not fit), got {steps}")
    created, ax = ax is None, target_axes(ax)
    names = [str(k) for k in range(1, steps + 1)]
    _label(ax, -DX + 0.25, 0, "$h_0$")
    inputs = [_sub("x", t) for t in names]
    if shape == "encoder_decoder":
        enc = _chain(ax, 0.0, steps, "h", GATE, inputs, [None] * steps, wire_from=-DX + 0.55)
        feed = [_sub("y", str(k)) for k in range(steps)]                  # y_0 (start), y_1, ...
        dec = _chain(ax, enc[-1] + DX + 0.4, steps, "s", CANDIDATE, feed, [_sub("y", t) for t in names],
                     wire_from=enc[-1] + 0.5)
        _label(ax, (enc[-1] + dec[0]) / 2, 0.12, _sub("h", "T"), va="bottom", fontsize="small")
        right = dec[-1]
    else:
        outputs = [_sub("y", t) for t in names] if shape == "many_to_many" else \
            [None] * (steps - 1) + [r"$\hat{y}$"]
        right = _chain(ax, 0.0, steps, "h", GATE, inputs, outputs, wire_from=-DX + 0.55)[-1]
    ax.set_title(TITLES[shape], fontsize="small")
    ax.set(xlim=(-DX - 0.2, right + 0.8), ylim=(-1.7, 1.7), aspect="equal")
    ax.axis("off")
    if created:
        ax.figure.set_size_inches(0.5 * (right + DX + 1.0), 0.5 * 3.4 + 0.5)
    return ax
