"""The shipped Bach chorales in data/ and their loader: checksum, counts, voice ranges, clear errors."""

import hashlib
import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

import rnn_helpers
from rnn_helpers.datasets import music
from rnn_helpers.datasets.files import DATA_DIR_ENV, data_dir
from rnn_helpers.datasets.music import REST, load_chorales

REPO_DATA = Path(rnn_helpers.__file__).resolve().parents[1] / "data"


def test_the_chorales_file_has_its_checksum_is_small_and_listed():
    name, sha256, rebuild = music.CHORALES
    path = data_dir() / name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    assert path.stat().st_size < 200_000                            # "well under 1 MB"
    assert (REPO_DATA.parent / rebuild.removeprefix("python ")).is_file()
    readme = (REPO_DATA / "README.md").read_text()
    assert sha256 in readme and f"`{name}`" in readme


def test_403_four_voice_chorales_on_an_eighth_note_grid():
    chorales = load_chorales()
    assert len(chorales) == 403 and len({c.name for c in chorales}) == 403
    assert chorales[0].name == "bwv1.6" and chorales[0].key == "F major" and chorales[0].meter == "4/4"
    assert sum(len(c.pitches) for c in chorales) == 45_461
    assert all(c.pitches.ndim == 2 and c.pitches.shape[1] == 4 and c.pitches.dtype == np.int8
               for c in chorales)
    assert Counter(c.meter for c in chorales)["4/4"] == 359
    assert Counter(c.key.split()[1] for c in chorales) == {"major": 215, "minor": 188}
    # bwv1.6 opens on an F major chord held for a quarter note (two eighth-note steps)
    assert chorales[0].pitches[:2].tolist() == [[65, 60, 57, 53]] * 2


def test_the_voices_stay_in_their_ranges_and_in_order():
    allp = np.concatenate([c.pitches for c in load_chorales()]).astype(int)
    lows, highs = [], []
    for j in range(4):
        sounding = allp[:, j][allp[:, j] != REST]
        lows.append(sounding.min())
        highs.append(sounding.max())
    assert lows == [57, 53, 48, 36] and highs == [81, 74, 69, 64]   # S, A, T, B in MIDI numbers
    full = (allp != REST).all(axis=1)
    assert full.mean() > 0.95                                       # nearly every step has four notes
    assert (allp[full, 0] >= allp[full, 3]).all()                   # the soprano never below the bass


def test_a_missing_or_damaged_file_names_itself_and_the_rebuild_command(tmp_path, monkeypatch):
    name, _, rebuild = music.CHORALES
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    with pytest.raises(ValueError, match=f"{name}: missing.*{rebuild}"):
        load_chorales()
    shutil.copy(REPO_DATA / name, tmp_path / name)
    assert len(load_chorales()) == 403
    (tmp_path / name).write_bytes(b"PK")
    with pytest.raises(ValueError, match=f"{name}: damaged.*{rebuild}"):
        load_chorales()
