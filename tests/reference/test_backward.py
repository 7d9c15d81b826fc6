"""BPTT in the numpy reference equals tf.GradientTape and central finite differences (float64)."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from rnn_helpers.gradcheck import numerical_gradient, rel_error
from rnn_helpers.reference import backward, forward, init_params, params_to_keras, to_keras_arrays

B, T, D, H = 2, 6, 3, 4
TOL = 1e-6


def problem(kind, activation, seed=0):
    """Random inputs, initial state, parameters and loss weights for L = Σ G⊙h_t + Σ G_s⊙state_T."""
    rng = np.random.default_rng(seed)
    n_states = 2 if kind == "lstm" else 1
    return {
        "x": rng.normal(size=(B, T, D)),
        "state0": tuple(rng.normal(size=(B, H)) * 0.5 for _ in range(n_states)),
        "params": init_params(kind, D, H, scale=0.8, seed=seed + 1),
        "G": rng.normal(size=(B, T, H)),
        "G_state": tuple(rng.normal(size=(B, H)) for _ in range(n_states)),
    }


def loss_np(kind, activation, p):
    hs, state, caches = forward(kind, p["x"], p["params"], p["state0"], activation)
    loss = np.sum(p["G"] * hs) + sum(np.sum(g * s) for g, s in zip(p["G_state"], state))
    return loss, caches


CASES = [("simple_rnn", "tanh"), ("simple_rnn", "relu"), ("simple_rnn", "sigmoid"),
         ("lstm", "tanh"), ("lstm", "relu"), ("gru", "tanh"), ("gru", "relu"), ("gru", "sigmoid")]


@pytest.mark.parametrize(("kind", "activation"), CASES)
def test_bptt_matches_finite_differences(kind, activation):
    p = problem(kind, activation)
    _, caches = loss_np(kind, activation, p)
    dx, dstate0, grads = backward(kind, p["G"], p["G_state"], caches)

    def f():
        return loss_np(kind, activation, p)[0]

    for name, value in p["params"].items():
        assert rel_error(numerical_gradient(f, value), grads[name]) < TOL, name
    assert rel_error(numerical_gradient(f, p["x"]), dx) < TOL, "x"
    for j, s in enumerate(p["state0"]):
        assert rel_error(numerical_gradient(f, s), dstate0[j]) < TOL, f"state0[{j}]"


@pytest.mark.parametrize(("kind", "activation"), CASES)
def test_bptt_matches_gradient_tape(kind, activation):
    p = problem(kind, activation, seed=3)
    cls = {"simple_rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}[kind]
    layer = cls(H, activation=activation, return_sequences=True, return_state=True, dtype="float64")
    layer(p["x"][:1])
    params_to_keras(p["params"], layer)

    x = tf.constant(p["x"])
    state0 = [tf.constant(s) for s in p["state0"]]
    with tf.GradientTape() as tape:
        tape.watch([x, *state0])
        hs, *state = layer(x, initial_state=state0)
        loss = tf.reduce_sum(p["G"] * hs) + sum(tf.reduce_sum(g * s) for g, s in zip(p["G_state"], state))
    weights = [layer.cell.kernel, layer.cell.recurrent_kernel, layer.cell.bias]
    tape_grads = tape.gradient(loss, [*weights, x, *state0])

    loss_ref, caches = loss_np(kind, activation, p)
    assert abs(float(loss) - loss_ref) < 1e-10 * max(1.0, abs(loss_ref))
    dx, dstate0, grads = backward(kind, p["G"], p["G_state"], caches)
    for name, ours, theirs in zip(("kernel", "recurrent_kernel", "bias"),
                                  to_keras_arrays(kind, grads), tape_grads[:3]):
        assert rel_error(ours, theirs.numpy()) < TOL, name
    assert rel_error(dx, tape_grads[3].numpy()) < TOL, "x"
    for j, theirs in enumerate(tape_grads[4:]):
        assert rel_error(dstate0[j], theirs.numpy()) < TOL, f"state0[{j}]"


def test_backward_without_final_state_gradient_is_zero_state_gradient():
    p = problem("lstm", "tanh")
    _, caches = loss_np("lstm", "tanh", p)
    a = backward("lstm", p["G"], None, caches)
    b = backward("lstm", p["G"], tuple(np.zeros((B, H)) for _ in range(2)), caches)
    np.testing.assert_array_equal(a[0], b[0])
    assert all(np.array_equal(a[2][k], b[2][k]) for k in a[2])


def test_the_gru_step_backward_is_the_loops_last_step():
    from rnn_helpers.reference import gru_step, gru_step_backward

    p = problem("gru", "tanh")
    x_t, state = p["x"][:, 0], (p["state0"][0],)
    _, _, cache = gru_step(x_t, state, p["params"])
    dh = p["G"][:, 0]
    dx, (dh_prev,), grads = gru_step_backward(dh, None, cache)
    dx_loop, (dh0_loop,), grads_loop = backward("gru", p["G"][:, :1], None, [cache])
    np.testing.assert_array_equal(dx, dx_loop[:, 0])
    np.testing.assert_array_equal(dh_prev, dh0_loop)
    assert all(np.array_equal(grads[k], grads_loop[k]) for k in grads)
