"""The numpy reference computes what Keras computes, and weights round-trip between them."""

import keras
import numpy as np
import pytest

from rnn_helpers.reference import (
    forward,
    forward_from_keras,
    from_keras_arrays,
    init_params,
    params_from_keras,
    params_to_keras,
    to_keras_arrays,
)

LAYERS = {"simple_rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}
B, T, D, H = 3, 9, 4, 5


def make_layer(kind, seed=1, dtype="float32", **kw):
    """A built Keras layer returning all steps and the final state, with random non-trivial weights."""
    layer = LAYERS[kind](H, return_sequences=True, return_state=True, dtype=dtype, **kw)
    layer(np.zeros((1, T, D), dtype=dtype))
    # scale 0.7 keeps units away from both saturation and linearity; biases are non-zero
    params = init_params(kind, D, H, scale=0.7, seed=seed)
    if not kw.get("use_bias", True):
        params = {k: (0 * v if k.startswith("b_") else v) for k, v in params.items()}
    params_to_keras(params, layer)
    return layer, params


@pytest.fixture
def x():
    return np.random.default_rng(0).normal(size=(B, T, D)).astype("float32")


@pytest.mark.parametrize("kind", LAYERS)
@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_forward_matches_keras(kind, activation, x):
    layer, params = make_layer(kind, activation=activation)
    keras_out = [np.asarray(o) for o in layer(x)]         # [hs, h_T] or [hs, h_T, c_T]
    hs, state, _ = forward(kind, x, params, activation=activation)
    assert hs.shape == (B, T, H) and hs.dtype == np.float32
    np.testing.assert_allclose(hs, keras_out[0], atol=1e-5, rtol=0)
    assert len(state) == len(keras_out) - 1
    for ours, theirs in zip(state, keras_out[1:]):
        np.testing.assert_allclose(ours, theirs, atol=1e-5, rtol=0)
    assert np.abs(hs).max() > 0.1, "a trivial output would make this comparison meaningless"


@pytest.mark.parametrize("kind", LAYERS)
def test_forward_with_initial_state_matches_keras(kind, x):
    layer, params = make_layer(kind)
    rng = np.random.default_rng(5)
    state0 = [rng.normal(size=(B, H)).astype("float32") for _ in range(2 if kind == "lstm" else 1)]
    keras_out = [np.asarray(o) for o in layer(x, initial_state=state0)]
    hs, state = forward_from_keras(layer, x, state0)
    np.testing.assert_allclose(hs, keras_out[0], atol=1e-5, rtol=0)
    for ours, theirs in zip(state, keras_out[1:]):
        np.testing.assert_allclose(ours, theirs, atol=1e-5, rtol=0)


@pytest.mark.parametrize("kind", LAYERS)
def test_params_round_trip(kind):
    layer, params = make_layer(kind, dtype="float64")
    back = params_from_keras(layer)
    assert set(back) == set(params)
    for name in params:
        np.testing.assert_array_equal(back[name], params[name], err_msg=name)
    arrays = to_keras_arrays(kind, params)
    for ours, theirs in zip(arrays, layer.get_weights()):
        np.testing.assert_array_equal(ours, theirs)
    restored = from_keras_arrays(kind, arrays)
    assert all(np.array_equal(restored[k], params[k]) for k in params)


@pytest.mark.parametrize("kind", LAYERS)
def test_layer_without_bias(kind, x):
    layer, _ = make_layer(kind, use_bias=False)
    assert len(layer.get_weights()) == 2
    params = params_from_keras(layer)
    assert all(not np.any(v) for k, v in params.items() if k.startswith("b_"))
    hs, _ = forward_from_keras(layer, x)
    np.testing.assert_allclose(hs, np.asarray(layer(x)[0]), atol=1e-5, rtol=0)


def test_lstm_gate_order_is_i_f_c_o():
    """Keras packs LSTM gates as i, f, c(=g), o; a forget-gate bias of 1 lands in b_f."""
    layer = keras.layers.LSTM(H, unit_forget_bias=True)
    layer(np.zeros((1, T, D), dtype="float32"))
    params = params_from_keras(layer)
    np.testing.assert_array_equal(params["b_f"], np.ones(H))
    for k in ("i", "g", "o"):
        np.testing.assert_array_equal(params[f"b_{k}"], np.zeros(H))


def test_gru_biases_split_into_input_and_recurrent_rows():
    layer, params = make_layer("gru")
    bias = layer.get_weights()[2]
    assert bias.shape == (2, 3 * H)
    np.testing.assert_allclose(bias[0, H:2 * H], params["b_rx"], rtol=1e-6)
    np.testing.assert_allclose(bias[1, 2 * H:], params["b_gh"], rtol=1e-6)
