"""The shipped text files in data/ and their loaders: checksums, counts, shapes, clear errors."""

import hashlib
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

import rnn_helpers
from rnn_helpers.datasets import text
from rnn_helpers.datasets.files import DATA_DIR_ENV, checked_file, data_dir
from rnn_helpers.datasets.text import PLAYS, load_sentiment_sentences, load_shakespeare, load_verse_pairs

SHIPPED = [text.SHAKESPEARE, text.SENTIMENT, text.VERSES]
LOADERS = [(text.SHAKESPEARE, load_shakespeare), (text.SENTIMENT, load_sentiment_sentences),
           (text.VERSES, load_verse_pairs)]
REPO_DATA = Path(rnn_helpers.__file__).resolve().parents[1] / "data"
SPEAKER = re.compile(r"(?m)^[^a-z\n]+:$")                     # "HAMLET:" on a line of its own


@pytest.mark.parametrize("spec", SHIPPED, ids=lambda s: s[0])
def test_each_shipped_file_has_its_checksum_and_is_small(spec):
    name, sha256, rebuild = spec
    path = data_dir() / name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    assert path.stat().st_size < 3_000_000                     # "at most a few MB"
    script = REPO_DATA.parent / rebuild.removeprefix("python ")
    assert rebuild.startswith("python tools/data/build_") and script.is_file()
    assert sha256 in (REPO_DATA / "README.md").read_text()    # the README lists the same checksum


def test_the_data_folder_stays_well_under_20_mb():
    assert sum(p.stat().st_size for p in data_dir().rglob("*") if p.is_file()) < 10_000_000


def test_shakespeare_has_eight_plays_of_speeches():
    full = load_shakespeare()
    assert len(full) == 987_385 and len(set(full)) == 63        # characters, vocabulary
    assert len(SPEAKER.findall(full)) == 6812                   # speeches
    assert not set("_*#[]\\=") & set(full)                      # no Markdown, no title lines
    assert full.startswith("BERNARDO:\nWho's there?\n\nFRANCISCO:\n")
    parts = [load_shakespeare(p) for p in PLAYS]
    assert len(PLAYS) == 8 and "\n".join(parts) == full
    assert [len(SPEAKER.findall(p)) for p in parts] == [1138, 649, 1068, 1180, 841, 796, 500, 640]
    assert load_shakespeare(["Macbeth", "Hamlet"]) == parts[1] + "\n" + parts[0]


def test_sentiment_sentences_are_3000_balanced_per_source():
    texts, labels, sources = load_sentiment_sentences()
    assert len(texts) == 3000 and labels.shape == (3000,) and sources.shape == (3000,)
    assert labels.dtype == np.int64 and set(np.unique(labels)) == {0, 1} and labels.sum() == 1500
    for source in text.REVIEW_SOURCES:
        assert (sources == source).sum() == 1000 and labels[sources == source].sum() == 500
    assert all(isinstance(t, str) and t and "\t" not in t and t == t.strip() for t in texts)
    assert (texts[0], labels[0], sources[0]) == (
        "So there is no way for me to plug it in here in the US unless I go by a converter.", 0, "amazon")
    yelp = load_sentiment_sentences("yelp")
    assert len(yelp.texts) == 1000 and set(yelp.sources) == {"yelp"}
    assert yelp.texts == [t for t, s in zip(texts, sources) if s == "yelp"]


def test_verse_pairs_are_5440_short_aligned_verses():
    pairs = load_verse_pairs()
    assert len(pairs) == 5440 and all(isinstance(p, tuple) and len(p) == 2 for p in pairs)
    assert pairs[0] == ("In the beginning God created the heaven and the earth.",
                        "En el principio crió Dios los cielos y la tierra.")   # drop capital "EN" undone
    assert all(1 <= len(en.split()) <= 15 and 1 <= len(es.split()) <= 15 for en, es in pairs)
    assert not any(set("<>&\t¶") & set(en + es) for en, es in pairs)          # no markup left
    refs = load_verse_pairs(with_refs=True)
    assert [r[1:] for r in refs] == pairs and len({r[0] for r in refs}) == 5440
    assert refs[-1][0] == "Rev.22.21" and ("John.11.35", "Jesus wept.", "Y lloró Jesús.") in refs
    assert all(re.fullmatch(r"[1-3]?[A-Z][a-z]+\.\d+\.\d+", r[0]) for r in refs)
    assert load_verse_pairs(3) == pairs[:3]
    short = load_verse_pairs(max_words=5)
    assert len(short) == 85 and all(len(en.split()) <= 5 and len(es.split()) <= 5 for en, es in short)


@pytest.fixture
def tmp_data(tmp_path, monkeypatch):
    """RNN_DATA_DIR pointed at an empty temporary folder."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("spec, load", LOADERS, ids=[spec[0] for spec, _ in LOADERS])
def test_a_missing_file_names_itself_its_checksum_and_the_rebuild_command(tmp_data, spec, load):
    name, sha256, rebuild = spec
    with pytest.raises(ValueError, match="missing") as info:
        load()
    assert name in str(info.value) and sha256 in str(info.value) and rebuild in str(info.value)


@pytest.mark.parametrize("spec, load", LOADERS, ids=[spec[0] for spec, _ in LOADERS])
def test_a_damaged_file_names_itself_its_checksum_and_the_rebuild_command(tmp_data, spec, load):
    name, sha256, rebuild = spec
    shutil.copy(REPO_DATA / name, tmp_data / name)
    load()                                                      # an intact copy reads from RNN_DATA_DIR
    with open(tmp_data / name, "ab") as f:
        f.write(b"x")                                           # one byte appended
    with pytest.raises(ValueError, match="damaged") as info:
        load()
    assert name in str(info.value) and sha256 in str(info.value) and rebuild in str(info.value)


def test_checked_file_refuses_a_path_outside_data(tmp_data):
    with pytest.raises(ValueError, match="^name: "):
        checked_file("../pyproject.toml", "0" * 64, "nothing")


@pytest.mark.parametrize("kwargs, error, words", [
    ({"plays": "Hamlett"}, ValueError, "plays"), ({"plays": []}, ValueError, "plays"),
    ({"plays": ["Hamlet", "Hamlet"]}, ValueError, "plays"), ({"plays": 3}, TypeError, "plays"),
])
def test_load_shakespeare_bad_arguments_name_the_argument(kwargs, error, words):
    with pytest.raises(error, match=f"^{words}: "):
        load_shakespeare(**kwargs)


@pytest.mark.parametrize("kwargs, error", [({"sources": "twitter"}, ValueError), ({"sources": 1}, TypeError),
                                           ({"sources": ("imdb", 2)}, TypeError)])
def test_load_sentiment_sentences_bad_arguments_name_the_argument(kwargs, error):
    with pytest.raises(error, match="^sources: "):
        load_sentiment_sentences(**kwargs)


@pytest.mark.parametrize("kwargs, error, words", [
    ({"limit": 0}, ValueError, "limit"), ({"limit": 2.5}, TypeError, "limit"),
    ({"max_words": 16}, ValueError, "max_words"), ({"max_words": -1}, ValueError, "max_words"),
    ({"with_refs": "yes"}, TypeError, "with_refs"),
])
def test_load_verse_pairs_bad_arguments_name_the_argument(kwargs, error, words):
    with pytest.raises(error, match=f"^{words}: "):
        load_verse_pairs(**kwargs)
