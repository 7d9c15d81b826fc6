"""The numpy ConvLSTM equals Keras's ConvLSTM2D step by step, its 'same' convolution equals scipy's,
its gradients equal tf.GradientTape, and the weights are read only from layers it can reproduce."""

import keras
import numpy as np
import pytest
import tensorflow as tf
from scipy.signal import correlate2d

from rnn_helpers.gradcheck import numerical_gradient, rel_error
from rnn_helpers.reference.convlstm import GATES, conv_same, convlstm_forward, convlstm_params_from_keras

B, T, S, F = 2, 3, 6, 2                    # clips, frames, frame size, filters


def _layer(channels=1, dtype="float32", **kw):
    layer = keras.layers.ConvLSTM2D(F, 3, padding="same", return_sequences=True, dtype=dtype, **kw)
    layer(np.zeros((1, T, S, S, channels), dtype=dtype))
    rng = np.random.default_rng(channels)                # weights big enough for every gate to matter
    layer.set_weights([rng.normal(scale=0.5, size=w.shape) for w in layer.get_weights()])
    return layer


def _frames(channels=1, seed=0):
    return np.random.default_rng(seed).random((B, T, S, S, channels))


@pytest.mark.parametrize("k", [1, 3, 5])
def test_conv_same_equals_scipys_cross_correlation(k):
    rng = np.random.default_rng(k)
    x, kernel = rng.normal(size=(2, 7, 6, 3)), rng.normal(size=(k, k, 3, 4))
    out = conv_same(x, kernel)
    assert out.shape == (2, 7, 6, 4)
    expected = np.zeros_like(out)
    for b in range(2):
        for o in range(4):
            expected[b, :, :, o] = sum(correlate2d(x[b, :, :, c], kernel[:, :, c, o], mode="same")
                                       for c in range(3))
    assert np.allclose(out, expected, atol=1e-12)


def test_conv_same_by_a_direct_loop_with_zero_padding():
    rng = np.random.default_rng(0)
    x, kernel = rng.normal(size=(1, 4, 5, 2)), rng.normal(size=(3, 3, 2, 1))
    padded = np.pad(x[0], ((1, 1), (1, 1), (0, 0)))
    expected = np.array([[np.sum(padded[r:r + 3, c:c + 3] * kernel[..., 0]) for c in range(5)]
                         for r in range(4)])
    assert np.allclose(conv_same(x, kernel)[0, ..., 0], expected, atol=1e-12)
    with pytest.raises(ValueError, match=r"kernel: expected \(k, k, C=2, O\) with k odd"):
        conv_same(x, np.ones((2, 2, 2, 1)))


@pytest.mark.parametrize("channels", [1, 2])
def test_convlstm_forward_equals_keras_at_every_step(channels):
    layer = _layer(channels)
    params = convlstm_params_from_keras(layer)
    assert {k: v.shape for k, v in params.items()} == {
        "W_x": (3, 3, channels, 4 * F), "W_h": (3, 3, F, 4 * F), "b": (4 * F,)}
    assert all(v.dtype == np.float64 for v in params.values())
    x = _frames(channels)
    record = convlstm_forward(x, params)
    for name in ("h", "c", *GATES):
        assert getattr(record, name).shape == (B, T, S, S, F), name
    h_keras = np.asarray(layer(x.astype("float32")))
    for t in range(T):
        assert np.abs(record.h[:, t] - h_keras[:, t]).max() < 1e-5, t
    full = keras.layers.ConvLSTM2D(F, 3, padding="same", return_state=True)
    full(x[:1].astype("float32"))
    full.set_weights(layer.get_weights())
    _, h_last, c_last = full(x.astype("float32"))
    assert np.abs(record.c[:, -1] - np.asarray(c_last)).max() < 1e-5
    assert np.abs(record.h[:, -1] - np.asarray(h_last)).max() < 1e-5


def test_the_record_holds_the_lstm_equations():
    record = convlstm_forward(_frames(), convlstm_params_from_keras(_layer()))
    c_prev = np.concatenate([np.zeros_like(record.c[:, :1]), record.c[:, :-1]], axis=1)
    assert np.allclose(record.c, record.f * c_prev + record.i * record.g)
    assert np.allclose(record.h, record.o * np.tanh(record.c))
    for gate in ("i", "f", "o"):
        assert 0 < getattr(record, gate).min() and getattr(record, gate).max() < 1
    assert np.abs(record.g).max() < 1


def test_a_gradient_of_the_input_kernel_equals_the_gradient_tape():
    layer = _layer(dtype="float64")
    params = convlstm_params_from_keras(layer)
    x = _frames()[:1]
    u = np.random.default_rng(1).normal(size=(S, S, F))                # a fixed projection of h_T
    kernel, recurrent = layer.weights[0], layer.weights[1]
    assert tuple(kernel.shape) == params["W_x"].shape and tuple(recurrent.shape) == params["W_h"].shape
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(layer(x)[0, -1] * tf.constant(u))
    g_kernel, g_recurrent = (g.numpy() for g in tape.gradient(loss, [kernel, recurrent]))

    for name, g_tape in (("W_x", g_kernel), ("W_h", g_recurrent)):
        W = params[name].copy()

        def f(W=W, name=name):
            return float(np.sum(convlstm_forward(x, {**params, name: W}).h[0, -1] * u))

        assert abs(f() - float(loss)) < 1e-10
        assert rel_error(numerical_gradient(f, W, eps=1e-5), g_tape) < 1e-7, name


def _built(**kw):
    layer = keras.layers.ConvLSTM2D(F, kw.pop("kernel_size", 3), **{"padding": "same", **kw})
    layer(np.zeros((1, T, S, S, 1), dtype="float32"))
    return layer


@pytest.mark.parametrize(("settings", "words"), [
    ({"padding": "valid"}, "padding='same'"),
    ({"strides": 2}, r"strides=\(1, 1\)"),
    ({"dilation_rate": 2}, r"dilation_rate=\(1, 1\)"),
    ({"activation": "relu"}, "activation='tanh'"),
    ({"recurrent_activation": "hard_sigmoid"}, "recurrent_activation='sigmoid'"),
    ({"use_bias": False}, "use_bias=True"),
    ({"go_backwards": True}, "go_backwards=False"),
    ({"kernel_size": 2}, "an odd square kernel_size"),
    ({"kernel_size": (3, 5)}, "an odd square kernel_size"),
])
def test_layers_the_numpy_convlstm_cannot_reproduce_are_refused(settings, words):
    with pytest.raises(ValueError, match=rf"layer 'conv_lstm2d\w*': the numpy ConvLSTM expects .*{words}"):
        convlstm_params_from_keras(_built(**settings))


def test_channels_first_unbuilt_and_other_layers_are_refused():
    layer = keras.layers.ConvLSTM2D(F, 3, padding="same", data_format="channels_first")
    layer.build((None, T, 1, S, S))                   # Conv2D cannot run channels first on a CPU
    with pytest.raises(ValueError, match="data_format='channels_last'"):
        convlstm_params_from_keras(layer)
    with pytest.raises(ValueError, match="expected a built layer"):
        convlstm_params_from_keras(keras.layers.ConvLSTM2D(F, 3, padding="same"))
    with pytest.raises(TypeError, match="layer: expected a keras.layers.ConvLSTM2D, got LSTM"):
        convlstm_params_from_keras(keras.layers.LSTM(2))


def test_forward_checks_the_params_and_the_frames():
    params = convlstm_params_from_keras(_layer())
    with pytest.raises(ValueError, match=r"frames: expected \(B, T, H, W, C=1\)"):
        convlstm_forward(_frames(channels=2), params)
    with pytest.raises(ValueError, match="params: expected W_x"):
        convlstm_forward(_frames(), {**params, "b": params["b"][:-1]})
    with pytest.raises(ValueError, match="params: expected keys"):
        convlstm_forward(_frames(), {"W_x": params["W_x"]})
