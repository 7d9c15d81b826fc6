"""The one-unit cliff: Pascanu et al.'s setting, exact BPTT gradient, grid, the wall, descent with and
without clipping."""

import numpy as np
import pytest

from rnn_helpers.cliff import (
    PASCANU_H0,
    DescentPath,
    LossGrid,
    UnitRNN,
    descent_path,
    find_wall,
    loss_grid,
    unit_forward,
    unit_loss_and_grad,
)
from rnn_helpers.gradcheck import numerical_gradient, rel_error

SIGMOID, TANH, ONE_STEP = UnitRNN(), UnitRNN(T=7, h0=-0.3, target=0.2, activation="tanh"), \
    UnitRNN(T=1, h0=0.1, target=0.9)
CASES = [(SIGMOID, 1.5, -0.5), (SIGMOID, 5.25, -3.0), (SIGMOID, -2.0, 0.7),
         (TANH, 1.5, -0.5), (TANH, 0.9, 0.3), (TANH, -1.2, 0.1),    # tanh unsaturated: no tiny
         (ONE_STEP, 1.5, -0.5), (ONE_STEP, -2.0, 0.7)]              # gradients near eps


@pytest.mark.parametrize("problem, w, b", CASES)
def test_gradient_matches_numerical_gradient(problem, w, b):
    theta = np.array([w, b])
    num = numerical_gradient(lambda: unit_loss_and_grad(theta[0], theta[1], problem)[0], theta)
    loss, grad = unit_loss_and_grad(w, b, problem)
    assert grad.shape == (2,)
    assert rel_error(num, grad) < 1e-6
    assert loss == pytest.approx((unit_forward(w, b, problem)[-1] - problem.target) ** 2)


def test_forward_by_hand_for_two_steps():
    p = UnitRNN(T=2, h0=0.5, target=0.0, activation="tanh")
    h1 = np.tanh(2.0 * 0.5 + 0.1)
    h2 = np.tanh(2.0 * h1 + 0.1)
    np.testing.assert_allclose(unit_forward(2.0, 0.1, p), [0.5, h1, h2], rtol=1e-12)


def test_grid_matches_pointwise_loss():
    ws, bs = np.linspace(2, 8, 5), np.linspace(-5, 1, 4)
    grid = loss_grid(ws, bs)
    assert isinstance(grid, LossGrid) and grid.loss.shape == (4, 5)   # rows b, columns w
    for i, b in enumerate(bs):
        for j, w in enumerate(ws):
            assert grid.loss[i, j] == pytest.approx(unit_loss_and_grad(w, b)[0], rel=1e-12)


def test_defaults_are_pascanu_et_al():
    # x_t = w σ(x_{t-1}) + b from x_0 = 0.5, error (σ(x_50) − 0.7)²: with h_t = σ(x_t), h_0 = σ(0.5)
    p = UnitRNN()
    assert (p.T, p.target, p.activation) == (50, 0.7, "sigmoid")
    assert p.h0 == pytest.approx(1 / (1 + np.exp(-0.5)), rel=1e-15) == PASCANU_H0
    w, b = 6.0, -3.1
    x = 0.5
    for _ in range(50):
        x = w / (1 + np.exp(-x)) + b                                  # the paper's recursion
    assert unit_forward(w, b)[-1] == pytest.approx(1 / (1 + np.exp(-x)), rel=1e-12)


def test_the_wall_for_w_6_is_at_b_minus_3_235():
    b_wall = find_wall(6.0, -5.0, 1.0)                                # bisection on h_T's basin
    assert b_wall == pytest.approx(-3.235, abs=5e-4)
    assert b_wall == pytest.approx(np.log(PASCANU_H0 / (1 - PASCANU_H0)) - 6.0 * PASCANU_H0, abs=1e-9)
    below, above = unit_loss_and_grad(6.0, b_wall - 0.05)[0], unit_loss_and_grad(6.0, b_wall + 0.05)[0]
    assert below > 0.35 and above < 0.1                               # h_T near 0, then near 1
    assert np.linalg.norm(unit_loss_and_grad(6.0, b_wall + 1e-9)[1]) > 1e3          # a thin strip
    assert np.linalg.norm(unit_loss_and_grad(6.0, b_wall - 0.5)[1]) < 1.0
    assert grid_jump_column(6.0) == pytest.approx(b_wall, abs=0.03)


def grid_jump_column(w):
    """Where loss_grid's column at w jumps most between neighbouring b values."""
    bs = np.linspace(-5, 1, 241)
    loss = loss_grid([w, w + 1e-9], bs).loss[:, 0]
    i = int(np.argmax(np.abs(np.diff(loss))))
    return 0.5 * (bs[i] + bs[i + 1])


def test_after_pascanu_et_al_h0_one_half_puts_the_wall_on_b_equals_minus_w_over_2():
    p = UnitRNN(T=30, h0=0.5)
    for w in (5.0, 6.0, 7.5):
        assert find_wall(w, -5.0, 1.0, problem=p) == pytest.approx(-w / 2, abs=1e-9)
    w = 6.0
    below, above = unit_loss_and_grad(w, -w / 2 - 0.05, p)[0], unit_loss_and_grad(w, -w / 2 + 0.05, p)[0]
    assert below > 0.35 and above < 0.1


def test_find_wall_for_tanh_is_where_h0_is_a_fixed_point():
    p = UnitRNN(T=40, h0=0.3, target=0.0, activation="tanh")
    b = find_wall(1.5, -3.0, 3.0, problem=p)
    assert np.tanh(1.5 * 0.3 + b) == pytest.approx(0.3, abs=1e-10)     # h_0 = φ(w h_0 + b)


@pytest.mark.parametrize("clip", [0.1, 1.0])
def test_clipping_bounds_each_step(clip):
    lr = 1.0
    path = descent_path(5.25, -3.0, lr, 60, clip=clip)
    steps = np.hypot(np.diff(path.ws), np.diff(path.bs))              # (60,)
    assert steps.max() <= lr * clip * (1 + 1e-12)
    assert path.grad_norms.max() > 10 * clip                          # it did meet the cliff
    # where the gradient is small, the clipped step is the plain gradient step
    small = path.grad_norms[:-1] < clip
    np.testing.assert_allclose(steps[small], lr * path.grad_norms[:-1][small], rtol=1e-9)


def test_unclipped_descent_is_thrown_off_the_cliff():
    free = descent_path(5.25, -3.0, 1.0, 60)
    clipped = descent_path(5.25, -3.0, 1.0, 60, clip=1.0)
    jump = np.hypot(np.diff(free.ws), np.diff(free.bs))               # (60,)
    k = int(np.argmax(jump))
    assert jump[k] > 20 and free.ws[k + 1] > 8 and free.bs[k + 1] > 1  # far outside the plotted grid
    assert free.losses[-1] > 0.08 and free.grad_norms[-1] < 1e-6       # stranded on a plateau
    assert clipped.losses.min() < 0.01


def test_descent_path_records_every_iterate():
    path = descent_path(2.0, -1.0, 0.5, 3)
    assert isinstance(path, DescentPath) and path.clip is None
    assert path.ws.shape == path.bs.shape == path.losses.shape == path.grad_norms.shape == (4,)
    loss, g = unit_loss_and_grad(2.0, -1.0)
    assert path.losses[0] == loss
    np.testing.assert_allclose([path.ws[1], path.bs[1]], np.array([2.0, -1.0]) - 0.5 * g)


@pytest.mark.parametrize("call, exc, words", [
    (lambda: unit_forward("1", 0.0), TypeError, "w: expected a real number"),
    (lambda: unit_forward(1.0, np.nan), ValueError, "b: expected a finite number"),
    (lambda: unit_forward(1.0, 0.0, problem={"T": 3}), TypeError, "problem: expected a UnitRNN"),
    (lambda: UnitRNN(T=0), ValueError, "T: expected a positive integer, got 0"),
    (lambda: UnitRNN(activation="relu"), ValueError, "activation: expected one of"),
    (lambda: loss_grid([1.0], [0.0, 1.0]), ValueError, "at least 2 values"),
    (lambda: loss_grid(np.ones((2, 2)), [0.0, 1.0]), ValueError, "ws: expected 1 dimensions"),
    (lambda: descent_path(1.0, 0.0, -0.1, 5), ValueError, "lr: expected a positive"),
    (lambda: descent_path(1.0, 0.0, 0.1, 0), ValueError, "steps: expected a positive integer"),
    (lambda: descent_path(1.0, 0.0, 0.1, 5, clip=0.0), ValueError, "clip: expected a positive"),
    (lambda: find_wall(6.0, 0.0, 1.0), ValueError, "expected h_T − h_0 to change sign"),
    (lambda: find_wall(6.0, 1.0, -5.0), ValueError, "expected b_low < b_high"),
    (lambda: find_wall("6", -5.0, 1.0), TypeError, "w: expected a real number"),
])
def test_argument_errors_name_the_problem(call, exc, words):
    with pytest.raises(exc, match=words):
        call()
