"""Bach chorales for the music notebook: four voices on an eighth-note grid, from ``data/``.

    chorales = load_chorales()          # 403 Chorale(name, key, meter, pitches (T, 4) int8)
    soprano = chorales[0].pitches[:, 0] # MIDI pitches of the top voice, 0 = rest

Derived from the music21 corpus by ``tools/data/build_chorales.py`` (only the pitch arrays are shipped;
provenance in ``data/README.md``). No TensorFlow here.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from rnn_helpers.datasets.files import checked_file

CHORALES = ("bach_chorales.npz", "908afc8299a423cf394e9abafc7db84a37bd6be9b38a7d616f1a50d667ec3dd5",
            "python tools/data/build_chorales.py")
VOICES = ("soprano", "alto", "tenor", "bass")
STEPS_PER_QUARTER = 2                                          # the grid is in eighth notes
REST = 0


class Chorale(NamedTuple):
    """One chorale: ``name`` ("bwv1.6"), ``key`` ("F major"), ``meter`` ("4/4"), and ``pitches``
    (T, 4) int8, the MIDI pitch of soprano, alto, tenor and bass at each eighth-note step (0 a rest)."""

    name: str
    key: str
    meter: str
    pitches: np.ndarray


def load_chorales() -> list[Chorale]:
    """The 403 four-voice chorales of the music21 corpus, sorted by BWV file name."""
    with np.load(checked_file(*CHORALES), allow_pickle=False) as f:
        pitches, starts = f["pitches"], f["starts"]
        rows = zip(f["names"], f["keys"], f["meters"], starts[:-1], starts[1:])
        return [Chorale(str(name), str(key), str(meter), pitches[a:b]) for name, key, meter, a, b in rows]
