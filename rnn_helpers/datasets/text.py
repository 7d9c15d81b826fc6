"""Real text for the language notebooks, read from the checked files in ``data/`` (never downloaded).

    text = load_shakespeare()                                   # 8 plays, 987,385 characters
    texts, labels, sources = load_sentiment_sentences()         # 3,000 review sentences, 0/1 labels
    pairs = load_verse_pairs()                                  # 5,440 (English, Spanish) verses

Where each file comes from, its licence and how it was derived: ``data/README.md``. No TensorFlow here.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from rnn_helpers._checks import check_bool, check_choice, check_positive_int
from rnn_helpers.datasets.files import checked_file

SHAKESPEARE = ("shakespeare.txt", "696295d1c2b81a5f74bf6516629bf578e51bbc62950d935b1b49c8d54278dae6",
               "python tools/data/build_shakespeare.py")
SENTIMENT = ("sentiment_sentences.tsv", "6c2eda374566404fceefb59831cf920686dcf55eb8d1659f6e17010d4ef8f918",
             "python tools/data/build_sentiment.py")
VERSES = ("verse_pairs_en_es.tsv", "89db3db8f7a715607224d5df40e4e56da824fb88b34adc4b58563cc1b9ed9b09",
          "python tools/data/build_verses.py")

PLAYS = ("Hamlet", "Macbeth", "King Lear", "Othello", "Romeo and Juliet", "Julius Caesar",
         "A Midsummer Night's Dream", "The Tempest")            # in the file's order
REVIEW_SOURCES = ("amazon", "imdb", "yelp")
MAX_VERSE_WORDS = 15                                            # the file keeps pairs up to this length


def _read(spec) -> str:
    return checked_file(*spec).read_text(encoding="utf-8")


def _names(name, value, choices) -> list[str]:
    """None -> every choice; a name or a list of distinct names, each checked against ``choices``."""
    if value is None:
        return list(choices)
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, (list, tuple)):
        raise TypeError(f"{name}: expected a name or a list of names from {list(choices)}, "
                        f"got {value!r} ({type(value).__name__})")
    if not names:
        raise ValueError(f"{name}: expected at least one name from {list(choices)}, got {value!r}")
    for n in names:
        check_choice(name, n, choices)
    if len(set(names)) != len(names):
        raise ValueError(f"{name}: expected distinct names, got {list(names)}")
    return list(names)


def load_shakespeare(plays=None) -> str:
    """Plain text of Shakespeare plays: 'SPEAKER:' lines, then the speech, a blank line between speeches.

    plays: None (all eight of ``PLAYS``), a title ("Hamlet") or a list of titles.
    Returns one str: the plays in that order, a blank line between them, their title lines left out.
    """
    wanted = _names("plays", plays, PLAYS)
    texts = {}
    for chunk in _read(SHAKESPEARE).split("=== ")[1:]:
        title, body = chunk.split(" ===\n\n", 1)
        texts[title] = body
    return "\n".join(texts[t] for t in wanted)


class Sentences(NamedTuple):
    """Labelled sentences: ``texts`` N str, ``labels`` (N,) int64 (1 positive), ``sources`` (N,) str."""

    texts: list
    labels: np.ndarray
    sources: np.ndarray


def load_sentiment_sentences(sources=None) -> Sentences:
    """The UCI Sentiment Labelled Sentences (Kotzias et al. 2015): 1,000 per source, half positive.

    sources: None (all of ``REVIEW_SOURCES``), "amazon", "imdb", "yelp", or a list of them.
    Returns ``Sentences(texts, labels, sources)`` in the file's order (unpacks as a 3-tuple).
    """
    wanted = set(_names("sources", sources, REVIEW_SOURCES))
    rows = [line.split("\t", 2) for line in _read(SENTIMENT).splitlines()[1:]]
    rows = [r for r in rows if r[1] in wanted]
    return Sentences([r[2] for r in rows], np.array([int(r[0]) for r in rows], dtype=np.int64),
                     np.array([r[1] for r in rows]))


def load_verse_pairs(limit=None, *, max_words=MAX_VERSE_WORDS, with_refs=False) -> list[tuple]:
    """Short (English KJV, Spanish Reina-Valera 1909) verse pairs in canonical order (Genesis first).

    limit: None (all) or the number of pairs to return, the first ones; max_words: keep pairs with
    at most this many words a side (1-15); with_refs: return (ref, en, es) triples, ref as "Gen.1.1".
    """
    if limit is not None:
        limit = check_positive_int("limit", limit)
    max_words = check_positive_int("max_words", max_words)
    if max_words > MAX_VERSE_WORDS:
        raise ValueError(f"max_words: expected at most {MAX_VERSE_WORDS} (the file keeps no longer pairs), "
                         f"got {max_words}")
    with_refs = check_bool("with_refs", with_refs)
    rows = [line.split("\t") for line in _read(VERSES).splitlines()[1:]]
    rows = [r for r in rows if max(len(r[1].split()), len(r[2].split())) <= max_words][:limit]
    return [tuple(r) if with_refs else (r[1], r[2]) for r in rows]
