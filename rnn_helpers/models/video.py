"""The two video models: a ConvLSTM2D next-frame predictor and a per-frame CNN feeding a GRU.

    model = build_frame_predictor(filters=8, kernel=3, seed=0)     # frames (B, T, 16, 16, 1) -> next frames
    history = train_frame_predictor(model, clips.frames, val.frames, epochs=8)
    future = predict_ahead(model, test.frames[:, :5], horizon=5)   # (N, 5, 16, 16): fed its own output

    model = build_direction_model("gru", seed=0)                   # or "average": the frames, unordered
    history = train_direction_model(model, moves.frames, moves.directions, val.frames, val.directions)
    probs = predict_directions(model, test.frames)                  # (N, 4) over video.DIRECTIONS

The frame predictor's layers are named ``convlstm`` and ``readout`` (``reference.convlstm`` reads
their weights); the direction model's ``frame_cnn`` (one small CNN applied to every frame, the same
weights), ``mix`` (a GRU named ``rnn``, or the average over frames) and ``logits``. Importing this
module imports Keras: call ``setup_notebook()`` first.
"""

from __future__ import annotations

import keras
import numpy as np

from rnn_helpers._checks import (
    as_numbers,
    check_choice,
    check_int,
    check_positive_int,
    check_positive_number,
    check_seed,
)
from rnn_helpers.datasets.video import CANVAS, DIRECTIONS
from rnn_helpers.models.layers import derived_seed, recurrent_layer
from rnn_helpers.video import check_frames

MIXERS = ("gru", "average")


def build_frame_predictor(*, canvas=CANVAS, filters=8, kernel=3, seed=0, learning_rate=1e-2) -> keras.Model:
    """frames (B, T, canvas, canvas, 1) -> ConvLSTM2D(filters, kernel, same, every step) -> Conv3D(1,
    (1, 3, 3), sigmoid): the predicted next frame after each step, (B, T, canvas, canvas, 1).

    Compiled with Adam(learning_rate) and binary cross-entropy per pixel (the pixels are in [0, 1]);
    mean squared error is tracked too. T is free; ConvLSTM2D needs the frame size up front.
    """
    filters, kernel = check_positive_int("filters", filters), check_int("kernel", kernel, low=1)
    if kernel % 2 == 0:
        raise ValueError(f"kernel: expected an odd size (a 'same' convolution centred on each pixel), "
                         f"got {kernel}")
    learning_rate = check_positive_number("learning_rate", learning_rate)
    canvas = check_int("canvas", canvas, low=2)
    keras.utils.set_random_seed(check_seed(seed))
    frames = keras.Input(shape=(None, canvas, canvas, 1), name="frames")
    h = keras.layers.ConvLSTM2D(filters, kernel, padding="same", return_sequences=True, name="convlstm",
                                kernel_initializer=keras.initializers.GlorotUniform(derived_seed(seed, "k")),
                                recurrent_initializer=keras.initializers.Orthogonal(
                                    seed=derived_seed(seed, "r")))(frames)
    out = keras.layers.Conv3D(1, (1, 3, 3), padding="same", activation="sigmoid", name="readout",
                              kernel_initializer=keras.initializers.GlorotUniform(
                                  derived_seed(seed, "readout")))(h)
    model = keras.Model(frames, out, name="frame_predictor")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy", metrics=["mse"])
    return model


def _check_model(model, name, kind):
    if not isinstance(model, keras.Model):
        raise TypeError(f"model: expected the keras.Model of {name}(), got {type(model).__name__}")
    try:
        model.get_layer(kind)
    except ValueError:
        raise ValueError(f"model: expected the model of {name}() (a layer named {kind!r}), got "
                         f"{model.name!r} with layers {[layer.name for layer in model.layers]}") from None


def _check_size(model, name, x):
    """``x`` (N, T, H, W) if its frames have the model's size, else an error naming ``name``."""
    want = tuple(model.input_shape[2:4])
    if tuple(x.shape[2:4]) != want:
        raise ValueError(f"{name}: expected frames of {want[0]} x {want[1]} pixels (the model's canvas), "
                         f"got shape {x.shape}")
    return x


def train_frame_predictor(model, frames, val_frames, *, epochs=8, batch_size=32) -> dict:
    """Fit every step's output to the next frame (inputs frames[:, :-1], targets frames[:, 1:]);
    shuffled, seeded by the builder. Returns the history as lists of floats per epoch."""
    _check_model(model, "build_frame_predictor", "convlstm")
    x = _check_size(model, "frames", check_frames("frames", frames, min_frames=2))[..., None]
    xv = _check_size(model, "val_frames", check_frames("val_frames", val_frames, min_frames=2))[..., None]
    epochs, batch_size = check_positive_int("epochs", epochs), check_positive_int("batch_size", batch_size)
    history = model.fit(x[:, :-1], x[:, 1:], validation_data=(xv[:, :-1], xv[:, 1:]), epochs=epochs,
                        batch_size=batch_size, shuffle=True, verbose=0)
    return {k: [float(v) for v in vals] for k, vals in history.history.items()}


def next_frames(model, frames) -> np.ndarray:
    """The model's prediction of frame t + 1 after reading frames 0..t, for every t: (N, T, H, W) float32."""
    _check_model(model, "build_frame_predictor", "convlstm")
    x = _check_size(model, "frames", check_frames("frames", frames))[..., None]
    return np.concatenate([np.asarray(model(x[i:i + 256], training=False))[..., 0]
                           for i in range(0, len(x), 256)])


def predict_ahead(model, observed, horizon) -> np.ndarray:
    """``horizon`` frames after ``observed`` (N, T0, H, W), each predicted from the observed frames and
    the model's own earlier predictions (recursive: the sequence grows by one predicted frame a step,
    and the whole sequence is read again). Returns (N, horizon, H, W) float32."""
    _check_model(model, "build_frame_predictor", "convlstm")
    seq = _check_size(model, "observed", check_frames("observed", observed))
    horizon = check_positive_int("horizon", horizon)
    out = []
    for _ in range(horizon):
        nxt = next_frames(model, seq)[:, -1:]
        out.append(nxt)
        seq = np.concatenate([seq, nxt], axis=1)
    return np.concatenate(out, axis=1)


def build_direction_model(mixer="gru", *, canvas=CANVAS, filters=8, features=32, units=32, seed=0,
                          learning_rate=3e-3) -> keras.Model:
    """frames (B, T, canvas, canvas, 1) -> the same small CNN on every frame (TimeDistributed:
    Conv2D(filters, 3, relu) -> MaxPooling2D(2) -> Flatten -> Dense(features, relu)) -> ``mixer`` ->
    Dense(4) logits.

    ``mixer`` "gru": a GRU(units) reads the frame features in order and its last state is classified;
    "average": GlobalAveragePooling1D, the mean of the frame features, which is the same for any order
    of the frames. T is free; the frame size is fixed by ``canvas`` (the Dense layer reads every pixel
    of the pooled maps). Compiled with Adam(learning_rate), sparse cross-entropy from logits and accuracy.
    """
    mixer = check_choice("mixer", mixer, MIXERS)
    filters, features = check_positive_int("filters", filters), check_positive_int("features", features)
    units, canvas = check_positive_int("units", units), check_int("canvas", canvas, low=2)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    keras.utils.set_random_seed(check_seed(seed))
    frames = keras.Input(shape=(None, canvas, canvas, 1), name="frames")    # T free, the frame size fixed
    cnn = keras.Sequential([keras.layers.Conv2D(filters, 3, padding="same", activation="relu"),
                            keras.layers.MaxPooling2D(2), keras.layers.Flatten(),
                            keras.layers.Dense(features, activation="relu")], name="cnn")
    f = keras.layers.TimeDistributed(cnn, name="frame_cnn")(frames)                 # (B, T, features)
    if mixer == "gru":
        z = recurrent_layer("gru", units, seed=seed, name="rnn")(f)                  # (B, units)
    else:
        z = keras.layers.GlobalAveragePooling1D(name="average")(f)                   # (B, features)
    logits = keras.layers.Dense(len(DIRECTIONS), name="logits")(z)
    model = keras.Model(frames, logits, name=f"direction_{mixer}")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


def _check_directions(name, directions, n):
    d = as_numbers(name, directions, ndim=1)
    if not np.issubdtype(d.dtype, np.integer) or d.shape != (n,) or d.min() < 0 or d.max() >= len(DIRECTIONS):
        raise ValueError(f"{name}: expected {n} direction indices in 0..{len(DIRECTIONS) - 1} "
                         f"(one per clip, into {DIRECTIONS}), got shape {d.shape} of dtype {d.dtype}")
    return d.astype(np.int64)


def _is_direction_model(model):
    _check_model(model, "build_direction_model", "frame_cnn")


def train_direction_model(model, frames, directions, val_frames, val_directions, *, epochs=10,
                          batch_size=32) -> dict:
    """Fit the direction model on clips (N, T, H, W) and their direction indices; the history per epoch."""
    _is_direction_model(model)
    x = _check_size(model, "frames", check_frames("frames", frames))
    xv = _check_size(model, "val_frames", check_frames("val_frames", val_frames))
    y = _check_directions("directions", directions, len(x))
    yv = _check_directions("val_directions", val_directions, len(xv))
    epochs, batch_size = check_positive_int("epochs", epochs), check_positive_int("batch_size", batch_size)
    history = model.fit(x[..., None], y, validation_data=(xv[..., None], yv), epochs=epochs,
                        batch_size=batch_size, shuffle=True, verbose=0)
    return {k: [float(v) for v in vals] for k, vals in history.history.items()}


def predict_directions(model, frames) -> np.ndarray:
    """P(direction) for each clip (N, T, H, W): (N, 4) float64, columns in the order of ``DIRECTIONS``."""
    _is_direction_model(model)
    x = _check_size(model, "frames", check_frames("frames", frames))[..., None]
    z = np.concatenate([np.asarray(model(x[i:i + 256], training=False), dtype=np.float64)
                        for i in range(0, len(x), 256)])
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def frame_features(model, frames) -> np.ndarray:
    """What the per-frame CNN hands to the mixer: (N, T, features) float32, the input of the GRU."""
    _is_direction_model(model)
    x = _check_size(model, "frames", check_frames("frames", frames))[..., None]
    return np.asarray(model.get_layer("frame_cnn")(x, training=False), dtype=np.float32)


def frame_gradient(model, frames, directions) -> np.ndarray:
    """How much each frame moves the logit of the given direction: the mean over clips of
    ‖∂ logit / ∂ frame_t‖ (all pixels of frame t), (T,) float64, the first frame first."""
    import tensorflow as tf

    _is_direction_model(model)
    x = _check_size(model, "frames", check_frames("frames", frames))
    d = _check_directions("directions", directions, len(x))
    xt = tf.constant(x[..., None])
    with tf.GradientTape() as tape:
        tape.watch(xt)
        z = model(xt, training=False)
        picked = tf.reduce_sum(tf.gather(z, d, axis=1, batch_dims=1))   # clips are independent
    g = tape.gradient(picked, xt).numpy().astype(np.float64)             # (N, T, H, W, 1)
    return np.sqrt((g ** 2).sum(axis=(2, 3, 4))).mean(axis=0)
