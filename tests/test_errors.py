"""Every public reference helper rejects bad input with a message naming what it got and expected."""

import re

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
    (lambda: backward("gru", np.zeros((2, 5, 4)), None, [{}]), ValueError, "caches[0]: expected a cache from a gru"),
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


# Calls that used to return a silently wrong result: now right, or refused with a clear error.

def test_sigmoid_of_integers_is_computed_in_float():
    from rnn_helpers.activations import sigmoid

    np.testing.assert_allclose(sigmoid(np.array([1, -1, 0])), [0.7310585786, 0.2689414214, 0.5])
    assert sigmoid(np.float32(2.0)).dtype == np.float32 and np.isnan(sigmoid([np.nan]))[0]


@pytest.mark.parametrize("cls", [keras.layers.SimpleRNN, keras.layers.LSTM, keras.layers.GRU])
def test_forward_from_keras_reads_go_backwards_layers_as_keras_does(cls):
    x = np.random.default_rng(0).normal(size=(2, 6, 3)).astype("float32")
    layer = cls(4, go_backwards=True, return_sequences=True, return_state=True)
    out = [np.asarray(o) for o in layer(x)]                       # [hs (processed order), h_T(, c_T)]
    hs, state = forward_from_keras(layer, x)
    np.testing.assert_allclose(hs, out[0], atol=1e-5)              # was off by 0.30 (LSTM) to 1.6
    for mine, theirs in zip(state, out[1:]):
        np.testing.assert_allclose(mine, theirs, atol=1e-5)
    np.testing.assert_allclose(hs[:, 0], forward_from_keras(layer, x[:, -1:])[0][:, 0], atol=1e-6)


def test_params_to_keras_refuses_what_it_would_write_wrongly():
    layer = built(keras.layers.LSTM(4))
    before = [w.copy() for w in layer.get_weights()]
    for name, value, words in (("W_ih", np.full((4, 4), np.nan), "params['W_ih']: expected finite"),
                               ("b_f", np.full(4, 1e39), "params['b_f']: values up to 1e+39 overflow float32"),
                               ("b_f", np.zeros(4) + 1j, "params['b_f']: expected an array of numbers")):
        with pytest.raises((ValueError, TypeError), match=re.escape(words)):
            params_to_keras({**P_LSTM, name: value}, layer)
    assert all(np.array_equal(a, b) for a, b in zip(before, layer.get_weights()))   # nothing written
    with pytest.raises(ValueError, match="use_bias=False, so its biases are 0"):
        params_to_keras(P_RNN, built(keras.layers.SimpleRNN(4, use_bias=False)))


def test_keras_arrays_are_checked_both_ways():
    from rnn_helpers.reference import from_keras_arrays, to_keras_arrays

    arrays = to_keras_arrays("lstm", P_LSTM)
    assert all(np.array_equal(P_LSTM[k], v) for k, v in from_keras_arrays("lstm", arrays).items())
    with pytest.raises(ValueError, match=r"arrays\[0\] \(kernel of lstm: \(D, 4H\)"):
        from_keras_arrays("lstm", [arrays[0][:, :-1], arrays[1], arrays[2]])
    with pytest.raises(ValueError, match="reset_after=True"):
        from_keras_arrays("gru", built(keras.layers.GRU(4, reset_after=False)).get_weights())
    with pytest.raises(ValueError, match=r"params\['W_fh'\] \(lstm, input size D=3 from params\['W_ix'\]"):
        to_keras_arrays("lstm", {**P_LSTM, "W_fh": np.zeros((3, 4))})


def test_rel_error_of_large_finite_arrays_is_finite():
    from rnn_helpers.gradcheck import rel_error

    a = np.random.default_rng(0).normal(size=10)
    assert rel_error(1e200 * a, 1.1e200 * a) == pytest.approx(rel_error(a, 1.1 * a))   # was NaN
    assert rel_error([1e-320], [0.0]) == 1.0


def test_numerical_gradient_restores_x_when_f_raises():
    from rnn_helpers.gradcheck import numerical_gradient

    x = np.ones(3)

    def f():
        if x[1] != 1.0:
            raise RuntimeError("the student's bug")
        return float(x.sum())

    with pytest.raises(RuntimeError):
        numerical_gradient(f, x)
    np.testing.assert_array_equal(x, np.ones(3))


def test_init_params_refuses_integer_weights_and_overflow():
    with pytest.raises(ValueError, match="dtype: expected a floating dtype"):
        init_params("lstm", 3, 4, dtype=np.int64)                   # every weight would round to 0
    with pytest.raises(ValueError, match="scale: values up to .* overflow float16"):
        init_params("lstm", 3, 4, scale=1e6, dtype=np.float16)


def test_keras_gradient_norms_check_x_before_tensorflow():
    from rnn_helpers.gradients import keras_gradient_norms_by_lag

    with pytest.raises(ValueError, match=r"x \(input size D=3 of layer '.*'\): expected shape \(any, any, 3\)"):
        keras_gradient_norms_by_lag(built(keras.layers.LSTM(4)), np.zeros((2, 5, 7)))


def test_numpy_scalars_are_valid_arguments():
    from rnn_helpers.datasets.splits import random_lengths, split_stratified, truncate_and_pad
    from rnn_helpers.gates import pulse_input
    from rnn_helpers.memory import impulse_response, recurrent_matrix
    from rnn_helpers.reference import orthogonal

    s = np.int64(3)
    assert init_params("gru", np.int64(3), np.int32(4), scale=np.float32(0.5), seed=s)["W_zx"].shape == (4, 3)
    np.testing.assert_array_equal(orthogonal(np.int64(4), seed=s), orthogonal(4, seed=3))
    assert recurrent_matrix(np.int64(4), np.float32(0.9), seed=s).shape == (4, 4)
    assert impulse_response(np.eye(2) * 0.5, steps=np.int64(3), pulse=np.float32(1.0), seed=s).shape == (3,)
    assert pulse_input(np.int64(10), pulse_at=np.int64(2), noise=np.float32(0.1), seed=s)[2] == 1.0
    data = split_stratified(np.zeros((40, 3, 2)), np.arange(40) % 2, val_fraction=np.float32(0.25),
                            test_fraction=np.float64(0.25), seed=s)
    assert data.sizes() == {"train": 20, "validation": 10, "test": 10}
    assert random_lengths(np.int64(5), np.int64(4), seed=s).shape == (5,)
    assert truncate_and_pad(np.ones((1, 3, 1)), np.array([2]), pad_value=np.float32(-1))[0, 2, 0] == -1


def test_plots_refuse_data_they_would_draw_wrongly():
    from rnn_helpers.plots._base import fit_log_ylim
    from rnn_helpers.plots.curves import plot_gradient_norms, plot_training_curves
    from rnn_helpers.plots.heatmaps import plot_gate_heatmap, plot_input

    with pytest.raises(ValueError, match="norms: expected at least one number that is not NaN"):
        plot_gradient_norms(np.full(4, np.nan))                    # was an empty Axes
    with pytest.raises(ValueError, match=r"history\['loss'\]: expected at least one value"):
        plot_training_curves({"loss": []})
    with pytest.raises(ValueError, match="values: the sigmoid gate 'f' lies in"):
        plot_gate_heatmap(np.full((3, 2), 2.0), name="f")           # was clipped to the 0..1 colours
    with pytest.raises(TypeError, match="highlight: expected unit indices"):
        plot_gate_heatmap(np.full((3, 2), 0.5), highlight=[1.7])    # was unit 1
    with pytest.raises(ValueError, match="names: expected one name per input channel"):
        plot_input(np.zeros((3, 2)), names=["a"])                   # was an IndexError
    with pytest.raises(TypeError, match="ax: expected a matplotlib Axes"):
        fit_log_ylim("left")                                        # was an AttributeError


def test_a_complex_answer_is_not_marked_correct():
    from rnn_helpers.exercises import value_exercise

    ex = value_exercise("t", 1.0, hint="h", solution="s")
    assert not ex.check(np.array(1 + 5j))
