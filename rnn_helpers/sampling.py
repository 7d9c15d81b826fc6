"""Sampling text from a character model: temperature, top-k, and the hidden state carried along.

    p = next_char_distribution(logits, temperature=0.8, top_k=5)     # (V,) probabilities
    ids = sample_text(step_fn, vocab.encode("ROMEO:"), 200, temperature=0.8, seed=0)
    print(vocab.decode(ids))

``step_fn(ids, state) -> (logits, state)`` reads one character per sequence, ids (B,), and
returns the logits of the next one, (B, V), and the new state; ``state`` None is the zero state.
``models.language.keras_step_fn(model)`` makes one from a trained Keras model. numpy only.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import (
    as_array,
    check_int,
    check_nonempty,
    check_number,
    check_positive_int,
    check_seed,
)
from rnn_helpers.datasets.chars import _check_ids


def next_char_distribution(logits, temperature=1.0, top_k=None) -> np.ndarray:
    """softmax(logits / temperature) over the last axis, keeping only the ``top_k`` largest logits.

    logits: (..., V) finite; temperature > 0 (below 1 sharpens, above 1 flattens; as it goes to 0 the
    distribution becomes the argmax); top_k: None (all V) or 1..V, the rest get probability 0 and
    the kept ones are renormalised. Returns float64 probabilities of the same shape.
    """
    z = as_array("logits", logits, dtype=np.float64)
    if z.ndim == 0:
        raise ValueError(f"logits: expected at least 1 dimension (..., V), got shape {z.shape}")
    check_nonempty("logits", z)
    temperature = check_number("temperature", temperature)
    if temperature <= 0:
        raise ValueError(f"temperature: expected a number > 0, got {temperature}")
    z = z / temperature                                                  # (..., V)
    if top_k is not None:
        V = z.shape[-1]
        top_k = check_int("top_k", top_k, low=1, high=V)
        kth = np.sort(z, axis=-1)[..., V - top_k, None]                  # (..., 1) the k-th largest
        z = np.where(z >= kth, z, -np.inf)                               # ties at the k-th are kept
    e = np.exp(z - z.max(axis=-1, keepdims=True))                        # stable: the largest is exp(0)
    return e / e.sum(axis=-1, keepdims=True)


def _step(step_fn, ids, state):
    logits, state = step_fn(np.asarray(ids, dtype=np.int32), state)
    logits = np.asarray(logits)
    if logits.ndim != 2 or logits.shape[0] != 1:
        raise ValueError(f"step_fn: expected logits of shape (1, V) for one sequence, got {logits.shape}")
    return logits[0], state


def sample_text(step_fn, start_ids, length, temperature=1.0, top_k=None, seed=0) -> np.ndarray:
    """``length`` ids sampled one at a time after ``start_ids``, the state carried between characters.

    The prompt ``start_ids`` (P,) is read one character at a time from the zero state; then each
    sampled character is fed back with the state it left, so the model remembers the whole text so
    far rather than only its last character. Returns the (length,) int64 sampled ids (the prompt
    not included). ``seed``: the numpy Generator that draws the characters.
    """
    if not callable(step_fn):
        raise TypeError(f"step_fn: expected a function (ids, state) -> (logits, state), "
                        f"got {type(step_fn).__name__}")
    start = _check_ids("start_ids", start_ids)
    check_nonempty("start_ids", start)
    length = check_positive_int("length", length)
    next_char_distribution(np.zeros(1), temperature)                     # checks temperature now
    rng = np.random.default_rng(check_seed(seed))
    state = None
    for i in start:                                                      # read the prompt
        logits, state = _step(step_fn, [i], state)
    out = np.empty(length, dtype=np.int64)
    for t in range(length):
        p = next_char_distribution(logits, temperature, top_k)          # (V,)
        out[t] = rng.choice(p.size, p=p)
        if t + 1 < length:
            logits, state = _step(step_fn, [out[t]], state)             # feed it back, keep the state
    return out
