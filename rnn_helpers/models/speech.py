"""The digit-string recogniser: log-mel frames -> two strided convolutions -> (Bidirectional) GRU ->
per-frame logits over the blank and the ten digits, trained with CTC.

    x = pad_features(clips.features, length=140)        # (N, 140, 32), silence after each clip
    y = digit_targets(clips.digits)                     # (N, 5) ids 1..10, 0 after the string
    model = build_ctc_model(units=64, bidirectional=True, seed=0)
    history = train_ctc_model(model, x, y, x_val, y_val, epochs=10)
    probs = frame_probs(model, x)                       # (N, 35, 11): one distribution per 80 ms
    transcribe(model, x)                                # ["314", ...] by greedy CTC decoding

The convolutions (stride 2 each) cut the frame rate by 4, to one output every 80 ms: long enough to
be cheap, short enough for a digit word (about 300 ms) to get several outputs. ``keras.losses.CTC``
counts every output frame, padding too: a clip is padded with silence, which the model learns to
read as blank. Importing this module imports Keras: call ``setup_notebook()`` first.
"""

from __future__ import annotations

import keras
import numpy as np

from rnn_helpers._checks import (
    as_array,
    as_numbers,
    check_bool,
    check_int,
    check_number,
    check_positive_int,
    check_positive_number,
    check_seed,
)
from rnn_helpers.audio import N_MELS
from rnn_helpers.ctc import N_LABELS, encode_digits, greedy_ctc_decode
from rnn_helpers.models.layers import recurrent_layer

DOWNSAMPLE = 4                     # input frames per output frame (two convolutions of stride 2)
SILENCE = -14.0                    # the log-mel value padding takes: below the quietest frame stored


def pad_features(features, length=None, value=SILENCE) -> np.ndarray:
    """A list of (frames_i, 32) clips -> (N, length, 32) float32, each clip followed by ``value``
    frames; ``length`` (a multiple of 4) defaults to the longest clip rounded up to one."""
    if not isinstance(features, (list, tuple)) or not features:
        raise TypeError(f"features: expected a non-empty list of (frames, {N_MELS}) arrays, "
                        f"got {type(features).__name__}")
    clips = [as_array("features", f, ndim=2, dtype=np.float32) for f in features]
    if any(f.shape[1] != N_MELS or f.shape[0] == 0 for f in clips):
        bad = next(f.shape for f in clips if f.shape[1] != N_MELS or f.shape[0] == 0)
        raise ValueError(f"features: expected clips of shape (frames >= 1, {N_MELS}), got {bad}")
    value = check_number("value", value)
    longest = max(f.shape[0] for f in clips)
    if length is None:
        length = -(-longest // DOWNSAMPLE) * DOWNSAMPLE
    length = check_int("length", length, low=DOWNSAMPLE)
    if length % DOWNSAMPLE or length < longest:
        raise ValueError(f"length: expected a multiple of {DOWNSAMPLE} of at least the longest clip "
                         f"({longest} frames), got {length}")
    out = np.full((len(clips), length, N_MELS), value, dtype=np.float32)
    for row, f in zip(out, clips):
        row[:f.shape[0]] = f
    return out


def digit_targets(digit_strings, length=None) -> np.ndarray:
    """Digit strings -> (N, length) int32 label ids (digit d is d + 1), 0 after each string."""
    if not isinstance(digit_strings, (list, tuple, np.ndarray)) or len(digit_strings) == 0:
        raise TypeError(f"digit_strings: expected a non-empty list of strings like '314', "
                        f"got {type(digit_strings).__name__}")
    ids = []
    for s in digit_strings:
        try:
            ids.append(encode_digits(s))
        except (TypeError, ValueError) as exc:
            raise type(exc)(f"digit_strings: {exc}") from None
    longest = max(i.size for i in ids)
    length = longest if length is None else check_int("length", length, low=longest)
    out = np.zeros((len(ids), length), dtype=np.int32)
    for row, i in zip(out, ids):
        row[:i.size] = i
    return out


def build_ctc_model(n_features=N_MELS, *, units=64, bidirectional=True, filters=64, seed=0,
                    learning_rate=3e-3) -> keras.Model:
    """(B, T, n_features) -> Conv1D(filters, 5, stride 2) -> Conv1D(filters, 3, stride 2) ->
    [Bidirectional] GRU(units, every step) -> Dense(11): logits (B, T / 4, 11), compiled with CTC."""
    D = check_positive_int("n_features", n_features)
    H, F = check_positive_int("units", units), check_positive_int("filters", filters)
    check_bool("bidirectional", bidirectional)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    keras.utils.set_random_seed(check_seed(seed))
    frames = keras.Input(shape=(None, D), name="log_mel")                                   # (B, T, D)
    h = keras.layers.Conv1D(F, 5, strides=2, padding="same", activation="relu", name="conv1")(frames)
    h = keras.layers.Conv1D(F, 3, strides=2, padding="same", activation="relu", name="conv2")(h)  # T/4
    rnn = recurrent_layer("gru", H, seed=seed, return_sequences=True)
    h = (keras.layers.Bidirectional(rnn, name="rnn") if bidirectional else rnn)(h)     # (B, T/4, [2]H)
    logits = keras.layers.Dense(N_LABELS, name="logits")(h)                            # (B, T/4, 11)
    model = keras.Model(frames, logits, name="ctc_bigru" if bidirectional else "ctc_gru")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=keras.losses.CTC())
    return model


def _check_ctc_model(model) -> int:
    if not isinstance(model, keras.Model):
        raise TypeError(f"model: expected a Keras model from build_ctc_model, got {type(model).__name__}")
    if model.output_shape[-1] != N_LABELS or len(model.input_shape) != 3:
        raise ValueError(f"model: expected (B, T, D) -> (B, T/4, {N_LABELS}) logits (build_ctc_model), "
                         f"got {model.input_shape} -> {model.output_shape}")
    return model.input_shape[-1]


def _check_frames(name, x, D):
    x = as_array(name, x, ndim=3, dtype=np.float32)
    if x.shape[2] != D or x.shape[1] < DOWNSAMPLE or x.shape[1] % DOWNSAMPLE or x.shape[0] == 0:
        raise ValueError(f"{name}: expected (N >= 1, T, {D}) frames with T a multiple of {DOWNSAMPLE} "
                         f"(pad_features), got {x.shape}")
    return x


def _check_targets(name, t, frames) -> np.ndarray:
    """``t`` (N, L) int digit ids, each row a non-empty string then zeros, that fits the output frames."""
    t = as_numbers(name, t, ndim=2)
    if not np.issubdtype(t.dtype, np.integer):
        raise TypeError(f"{name}: expected integer digit ids (digit_targets), got dtype {t.dtype}")
    n, outputs = frames.shape[0], frames.shape[1] // DOWNSAMPLE
    if t.shape[0] != n or t.shape[1] == 0:
        raise ValueError(f"{name}: expected ({n}, L >= 1) digit ids, one row a clip (digit_targets), "
                         f"got shape {t.shape}")
    labelled = t != 0
    gap = (np.diff(labelled.astype(np.int8), axis=1) > 0).any()                  # a digit after a 0
    if t.min() < 0 or t.max() >= N_LABELS or not labelled[:, 0].all() or gap:
        raise ValueError(f"{name}: expected each row digit ids in [1, {N_LABELS - 1}] then only 0s "
                         f"(digit_targets), got {t[0]!r:.60} ...")
    needed = labelled.sum(axis=1) + (labelled[:, 1:] & (t[:, 1:] == t[:, :-1])).sum(axis=1)
    if needed.max() > outputs:
        raise ValueError(f"{name}: a string needs {needed.max()} output frames (a blank between repeated "
                         f"digits) but the {frames.shape[1]} input frames give {outputs}")
    return t.astype(np.int32)


def train_ctc_model(model, x, y, x_val, y_val, *, epochs=10, batch_size=32) -> dict:
    """Fit with the CTC loss (shuffled, seeded by the builder's seed); returns History.history."""
    D = _check_ctc_model(model)
    x, x_val = _check_frames("x", x, D), _check_frames("x_val", x_val, D)
    y, y_val = _check_targets("y", y, x), _check_targets("y_val", y_val, x_val)
    epochs, batch_size = check_positive_int("epochs", epochs), check_positive_int("batch_size", batch_size)
    return model.fit(x, y, validation_data=(x_val, y_val),
                     epochs=epochs, batch_size=batch_size, verbose=0).history


def frame_probs(model, x, batch_size=256) -> np.ndarray:
    """(N, T / 4, 11) float64 softmax of the model's logits: P(blank), P(0), ..., P(9) at each output."""
    D = _check_ctc_model(model)
    x = _check_frames("x", x, D)
    batch_size = check_positive_int("batch_size", batch_size)
    z = np.concatenate([np.asarray(model(x[a:a + batch_size], training=False), dtype=np.float64)
                        for a in range(0, len(x), batch_size)])
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def transcribe(model, x) -> list[str]:
    """The digit string of each clip of ``x`` (N, T, D), by greedy CTC decoding."""
    return greedy_ctc_decode(frame_probs(model, x))
