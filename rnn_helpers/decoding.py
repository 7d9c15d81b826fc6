"""Decoding a sequence-to-sequence model at inference: greedy and beam search.

    ids = greedy_decode(log_prob_fn, src, length=10)                  # (B, 10): argmax, one step at a time
    beams = beam_search(log_prob_fn, src, length=10, beam_width=3)    # Beams: ids (B, K, 10), scores (B, K)

``log_prob_fn(src, dec_in) -> (B, t, V)`` gives log P(next id | source, dec_in[:, :t]) at every
decoder step (e.g. ``functools.partial(models.seq2seq.translator_log_probs, model)``); only the last
step is used, so it may return that step alone, (B, 1, V). At inference there is no target to read:
the decoder input is the start token followed by the model's own previous outputs. numpy only (the
model is behind ``log_prob_fn``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_helpers._checks import as_numbers, check_int, check_positive_int


def _check(log_prob_fn, src, length, start_id, end_id):
    if not callable(log_prob_fn):
        raise TypeError(f"log_prob_fn: expected a function (src, dec_in) -> (B, t, V) log-probabilities, "
                        f"got {type(log_prob_fn).__name__}")
    src = as_numbers("src", src, ndim=2)
    if src.shape[0] == 0:
        raise ValueError(f"src: expected at least one source sequence, got shape {src.shape}")
    if not np.issubdtype(src.dtype, np.integer):
        raise TypeError(f"src: expected integer ids, got dtype {src.dtype}")
    length = check_positive_int("length", length)
    start_id = check_int("start_id", start_id, low=0)
    if end_id is not None:
        end_id = check_int("end_id", end_id, low=0)
    return src, length, start_id, end_id


def _last_step(log_prob_fn, src, dec_in) -> np.ndarray:
    lp = np.asarray(log_prob_fn(src, dec_in), dtype=np.float64)
    if lp.ndim != 3 or lp.shape[0] != dec_in.shape[0] or lp.shape[1] not in (1, dec_in.shape[1]):
        raise ValueError(f"log_prob_fn: expected log-probabilities of shape (B, t, V) = "
                         f"({dec_in.shape[0]}, {dec_in.shape[1]}, V) or (B, 1, V), got {lp.shape}")
    return np.array(lp[:, -1])                                           # (B, V) the next id's, a copy


def greedy_decode(log_prob_fn, src, *, length, start_id=0, end_id=None) -> np.ndarray:
    """The most probable next id at every step, fed back as the next input: (B, length) ids.

    After ``end_id`` (if given) a sequence keeps emitting ``end_id``.
    """
    src, length, start_id, end_id = _check(log_prob_fn, src, length, start_id, end_id)
    dec_in = np.full((len(src), 1), start_id, dtype=np.int32)           # (B, 1): the start token
    for _ in range(length):
        nxt = _last_step(log_prob_fn, src, dec_in).argmax(axis=-1)      # (B,) argmax_v log P(v | ...)
        if end_id is not None:
            nxt = np.where(dec_in[:, -1] == end_id, end_id, nxt) if dec_in.shape[1] > 1 else nxt
        dec_in = np.concatenate([dec_in, nxt[:, None].astype(np.int32)], axis=1)
    return dec_in[:, 1:]


@dataclass(frozen=True)
class Beams:
    """Beam search's result: ids (B, K, length), scores (B, K) the summed log-probabilities, best first."""

    ids: np.ndarray
    scores: np.ndarray

    @property
    def best(self) -> np.ndarray:
        """(B, length): the highest-scoring hypothesis of each source."""
        return self.ids[:, 0]


def beam_search(log_prob_fn, src, *, length, beam_width, start_id=0, end_id=None) -> Beams:
    """Keep the ``beam_width`` most probable prefixes at every step (summed log-probabilities).

    Each step extends every kept prefix by every id (K * V candidates per source) and keeps the best K.
    A prefix that emitted ``end_id`` is finished: it can only continue with ``end_id``, at no cost.
    With beam_width=1 this is greedy decoding.
    """
    src, length, start_id, end_id = _check(log_prob_fn, src, length, start_id, end_id)
    K = check_positive_int("beam_width", beam_width)
    B = len(src)
    src_k = np.repeat(src, K, axis=0)                                    # (B*K, Ts): each source K times
    ids = np.full((B, K, 1), start_id, dtype=np.int32)                   # (B, K, t+1) prefixes
    scores = np.full((B, K), -np.inf)
    scores[:, 0] = 0.0                                                   # one live prefix at the start
    for t in range(length):
        lp = _last_step(log_prob_fn, src_k, ids.reshape(B * K, -1)).reshape(B, K, -1)   # (B, K, V)
        V = lp.shape[-1]
        if end_id is not None and t > 0:
            done = ids[:, :, -1] == end_id                               # (B, K) finished prefixes
            lp[done] = -np.inf
            lp[done, end_id] = 0.0
        cand = (scores[:, :, None] + lp).reshape(B, K * V)               # (B, K*V) every extension
        top = np.argsort(-cand, axis=1, kind="stable")[:, :K]            # (B, K) best K, ties: lower id
        scores = np.take_along_axis(cand, top, axis=1)
        parent, token = top // V, top % V
        ids = np.concatenate([np.take_along_axis(ids, parent[:, :, None], axis=1),
                              token[:, :, None].astype(np.int32)], axis=2)
    return Beams(ids[:, :, 1:], scores)
