"""What every widget shares: one ``Explorer`` handle, one ``slider()`` factory, one PNG renderer.

A widget module builds a persistent matplotlib figure (no pyplot, so it never shows itself), marks
the artists that change from one setting to the next as *animated*, and subclasses ``Explorer``
with two methods: ``compute(values)`` (call the lesson's maths, store plain arrays) and
``draw(values)`` (put those arrays into the animated artists and the readout). ``Explorer.update()``
runs both and renders the figure into an ``ipywidgets.Image``.

The renderer blits: the static part of the figure (axes, ticks, labels, grid) is rendered once and
cached, keyed by what it shows (limits, scales, ticks, static texts), and each update draws only the
animated artists over a copy of it. Drawing the text of the static part is most of a full redraw.

Projector mode (``plots.style.projector_on()``: ``RNN_PROJECTOR=1``, ``setup_notebook(projector=True)``)
reaches every widget through ``figure()``, ``projector_scale()``, ``slider()``, ``dropdown()`` and
``Explorer``: the style's text is 14 pt instead of 10, so each figure grows by ``GROW`` = 1.4 and keeps
its layout, drawn at ``SHARPEN`` = 1.5 times the dots per inch (a browser shrinks an image wider than
the page, so it stays sharp); the controls' text, labels and widths grow like the figures' text.
Built without projector mode, every widget is exactly as before.
"""

from __future__ import annotations

import io
from collections import OrderedDict

import ipywidgets as widgets
import numpy as np
import PIL.Image
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from rnn_helpers._checks import check_choice, check_number, check_positive_int, check_positive_number
from rnn_helpers.plots.style import BASE, PROJECTOR, projector_on

DPI = 80                                              # every widget's figure: a 6.5 in figure is 520 px
STYLE = {"description_width": "110px"}                # every slider and dropdown of the course
LAYOUT = {"width": "340px"}
GROW = PROJECTOR["font.size"] / BASE["font.size"]            # projector mode: 1.4 times the size
SHARPEN = PROJECTOR["figure.dpi"] / BASE["figure.dpi"]       # and 1.5 times the dots per inch
PROJECTOR_STYLE = {"description_width": "154px"}      # 1.4 x STYLE
PROJECTOR_LAYOUT = {"width": "476px"}                 # 1.4 x LAYOUT
PROJECTOR_CLASS = "rnn-projector"                     # the Explorer box's CSS class in projector mode
PROJECTOR_CSS = (                                     # ipywidgets' own sizes, 1.4 x, inside that box only
    f"<style>.{PROJECTOR_CLASS} {{--jp-widgets-font-size: 18px; --jp-widgets-inline-height: 39px; "
    "--jp-widgets-slider-handle-size: 22px; --jp-widgets-slider-track-thickness: 6px; "
    "--jp-widgets-inline-width-short: 200px; font-size: 18px;}</style>")
READOUT_FONT = "18px"                                 # the readout's text in projector mode (13px normally)


def projector_scale() -> float:
    """How much larger the widgets draw: ``GROW`` (1.4) while the projector style is set, else 1.0.

    Multiply a size in points that is not a font size (a title's pad) by it; font sizes follow the
    style by themselves (``"small"``, or a fraction of ``rcParams["font.size"]``).
    """
    return GROW if projector_on() else 1.0


def figure(width, height) -> Figure:
    """A persistent figure of width x height inches at ``DPI`` with its Agg canvas (no pyplot, so it
    never shows itself). In projector mode ``GROW`` times the size at ``SHARPEN`` times the dpi."""
    width, height = check_positive_number("width", width), check_positive_number("height", height)
    if projector_on():
        fig = Figure(figsize=(width * GROW, height * GROW), dpi=DPI * SHARPEN)
    else:
        fig = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _controls() -> tuple[dict, dict]:
    """(style, layout) of every slider and dropdown under the active style."""
    return (PROJECTOR_STYLE, PROJECTOR_LAYOUT) if projector_on() else (STYLE, LAYOUT)


def slider(name, value, lo, hi, step, description) -> widgets.Widget:
    """A checked slider: an IntSlider when ``lo``, ``hi``, ``step`` are ints, else a FloatSlider.

    ``value`` must lie in [lo, hi] (a slider would silently clamp it): a ValueError or TypeError
    names ``name``. The value is sent once the handle is released (``continuous_update=False``).
    """
    if all(isinstance(v, int) for v in (lo, hi, step)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise TypeError(f"{name}: expected an integer in [{lo}, {hi}], got {value!r} "
                            f"({type(value).__name__})")
        if not lo <= value <= hi:
            raise ValueError(f"{name}: expected an integer in [{lo}, {hi}] (the slider's range), got {value}")
        cls, value = widgets.IntSlider, int(value)
    else:
        cls, value = widgets.FloatSlider, check_number(name, value, low=lo, high=hi)
    style, layout = _controls()
    return cls(value=value, min=lo, max=hi, step=step, description=description, style=style,
               layout=widgets.Layout(**layout), continuous_update=False)


def dropdown(name, value, options, description) -> widgets.Dropdown:
    """A checked dropdown over ``options`` (names); ``value`` must be one of them."""
    style, layout = _controls()
    return widgets.Dropdown(options=list(options), value=check_choice(name, value, options),
                            description=description, style=style, layout=widgets.Layout(**layout))


def legend_above(ax, ncol=2, title_pad=20, title_size="small"):
    """A legend in one row just above ``ax`` (static: no curve can cross it), the title above it.

    Change the title with ``ax.title.set_text``: ``ax.set_title`` would reset its pad.
    """
    if not isinstance(ax, Axes):
        raise TypeError(f"ax: expected a matplotlib Axes, got {type(ax).__name__}")
    ncol, title_pad = check_positive_int("ncol", ncol), check_number("title_pad", title_pad, low=0.0)
    ax.set_title(" ", pad=title_pad * projector_scale(), fontsize=title_size)
    legend = ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=ncol, frameon=False,
                       fontsize="small", borderaxespad=0.1, handlelength=1.8, columnspacing=1.2)
    legend.set_zorder(2.0)                                # static, under the animated artists
    return legend


def _animated(fig) -> list:
    """The animated artists of ``fig`` in drawing order: Axes by zorder, then artists by zorder."""
    return [a for ax in sorted(fig.axes, key=lambda ax: ax.get_zorder())
            for a in sorted(ax.get_children(), key=lambda a: a.get_zorder()) if a.get_animated()]


def _check_layering(fig):
    """Raise unless, in every Axes, each static artist lies below every animated one.

    Blitting draws the animated artists over the whole static part, so a full redraw looks the
    same only when no static artist (a legend, a spine) would be drawn over an animated one.
    """
    for ax in fig.axes:
        moving = [a.get_zorder() for a in ax.get_children() if a.get_animated()]
        above = [a for a in ax.get_children() if not a.get_animated() and a.get_visible()
                 and moving and a.get_zorder() > min(moving)
                 and not (isinstance(a, Text) and not a.get_text())]
        if above:
            raise ValueError(f"fig: static artists {above} lie above animated ones (zorder "
                             f"{min(moving)}); animate them or lower their zorder")


class BlitRenderer:
    """PNG bytes of a persistent figure: a cached static background plus the animated artists."""

    def __init__(self, fig, cache_size=16):
        if not isinstance(fig, Figure):
            raise TypeError(f"fig: expected a matplotlib Figure, got {type(fig).__name__}")
        _check_layering(fig)
        self.fig, cache_size = fig, check_positive_int("cache_size", cache_size)
        self.canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
        self.cache_size = cache_size
        self.backgrounds = OrderedDict()                 # static key -> saved pixels
        self.full_draws = 0                              # how often the background was rendered

    def static_key(self) -> tuple:
        """What the static part shows: each Axes' limits, scales, ticks and non-animated texts."""
        key = [tuple(self.fig.get_size_inches()), self.fig.dpi]
        for ax in self.fig.axes:
            texts = [a.get_text() for a in ax.get_children() if isinstance(a, Text) and not a.get_animated()]
            if ax.get_legend() is not None and not ax.get_legend().get_animated():
                texts += [t.get_text() for t in ax.get_legend().get_texts()]
            key += [ax.get_xlim(), ax.get_ylim(), ax.get_xscale(), ax.get_yscale(),
                    tuple(ax.get_xticks()), tuple(ax.get_yticks()), tuple(texts)]
        return tuple(key)

    def _background(self):
        key = self.static_key()
        if key in self.backgrounds:
            self.backgrounds.move_to_end(key)
        else:
            self.canvas.draw()                           # skips the animated artists
            self.backgrounds[key] = self.canvas.copy_from_bbox(self.fig.bbox)
            self.full_draws += 1
            while len(self.backgrounds) > self.cache_size:
                self.backgrounds.popitem(last=False)
        return self.backgrounds[key]

    def render(self) -> bytes:
        """Paste the background, draw the animated artists, encode as PNG (zlib level 1)."""
        self.canvas.restore_region(self._background())
        for artist in _animated(self.fig):
            self.fig.draw_artist(artist)
        return png_bytes(np.asarray(self.canvas.buffer_rgba()))

    def full_redraw(self) -> np.ndarray:
        """RGBA pixels (h, w, 4) of an ordinary draw of the same state: what blitting must equal."""
        moving = _animated(self.fig)
        for artist in moving:
            artist.set_animated(False)
        try:
            self.canvas.draw()
            return np.array(self.canvas.buffer_rgba())
        finally:
            for artist in moving:
                artist.set_animated(True)


def png_bytes(rgba) -> bytes:
    """PNG of an (h, w, 4) uint8 array at zlib level 1: about as small as the default, much faster."""
    if not isinstance(rgba, np.ndarray) or not np.issubdtype(rgba.dtype, np.number):
        raise TypeError(f"rgba: expected a numpy array of uint8 pixels, got {type(rgba).__name__}")
    if rgba.dtype != np.uint8 or rgba.ndim != 3 or rgba.shape[-1] != 4:
        raise ValueError(f"rgba: expected uint8 pixels of shape (h, w, 4), got {rgba.dtype} {rgba.shape}")
    buf = io.BytesIO()
    PIL.Image.fromarray(rgba).save(buf, format="png", compress_level=1)
    return buf.getvalue()


class Explorer:
    """The handle every ``*_explorer`` returns.

    ``sliders``: {name: slider or dropdown}; setting ``.value`` redraws synchronously.
    ``fig`` and ``axes`` (a tuple; ``ax`` is the Axes when there is one); ``image`` (the PNG);
    ``readout`` (an ``ipywidgets.HTML``, or None); ``widget``: the box to display; ``update()``.
    Subclasses define ``compute(values)`` and ``draw(values)``; ``values()`` reads the sliders.
    """

    def __init__(self, sliders: dict, fig, axes, *, readout=True, columns=2):
        self.sliders, self.fig, self.axes = dict(sliders), fig, tuple(axes)
        self.image = widgets.Image(format="png")
        self.readout = widgets.HTML() if readout else None
        controls = list(self.sliders.values())
        rows = -(-len(controls) // columns)                               # ceil
        box = widgets.HBox([widgets.VBox(controls[i:i + rows]) for i in range(0, len(controls), rows)])
        self.widget = widgets.VBox([box, self.image] + ([self.readout] if readout else []))
        if projector_on():                               # larger controls, in this box only
            self.widget.children = (widgets.HTML(PROJECTOR_CSS),) + self.widget.children
            self.widget.add_class(PROJECTOR_CLASS)
            if readout:
                self.readout.style.font_size = READOUT_FONT
        self.renderer = BlitRenderer(fig)
        for s in controls:
            s.observe(self._on_change, names="value")

    @property
    def ax(self):
        """The Axes of a one-Axes figure, else the tuple of Axes."""
        return self.axes[0] if len(self.axes) == 1 else self.axes

    def values(self) -> dict:
        return {name: s.value for name, s in self.sliders.items()}

    def compute(self, values: dict) -> None:
        raise NotImplementedError

    def draw(self, values: dict) -> None:
        raise NotImplementedError

    def update(self) -> None:
        """Recompute from the sliders' values, update the artists and the readout, render the PNG."""
        values = self.values()
        self.compute(values)
        self.draw(values)
        self.image.value = self.renderer.render()

    def _on_change(self, _change):
        self.update()
