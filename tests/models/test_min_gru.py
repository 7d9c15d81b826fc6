"""The Keras minGRU equals the numpy minGRU of rnn_helpers.scan (its weights read by
min_gru_params_from_keras), its Keras-ops scan equals the loop, its gradients equal central
differences of the numpy forward, and its config survives a round trip."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from rnn_helpers.gradcheck import numerical_gradient, rel_error
from rnn_helpers.models.min_gru import MinGRU, min_gru_params_from_keras, scan_linear_recurrence
from rnn_helpers.scan import linear_recurrence, min_gru_forward

B, D, H = 2, 3, 4                          # sequences, features, units


def _layer(T, return_sequences=True, gate_bias=0.0, seed=0):
    layer = MinGRU(H, return_sequences=return_sequences, gate_bias=gate_bias)
    layer(np.zeros((1, T, D), dtype="float32"))
    rng = np.random.default_rng(seed)                   # weights big enough for both halves to matter
    kernel = rng.normal(scale=0.8, size=(D, 2 * H))
    bias = np.asarray(layer.bias) + rng.normal(scale=0.3, size=2 * H)   # keeps gate_bias in z's half
    layer.set_weights([kernel, bias])
    return layer


def _x(T, seed=0):
    return np.random.default_rng(seed).normal(size=(B, T, D))


@pytest.mark.parametrize("T", [1, 2, 5, 7, 8])          # 5 and 7: not a power of two
def test_every_state_equals_the_numpy_min_gru(T):
    layer = _layer(T)
    params = min_gru_params_from_keras(layer)
    assert {k: v.shape for k, v in params.items()} == {"W_z": (D, H), "b_z": (H,), "W_h": (D, H), "b_h": (H,)}
    assert all(v.dtype == np.float64 for v in params.values())
    x = _x(T)
    h = np.asarray(layer(x.astype("float32")))                               # (B, T, H)
    assert h.shape == (B, T, H)
    np.testing.assert_allclose(h, min_gru_forward(x, params), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(h, min_gru_forward(x, params, parallel=False), rtol=1e-5, atol=1e-5)


def test_without_return_sequences_the_layer_gives_the_last_state():
    T = 6
    full, last = _layer(T, return_sequences=True), _layer(T, return_sequences=False)
    x = _x(T, seed=1)
    out = np.asarray(last(x.astype("float32")))
    assert out.shape == (B, H) and last.compute_output_shape((B, T, D)) == (B, H)
    assert full.compute_output_shape((B, T, D)) == (B, T, H)
    np.testing.assert_allclose(out, min_gru_forward(x, min_gru_params_from_keras(last))[:, -1], rtol=1e-5,
                               atol=1e-5)
    np.testing.assert_allclose(out, np.asarray(full(x.astype("float32")))[:, -1], rtol=1e-6, atol=1e-6)


def test_gate_bias_starts_the_update_gate_and_only_it():
    layer = MinGRU(H, return_sequences=True, gate_bias=-3.0)
    layer(np.zeros((1, 4, D), dtype="float32"))
    p = min_gru_params_from_keras(layer)
    np.testing.assert_array_equal(p["b_z"], np.full(H, -3.0))
    np.testing.assert_array_equal(p["b_h"], np.zeros(H))
    # kernel 0, b_h = 1: z = sigmoid(-3) at every step, h~ = 1, so h_t = 1 - (1 - z)^(t+1)
    layer.set_weights([np.zeros((D, 2 * H)), np.concatenate([np.full(H, -3.0), np.ones(H)])])
    z = 1 / (1 + np.exp(3.0))
    h = np.asarray(layer(np.ones((1, 4, D), dtype="float32")))[0, :, 0]
    np.testing.assert_allclose(h, 1 - (1 - z) ** np.arange(1, 5), rtol=1e-5)
    assert h[0] == pytest.approx(0.0474, abs=1e-4)                         # keeps 95 % of the state a step
    trained = _layer(5, gate_bias=-3.0)                                      # bias -3 plus noise
    x = _x(5, seed=2)
    np.testing.assert_allclose(np.asarray(trained(x.astype("float32"))),
                               min_gru_forward(x, min_gru_params_from_keras(trained)), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("T", [1, 3, 6, 8, 13])
def test_the_keras_scan_equals_the_loop(T):
    rng = np.random.default_rng(T)
    a, b = rng.uniform(0, 1, (B, T, H)), rng.normal(size=(B, T, H))
    h = np.asarray(scan_linear_recurrence(a, b))
    np.testing.assert_allclose(h, linear_recurrence(a, b), rtol=1e-12, atol=1e-12)    # float64 in, out
    h32 = np.asarray(scan_linear_recurrence(a.astype("float32"), b.astype("float32")))
    np.testing.assert_allclose(h32, linear_recurrence(a, b), rtol=1e-5, atol=1e-5)


def test_the_gradients_equal_central_differences_of_the_numpy_forward():
    T = 5
    layer, x = _layer(T, seed=3), _x(T, seed=3)
    R = np.random.default_rng(4).normal(size=(B, T, H))                          # loss = sum(h * R)
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(layer(tf.constant(x, tf.float32)) * tf.constant(R, tf.float32))
    grads = tape.gradient(loss, [layer.kernel, layer.bias])
    d_kernel, d_bias = (np.asarray(g, dtype=np.float64) for g in grads)
    p = min_gru_params_from_keras(layer)

    def f():
        return float(np.sum(min_gru_forward(x, p) * R))

    numeric = {k: numerical_gradient(f, p[k]) for k in p}
    assert rel_error(d_kernel[:, :H], numeric["W_z"]) < 1e-4
    assert rel_error(d_kernel[:, H:], numeric["W_h"]) < 1e-4
    assert rel_error(d_bias[:H], numeric["b_z"]) < 1e-4
    assert rel_error(d_bias[H:], numeric["b_h"]) < 1e-4
    assert np.abs(numeric["W_z"]).max() > 1e-2                                   # the gate matters


def test_the_config_round_trips():
    layer = MinGRU(5, return_sequences=True, gate_bias=-2.5, kernel_initializer="orthogonal", name="m")
    config = layer.get_config()
    assert {k: config[k] for k in ("units", "return_sequences", "gate_bias", "name")} == \
        {"units": 5, "return_sequences": True, "gate_bias": -2.5, "name": "m"}
    again = MinGRU.from_config(config)
    assert again.get_config() == config
    assert isinstance(again.kernel_initializer, keras.initializers.Orthogonal)
    restored = keras.layers.deserialize(keras.layers.serialize(layer))           # as a saved model reads it
    assert isinstance(restored, MinGRU) and restored.get_config() == config


def test_a_model_with_the_layer_saves_and_loads(tmp_path):
    inputs = keras.Input(shape=(4, D))
    model = keras.Model(inputs, MinGRU(H, gate_bias=-1.0)(inputs))
    path = tmp_path / "min_gru.keras"
    model.save(path)
    loaded = keras.models.load_model(path)
    x = _x(4, seed=5).astype("float32")
    np.testing.assert_allclose(np.asarray(loaded(x)), np.asarray(model(x)), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("call, error, match", [
    (lambda: MinGRU(0), ValueError, "units: expected a positive integer, got 0"),
    (lambda: MinGRU(2.5), TypeError, "units"),
    (lambda: MinGRU(2, gate_bias=np.nan), ValueError, "gate_bias"),
    (lambda: MinGRU(2, return_sequences="yes"), TypeError, "return_sequences"),
    (lambda: min_gru_params_from_keras(keras.layers.GRU(2)), TypeError, "layer: expected a MinGRU"),
    (lambda: min_gru_params_from_keras(MinGRU(2)), ValueError, "layer: expected a built layer"),
])
def test_bad_arguments_name_the_argument(call, error, match):
    with pytest.raises(error, match=match):
        call()
