"""The next-note model of the chorales: token ids -> Embedding -> LSTM (every step) -> Dense logits.

    model = build_music_model(vocab.size, units=96, seed=0)
    x, y = token_windows(train_streams, length=64)                  # (N, 64) inputs and next tokens
    history = train_music_model(model, x, y, x_val, y_val, epochs=4)
    probs = stream_probs(model, tokens)                              # (L - 4, V) for the targets tokens[4:]
    pitches = continue_chorale(model, vocab, opening, steps=32, temperature=0.8, seed=0)   # (32, 4)

Layers are named ``embedding``, ``rnn``, ``logits`` as in ``models.language``, so its step functions
(``reference_step_fn``) and ``sampling.sample_text`` work on it unchanged. Importing this module
imports Keras: call ``setup_notebook()`` first.
"""

from __future__ import annotations

import keras
import numpy as np

from rnn_helpers._checks import as_numbers, check_int, check_positive_int, check_positive_number, check_seed
from rnn_helpers.models.language import _check_char_model, reference_step_fn
from rnn_helpers.models.layers import recurrent_layer
from rnn_helpers.music import FIRST_TARGET, N_VOICES, PitchVocabulary, check_tokens, sample_continuation


def build_music_model(vocab_size, *, embed_dim=16, units=96, seed=0, learning_rate=5e-3) -> keras.Model:
    """ids (B, T) -> Embedding(V, embed_dim) -> LSTM(units, every step) -> Dense(V): logits (B, T, V).

    Compiled with Adam(learning_rate), cross-entropy from logits (nats per token) and accuracy.
    T is free, so a model trained on windows reads a whole chorale. Same call, same weights.
    """
    V = check_positive_int("vocab_size", vocab_size)
    E, H = check_positive_int("embed_dim", embed_dim), check_positive_int("units", units)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    keras.utils.set_random_seed(check_seed(seed))
    ids = keras.Input(shape=(None,), dtype="int32", name="ids")                         # (B, T)
    e = keras.layers.Embedding(V, E, name="embedding")(ids)                             # (B, T, E)
    h = recurrent_layer("lstm", H, seed=seed, return_sequences=True, name="rnn")(e)     # (B, T, H)
    logits = keras.layers.Dense(V, name="logits")(h)                                    # (B, T, V)
    model = keras.Model(ids, logits, name="chorale_lstm")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


def token_windows(streams, length=64) -> tuple[np.ndarray, np.ndarray]:
    """Windows of ``length`` tokens from each stream (4T,), starting at soprano tokens, stride ``length``:
    x (N, length) and y (N, length), y the next token of each x. A stream's tail shorter than a window
    is dropped; windows never cross from one chorale into the next."""
    if not isinstance(streams, (list, tuple)) or not streams:
        raise TypeError(f"streams: expected a non-empty list of (4T,) token arrays, "
                        f"got {type(streams).__name__}")
    length = check_int("length", length, low=N_VOICES)
    if length % N_VOICES:
        raise ValueError(f"length: expected a multiple of {N_VOICES} (whole time steps), got {length}")
    xs, ys = [], []
    for s in streams:
        s = check_tokens("streams", s)
        for a in range(0, s.size - length, length):
            xs.append(s[a:a + length])
            ys.append(s[a + 1:a + length + 1])
    if not xs:
        raise ValueError(f"streams: expected at least one stream longer than length={length} tokens")
    return np.stack(xs), np.stack(ys)


def train_music_model(model, x, y, x_val, y_val, *, epochs=4, batch_size=32) -> dict:
    """Fit on windows (shuffled; seeded by the builder's seed); returns History.history per epoch."""
    V = _check_char_model(model)
    for name, arr in (("x", x), ("y", y), ("x_val", x_val), ("y_val", y_val)):
        a = as_numbers(name, arr, ndim=2)
        if not np.issubdtype(a.dtype, np.integer) or a.size == 0 or a.min() < 0 or a.max() >= V:
            raise ValueError(f"{name}: expected non-empty (N, T) integer ids in [0, {V - 1}], got {a.shape}")
    if np.shape(x) != np.shape(y) or np.shape(x_val) != np.shape(y_val):
        raise ValueError(f"y: expected the shape of x, got {np.shape(y)} for {np.shape(x)} "
                         f"(validation {np.shape(y_val)} for {np.shape(x_val)})")
    epochs, batch_size = check_positive_int("epochs", epochs), check_positive_int("batch_size", batch_size)
    return model.fit(x, y, validation_data=(x_val, y_val), epochs=epochs, batch_size=batch_size,
                     verbose=0).history


def stream_probs(model, tokens) -> np.ndarray:
    """(L - 4, V) float64 P(next token) for the targets tokens[4:] of one whole stream (4T,), read
    from the zero state (a direct call: no ``predict``)."""
    return streams_probs(model, [tokens], name="tokens")[0]


def streams_probs(model, streams, *, name="streams") -> list[np.ndarray]:
    """``stream_probs`` of each stream of a list, in one call: the streams are padded at the end to
    the longest (the LSTM reads left to right, so padding after a stream cannot change its outputs)
    and run as one batch, which traces the model once instead of once per length."""
    V = _check_char_model(model)
    if not isinstance(streams, (list, tuple)) or not streams:
        raise TypeError(f"{name}: expected a non-empty list of (4T,) token arrays, "
                        f"got {type(streams).__name__}")
    streams = [check_tokens(name, s, V) for s in streams]
    n = max(s.size for s in streams) - 1
    ids = np.zeros((len(streams), n), dtype="int32")
    for row, s in zip(ids, streams):
        row[:s.size - 1] = s[:-1]
    z = np.asarray(model(ids, training=False), dtype=np.float64)             # (B, n, V)
    out = []
    for zi, s in zip(z, streams):
        zi = zi[FIRST_TARGET - 1:s.size - 1]                                 # the targets s[4:]
        e = np.exp(zi - zi.max(axis=1, keepdims=True))
        out.append(e / e.sum(axis=1, keepdims=True))
    return out


def continue_chorale(model, vocab, opening, steps=32, temperature=1.0, top_k=None, seed=0) -> np.ndarray:
    """(steps, 4) MIDI pitches sampled after ``opening`` (T0, 4): the opening's tokens read one at a
    time, then 4 · steps tokens drawn at ``temperature`` (``music.sample_continuation`` with the
    model's numpy step function), the state kept."""
    V = _check_char_model(model)
    if not isinstance(vocab, PitchVocabulary):
        raise TypeError(f"vocab: expected the PitchVocabulary of the model (size {V}), got {vocab!r:.60}")
    if vocab.size != V:
        raise ValueError(f"vocab: expected the model's vocabulary of size {V}, "
                         f"got {vocab!r} of size {vocab.size}")
    return sample_continuation(reference_step_fn(model), vocab, opening, steps, temperature, top_k, seed)
