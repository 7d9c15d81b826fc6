"""Dates written the way people write them, and the ISO date each one means: a translation task.

    pairs = date_pairs(2000, seed=0)                     # [("3 March 2014", "2014-03-03"), ...]
    format_date(datetime.date(2014, 3, 3), "weekday")    # "Monday, March 3, 2014"
    train, test = date_splits(4000, 1000, seed=0)        # test dates never occur in train
    data = encode_dates(pairs)                           # DateArrays: src (N, Ts), dec_in and target (N, 10)

Character level. The source is left-padded with PAD (id 0) to SOURCE_LEN characters, so every source
ends at the last position; the target is the 10 characters of YYYY-MM-DD, and the decoder reads the
target shifted right by one behind the start token "^" (teacher forcing). Two-digit years mean
1950-2049, so "03/03/14" is 2014-03-03 (month first, as in the US). English names are written out
here, not taken from the locale. numpy and the standard library only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np

from rnn_helpers._checks import as_numbers, check_choice, check_positive_int, check_seed, check_texts

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FIRST, LAST = datetime.date(1950, 1, 1), datetime.date(2049, 12, 31)   # two-digit years are unique


def _ordinal(d: int) -> str:
    return f"{d}{'th' if 10 <= d % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"


FORMATS = {                                                  # name -> how it writes 2014-03-03
    "day_month_year": lambda t: f"{t.day} {MONTHS[t.month - 1]} {t.year}",              # 3 March 2014
    "us_short": lambda t: f"{t.month:02d}/{t.day:02d}/{t.year % 100:02d}",               # 03/03/14
    "weekday": lambda t: f"{WEEKDAYS[t.weekday()]}, {MONTHS[t.month - 1]} {t.day}, {t.year}",
    "mon_day_year": lambda t: f"{MONTHS[t.month - 1][:3].lower()} {t.day} {t.year}",     # mar 3 2014
    "dotted_iso": lambda t: f"{t.year}.{t.month:02d}.{t.day:02d}",                       # 2014.03.03
    "european": lambda t: f"{t.day:02d}.{t.month:02d}.{t.year}",                         # 03.03.2014
    "month_day_year": lambda t: f"{MONTHS[t.month - 1]} {t.day}, {t.year}",              # March 3, 2014
    "ordinal": lambda t: f"the {_ordinal(t.day)} of {MONTHS[t.month - 1]} {t.year}",  # the 3rd of March 2014
}
SOURCE_CHARS = "".join(sorted(set("".join(f(datetime.date(2000 + k % 12, m, 20 + k % 9))
                                          for f in FORMATS.values() for m in range(1, 13)
                                          for k in range(21)) + "0123456789")))
PAD, START = "·", "^"
SOURCE_VOCAB = PAD + SOURCE_CHARS                            # id 0 pads the source on the left
TARGET_VOCAB = START + "0123456789-"                         # id 0 is the decoder's start token
SOURCE_LEN = 30                                              # longest: "Wednesday, September 30, 2049" (29)
TARGET_LEN = 10                                              # YYYY-MM-DD


def format_date(date, fmt) -> str:
    """``date`` (a datetime.date) written in format ``fmt`` (one of FORMATS)."""
    if not isinstance(date, datetime.date):
        raise TypeError(f"date: expected a datetime.date, got {date!r} ({type(date).__name__})")
    return FORMATS[check_choice("fmt", fmt, FORMATS)](date)


def date_pairs(n, *, formats=None, seed=0) -> list[tuple[str, str]]:
    """``n`` (human date, ISO date) pairs: dates uniform in 1950-2049, formats uniform over ``formats``.

    formats: None (all of FORMATS) or a list of names; seed: the generator's seed (same seed, same pairs).
    """
    n = check_positive_int("n", n)
    names = _check_formats(formats)
    rng = np.random.default_rng(check_seed(seed))
    days = rng.integers(0, (LAST - FIRST).days + 1, size=n)
    which = rng.integers(0, len(names), size=n)
    dates = [FIRST + datetime.timedelta(days=int(d)) for d in days]
    return [(FORMATS[names[k]](t), t.isoformat()) for t, k in zip(dates, which)]


def date_splits(n_train, n_test, *, seed=0) -> tuple[list, list]:
    """(train pairs, test pairs): ``date_pairs(n_train, seed=seed)``, and ``n_test`` pairs drawn with
    seed + 1 whose dates never occur in the training pairs (in any format): held-out dates."""
    n_train, n_test = check_positive_int("n_train", n_train), check_positive_int("n_test", n_test)
    train = date_pairs(n_train, seed=seed)
    seen = {iso for _, iso in train}
    test = [p for p in date_pairs(2 * n_test + 100, seed=check_seed(seed) + 1) if p[1] not in seen][:n_test]
    if len(test) < n_test:
        raise ValueError(f"n_test: expected at most {len(test)} held-out dates beside {n_train} training "
                         f"pairs, got {n_test}")
    return train, test


def _check_formats(formats) -> tuple[str, ...]:
    if formats is None:
        return tuple(FORMATS)
    if not isinstance(formats, (list, tuple)):
        raise TypeError(f"formats: expected None or a list of format names, got {type(formats).__name__}")
    if not formats:
        raise ValueError(f"formats: expected at least one of {list(FORMATS)}, got []")
    return tuple(check_choice("formats", f, FORMATS) for f in formats)


@dataclass(frozen=True)
class DateArrays:
    """Encoded pairs: src (N, SOURCE_LEN) source ids, left-padded; dec_in (N, 10) the decoder's
    input under teacher forcing (START, then the target's first 9 characters); target (N, 10)."""

    src: np.ndarray
    dec_in: np.ndarray
    target: np.ndarray

    def __len__(self) -> int:
        return len(self.src)


def encode_source(texts) -> np.ndarray:
    """Human dates -> (N, SOURCE_LEN) int32 ids, left-padded with PAD (id 0)."""
    texts = check_texts("texts", texts)
    out = np.zeros((len(texts), SOURCE_LEN), dtype=np.int32)
    for n, text in enumerate(texts):
        if len(text) > SOURCE_LEN:
            raise ValueError(f"texts: expected at most {SOURCE_LEN} characters, got {len(text)} in {text!r}")
        out[n, SOURCE_LEN - len(text):] = _ids(text, SOURCE_VOCAB, f"texts[{n}]")
    return out


def encode_target(isos) -> tuple[np.ndarray, np.ndarray]:
    """ISO dates -> (dec_in, target), each (N, 10) int32; dec_in[:, 0] = START, then target[:, :-1]."""
    isos = check_texts("isos", isos)
    target = np.zeros((len(isos), TARGET_LEN), dtype=np.int32)
    for n, iso in enumerate(isos):
        if len(iso) != TARGET_LEN:
            raise ValueError(f"isos: expected {TARGET_LEN} characters (YYYY-MM-DD), got {iso!r}")
        target[n] = _ids(iso, TARGET_VOCAB, f"isos[{n}]")
    dec_in = np.concatenate([np.zeros((len(isos), 1), np.int32), target[:, :-1]], axis=1)  # shift right
    return dec_in, target


def encode_dates(pairs) -> DateArrays:
    """(human date, ISO date) pairs -> DateArrays (src, dec_in, target)."""
    if not isinstance(pairs, (list, tuple)) or not all(isinstance(p, tuple) and len(p) == 2 for p in pairs):
        raise TypeError(f"pairs: expected a list of (human date, ISO date) tuples, got {pairs!r:.60}")
    if not pairs:
        raise ValueError("pairs: expected at least one pair, got []")
    try:
        return DateArrays(encode_source([p[0] for p in pairs]), *encode_target([p[1] for p in pairs]))
    except (TypeError, ValueError) as exc:                               # name the argument given
        raise type(exc)(f"pairs: {exc}") from None


def decode_target(ids) -> str:
    """(L,) target ids -> their characters (START shows as '^')."""
    return "".join(TARGET_VOCAB[i] for i in _vocab_ids(ids, TARGET_VOCAB))


def decode_source(ids) -> str:
    """(L,) source ids -> the text, the left padding dropped."""
    return "".join(SOURCE_VOCAB[i] for i in _vocab_ids(ids, SOURCE_VOCAB) if i != 0)


def _vocab_ids(ids, vocab) -> np.ndarray:
    arr = as_numbers("ids", ids, ndim=1)
    if arr.size and (not np.issubdtype(arr.dtype, np.integer) or arr.min() < 0 or arr.max() >= len(vocab)):
        raise ValueError(f"ids: expected integer ids in [0, {len(vocab) - 1}], got {arr.tolist()}")
    return arr


def _ids(text, vocab, name) -> list[int]:
    bad = [c for c in text if c not in vocab or c == vocab[0]]
    if bad:
        raise ValueError(f"{name}: character {bad[0]!r} of {text!r} is not in the vocabulary ({vocab[1:]!r})")
    return [vocab.index(c) for c in text]
