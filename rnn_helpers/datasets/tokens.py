"""Words as integers, for the sentiment notebook: standardising, a vocabulary, ids, padding, splits.

    words = standardize("Not bad, GOOD!")                  # ['not', 'bad', 'good']
    vocab = build_vocabulary(train_texts, min_count=2)     # words by count, then alphabetically
    ids = encode(texts, vocab, length=24)                  # (N, 24) int64: 0 pad, 1 OOV, 2.. words
    data = split_sentences(load_sentiment_sentences(), seed=0)   # stratified by source and label

The same rules as Keras' ``TextVectorization`` with its defaults (ASCII lower case, the punctuation
of its ``lower_and_strip_punctuation``, split on whitespace, ids 0 = padding and 1 = ``[UNK]``), in
numpy; ``tests/datasets/test_tokens.py`` checks ``encode`` against the Keras layer. No TensorFlow here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from rnn_helpers._checks import as_numbers, check_int, check_number, check_positive_int, check_seed

PAD, OOV = "", "[UNK]"                          # ids 0 and 1, as TextVectorization numbers them
_PUNCTUATION = re.compile(r'[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']')   # TextVectorization's
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _check_texts(name, texts) -> list[str]:
    """A non-empty list (or tuple, or 1-D array) of str, else an error naming ``name``."""
    if isinstance(texts, str) or not isinstance(texts, (list, tuple, np.ndarray)):
        raise TypeError(f"{name}: expected a list of str, got {type(texts).__name__}")
    texts = list(texts)
    if not texts:
        raise ValueError(f"{name}: expected at least one sentence, got an empty list")
    bad = next((t for t in texts if not isinstance(t, str)), None)
    if bad is not None:
        raise TypeError(f"{name}: expected a list of str, got an item {bad!r} ({type(bad).__name__})")
    return texts


def _check_labels(name, labels, n=None) -> np.ndarray:
    """(N,) labels 0 (negative) or 1 (positive), N = n if given, as int64; else an error naming ``name``."""
    try:
        y = np.asarray(labels)
    except Exception as exc:  # ragged lists
        raise TypeError(f"{name}: expected a list of 0/1 labels, got {type(labels).__name__}") from exc
    if y.dtype == bool or not np.issubdtype(y.dtype, np.number):
        raise TypeError(f"{name}: expected integer labels 0/1, got dtype {y.dtype}")
    if y.ndim != 1 or y.size == 0 or (n is not None and y.size != n):
        want = f"{n} labels" if n is not None else "a non-empty 1-D list of labels"
        raise ValueError(f"{name}: expected {want}, got shape {y.shape}")
    if not np.isin(y, (0, 1)).all():
        raise ValueError(f"{name}: expected labels 0 (negative) or 1 (positive), got values "
                         f"{sorted(set(np.unique(y).tolist()) - {0, 1})[:5]}")
    return y.astype(np.int64)


def standardize(text) -> list[str]:
    """One sentence -> its words: ASCII lower case, TextVectorization's punctuation removed, split."""
    if not isinstance(text, str):
        raise TypeError(f"text: expected a str, got {type(text).__name__}")
    return _PUNCTUATION.sub("", text.translate(_ASCII_LOWER)).split()


def build_vocabulary(texts, *, min_count=2, max_words=None) -> list[str]:
    """The words of ``texts`` seen at least ``min_count`` times, most frequent first, ties alphabetical.

    Returns the words only (no pad or OOV entry): pass it as ``TextVectorization(vocabulary=...)``,
    which puts '' (id 0) and '[UNK]' (id 1) before it. ``max_words``: keep at most this many.
    """
    texts = _check_texts("texts", texts)
    min_count = check_positive_int("min_count", min_count)
    if max_words is not None:
        max_words = check_positive_int("max_words", max_words)
    counts = Counter(w for t in texts for w in standardize(t))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))          # fixed order, no ties left
    return [w for w, c in ranked if c >= min_count][:max_words]


def _check_vocabulary(vocabulary) -> dict[str, int]:
    if not isinstance(vocabulary, (list, tuple)) or not vocabulary:
        raise TypeError(f"vocabulary: expected a non-empty list of words (build_vocabulary), "
                        f"got {type(vocabulary).__name__} {vocabulary!r:.40}")
    if not all(isinstance(w, str) and w for w in vocabulary) or OOV in vocabulary:
        raise ValueError(f"vocabulary: expected non-empty words other than {OOV!r}, "
                         f"got {list(vocabulary)[:5]}")
    if len(set(vocabulary)) != len(vocabulary):
        raise ValueError("vocabulary: expected distinct words, got a word twice")
    return {w: i + 2 for i, w in enumerate(vocabulary)}                       # 0 pad, 1 OOV


def encode(texts, vocabulary, *, length=None) -> np.ndarray:
    """Sentences -> ids (N, length) int64, padded at the end with 0, cut after ``length`` words.

    id 0 is padding, 1 a word outside ``vocabulary`` (OOV), 2 + i the word ``vocabulary[i]``.
    length None: the longest sentence's number of words (at least 1).
    """
    texts = _check_texts("texts", texts)
    index = _check_vocabulary(vocabulary)
    words = [standardize(t) for t in texts]
    length = max(1, max(map(len, words))) if length is None else check_positive_int("length", length)
    ids = np.zeros((len(texts), length), dtype=np.int64)                     # (N, T) all padding
    for n, ws in enumerate(words):
        row = [index.get(w, 1) for w in ws[:length]]
        ids[n, :len(row)] = row
    return ids


def pad_ids(ids, length) -> np.ndarray:
    """One sentence's ids (L,) (no padding inside) -> (1, length) with zeros after them."""
    ids = as_numbers("ids", ids, ndim=1)
    if not np.issubdtype(ids.dtype, np.integer):
        raise TypeError(f"ids: expected integer ids, got dtype {ids.dtype}")
    if ids.size == 0:
        raise ValueError("ids: expected at least one id, got none")
    if ids.min() < 1:
        raise ValueError(f"ids: expected ids >= 1 (0 is padding), got {ids.min()}")
    length = check_int("length", length, low=ids.size)
    out = np.zeros((1, length), dtype=np.int64)
    out[0, :ids.size] = ids
    return out


@dataclass(frozen=True)
class SentenceSplits:
    """Train, validation and test sentences: texts_* lists of str, y_* (N,) int64, sources_* (N,) str."""

    texts_train: list
    y_train: np.ndarray
    sources_train: np.ndarray
    texts_val: list
    y_val: np.ndarray
    sources_val: np.ndarray
    texts_test: list
    y_test: np.ndarray
    sources_test: np.ndarray

    def sizes(self) -> dict[str, int]:
        return {"train": len(self.y_train), "validation": len(self.y_val), "test": len(self.y_test)}


def split_sentences(sentences, *, val_fraction=0.2, test_fraction=0.2, seed=0) -> SentenceSplits:
    """Split ``(texts, labels, sources)`` (load_sentiment_sentences) into train/val/test, seeded,
    stratified by source and label together (each part has the same mix of both)."""
    from sklearn.model_selection import train_test_split

    if not isinstance(sentences, tuple) or len(sentences) != 3:
        raise TypeError(f"sentences: expected (texts, labels, sources) from load_sentiment_sentences, "
                        f"got {type(sentences).__name__}")
    texts = _check_texts("sentences", sentences[0])
    y = _check_labels("labels", sentences[1], len(texts))
    sources = np.asarray(sentences[2]).astype(str)
    if sources.shape != (len(texts),):
        raise ValueError(f"sources: expected {len(texts)} source names, got shape {sources.shape}")
    val_fraction = check_number("val_fraction", val_fraction, low=0.01, high=0.98)
    test_fraction = check_number("test_fraction", test_fraction, low=0.01, high=0.98)
    if val_fraction + test_fraction >= 1:
        raise ValueError(f"val_fraction + test_fraction: expected < 1, got {val_fraction + test_fraction}")
    seed = check_seed(seed)
    groups = np.char.add(sources, y.astype(str))                              # e.g. "imdb1"
    try:
        rest, test = train_test_split(np.arange(len(y)), test_size=test_fraction, stratify=groups,
                                      random_state=seed)
        train, val = train_test_split(rest, test_size=val_fraction / (1 - test_fraction),
                                      stratify=groups[rest], random_state=seed)
    except ValueError as exc:       # too few sentences of a (source, label) group
        raise ValueError(f"sentences: cannot split {len(y)} sentences into stratified parts: {exc}") from None
    parts = []
    for idx in (np.sort(train), np.sort(val), np.sort(test)):                # file order inside a part
        parts += [[texts[i] for i in idx], y[idx], sources[idx]]
    return SentenceSplits(*parts)
