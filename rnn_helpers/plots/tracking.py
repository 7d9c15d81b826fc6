"""A memory unit's cell state as a line over time, against the quantity it is meant to hold.

    plot_cell_tracking(read_back[0], running_sum[0], markers=marked_steps, label="unit 2, read back")

Takes ``ax=None`` (a new figure when None), draws only into that Axes and returns it; never calls
``plt.show()`` or changes global style.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, as_numbers, check_nonempty, check_shape
from rnn_helpers.plots._base import target_axes
from rnn_helpers.plots.style import BLACK, BLUE, VERMILLION

CELL = BLUE           # the unit's cell, read back in units of the target
TARGET = BLACK        # the quantity it holds
MARKER = VERMILLION   # the steps that change the target


def plot_cell_tracking(c, target, ax=None, markers=None, label="cell $c_t$", target_label="target"):
    """A cell state c (T,) (or what it encodes, read back in the target's units) and the target
    (T,) it holds, as two lines over steps t = 1..T; ``markers``: step indices (0-based, as in the
    arrays) drawn as vertical lines, e.g. the steps that change the target."""
    c = as_array("c", c, ndim=1)                                 # (T,)
    check_nonempty("c", c)
    target = as_array("target", target, ndim=1)                  # (T,)
    check_shape("target (the shape of c)", target, c.shape)
    for name, text in (("label", label), ("target_label", target_label)):
        if not isinstance(text, str):
            raise TypeError(f"{name}: expected a str, got {type(text).__name__}")
    marks = np.zeros(0, dtype=int) if markers is None else as_numbers("markers", np.atleast_1d(markers),
                                                                      ndim=1)
    if marks.size and (not np.issubdtype(marks.dtype, np.integer) or marks.min() < 0
                       or marks.max() >= c.size):
        raise ValueError(f"markers: expected step indices (integers) in [0, {c.size}), got {marks.tolist()}")
    steps = np.arange(1, c.size + 1)                             # array index i holds step t = i + 1
    ax = target_axes(ax)
    for k, i in enumerate(marks):
        ax.axvline(int(i) + 1, color=MARKER, lw=0.9, ls=":", label="marked steps" if k == 0 else None)
    ax.step(steps, target, where="post", color=TARGET, lw=2.2, alpha=0.35, label=target_label)
    ax.plot(steps, c, color=CELL, lw=1.4, label=label)
    ax.set(xlim=(0.5, c.size + 0.5), xlabel="time step $t$")
    ax.legend(fontsize="small", loc="upper left")
    return ax
