"""Every public reference helper rejects bad input with a message naming what it got and expected."""

import keras
import numpy as np
import pytest

from rnn_helpers.activations import get_activation
from rnn_helpers.reference import (
    backward,
    forward,
    forward_from_keras,
    init_params,
    layer_kind,
    lstm_step,
    lstm_step_backward,
    params_from_keras,
    params_to_keras,
    rnn_step,
    rnn_step_backward,
)

X = np.zeros((2, 5, 3))
P_RNN = init_params("simple_rnn", 3, 4)
P_LSTM = init_params("lstm", 3, 4)


STEP_CACHE = rnn_step(np.ones((2, 3)), (np.zeros((2, 4)),), P_RNN)[2]
LSTM_CACHE = lstm_step(np.ones((2, 3)), (np.zeros((2, 4)), np.zeros((2, 4))), P_LSTM)[2]


def with_nan(params, name):
    bad = {k: v.copy() for k, v in params.items()}
    bad[name].flat[0] = np.nan
    return bad


def built(layer, d=3):
    layer(np.zeros((1, 5, d), dtype="float32"))
    return layer


BAD_CALLS = [
    # (call, error type, words the message must contain)
    (lambda: forward("rnn", X, P_RNN), ValueError, "expected one of ['simple_rnn', 'lstm', 'gru'], got 'rnn'"),
    (lambda: forward("simple_rnn", X, P_RNN, activation="softmax"), ValueError, "got 'softmax'"),
    (lambda: forward("simple_rnn", X, P_RNN, activation=np.tanh), TypeError, "activation: expected one of"),
    (lambda: forward("simple_rnn", X[0], P_RNN), ValueError, "x: expected 3 dimensions, got shape (5, 3)"),
    (lambda: forward("simple_rnn", np.zeros((2, 5, 7)), P_RNN), ValueError, "expected shape (4, 7), got (4, 3)"),
    (lambda: forward("simple_rnn", np.zeros((2, 0, 3)), P_RNN), ValueError, "at least one"),
    (lambda: forward("simple_rnn", X + np.inf, P_RNN), ValueError, "x: expected finite numbers, got 30 NaN/inf"),
    (lambda: forward("simple_rnn", X, with_nan(P_RNN, "W_hh")), ValueError, "params['W_hh']: expected finite"),
    (lambda: forward("simple_rnn", [["a"]], P_RNN), TypeError, "x: expected an array of numbers"),
    (lambda: forward("simple_rnn", X, P_LSTM), ValueError, "missing ['W_hh', 'W_hx', 'b_h']"),
    (lambda: forward("lstm", X, [1, 2]), TypeError, "params: expected a dict"),
    (lambda: forward("lstm", X, P_LSTM, np.zeros((2, 4))), TypeError, "expected a tuple of 2 (B, H)"),
    (lambda: forward("lstm", X, P_LSTM, [np.zeros((2, 4))]), ValueError, "expected 2 array(s) for lstm, got 1"),
    (lambda: forward("simple_rnn", X, P_RNN, np.zeros((3, 4))), ValueError, "state0[0]: expected shape (2, 4)"),
    (lambda: backward("gru", np.zeros((2, 5, 4)), None, [{}]), ValueError, "use tf.GradientTape"),
    (lambda: backward("simple_rnn", np.zeros((2, 5, 4)), None, []), ValueError, "caches: expected the non-empty list"),
    (lambda: init_params("lstm", 3, 0), ValueError, "hidden_size: expected a positive integer, got 0"),
    (lambda: init_params("lstm", 2.5, 3), TypeError, "input_size: expected a positive integer, got 2.5"),
    (lambda: get_activation("gelu"), ValueError, "got 'gelu'"),
    (lambda: layer_kind(keras.layers.Dense(3)), TypeError, "SimpleRNN, LSTM or GRU, got Dense"),
    (lambda: layer_kind(keras.layers.Bidirectional(keras.layers.LSTM(3))), TypeError, "forward_layer"),
    (lambda: params_from_keras(keras.layers.LSTM(3)), ValueError, "has no weights yet"),
    (lambda: params_from_keras(built(keras.layers.GRU(4, reset_after=False))), ValueError, "reset_after"),
    (lambda: params_from_keras(built(keras.layers.LSTM(4, recurrent_activation="hard_sigmoid"))),
     ValueError, "expected 'sigmoid'"),
    (lambda: params_from_keras(built(keras.layers.SimpleRNN(4, activation="elu"))), ValueError, "got 'elu'"),
    (lambda: params_to_keras(P_RNN, built(keras.layers.LSTM(4))), ValueError, "params (for the lstm layer"),
    (lambda: params_to_keras(P_RNN, built(keras.layers.SimpleRNN(5))), ValueError,
     "expected shape (5, 3), got (4, 3)"),
    (lambda: forward_from_keras(built(keras.layers.SimpleRNN(4)), np.zeros((2, 5, 6))), ValueError,
     "x (input size D=3 of layer"),
    (lambda: rnn_step(np.zeros((2, 3)), np.zeros((2, 4)), P_RNN), TypeError, "state: expected a tuple of 1"),
    (lambda: rnn_step(np.zeros((2, 5)), (np.zeros((2, 4)),), P_RNN), ValueError, "expected shape (4, 5), got (4, 3)"),
    (lambda: rnn_step(np.zeros(3), (np.zeros((2, 4)),), P_RNN), ValueError, "x_t: expected 2 dimensions, got shape (3,)"),
    (lambda: lstm_step(np.zeros((2, 3)), (np.zeros((2, 4)),), P_LSTM), ValueError, "expected 2 array(s) for lstm"),
    (lambda: lstm_step(np.full((2, 3), np.nan), (np.zeros((2, 4)),) * 2, P_LSTM), ValueError, "x_t: expected finite"),
    (lambda: rnn_step_backward(np.zeros((2, 4)), (np.zeros((2, 4)),), "cache"), TypeError, "cache: expected the dict"),
    (lambda: rnn_step_backward(np.zeros((2, 5)), (np.zeros((2, 4)),), STEP_CACHE), ValueError, "dh_out: expected shape (2, 4), got (2, 5)"),
    (lambda: lstm_step_backward(np.zeros((2, 4)), (np.zeros((2, 4)),), LSTM_CACHE), ValueError, "dstate: expected 2 array(s)"),
    (lambda: lstm_step_backward(np.zeros((2, 4)), None, STEP_CACHE), ValueError, "cache: expected a cache from a lstm forward step, got one from 'simple_rnn'"),
]


@pytest.mark.parametrize(("call", "error", "words"), BAD_CALLS)
def test_bad_input_raises_a_clear_error(call, error, words):
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value)


def test_checked_steps_compute_what_the_loop_computes():
    x = np.random.default_rng(1).normal(size=(2, 1, 3))
    for kind, step, params in (("simple_rnn", rnn_step, P_RNN), ("lstm", lstm_step, P_LSTM)):
        hs, state, _ = forward(kind, x, params)
        n = len(state)
        h, new_state, _ = step(x[:, 0], tuple(np.zeros((2, 4)) for _ in range(n)), params)
        np.testing.assert_array_equal(h, hs[:, 0])
        assert all(np.array_equal(a, b) for a, b in zip(new_state, state))
