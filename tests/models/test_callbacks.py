"""GradientNormHistory records the same norms as a direct GradientTape at the same weights."""

import numpy as np
import pytest


def _tiny_model(seed=0):
    import keras

    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input(shape=(6, 2)), keras.layers.SimpleRNN(4, name="rnn"),
                              keras.layers.Dropout(0.5, name="drop"), keras.layers.Dense(1, name="out")])
    model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
    return model


def _data(n=32, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 6, 2)).astype(np.float32)
    return x, x[:, :, 0].sum(axis=1, keepdims=True)


def _direct_norms(model, x, y):
    import tensorflow as tf

    with tf.GradientTape() as tape:
        pred = model(x, training=False)
        loss = tf.reduce_mean((tf.constant(y) - pred) ** 2)        # mse, written out
    grads = tape.gradient(loss, model.trainable_weights)
    by_var = {id(v): g.numpy() for v, g in zip(model.trainable_weights, grads)}
    out = {layer.name: np.sqrt(sum(np.sum(by_var[id(v)] ** 2) for v in layer.trainable_weights))
           for layer in model.layers if layer.trainable_weights}
    total = np.sqrt(sum(np.sum(g ** 2) for g in by_var.values()))
    return out, total


def test_records_every_kth_step_and_matches_a_direct_tape():
    from rnn_helpers.models.callbacks import GradientNormHistory

    model = _tiny_model()
    x, y = _data()
    probe = GradientNormHistory(x[:8], y[:8], every=2, at_start=True)
    model.fit(x, y, batch_size=8, epochs=2, callbacks=[probe], verbose=0)   # 4 steps per epoch
    assert probe.steps == [0, 2, 4, 6, 8]
    assert list(probe.norms) == ["rnn", "out"]                 # Dropout has no weights
    steps, norms = probe.as_arrays()
    assert steps.dtype == np.int64 and all(v.shape == (5,) for v in norms.values())
    assert np.all(np.isfinite(probe.total)) and np.all(np.array(probe.total) > 0)
    assert probe.nonfinite_steps == []
    direct, total = _direct_norms(model, x[:8], y[:8])         # weights after the last step
    for name, value in direct.items():
        assert norms[name][-1] == pytest.approx(value, rel=1e-5)
    assert probe.total[-1] == pytest.approx(total, rel=1e-5)
    total_from_layers = np.sqrt(sum(v[-1] ** 2 for v in norms.values()))
    assert probe.total[-1] == pytest.approx(total_from_layers, rel=1e-6)


def test_notes_nonfinite_gradients():
    from rnn_helpers.models.callbacks import GradientNormHistory

    model = _tiny_model()
    x, y = _data()
    weights = model.get_layer("out").get_weights()
    weights[0][0, 0] = np.nan                                   # a broken model: every gradient is NaN
    model.get_layer("out").set_weights(weights)
    probe = GradientNormHistory(x[:8], y[:8], every=1)
    model.fit(x, y, batch_size=16, epochs=1, callbacks=[probe], verbose=0)
    assert probe.steps == [1, 2] and probe.nonfinite_steps == [1, 2]
    assert np.isnan(probe.total).all()


def test_bad_arguments():
    import keras

    from rnn_helpers.models.callbacks import GradientNormHistory

    x, y = _data()
    with pytest.raises(ValueError, match="every"):
        GradientNormHistory(x, y, every=0)
    with pytest.raises(TypeError, match="every"):
        GradientNormHistory(x, y, every=1.5)
    with pytest.raises(ValueError, match="y_probe"):
        GradientNormHistory(x, y[:3])
    with pytest.raises(ValueError, match="finite"):
        GradientNormHistory(np.full_like(x, np.nan), y)
    with pytest.raises(ValueError, match="y_probe: expected finite"):      # NaN targets: NaN norms
        GradientNormHistory(x, np.where(y > 0, np.nan, y))
    with pytest.raises(TypeError, match="at_start: expected True or False"):
        GradientNormHistory(x, y, at_start="no")
    model = keras.Sequential([keras.Input(shape=(6, 2)), keras.layers.SimpleRNN(2)])
    probe = GradientNormHistory(x, y[:, :1].repeat(2, axis=1))
    probe.set_model(model)
    with pytest.raises(ValueError, match="compiled model"):
        probe.probe()
