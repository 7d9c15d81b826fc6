"""The one-unit cliff: exact BPTT gradient, grid evaluation, descent with and without clipping."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from rnn_helpers.cliff import (
    DescentPath,
    LossGrid,
    UnitRNN,
    descent_path,
    loss_grid,
    unit_forward,
    unit_loss_and_grad,
)
from rnn_helpers.gradcheck import numerical_gradient, rel_error
from rnn_helpers.plots.surfaces import plot_loss_surface

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


def test_surface_has_a_cliff_across_b_equals_minus_w_over_2():
    # for w > 4 h_0 = 0.5 sits on the unstable fixed point when b = -w/2: the loss jumps there
    w = 6.0
    below, above = unit_loss_and_grad(w, -w / 2 - 0.05)[0], unit_loss_and_grad(w, -w / 2 + 0.05)[0]
    assert below > 0.35 and above < 0.1
    assert np.linalg.norm(unit_loss_and_grad(w, -w / 2)[1]) > 1e3
    assert np.linalg.norm(unit_loss_and_grad(w, -w / 2 - 0.5)[1]) < 1.0


@pytest.mark.parametrize("clip", [0.1, 1.0])
def test_clipping_bounds_each_step(clip):
    lr = 1.0
    path = descent_path(5.25, -3.0, lr, 60, clip=clip)
    steps = np.hypot(np.diff(path.ws), np.diff(path.bs))              # (60,)
    assert steps.max() <= lr * clip * (1 + 1e-12)
    assert path.grad_norms.max() > 100 * clip                         # it did meet the cliff
    # where the gradient is small, the clipped step is the plain gradient step
    small = path.grad_norms[:-1] < clip
    np.testing.assert_allclose(steps[small], lr * path.grad_norms[:-1][small], rtol=1e-9)


def test_unclipped_descent_is_thrown_off_the_cliff():
    free = descent_path(5.25, -3.0, 1.0, 60)
    clipped = descent_path(5.25, -3.0, 1.0, 60, clip=1.0)
    assert np.hypot(np.diff(free.ws), np.diff(free.bs)).max() > 100
    assert free.losses[-1] > 0.08                                     # stranded on a plateau
    assert clipped.losses.min() < 0.01


def test_descent_path_records_every_iterate():
    path = descent_path(2.0, -1.0, 0.5, 3)
    assert isinstance(path, DescentPath) and path.clip is None
    assert path.ws.shape == path.bs.shape == path.losses.shape == path.grad_norms.shape == (4,)
    loss, g = unit_loss_and_grad(2.0, -1.0)
    assert path.losses[0] == loss
    np.testing.assert_allclose([path.ws[1], path.bs[1]], np.array([2.0, -1.0]) - 0.5 * g)


def test_plot_draws_into_the_given_axes():
    fig, ax = plt.subplots()
    grid = loss_grid(np.linspace(2, 8, 6), np.linspace(-5, 1, 5))
    path = descent_path(5.0, -3.0, 1.0, 5, clip=1.0)
    out = plot_loss_surface(grid, ax=ax, paths={"clipped": path}, colorbar=False)
    assert out is ax and len(fig.axes) == 1
    assert ax.get_legend().get_texts()[0].get_text() == "clipped"
    assert ax.get_xlim() == (2.0, 8.0)
    plt.close(fig)


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
    (lambda: plot_loss_surface(np.zeros((2, 2))), TypeError, "grid: expected a LossGrid"),
])
def test_argument_errors_name_the_problem(call, exc, words):
    with pytest.raises(exc, match=words):
        call()
