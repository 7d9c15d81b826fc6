"""rnn_helpers.gradients against independent computations: explicit Jacobian products, Keras tapes
and central differences."""

import numpy as np
import pytest

from rnn_helpers.activations import get_activation
from rnn_helpers.gradients import (
    ACTIVATION_DERIVATIVE_BOUND,
    backprop_norms,
    finite_difference_norms_by_lag,
    gradient_norms_by_lag,
    jacobian_bound,
    keras_gradient_norms_by_lag,
)
from rnn_helpers.reference import forward, init_params, orthogonal, params_from_keras

ACTS = ["tanh", "sigmoid", "relu", "linear"]



def _one_sequence(activation, H=6, T=12, scale=0.8, seed=1):
    params = init_params("simple_rnn", 3, H, scale=scale, seed=seed)
    x = np.random.default_rng(seed).normal(size=(1, T, 3))
    hs, _, _ = forward("simple_rnn", x, params, activation=activation)
    return params["W_hh"], hs[0]                                 # (H, H), (T, H)


def _explicit_jacobian_norms(W_hh, hs, activation, dh_T):
    """‖(J_T J_{T-1} … J_{T-k+1})^T dh_T‖ with J_t = diag(φ'(a_t)) W_hh as full matrices."""
    _, dphi = get_activation(activation)
    T, H = hs.shape
    product, out = np.eye(H), [np.linalg.norm(dh_T)]
    for k in range(1, T):
        J = np.diag(dphi(hs[T - k])) @ W_hh                      # ∂h_{T-k+1}/∂h_{T-k}
        product = product @ J                                    # ∂h_T/∂h_{T-k}
        out.append(np.linalg.norm(product.T @ dh_T))
    return np.array(out)


@pytest.mark.parametrize("activation", ACTS)
def test_backprop_norms_equal_explicit_jacobian_products(activation):
    W_hh, hs = _one_sequence(activation)
    dh_T = np.random.default_rng(5).normal(size=W_hh.shape[0])
    got = backprop_norms(W_hh, hs, activation, dh_T=dh_T)
    assert got.shape == (hs.shape[0],)
    expected = _explicit_jacobian_norms(W_hh, hs, activation, dh_T)
    np.testing.assert_allclose(got, expected, rtol=1e-10)


def test_backprop_norms_default_start_is_unit_vector():
    W_hh, hs = _one_sequence("tanh")
    assert backprop_norms(W_hh, hs)[0] == pytest.approx(1.0)


@pytest.mark.parametrize("sigma, T", [(3.0, 700), (0.1, 400)])
def test_backprop_norms_overflow_and_underflow_are_honest_and_silent(sigma, T):
    H = 4
    W_hh = sigma * orthogonal(H)                                # σ_max = sigma, norm-preserving
    hs = np.random.default_rng(0).normal(size=(T, H))            # linear: φ' = 1 everywhere
    with np.errstate(all="raise"):                               # any unguarded overflow raises
        got = backprop_norms(W_hh, hs, "linear")
    expected_log = np.arange(T) * np.log(sigma)                  # ‖dh‖ = sigma^k exactly
    finite = np.abs(expected_log) < 700
    np.testing.assert_allclose(np.log(got[finite]), expected_log[finite], atol=1e-9)
    # float64 ends at about e^709.8 (max) and e^-745.1 (smallest subnormal)
    tail = got[expected_log > 709.8] if sigma > 1 else got[expected_log < -745.2]
    assert tail.size > 0 and np.all(tail == (np.inf if sigma > 1 else 0.0))


def test_backprop_norms_dead_relu_gives_exact_zero():
    W_hh, hs = _one_sequence("relu")
    hs[5] = 0.0                                                  # every unit off at step 6
    got = backprop_norms(W_hh, hs, "relu")
    T = hs.shape[0]
    assert np.all(got[: T - 5] > 0) and np.all(got[T - 5:] == 0)


def test_backprop_norms_bad_arguments():
    W_hh, hs = _one_sequence("tanh")
    with pytest.raises(ValueError, match="pre-activations"):
        backprop_norms(W_hh, 5 * hs + 3, "tanh")
    with pytest.raises(ValueError, match="hs"):
        backprop_norms(W_hh, hs[:, :3], "tanh")
    with pytest.raises(ValueError, match="W_hh"):
        backprop_norms(W_hh[:, :3], hs, "tanh")
    with pytest.raises(ValueError, match="activation"):
        backprop_norms(W_hh, hs, "softplus")
    with pytest.raises(ValueError, match="dh_T"):
        backprop_norms(W_hh, hs, "tanh", dh_T=np.ones(2))
    with pytest.raises(ValueError, match="finite"):
        backprop_norms(W_hh, np.full_like(hs, np.nan), "tanh")


def test_activation_bounds_are_the_sup_of_the_derivative():
    z = np.linspace(-20, 20, 40001)
    for name in ACTS:
        phi, dphi = get_activation(name)
        assert np.max(dphi(phi(z))) == pytest.approx(ACTIVATION_DERIVATIVE_BOUND[name], rel=1e-6)


@pytest.mark.parametrize("activation", ACTS)
def test_jacobian_bound_formula_and_that_it_bounds(activation):
    W_hh, hs = _one_sequence(activation, scale=1.2)
    sigma_max = np.linalg.svd(W_hh, compute_uv=False)[0]
    gamma = ACTIVATION_DERIVATIVE_BOUND[activation]
    norms = backprop_norms(W_hh, hs, activation)
    bound = jacobian_bound(W_hh, activation, len(hs), start=norms[0])
    expected = norms[0] * (sigma_max * gamma) ** np.arange(len(hs))
    np.testing.assert_allclose(bound, expected, rtol=1e-12)
    assert np.all(norms <= bound * (1 + 1e-12))
    np.testing.assert_allclose(jacobian_bound(W_hh, activation, [0, 3]), bound[[0, 3]] / norms[0])


def test_jacobian_bound_extremes_and_bad_arguments():
    W_hh = 10 * orthogonal(3)
    with np.errstate(all="raise"):
        big = jacobian_bound(W_hh, "tanh", 400)
        small = jacobian_bound(W_hh / 1000, "tanh", 400)
    assert np.isinf(big[-1]) and np.isfinite(big[300]) and small[-1] == 0 and small[0] == 1
    assert np.array_equal(jacobian_bound(0 * W_hh, "tanh", 3), [1.0, 0.0, 0.0])
    with pytest.raises(ValueError, match="lags"):
        jacobian_bound(W_hh, "tanh", -1)
    with pytest.raises(ValueError, match="lags"):
        jacobian_bound(W_hh, "tanh", [0, -2])
    np.testing.assert_allclose(jacobian_bound(W_hh, "tanh", 5, sigma_max=10.0),
                               jacobian_bound(W_hh, "tanh", 5), rtol=1e-12)   # SVD gives 10
    with pytest.raises(ValueError, match="sigma_max"):
        jacobian_bound(W_hh, "tanh", 5, sigma_max=-1.0)
    with pytest.raises(ValueError, match="start"):
        jacobian_bound(W_hh, "tanh", 5, start=-1.0)
    with pytest.raises(ValueError, match="activation"):
        jacobian_bound(W_hh, "elu", 5)
    with pytest.raises(ValueError, match="W_hh"):
        jacobian_bound(W_hh[:2], "tanh", 5)


@pytest.mark.parametrize("kind", ["simple_rnn", "lstm"])
def test_reference_norms_equal_finite_differences(kind):
    params = init_params(kind, 2, 4, scale=0.7, seed=3)
    x = np.random.default_rng(3).normal(size=(2, 5, 2))
    ref = gradient_norms_by_lag(kind, x, params)
    assert ref.shape == (5,) and np.all(ref > 0)
    np.testing.assert_allclose(finite_difference_norms_by_lag(kind, x, params), ref, rtol=1e-6)


def _keras_layer(kind, dtype, **config):
    import keras

    cls = {"simple_rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}
    return cls[kind](4, dtype=dtype, **config)


CONFIGS = [{}, {"return_sequences": True}, {"return_state": True},
           {"return_sequences": True, "return_state": True}]


@pytest.mark.parametrize("kind", ["simple_rnn", "lstm", "gru"])
@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: "+".join(c) or "default")
def test_keras_norms_equal_reference_and_finite_differences(kind, config):
    x = np.random.default_rng(7).normal(size=(3, 6, 2))
    layer = _keras_layer(kind, "float64", **config)
    layer(x)                                                     # build with random weights
    params = params_from_keras(layer)
    got = keras_gradient_norms_by_lag(layer, x)
    fd = finite_difference_norms_by_lag(kind, x, params)
    ref = fd if kind == "gru" else gradient_norms_by_lag(kind, x, params)
    assert got.shape == (6,)
    assert np.max(np.abs(got - ref) / ref) < 1e-6
    assert np.max(np.abs(fd - ref) / ref) < 1e-6


@pytest.mark.parametrize("kind", ["simple_rnn", "lstm"])
def test_keras_float32_and_go_backwards(kind):
    x = np.random.default_rng(8).normal(size=(2, 7, 3)).astype(np.float32)
    layer = _keras_layer(kind, "float32")
    layer(x)
    ref = gradient_norms_by_lag(kind, x.astype(np.float64), params_from_keras(layer))
    assert np.max(np.abs(keras_gradient_norms_by_lag(layer, x) - ref) / ref) < 1e-4
    back = _keras_layer(kind, "float64", go_backwards=True)
    back(x)
    ref_back = gradient_norms_by_lag(kind, x[:, ::-1].astype(np.float64), params_from_keras(back))
    assert np.max(np.abs(keras_gradient_norms_by_lag(back, x) - ref_back) / ref_back) < 1e-6


def test_norms_by_lag_bad_arguments():
    import keras

    params = init_params("simple_rnn", 2, 3)
    x = np.zeros((1, 4, 2))
    with pytest.raises(TypeError, match="SimpleRNN, LSTM or GRU"):
        keras_gradient_norms_by_lag(keras.layers.Dense(3), x)
    stateful = keras.layers.SimpleRNN(3, stateful=True)
    with pytest.raises(ValueError, match="stateful"):
        keras_gradient_norms_by_lag(stateful, x)
    with pytest.raises(ValueError, match="dimensions"):
        keras_gradient_norms_by_lag(keras.layers.SimpleRNN(3), x[0])
    with pytest.raises(ValueError, match="GRU"):
        gradient_norms_by_lag("gru", x, init_params("gru", 2, 3))
    with pytest.raises(ValueError, match="kind"):
        gradient_norms_by_lag("rnn", x, params)
    with pytest.raises(ValueError, match="input size"):
        gradient_norms_by_lag("simple_rnn", np.zeros((1, 4, 5)), params)
    with pytest.raises(ValueError, match="eps"):
        finite_difference_norms_by_lag("simple_rnn", x, params, eps=0.0)
