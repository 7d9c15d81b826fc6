"""English -> Spanish verse pairs as word ids, for a small word-level translator.

    pairs = load_verse_pairs()                                   # datasets.text: 5,440 (en, es) pairs
    train, test = split_pairs(pairs, n_test=300, seed=0)         # a seeded random held-out set
    src_vocab = WordVocabulary([en for en, _ in train], min_count=2)
    data = encode_verse_pairs(train, src_vocab, tgt_vocab)       # VerseArrays: src, dec_in, target, weights

Words are lower-cased, punctuation marks are words of their own (``tokenize``). Ids: 0 pads, 1 is
the start token <s>, 2 the end token </s>, 3 <unk> (a word seen fewer than min_count times), then
the words by frequency. The source is left-padded (it ends at the last position), the target
right-padded; ``weights`` is 1 on the target's real tokens (the end token included) and 0 on padding,
so padding adds nothing to the loss. numpy and the standard library only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from rnn_helpers._checks import as_numbers, check_positive_int, check_seed, check_texts

PAD, START, END, UNK = "<pad>", "<s>", "</s>", "<unk>"
_WORD = re.compile(r"\w+|[^\w\s]")


def tokenize(text) -> list[str]:
    """Lower-cased words and punctuation marks: "Y dijo Dios: Sea" -> ["y", "dijo", "dios", ":", "sea"]."""
    if not isinstance(text, str):
        raise TypeError(f"text: expected a str, got {type(text).__name__}")
    return _WORD.findall(text.lower())


def _check_pairs(pairs, name="pairs") -> list[tuple[str, str]]:
    ok = isinstance(pairs, (list, tuple)) and all(
        isinstance(p, tuple) and len(p) == 2 and all(isinstance(s, str) for s in p) for p in pairs)
    if not ok:
        raise TypeError(f"{name}: expected a list of (source, target) string tuples, got {pairs!r:.60}")
    if not pairs:
        raise ValueError(f"{name}: expected at least one pair, got []")
    return list(pairs)


class WordVocabulary:
    """The words of ``texts`` seen at least ``min_count`` times, most frequent first (ties: alphabetical)."""

    def __init__(self, texts, *, min_count=2):
        texts = check_texts("texts", texts)
        min_count = check_positive_int("min_count", min_count)
        counts = Counter(w for t in texts for w in tokenize(t))
        kept = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
        self.words = (PAD, START, END, UNK, *kept)
        self._ids = {w: i for i, w in enumerate(self.words)}

    @property
    def size(self) -> int:
        return len(self.words)

    def __len__(self) -> int:
        return self.size

    def __repr__(self) -> str:
        return f"WordVocabulary(size={self.size})"

    def encode(self, text) -> list[int]:
        """``text`` -> its word ids (unknown words -> the <unk> id 3)."""
        return [self._ids.get(w, 3) for w in tokenize(text)]

    def decode(self, ids) -> str:
        """Word ids -> text, stopping at the end token, without pad or start tokens."""
        arr = as_numbers("ids", ids, ndim=1)
        if arr.size and (not np.issubdtype(arr.dtype, np.integer) or arr.min() < 0 or arr.max() >= self.size):
            raise ValueError(f"ids: expected integer ids in [0, {self.size - 1}], got {arr.tolist()[:10]}")
        words = []
        for i in arr:
            if i == 2:
                break
            if i > 1:
                words.append(self.words[i])
        return " ".join(words)


def split_pairs(pairs, *, n_test, seed=0) -> tuple[list, list]:
    """A seeded random split: (train pairs, ``n_test`` held-out pairs), each in the original order."""
    pairs = _check_pairs(pairs)
    n_test = check_positive_int("n_test", n_test)
    if n_test >= len(pairs):
        raise ValueError(f"n_test: expected fewer than the {len(pairs)} pairs, got {n_test}")
    held = np.zeros(len(pairs), dtype=bool)
    held[np.random.default_rng(check_seed(seed)).permutation(len(pairs))[:n_test]] = True
    return [p for p, h in zip(pairs, held) if not h], [p for p, h in zip(pairs, held) if h]


@dataclass(frozen=True)
class VerseArrays:
    """src (N, Ts) left-padded source ids; dec_in (N, Tt) <s> then the target; target (N, Tt) the
    target then </s>, right-padded; weights (N, Tt) 1.0 on real target tokens, 0.0 on padding."""

    src: np.ndarray
    dec_in: np.ndarray
    target: np.ndarray
    weights: np.ndarray


def encode_verse_pairs(pairs, src_vocab, tgt_vocab) -> VerseArrays:
    """Pairs -> VerseArrays, with Ts the longest source and Tt the longest target plus one."""
    pairs = _check_pairs(pairs)
    for name, vocab in (("src_vocab", src_vocab), ("tgt_vocab", tgt_vocab)):
        if not isinstance(vocab, WordVocabulary):
            raise TypeError(f"{name}: expected a WordVocabulary, got {type(vocab).__name__}")
    srcs = [src_vocab.encode(s) for s, _ in pairs]
    tgts = [tgt_vocab.encode(t) + [2] for _, t in pairs]                 # ... </s>
    Ts, Tt = max(map(len, srcs)), max(map(len, tgts))
    src = np.zeros((len(pairs), Ts), np.int32)
    target = np.zeros((len(pairs), Tt), np.int32)
    for n, (s, t) in enumerate(zip(srcs, tgts)):
        src[n, Ts - len(s):] = s                                          # left-padded
        target[n, :len(t)] = t                                            # right-padded
    dec_in = np.concatenate([np.ones((len(pairs), 1), np.int32), target[:, :-1]], axis=1)   # <s> ...
    return VerseArrays(src, dec_in, target, (target != 0).astype(np.float32))
