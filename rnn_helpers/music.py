"""Four-voice chorales as one token stream, and the counting baselines a music model must beat.

    vocab = pitch_vocabulary(all_pitches)            # rest + every MIDI pitch from the lowest to the highest
    tokens = vocab.encode(interleave(pitches))       # (T, 4) S, A, T, B -> (4T,) ids s0 a0 t0 b0 s1 a1 ...
    pitches = deinterleave(vocab.decode(tokens))     # back to (T, 4)
    train, val, test = split_chorales(403, seed=0)   # whole pieces held out
    melody_overlap(test_pitches, train_pitches)      # share of its tune's two-bar phrases heard in training
    repeat_accuracy(tokens, lag=4)                   # "the same voice holds its note": 4 tokens back
    table = fit_voice_ngram(train_streams, vocab.size, lags=(4,))   # P(x_t | x_{t-4}, voice)
    probs = ngram_probs(table, tokens, lags=(4,))    # (4T - 4, V): for the targets tokens[4:]
    sample_continuation(ngram_step_fn(table), vocab, opening, steps=32, temperature=1.0)   # (32, 4)

In the interleaved stream token t belongs to voice t % 4 (0 soprano ... 3 bass), and the previous note
of the same voice is 4 tokens back. Every scorer here predicts the targets ``tokens[4:]`` (the first
time step has no previous note). numpy only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_helpers._checks import (
    as_numbers,
    check_int,
    check_nonempty,
    check_number,
    check_positive_int,
    check_seed,
)
from rnn_helpers.datasets.music import REST, VOICES
from rnn_helpers.sampling import sample_text

N_VOICES = len(VOICES)
FIRST_TARGET = N_VOICES                  # every scorer predicts tokens[4:], the second time step on


def check_pitches(name, pitches) -> np.ndarray:
    """``pitches`` as an int64 (T, 4) array of MIDI numbers in [0, 127] (0 a rest), T >= 1, or raise."""
    arr = as_numbers(name, pitches, ndim=2)
    if not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(f"{name}: expected integer MIDI pitches, got dtype {arr.dtype}")
    if arr.shape[1] != N_VOICES or arr.shape[0] == 0:
        raise ValueError(f"{name}: expected shape (T, {N_VOICES}) with T >= 1 (soprano, alto, tenor, bass), "
                         f"got {arr.shape}")
    if arr.min() < 0 or arr.max() > 127:
        raise ValueError(f"{name}: expected MIDI pitches in [0, 127] (0 a rest), "
                         f"got {arr.min()}..{arr.max()}")
    return arr.astype(np.int64)


def check_tokens(name, tokens, size=None) -> np.ndarray:
    """``tokens`` as an int64 (L,) array of ids in [0, size), L a non-zero multiple of 4, or raise."""
    arr = as_numbers(name, tokens, ndim=1)
    if not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(f"{name}: expected integer ids, got dtype {arr.dtype}")
    if arr.size == 0 or arr.size % N_VOICES:
        raise ValueError(f"{name}: expected a length that is a non-zero multiple of {N_VOICES} "
                         f"(whole time steps S, A, T, B), got {arr.size}")
    top = 127 if size is None else check_int("size", size, low=1) - 1
    if arr.min() < 0 or arr.max() > top:
        raise ValueError(f"{name}: expected ids in [0, {top}], got {arr.min()}..{arr.max()}")
    return arr.astype(np.int64)


def interleave(pitches) -> np.ndarray:
    """(T, 4) voices -> (4T,) one stream, time step by time step: s_0 a_0 t_0 b_0 s_1 a_1 ..."""
    return check_pitches("pitches", pitches).reshape(-1)


def deinterleave(tokens) -> np.ndarray:
    """(4T,) stream -> (T, 4): row t holds the soprano, alto, tenor and bass of time step t."""
    return check_tokens("tokens", tokens).reshape(-1, N_VOICES)


@dataclass(frozen=True)
class PitchVocabulary:
    """Ids for rest + the MIDI pitches low..high: 0 = rest, pitch p -> p - low + 1."""

    low: int
    high: int

    def __post_init__(self):
        check_int("low", self.low, low=1, high=127)
        check_int("high", self.high, low=self.low, high=127)

    @property
    def size(self) -> int:
        """V: rest plus high - low + 1 pitches."""
        return self.high - self.low + 2

    def encode(self, pitches) -> np.ndarray:
        """MIDI numbers (any shape, 0 = rest) -> ids; a pitch outside [low, high] raises."""
        p = as_numbers("pitches", pitches)
        if not np.issubdtype(p.dtype, np.integer):
            raise TypeError(f"pitches: expected integer MIDI pitches, got dtype {p.dtype}")
        sounding = p[p != REST]
        if sounding.size and (sounding.min() < self.low or sounding.max() > self.high):
            raise ValueError(f"pitches: expected rests (0) or pitches in [{self.low}, {self.high}], "
                             f"got {sounding.min()}..{sounding.max()}")
        return np.where(p == REST, 0, p - self.low + 1).astype(np.int64)

    def decode(self, ids) -> np.ndarray:
        """ids (any shape) -> MIDI numbers, 0 = rest."""
        i = as_numbers("ids", ids)
        if not np.issubdtype(i.dtype, np.integer) or (i.size and (i.min() < 0 or i.max() >= self.size)):
            raise ValueError(f"ids: expected integer ids in [0, {self.size - 1}], got {i!r:.60}")
        return np.where(i == 0, REST, i + self.low - 1).astype(np.int64)


def pitch_vocabulary(pitches) -> PitchVocabulary:
    """The vocabulary of rest + every pitch from the lowest to the highest sounding in ``pitches`` (T, 4)."""
    p = check_pitches("pitches", pitches)
    sounding = p[p != REST]
    check_nonempty("pitches (sounding notes)", sounding)
    return PitchVocabulary(int(sounding.min()), int(sounding.max()))


def split_chorales(n, val_fraction=0.1, test_fraction=0.1, seed=0):
    """Indices of ``n`` chorales shuffled by ``seed`` and cut into (train, val, test), each sorted.

    Whole pieces are held out: no bar of a validation or test chorale is seen in training."""
    n = check_int("n", n, low=3)
    val_fraction = check_number("val_fraction", val_fraction, low=0.0, high=0.5)
    test_fraction = check_number("test_fraction", test_fraction, low=0.0, high=0.5)
    order = np.random.default_rng(check_seed(seed)).permutation(n)
    n_val, n_test = max(1, round(n * val_fraction)), max(1, round(n * test_fraction))
    parts = order[n_val + n_test:], order[:n_val], order[n_val:n_val + n_test]
    return tuple(np.sort(part) for part in parts)


def melody_overlap(pitches, others, n=16) -> float:
    """Share of the soprano's phrases of ``n`` steps (16: two bars of 4/4) in ``pitches`` (T, 4) that
    occur, note for note, in the soprano of one of ``others`` (a list of (T', 4) arrays). Bach
    harmonised many hymn tunes several times, so a held-out chorale can sing a tune the model has
    heard: 1.0 is a known tune, 0 a new one."""
    p = check_pitches("pitches", pitches)
    n = check_int("n", n, low=1)
    if not isinstance(others, (list, tuple)) or not others:
        raise TypeError(f"others: expected a non-empty list of (T, 4) pitch arrays, "
                        f"got {type(others).__name__}")
    if p.shape[0] < n:
        raise ValueError(f"pitches: expected at least n={n} steps, got {p.shape[0]}")
    seen = set()
    for o in others:
        s = check_pitches("others", o)[:, 0]
        seen.update(s[i:i + n].tobytes() for i in range(s.size - n + 1))
    s = p[:, 0]
    return float(np.mean([s[i:i + n].tobytes() in seen for i in range(s.size - n + 1)]))


def repeat_accuracy(tokens, lag=N_VOICES) -> float:
    """Accuracy of predicting each target tokens[4:] by the token ``lag`` back (4: the same voice's
    previous note; 1: the voice just above, or the bass of the previous step for a soprano)."""
    tokens = check_tokens("tokens", tokens)
    lag = check_int("lag", lag, low=1, high=FIRST_TARGET)
    return float(np.mean(tokens[FIRST_TARGET:] == tokens[FIRST_TARGET - lag:tokens.size - lag]))


def _check_lags(lags) -> tuple[int, ...]:
    if not isinstance(lags, (tuple, list)) or not lags:
        raise TypeError(f"lags: expected a non-empty tuple of lags in [1, {FIRST_TARGET}], got {lags!r}")
    return tuple(check_int("lags", lag, low=1, high=FIRST_TARGET) for lag in lags)


def _contexts(tokens, lags, V):
    """(L - 4,) context index of each target: voice, then the tokens ``lags`` back, in base V."""
    t = np.arange(FIRST_TARGET, tokens.size)
    index = t % N_VOICES
    for lag in lags:
        index = index * V + tokens[t - lag]
    return index


def fit_voice_ngram(streams, vocab_size, lags=(N_VOICES,), k=0.1) -> np.ndarray:
    """P(x_t | voice of t, x_{t-lag} for each lag) from counts over ``streams`` (a list of (4T,) ids),
    add-``k`` smoothed: an array (4 * V ** len(lags), V) whose row is the context of ``_contexts``."""
    if not isinstance(streams, (list, tuple)) or not streams:
        raise TypeError(f"streams: expected a non-empty list of (4T,) token arrays, "
                        f"got {type(streams).__name__}")
    V = check_int("vocab_size", vocab_size, low=2)
    lags = _check_lags(lags)
    k = check_number("k", k, low=0.0)
    if k <= 0:
        raise ValueError(f"k: expected a number > 0 (a zero count would cost infinitely many bits), got {k}")
    counts = np.full((N_VOICES * V ** len(lags), V), k)
    for s in streams:
        s = check_tokens("streams", s, V)
        np.add.at(counts, (_contexts(s, lags, V), s[FIRST_TARGET:]), 1.0)
    return counts / counts.sum(axis=1, keepdims=True)


def ngram_probs(table, tokens, lags=(N_VOICES,)) -> np.ndarray:
    """(L - 4, V) the table's distribution for each target tokens[4:] of one stream."""
    table = as_numbers("table", table, ndim=2)
    if (table < 0).any():
        raise ValueError(f"table: expected probabilities >= 0 (from fit_voice_ngram), "
                         f"got a minimum of {table.min()}")
    lags = _check_lags(lags)
    V = table.shape[1]
    if table.shape[0] != N_VOICES * V ** len(lags):
        raise ValueError(f"table: expected {N_VOICES * V ** len(lags)} rows for lags {lags} and V = {V}, "
                         f"got {table.shape[0]}")
    tokens = check_tokens("tokens", tokens, V)
    return table[_contexts(tokens, lags, V)]


def score(probs, targets) -> dict:
    """{"accuracy": argmax == target, "bits": mean -log2 P(target)} of (N, V) probabilities."""
    p = as_numbers("probs", probs, ndim=2)
    y = as_numbers("targets", targets, ndim=1)
    if (p < 0).any():
        raise ValueError(f"probs: expected probabilities >= 0, got a minimum of {p.min()}")
    if not np.issubdtype(y.dtype, np.integer):
        raise TypeError(f"targets: expected integer ids, got dtype {y.dtype}")
    if y.shape[0] != p.shape[0] or (y.size and (y.min() < 0 or y.max() >= p.shape[1])):
        raise ValueError(f"targets: expected {p.shape[0]} ids in [0, {p.shape[1] - 1}] (one a row of probs), "
                         f"got {y.shape[0]} ids {y!r:.60}")
    py = p[np.arange(y.size), y]
    if (py <= 0).any():
        raise ValueError("probs: a target got probability 0 (infinitely many bits); smooth the model")
    return {"accuracy": float(np.mean(p.argmax(axis=1) == y)), "bits": float(-np.mean(np.log2(py)))}


def ngram_step_fn(table, lags=(N_VOICES,)):
    """A step function (ids, state) -> (logits (1, V), state) for ``sampling.sample_text`` that
    predicts with the n-gram ``table``: the state is (tokens read so far, up to the last 4). Before
    4 tokens have been read it answers uniform logits (a prompt covers them)."""
    table = as_numbers("table", table, ndim=2)
    lags = _check_lags(lags)
    V = table.shape[1]
    if table.shape[0] != N_VOICES * V ** len(lags) or (table < 0).any():
        raise ValueError(f"table: expected {N_VOICES * V ** len(lags)} rows of probabilities for lags "
                         f"{lags} and V = {V}, got {table.shape}")
    log_table = np.log(np.maximum(table, 1e-300))

    def step(ids, state=None):
        ids = as_numbers("ids", ids, ndim=1)
        if not np.issubdtype(ids.dtype, np.integer) or ids.size != 1 or not 0 <= ids[0] < V:
            raise ValueError(f"ids: expected one integer id in [0, {V - 1}], got {ids}")
        t, recent = (0, ()) if state is None else state
        recent = (recent + (int(ids[0]),))[-FIRST_TARGET:]
        t += 1                                                    # the position of the token to predict
        if len(recent) < FIRST_TARGET:
            return np.zeros((1, V)), (t, recent)
        row = t % N_VOICES
        for lag in lags:
            row = row * V + recent[-lag]
        return log_table[row][None], (t, recent)

    return step


def sample_continuation(step_fn, vocab, opening, steps=32, temperature=1.0, top_k=None, seed=0) -> np.ndarray:
    """(steps, 4) MIDI pitches drawn after ``opening`` (T0, 4) by a step function over token ids
    (``ngram_step_fn``, or ``models.language.reference_step_fn`` of a model): the opening's tokens
    read one at a time, then 4 · steps tokens sampled at ``temperature``, the state kept."""
    if not isinstance(vocab, PitchVocabulary):
        raise TypeError(f"vocab: expected a PitchVocabulary, got {vocab!r:.60}")
    opening = check_pitches("opening", opening)                            # (T0, 4)
    sounding = opening[opening != REST]
    if sounding.size and (sounding.min() < vocab.low or sounding.max() > vocab.high):
        raise ValueError(f"opening: expected rests (0) or pitches in [{vocab.low}, {vocab.high}] (the "
                         f"vocabulary), got {sounding.min()}..{sounding.max()}")
    steps = check_positive_int("steps", steps)
    if not callable(step_fn):
        raise TypeError(f"step_fn: expected a function (ids, state) -> (logits, state), "
                        f"got {type(step_fn).__name__}")

    def checked_step(ids, state):                 # logits over another vocabulary would sample wrong pitches
        try:                                      # ids are the vocabulary's: an error is the step function's
            logits, state = step_fn(ids, state)
        except (TypeError, ValueError) as exc:
            raise type(exc)(f"step_fn: failed on id {int(ids[0])} of the vocabulary's {vocab.size} ids "
                            f"({exc})") from exc
        if np.ndim(logits) == 2 and np.shape(logits)[1] != vocab.size:
            raise ValueError(f"step_fn: expected logits over the vocabulary's {vocab.size} ids, "
                             f"got shape {np.shape(logits)}")
        return logits, state

    ids = sample_text(checked_step, vocab.encode(opening.reshape(-1)), steps * N_VOICES,
                      temperature=temperature, top_k=top_k, seed=seed)
    return vocab.decode(ids.reshape(-1, N_VOICES))
