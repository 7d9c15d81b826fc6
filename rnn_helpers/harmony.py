"""Measured checks on generated chorales: does each voice stay in its range, do the notes keep the key?

    ranges = voice_ranges(train_pitches)            # (4, 2) lowest and highest pitch of each voice
    in_range_fraction(sampled, ranges)              # share of sounding notes inside their voice's range
    in_key_fraction(sampled, "F major")             # share of sounding notes in the key's scale

The scale of a major key is its 7 diatonic pitch classes; of a minor key the natural minor plus the
raised 7th (the leading tone, 8 pitch classes), the notes a Bach chorale in minor uses most. A real
chorale scores below 1 (chromatic passing notes, modulations): compare a sample with real music, not
with 1. numpy only.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_numbers, check_nonempty
from rnn_helpers.datasets.music import REST
from rnn_helpers.music import N_VOICES, check_pitches

LETTERS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
MAJOR = (0, 2, 4, 5, 7, 9, 11)
MINOR = (0, 2, 3, 5, 7, 8, 10, 11)            # natural minor + the leading tone


def key_pitch_classes(key) -> tuple[int, ...]:
    """The pitch classes (0 = C) of ``key`` in music21's spelling: "F major", "f# minor", "B- major"."""
    if not isinstance(key, str):
        raise TypeError(f"key: expected a string such as 'F major' or 'b- minor', got {key!r}")
    parts = key.split()
    if len(parts) != 2 or parts[1] not in ("major", "minor") or not parts[0] \
            or parts[0][0].upper() not in LETTERS or set(parts[0][1:]) - {"#", "-"}:
        raise ValueError(f"key: expected '<tonic> major' or '<tonic> minor' (tonic a letter with # or -), "
                         f"got {key!r}")
    tonic = (LETTERS[parts[0][0].upper()] + parts[0].count("#") - parts[0].count("-")) % 12
    return tuple(sorted((tonic + step) % 12 for step in (MAJOR if parts[1] == "major" else MINOR)))


def _sounding(pitches):
    p = check_pitches("pitches", pitches)
    return p, p != REST


def in_key_fraction(pitches, key) -> float:
    """Share of the sounding notes (T, 4) whose pitch class is in ``key_pitch_classes(key)``."""
    classes = key_pitch_classes(key)
    p, on = _sounding(pitches)
    check_nonempty("pitches (sounding notes)", p[on])
    return float(np.mean(np.isin(p[on] % 12, classes)))


def voice_ranges(pitches) -> np.ndarray:
    """(4, 2) the lowest and highest sounding pitch of each voice of ``pitches`` (T, 4)."""
    p, on = _sounding(pitches)
    out = np.zeros((N_VOICES, 2), dtype=np.int64)
    for v in range(N_VOICES):
        check_nonempty(f"pitches (sounding notes of voice {v})", p[on[:, v], v])
        out[v] = p[on[:, v], v].min(), p[on[:, v], v].max()
    return out


def in_range_fraction(pitches, ranges) -> float:
    """Share of the sounding notes of ``pitches`` (T, 4) inside their voice's [low, high] of ``ranges``."""
    p, on = _sounding(pitches)
    r = as_numbers("ranges", ranges, ndim=2)
    if r.shape != (N_VOICES, 2) or (r[:, 0] > r[:, 1]).any():
        raise ValueError(f"ranges: expected (4, 2) rows [low, high] with low <= high, got {r.tolist()}")
    check_nonempty("pitches (sounding notes)", p[on])
    inside = (p >= r[:, 0]) & (p <= r[:, 1])
    return float(np.mean(inside[on]))
