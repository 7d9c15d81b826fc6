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


class _Snapshot:
    """Keeps the weights after every training step, to recompute what StateHistory recorded."""

    def __init__(self):
        import keras

        class Keep(keras.callbacks.Callback):
            def on_train_begin(inner, logs=None):
                self.weights = []

            def on_train_batch_end(inner, batch, logs=None):
                self.weights.append(inner.model.get_weights())

        self.callback = Keep()


def test_state_history_records_probe_loss_largest_state_and_recurrent_norm():
    from rnn_helpers.models.callbacks import StateHistory

    model = _tiny_model()
    x, y = _data()
    states, snap = StateHistory(x[:8], y[:8], layer="rnn"), _Snapshot()
    model.fit(x, y, batch_size=16, epochs=2, callbacks=[states, snap.callback], verbose=0, shuffle=False)
    assert states.steps == [1, 2, 3, 4] and len(snap.weights) == 4
    twin = _tiny_model(seed=1)
    for k, weights in enumerate(snap.weights):                    # the same quantities, from scratch
        twin.set_weights(weights)
        K, R, b = twin.get_layer("rnn").get_weights()             # kernel (D, H), recurrent (H, H), (H,)
        h, top = np.zeros((8, 4)), 0.0
        for t in range(6):
            h = np.tanh(x[:8, t] @ K + h @ R + b)                  # Keras: x @ kernel, batch first
            top = max(top, np.abs(h).max())
        pred = twin(x[:8], training=False).numpy()
        np.testing.assert_allclose(states.loss[k], np.mean((pred - y[:8]) ** 2), rtol=1e-5)
        np.testing.assert_allclose(states.max_abs_h[k], top, rtol=1e-5)
        np.testing.assert_allclose(states.recurrent_norm[k], np.linalg.norm(R, 2), rtol=1e-6)


def test_state_history_refuses_an_unknown_layer_and_records_nan_for_broken_weights():
    from rnn_helpers.models.callbacks import StateHistory

    model = _tiny_model()
    x, y = _data()
    with pytest.raises(ValueError, match="layer"):
        model.fit(x, y, batch_size=16, epochs=1, callbacks=[StateHistory(x[:8], y[:8], layer="lstm")],
                  verbose=0)
    weights = model.get_layer("rnn").get_weights()
    weights[1][0, 0] = np.nan
    model.get_layer("rnn").set_weights(weights)
    states = StateHistory(x[:8], y[:8], layer="rnn", every=2)
    model.fit(x, y, batch_size=16, epochs=1, callbacks=[states], verbose=0)
    assert states.steps == [2] and np.isnan(states.max_abs_h[0]) and np.isnan(states.recurrent_norm[0])
