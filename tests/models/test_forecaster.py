"""The GRU forecaster: its shapes, that it learns a seasonal wave, and the gradient by lag."""

import numpy as np

from rnn_helpers.forecasting import make_windows
from rnn_helpers.models.forecaster import (
    build_forecaster,
    input_gradient_by_lag,
    predict_windows,
    train_forecaster,
)


def test_shapes_and_a_wave_learned():
    z = np.sin(2 * np.pi * np.arange(400) / 12)
    train, val = make_windows(z, 12, 3, part=(0, 300)), make_windows(z, 12, 3, part=(300, 400))
    model = build_forecaster(12, 3, units=8, seed=0)
    assert model.count_params() == 3 * (8 * (1 + 8 + 2)) + 8 * 3 + 3      # GRU (reset_after) + Dense
    hist = train_forecaster(model, train.x, train.y, val.x, val.y, epochs=15, batch_size=32)
    assert len(hist["val_loss"]) == 15 and hist["val_loss"][-1] < 0.2 * hist["val_loss"][0]
    assert predict_windows(model, val.x).shape == (len(val.x), 3)


def test_the_same_seed_gives_the_same_model():
    a, b = build_forecaster(6, 1, units=4, seed=3), build_forecaster(6, 1, units=4, seed=3)
    assert all(np.array_equal(u, v) for u, v in zip(a.get_weights(), b.get_weights()))


def test_gradient_by_lag_is_lag_zero_first():
    model = build_forecaster(5, 1, units=4, seed=0)
    x = np.random.default_rng(0).normal(size=(7, 5))
    g = input_gradient_by_lag(model, x)
    eps = 1e-2
    bumped = x.copy()
    bumped[:, -1] += eps                                                  # the last value = lag 0
    finite = np.abs((predict_windows(model, bumped) - predict_windows(model, x))[:, 0] / eps).mean()
    assert g.shape == (5,) and np.all(g >= 0)
    np.testing.assert_allclose(g[0], finite, rtol=0.05)
