"""Characters as integers, for the character-level language model: vocabulary, windows, splits.

    vocab = CharVocabulary(text)                        # sorted characters; vocab.size = V
    ids = vocab.encode(text)                            # (L,) int32, vocab.decode(ids) == text
    train, val, test = split_text(text, 0.1, 0.1)       # contiguous: train, then val, then test
    x, y = char_windows(vocab.encode(train), 100)       # (N, T) inputs, (N, T) next characters

numpy only; no TensorFlow here.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_numbers, check_number, check_positive_int


def _check_text(name, text) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{name}: expected a str, got {type(text).__name__}")
    if not text:
        raise ValueError(f"{name}: expected a non-empty str, got ''")
    return text


class CharVocabulary:
    """The characters of ``text``, sorted: character ``chars[i]`` has id ``i`` (0 <= i < size)."""

    def __init__(self, text):
        self.chars = tuple(sorted(set(_check_text("text", text))))
        self._ids = {c: i for i, c in enumerate(self.chars)}

    @property
    def size(self) -> int:
        """V, the number of distinct characters."""
        return len(self.chars)

    def __len__(self) -> int:
        return self.size

    def __repr__(self) -> str:
        return f"CharVocabulary(size={self.size})"

    def encode(self, text) -> np.ndarray:
        """``text`` -> (L,) int32 ids; a character outside the vocabulary is a ValueError naming it."""
        if not isinstance(text, str):
            raise TypeError(f"text: expected a str, got {type(text).__name__}")
        try:
            return np.fromiter((self._ids[c] for c in text), dtype=np.int32, count=len(text))
        except KeyError:
            at = next(i for i, c in enumerate(text) if c not in self._ids)
            raise ValueError(f"text: character {text[at]!r} at position {at} is not in the vocabulary "
                             f"({self.size} characters)") from None

    def decode(self, ids) -> str:
        """(L,) integer ids in [0, size) -> the str they spell."""
        ids = _check_ids("ids", ids, self.size)
        return "".join(self.chars[i] for i in ids)


def _check_ids(name, ids, size=None) -> np.ndarray:
    """A 1-D array of integer ids, each in [0, size) (size None: any non-negative id)."""
    arr = as_numbers(name, ids, ndim=1)
    if not np.issubdtype(arr.dtype, np.integer):
        if arr.size:
            raise TypeError(f"{name}: expected integer ids, got dtype {arr.dtype}")
        arr = arr.astype(np.int64)                      # [] -> the empty ids
    bad = (arr < 0) | (arr >= size) if size is not None else arr < 0
    if bad.any():
        at = int(np.argmax(bad))
        top = "" if size is None else f", {size - 1}"
        raise ValueError(f"{name}: expected ids in [0{top}], got {arr[at]} at position {at}")
    return arr


def char_windows(ids, seq_len, stride=None) -> tuple[np.ndarray, np.ndarray]:
    """Windows of ``seq_len`` ids and their next-character targets, every ``stride`` ids.

    ids: (L,) integer ids; seq_len: T; stride: None (= T, windows that do not overlap) or >= 1.
    Returns x (N, T) and y (N, T) with y[n, t] = x[n, t + 1] inside a window:
    x[n] = ids[n*stride : n*stride + T] and y[n] = ids[n*stride + 1 : n*stride + T + 1],
    N = (L - 1 - T) // stride + 1 (the last target must exist, so L >= T + 1).
    """
    ids = _check_ids("ids", ids)
    T = check_positive_int("seq_len", seq_len)
    stride = T if stride is None else check_positive_int("stride", stride)
    if ids.size < T + 1:
        raise ValueError(f"ids: expected at least seq_len + 1 = {T + 1} ids, got {ids.size}")
    n = (ids.size - 1 - T) // stride + 1
    starts = np.arange(n) * stride                               # (N,)
    offsets = np.arange(T)                                       # (T,)
    x = ids[starts[:, None] + offsets]                           # (N, T)
    y = ids[starts[:, None] + offsets + 1]                       # (N, T) the next character
    return x, y


def split_text(text, val_fraction=0.1, test_fraction=0.1) -> tuple[str, str, str]:
    """Contiguous train, validation and test parts of ``text``, in that order, without overlap.

    The last ``test_fraction`` of the characters is the test text, the ``val_fraction`` before it
    the validation text, the rest the training text (train + val + test == text). A fraction may
    be 0 (that part is ''), they must sum to less than 1. Held-out text that follows the training
    text, rather than random windows, keeps neighbouring (nearly equal) windows on one side.
    """
    text = _check_text("text", text)
    val_fraction = check_number("val_fraction", val_fraction, low=0.0, high=1.0)
    test_fraction = check_number("test_fraction", test_fraction, low=0.0, high=1.0)
    if val_fraction + test_fraction >= 1:
        raise ValueError(f"val_fraction, test_fraction: expected a sum below 1 (some training text), "
                         f"got {val_fraction} + {test_fraction}")
    L = len(text)
    n_test, n_val = int(round(L * test_fraction)), int(round(L * val_fraction))
    if L - n_test - n_val < 1:
        raise ValueError(f"text: expected enough characters to leave training text, got {L}")
    return text[:L - n_val - n_test], text[L - n_val - n_test:L - n_test], text[L - n_test:]


def char_features(text) -> dict[str, np.ndarray]:
    """Things a reader sees at every character of ``text``, one (L,) float array each.

    "position_in_line": characters since the last newline (0 at a line's first character; a
    newline counts as the last character of its line); "in_speaker_name": 1 on the characters of a
    speaker line ("HAMLET:", every letter a capital, ending in ':', its newline not included), else 0;
    "after_newline": 1 on the first character of every line after the first.
    """
    text = _check_text("text", text)
    position, in_name = np.zeros(len(text)), np.zeros(len(text))
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        position[start:min(end + 1, len(text))] = np.arange(min(end + 1, len(text)) - start)
        name = line[:-1].replace(" ", "").replace("'", "").replace("-", "")
        if line.endswith(":") and name.isalpha() and name.isupper():
            in_name[start:end] = 1.0
        start = end + 1
    after = np.zeros(len(text))
    after[1:] = [c == "\n" for c in text[:-1]]
    return {"position_in_line": position, "in_speaker_name": in_name, "after_newline": after}
