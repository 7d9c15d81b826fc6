"""A small recurrent forecaster: a window of W past values in, the next H values out.

    model = build_forecaster(window=52, horizon=1, seed=0)       # Input (W, 1) -> GRU(32) -> Dense(H)
    history = train_forecaster(model, x_train, y_train, x_val, y_val, epochs=12)
    pred = predict_windows(model, x_test)                         # (N, H)
    g = input_gradient_by_lag(model, x_test)                      # (W,): |d ŷ_{o+1} / d x_{o-k}|, k = 0..W-1

horizon=1 is the one-step model (recursive forecasts feed it its own predictions); horizon=H is
the direct model (all H steps at once from one window).
"""

from __future__ import annotations

import keras
import numpy as np

from rnn_helpers._checks import as_array, check_positive_int, check_positive_number, check_seed
from rnn_helpers.models.layers import recurrent_layer


def build_forecaster(window, horizon=1, *, kind="gru", units=32, seed=0, learning_rate=3e-3) -> keras.Model:
    """Input (window, 1) -> ``kind`` recurrent layer (``units``) -> Dense(horizon); MSE, Adam."""
    window, horizon = check_positive_int("window", window), check_positive_int("horizon", horizon)
    units, seed = check_positive_int("units", units), check_seed(seed)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input(shape=(window, 1), name="window"),                  # (B, W, 1)
        recurrent_layer(kind, units, seed=seed, name="rnn"),            # (B, units): the last state
        keras.layers.Dense(horizon, name="next"),                       # (B, H)
    ], name=f"{kind}_forecaster_h{horizon}")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="mse")
    return model


def _check_model(model) -> tuple[int, int]:
    if not isinstance(model, keras.Model) or len(model.inputs) != 1 or len(model.inputs[0].shape) != 3:
        raise TypeError(f"model: expected a model from build_forecaster, got {type(model).__name__}")
    return int(model.inputs[0].shape[1]), int(model.outputs[0].shape[-1])


def _windows(name, x, window) -> np.ndarray:
    x = as_array(name, x, ndim=2, dtype=np.float32)
    if x.shape[1] != window or x.shape[0] == 0:
        raise ValueError(f"{name}: expected windows of shape (N, {window}) for this model, got {x.shape}")
    return x[..., None]


def _targets(name, y, n, horizon) -> np.ndarray:
    y = as_array(name, y, ndim=2, dtype=np.float32)
    if y.shape != (n, horizon):
        raise ValueError(f"{name}: expected targets of shape ({n}, {horizon}), got {y.shape}")
    return y


def train_forecaster(model, x_train, y_train, x_val, y_val, *, epochs=12, batch_size=64) -> dict:
    """Fit on windows (N, W) and targets (N, H), watching validation; returns {metric: per-epoch list}."""
    window, horizon = _check_model(model)
    xt, xv = _windows("x_train", x_train, window), _windows("x_val", x_val, window)
    yt = _targets("y_train", y_train, len(xt), horizon)
    yv = _targets("y_val", y_val, len(xv), horizon)
    epochs, batch_size = check_positive_int("epochs", epochs), check_positive_int("batch_size", batch_size)
    history = model.fit(xt, yt, validation_data=(xv, yv), epochs=epochs, batch_size=batch_size,
                        shuffle=True, verbose=0)
    return {k: [float(v) for v in vals] for k, vals in history.history.items()}


def predict_windows(model, x) -> np.ndarray:
    """The model's forecasts for windows x (N, W): (N, H) float64."""
    window, _ = _check_model(model)
    x = _windows("x", x, window)
    return np.concatenate([np.asarray(model(x[i: i + 512]), dtype=np.float64)
                           for i in range(0, len(x), 512)])


def input_gradient_by_lag(model, x) -> np.ndarray:
    """Mean |∂ŷ_{o+1} / ∂x_{o-k}| over windows x (N, W), for lags k = 0 (the last value) .. W-1: (W,)."""
    import tensorflow as tf

    window, _ = _check_model(model)
    xt = tf.constant(_windows("x", x, window))
    with tf.GradientTape() as tape:
        tape.watch(xt)
        total = tf.reduce_sum(model(xt)[:, 0])          # windows are independent: one backward pass
    g = np.abs(tape.gradient(total, xt).numpy()[..., 0])                   # (N, W), oldest first
    return g.mean(axis=0)[::-1].astype(np.float64)                          # lag 0 first
