"""The piano roll: one bar per held note of each voice, spanning its steps, and note names."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402

from rnn_helpers.plots.music import VOICE_COLORS, note_name, plot_piano_roll  # noqa: E402

# soprano G4 G4 A4 A4, alto D4 D4 D4 E4, tenor B3 B3 A3 A3, bass G2 rest rest A2
PITCHES = np.array([[67, 62, 59, 43], [67, 62, 59, 0], [69, 62, 57, 0], [69, 64, 57, 45]])
# (start, length, pitch) of each held note, voice by voice: rests drop out, a held note is one bar
HELD = [[(0, 2, 67), (2, 2, 69)], [(0, 3, 62), (3, 1, 64)], [(0, 2, 59), (2, 2, 57)],
        [(0, 1, 43), (3, 1, 45)]]


def test_note_names_in_scientific_pitch_notation():
    assert note_name(60) == "C4" and note_name(69) == "A4" and note_name(0) == "rest"
    assert [note_name(p) for p in (61, 59, 36, 81, 127)] == ["C#4", "B3", "C2", "A5", "G9"]
    assert note_name(np.int8(72)) == "C5"
    with pytest.raises(ValueError, match="pitch"):
        note_name(128)
    with pytest.raises(TypeError, match="pitch"):
        note_name(60.0)


def _bars(ax):
    """(start, length, pitch, colour) of every bar, from the extent of each drawn rectangle."""
    out = []
    for coll in ax.collections:
        (x0, y0), (x1, y1) = coll.get_paths()[0].get_extents().get_points()
        assert len(coll.get_paths()) == 1
        out.append((x0, x1 - x0, (y0 + y1) / 2, y1 - y0, tuple(coll.get_facecolor()[0])))
    return out


def test_one_bar_per_held_note_per_voice_with_its_extent():
    fig, ax = plt.subplots()
    assert plot_piano_roll(PITCHES, ax=ax) is ax
    bars = _bars(ax)
    expected = [(s, n, p, VOICE_COLORS[v]) for v, notes in enumerate(HELD) for s, n, p in notes]
    assert len(bars) == len(expected) == 8
    for (x, width, y, height, color), (start, length, pitch, voice_color) in zip(bars, expected):
        assert x == pytest.approx(start) and width == pytest.approx(length - 0.1)   # a gap before the next
        assert y == pytest.approx(pitch) and height == pytest.approx(0.8)
        assert color == pytest.approx(to_rgba(voice_color))
    # one legend entry per voice (its first bar), the axes cover every step and pitch
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["soprano", "alto", "tenor", "bass"]
    assert ax.get_xlim() == (0, 4) and ax.get_ylim() == (41.5, 70.5)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["C3", "C4"]         # the Cs from G2 to A4
    assert ax.get_lines() == [] and ax.get_xlabel() == "step (eighth notes)"


def test_the_opening_line_is_at_the_given_step():
    ax = plot_piano_roll(PITCHES, opening=3, title="a continuation")
    (line,) = ax.get_lines()
    assert list(line.get_xdata()) == [3, 3] and ax.get_title() == "a continuation"
    assert any("continuation" in t.get_text() for t in ax.texts)


def test_a_silent_voice_draws_no_bar_and_bad_arguments_are_named():
    p = PITCHES.copy()
    p[:, 3] = 0
    ax = plot_piano_roll(p)
    assert len(ax.collections) == 6
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["soprano", "alto", "tenor"]
    for kw, error in [({"opening": 4}, ValueError), ({"opening": 0}, ValueError),
                      ({"opening": 1.5}, TypeError), ({"title": 3}, TypeError)]:
        with pytest.raises(error, match=next(iter(kw))):
            plot_piano_roll(PITCHES, **kw)
    with pytest.raises(ValueError, match="pitches"):
        plot_piano_roll(PITCHES[:, :3])
