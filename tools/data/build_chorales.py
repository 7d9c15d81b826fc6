"""Build data/bach_chorales.npz: the four voices of 403 Bach chorales on an eighth-note grid, from the
corpus in PyPI music21 10.5.1.

    python tools/data/build_chorales.py            # about 3 minutes (music21 parses 433 files)

music21's own parser reads the corpus, so the script installs the pinned wheel (checksum checked)
and its dependencies into a temporary virtual environment and runs the extraction there; nothing of
music21 is shipped, only the derived pitch arrays.

Kept: every ``music21/corpus/bach/*.mxl`` with parts named Soprano, Alto, Tenor and Bass (403 of 433
files; skipped: 3 .krn and 1 .xml file, and chorales whose parts carry other names, such as two soprano
parts or instrument doublings). Each voice is sampled on an eighth-note grid (0.5 quarter lengths):
step k holds the MIDI pitch sounding at 0.5 k quarter notes, a shorter note counts from the first step at
or after it starts (so a sixteenth-note passing note between two steps is dropped); 0 is a rest. No
chords occur in these parts. Repeats are not expanded. Also kept: each chorale's key as music21's
``analyze("key")`` names it and its first time signature.

The file is a zip of .npy arrays (``numpy.load`` reads it), written with fixed timestamps so that a
rebuild gives the same bytes:
  pitches (45461, 4) int8   every chorale's steps one after another, voices S, A, T, B
  starts  (404,)     int32  chorale c is pitches[starts[c]:starts[c + 1]]
  names   (403,)     str    "bwv1.6", ... (sorted by file name)
  keys    (403,)     str    "F major", ...
  meters  (403,)     str    "4/4", ...
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fetch import DATA, fetch, sha256  # noqa: E402

WHEEL_SHA256 = "dc3309498c4c95cebdf8d4f20c868deb6b63bce1d929cad4f51a7ccc982987b1"
OUT = DATA / "bach_chorales.npz"

EXTRACT = r'''
import sys
import numpy as np
from music21 import chord, corpus

sys.path.insert(0, sys.argv[2])                             # tools/data, for the deterministic npz writer
from _npz import write_npz

VOICES = ("soprano", "alto", "tenor", "bass")
STEP = 0.5                                                  # quarter lengths: an eighth note


def voice_parts(score):
    found = {}
    for part in score.parts:
        name = (part.partName or "").strip().lower()
        for v in VOICES:
            if name == v:
                found.setdefault(v, part)
    return [found.get(v) for v in VOICES]


def grid_of(parts):
    steps = int(round(max(p.highestTime for p in parts) / STEP))
    grid = np.zeros((steps, 4), np.int8)
    for j, part in enumerate(parts):
        for n in part.flatten().notesAndRests:
            if n.isRest:
                continue
            if isinstance(n, chord.Chord):
                raise SystemExit(f"a chord in a voice part: {n}")
            a = int(np.ceil(float(n.offset) / STEP - 1e-9))
            b = int(np.ceil(float(n.offset + n.quarterLength) / STEP - 1e-9))
            grid[a:b, j] = n.pitch.midi
    return grid


names, grids, keys, meters = [], [], [], []
for path in sorted(corpus.getComposer("bach"), key=lambda p: p.name):
    if path.suffix != ".mxl":
        continue
    score = corpus.parse(path)
    parts = voice_parts(score)
    if any(p is None for p in parts):
        continue
    names.append(path.stem)
    grids.append(grid_of(parts))
    keys.append(str(score.analyze("key")))
    meters.append(score.recurse().getElementsByClass("TimeSignature")[0].ratioString)

arrays = {"pitches": np.concatenate(grids),
          "starts": np.concatenate([[0], np.cumsum([len(g) for g in grids])]).astype(np.int32),
          "names": np.array(names), "keys": np.array(keys), "meters": np.array(meters)}
write_npz(sys.argv[1], arrays)
print(len(names), "chorales,", len(arrays["pitches"]), "steps")
'''


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        wheel = fetch([sys.executable, "-m", "pip", "download", "music21==10.5.1", "--no-deps",
                       "--only-binary", ":all:", "-d", "."], tmp, "music21-10.5.1-*.whl", WHEEL_SHA256)
        subprocess.run([sys.executable, "-m", "venv", str(tmp / "venv")], check=True)
        python = tmp / "venv" / "bin" / "python"
        subprocess.run([python, "-m", "pip", "install", "--quiet", str(wheel), "numpy>=1.26,<3"], check=True)
        (tmp / "extract.py").write_text(EXTRACT)
        tools = Path(__file__).resolve().parent
        subprocess.run([python, str(tmp / "extract.py"), str(OUT), str(tools)], check=True)
    print(f"{OUT.relative_to(DATA.parent)}: {OUT.stat().st_size:,} bytes, sha256 {sha256(OUT)}")


if __name__ == "__main__":
    main()
