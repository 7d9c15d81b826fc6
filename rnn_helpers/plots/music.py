"""A piano roll of four voices: each held note a bar from its first to its last grid step.

    plot_piano_roll(pitches, opening=8)      # (T, 4) MIDI; a line where the continuation begins

Takes ``ax=None`` (a new figure when None), draws only into that Axes and returns it.
"""

from __future__ import annotations

from rnn_helpers._checks import check_bool, check_int
from rnn_helpers.datasets.music import REST, VOICES
from rnn_helpers.music import check_pitches
from rnn_helpers.plots._base import target_axes
from rnn_helpers.plots.spread import legend_below
from rnn_helpers.synth import _notes as held_notes  # the notes the synthesiser sounds, one bar each

VOICE_COLORS = ("#D55E00", "#E69F00", "#009E73", "#0072B2")      # soprano, alto, tenor, bass
NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")


def note_name(pitch) -> str:
    """MIDI 60 -> "C4", 69 -> "A4" (scientific pitch notation); 0 -> "rest"."""
    pitch = check_int("pitch", pitch, low=0, high=127)
    return "rest" if pitch == REST else f"{NOTE_NAMES[pitch % 12]}{pitch // 12 - 1}"


def plot_piano_roll(pitches, ax=None, opening=None, title=None, legend=True):
    """Piano roll of ``pitches`` (T, 4): x the eighth-note steps, y the pitch (C of each octave
    named), a colour per voice; ``opening``: the step where a continuation starts (a line);
    ``legend``: the voices' colours below the plot (False for all but one panel of a stack)."""
    p = check_pitches("pitches", pitches)
    check_bool("legend", legend)
    if opening is not None:
        opening = check_int("opening", opening, low=1, high=p.shape[0] - 1)
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title: expected a string or None, got {type(title).__name__}")
    ax = target_axes(ax)
    for v, (name, color) in enumerate(zip(VOICES, VOICE_COLORS)):
        notes = held_notes(p[:, v])
        for i, (start, length, pitch) in enumerate(notes):
            ax.broken_barh([(start, length - 0.1)], (pitch - 0.4, 0.8), color=color,
                           label=name if i == 0 else None)
    sounding = p[p != REST]
    if sounding.size:
        low, high = int(sounding.min()), int(sounding.max())
        ticks = [m for m in range(low - low % 12, high + 1, 12) if m >= low - 2] or [low]
        ax.set_yticks(ticks, [note_name(m) for m in ticks])
        ax.set_ylim(low - 1.5, high + 1.5)
    ax.set_xlim(0, p.shape[0])
    if opening is not None:
        ax.axvline(opening, color="0.3", lw=1, ls="--")
        ax.annotate("opening | continuation", xy=(opening, 1), xycoords=("data", "axes fraction"),
                    xytext=(3, -10), textcoords="offset points", fontsize="x-small", color="0.3")
    ax.set(xlabel="step (eighth notes)", ylabel="pitch")
    if title:
        ax.set_title(title, fontsize="small")
    if legend:
        legend_below(ax)
    return ax
