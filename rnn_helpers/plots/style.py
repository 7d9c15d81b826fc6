"""The course's figure style, set in one place: the Okabe-Ito palette and a projector mode.

``setup_notebook()`` calls ``use_course_style`` once per session (``projector_on()`` says whether
its projector mode is set; the widgets read it); the ``plot_*`` helpers never change global style,
they only take colours from ``PALETTE`` (or the names below) and line widths relative to
``rcParams["lines.linewidth"]``.

Okabe & Ito (2008), "Color Universal Design": eight colours that stay distinct for readers with
protanopia, deuteranopia or tritanopia, and in greyscale by lightness. Yellow is weak on white,
so it comes late in the cycle; black is last, kept for reference lines (totals, bounds).
"""

from __future__ import annotations

import matplotlib
from matplotlib import cycler  # matplotlib's own re-export of cycler.cycler

from rnn_helpers._checks import check_bool

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY_BLUE, YELLOW, BLACK = PALETTE
HIGHLIGHT = VERMILLION      # marked units, marker channels, labelled points

BASE = {
    "axes.prop_cycle": cycler(color=PALETTE),
    "figure.figsize": (7.0, 3.5),
    "figure.dpi": 100,          # inline PNGs are drawn at figure.dpi
    "savefig.dpi": 100,
    "savefig.format": "png",
    "font.size": 10,
    "lines.linewidth": 1.5,
    "lines.markersize": 6,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "image.cmap": "viridis",
    "legend.frameon": False,
}
PROJECTOR = {               # read from the back of a classroom: bigger text, thicker, sharper
    "figure.dpi": 150,
    "savefig.dpi": 150,
    "font.size": 14,
    "lines.linewidth": 2.5,
    "lines.markersize": 8,
}


def use_course_style(projector: bool = False) -> dict:
    """Set the course's rcParams for this session and return the dict that was set.

    projector: larger fonts (14 pt), thicker lines (2.5) and sharper figures (150 dpi) for a
    projected screen. Both modes set the same keys, so calling it again switches cleanly. In
    IPython, inline figures are also set to PNG (SVG embeds a date and never compares equal).
    """
    projector = check_bool("projector", projector)
    params = BASE | (PROJECTOR if projector else {})
    matplotlib.rcParams.update(params)
    try:
        from IPython import get_ipython
    except ImportError:
        return params
    ip = get_ipython()
    if ip is not None:
        ip.run_line_magic("config", "InlineBackend.figure_formats = ['png']")
    return params


def projector_on() -> bool:
    """True while the projector style is set (rcParams hold every value of ``PROJECTOR``), else False.

    Read from rcParams, not remembered: ``use_course_style(projector=True)``, ``setup_notebook(projector=
    True)``, ``RNN_PROJECTOR=1`` and ``matplotlib.rc_context(PROJECTOR)`` all turn it on.
    """
    return all(matplotlib.rcParams[key] == value for key, value in PROJECTOR.items())
