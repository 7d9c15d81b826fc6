"""The cliff of Pascanu, Mikolov and Bengio (2013, Fig. 6): the loss surface of a one-unit RNN.

One hidden unit, no input, run for T steps from a fixed start h_0::

    a_t = w h_{t-1} + b,    h_t = φ(a_t),    L(w, b) = (h_T − target)²

The paper writes the same model on the pre-activation, x_t = w σ(x_{t-1}) + b from x_0 = 0.5,
with error (σ(x_50) − 0.7)²; with h_t = σ(x_t) that is the model above with h_0 = σ(0.5) ≈ 0.622,
T = 50 and target 0.7: ``UnitRNN()``'s defaults, the paper's surface exactly.

For sigmoid φ and w > 4 the map h ↦ σ(w h + b) has two stable fixed points; which one h_T
reaches depends on which side of the unstable one h_0 lies, so L jumps across a thin line in
the (w, b) plane, where h_0 is itself the fixed point, b = logit(h_0) − w h_0: a wall where
the gradient is huge (``find_wall``; for w = 6, b ≈ −3.235). ``descent_path`` runs gradient
descent on this surface, optionally rescaling the gradient when its norm exceeds ``clip``.

    grid = loss_grid(np.linspace(2, 8, 121), np.linspace(-5, 1, 121))
    path = descent_path(w0=5.25, b0=-3.0, lr=1.0, steps=60, clip=1.0)
    ax = plot_loss_surface(grid, paths={"clipped": path})
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_helpers._checks import as_array, check_choice, check_positive_int
from rnn_helpers.activations import get_activation

ACTIVATIONS = ("sigmoid", "tanh")  # bounded units: the surface stays finite
PASCANU_X0 = 0.5                                      # the paper's start, a pre-activation x_0
PASCANU_H0 = float(1.0 / (1.0 + np.exp(-PASCANU_X0)))  # h_0 = σ(x_0) ≈ 0.6225


@dataclass(frozen=True)
class UnitRNN:
    """The one-unit problem: ``T`` steps from ``h0``, loss ``(h_T − target)²``.

    The defaults are Pascanu et al.'s setting (T = 50, h_0 = σ(0.5), target 0.7). The series'
    earlier setting, ``UnitRNN(T=30, h0=0.5)``, is "after Pascanu et al.": h_0 = 0.5 puts the wall
    on the line b = −w/2, which is easier to state but not the paper's figure.
    """

    T: int = 50
    h0: float = PASCANU_H0
    target: float = 0.7
    activation: str = "sigmoid"

    def __post_init__(self):
        check_positive_int("T", self.T)
        check_choice("activation", self.activation, ACTIVATIONS)
        for name in ("h0", "target"):
            _check_number(name, getattr(self, name))


@dataclass(frozen=True)
class LossGrid:
    """Loss over a grid: ``loss[i, j] = L(ws[j], bs[i])`` (rows are b, columns are w)."""

    ws: np.ndarray    # (n_w,)
    bs: np.ndarray    # (n_b,)
    loss: np.ndarray  # (n_b, n_w)


@dataclass(frozen=True)
class DescentPath:
    """Gradient descent iterates: parameters, loss and (unclipped) gradient norm at each one."""

    ws: np.ndarray          # (steps + 1,)
    bs: np.ndarray          # (steps + 1,)
    losses: np.ndarray      # (steps + 1,)
    grad_norms: np.ndarray  # (steps + 1,) ‖∇L‖ before any clipping
    clip: float | None


def _check_number(name, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name}: expected a real number, got {value!r} ({type(value).__name__})")
    if not np.isfinite(value):
        raise ValueError(f"{name}: expected a finite number, got {value}")
    return float(value)


def _problem(problem) -> UnitRNN:
    if problem is None:
        return UnitRNN()
    if not isinstance(problem, UnitRNN):
        raise TypeError(f"problem: expected a UnitRNN (or None for the default), "
                        f"got {type(problem).__name__}")
    return problem


def unit_forward(w, b, problem=None) -> np.ndarray:
    """States ``h_0, h_1, …, h_T`` of the one-unit RNN, shape (T + 1,)."""
    p = _problem(problem)
    w, b = _check_number("w", w), _check_number("b", b)
    phi, _ = get_activation(p.activation)
    hs = np.empty(p.T + 1)                                 # (T + 1,)
    hs[0] = p.h0
    for t in range(1, p.T + 1):
        hs[t] = phi(np.array([w * hs[t - 1] + b]))[0]      # h_t = φ(w h_{t-1} + b)
    return hs


def unit_loss_and_grad(w, b, problem=None) -> tuple[float, np.ndarray]:
    """Loss ``(h_T − target)²`` and its exact gradient ``[∂L/∂w, ∂L/∂b]`` by BPTT, shape (2,)."""
    p = _problem(problem)
    hs = unit_forward(w, b, p)                            # (T + 1,)
    _, dphi = get_activation(p.activation)
    loss = (hs[-1] - p.target) ** 2
    dh = 2.0 * (hs[-1] - p.target)                        # dL/dh_T
    dw = db = 0.0
    for t in range(p.T, 0, -1):
        da = dh * dphi(hs[t:t + 1])[0]                    # backprop through φ
        dw += da * hs[t - 1]                              # a_t = w h_{t-1} + b
        db += da
        dh = da * w                                       # dL/dh_{t-1}: one Jacobian φ'(a_t) w
    return float(loss), np.array([dw, db])


def loss_grid(ws, bs, problem=None) -> LossGrid:
    """Evaluate L(w, b) on every pair of the 1-D arrays ``ws`` and ``bs`` (vectorised)."""
    p = _problem(problem)
    ws = as_array("ws", ws, ndim=1)
    bs = as_array("bs", bs, ndim=1)
    if ws.size < 2 or bs.size < 2:
        raise ValueError(f"ws, bs: expected at least 2 values each, got {ws.size} and {bs.size}")
    phi, _ = get_activation(p.activation)
    W, B = np.meshgrid(ws, bs)                            # (n_b, n_w) each
    h = np.full(W.shape, p.h0)                            # (n_b, n_w)
    for _ in range(p.T):
        h = phi(W * h + B)
    return LossGrid(ws, bs, (h - p.target) ** 2)


def descent_path(w0, b0, lr, steps, clip=None, problem=None) -> DescentPath:
    """Gradient descent from (w0, b0): ``θ ← θ − lr·g``, with ``g`` rescaled to norm ``clip``
    when ``‖g‖ > clip`` (Pascanu et al. 2013), so that each step has length at most ``lr·clip``."""
    p = _problem(problem)
    theta = np.array([_check_number("w0", w0), _check_number("b0", b0)])
    lr = _check_number("lr", lr)
    if lr <= 0:
        raise ValueError(f"lr: expected a positive learning rate, got {lr}")
    steps = check_positive_int("steps", steps)
    if clip is not None and _check_number("clip", clip) <= 0:
        raise ValueError(f"clip: expected a positive threshold or None, got {clip}")
    thetas, losses, norms = [], [], []
    for step in range(steps + 1):
        loss, g = unit_loss_and_grad(theta[0], theta[1], p)
        thetas.append(theta.copy())
        losses.append(loss)
        norms.append(float(np.linalg.norm(g)))
        if step == steps:
            break
        if clip is not None and norms[-1] > clip:
            g = g * (clip / norms[-1])                     # rescale, keep the direction
        theta = theta - lr * g                             # one gradient descent step
    thetas = np.array(thetas)                              # (steps + 1, 2)
    return DescentPath(thetas[:, 0], thetas[:, 1], np.array(losses), np.array(norms),
                       None if clip is None else float(clip))


def find_wall(w, b_low=-10.0, b_high=10.0, problem=None, tol=1e-12) -> float:
    """The bias b in [b_low, b_high] where h_0 is a fixed point of h ↦ φ(w h + b), by bisection.

    Below it h_T falls from h_0 towards the lower stable fixed point, above it h_T rises towards the
    upper one: bisection on the sign of h_T − h_0 (which basin h_T is in). For sigmoid φ with w > 4
    (tanh: w > 1) near this b, h_0 is the unstable fixed point and the loss jumps there: the wall.
    Raises ValueError if h_T − h_0 has the same sign at both ends (no crossing in the range).
    """
    p = _problem(problem)
    w, lo, hi = _check_number("w", w), _check_number("b_low", b_low), _check_number("b_high", b_high)
    if not lo < hi or _check_number("tol", tol) <= 0:
        raise ValueError(f"b_low, b_high, tol: expected b_low < b_high and tol > 0, got {lo}, {hi}, {tol}")

    def side(b):                                          # which basin h_T is in: −1, 0 or +1
        return np.sign(unit_forward(w, b, p)[-1] - p.h0)

    if side(lo) == side(hi):
        raise ValueError(f"b_low, b_high: expected h_T − h_0 to change sign between them for w = {w}, "
                         f"got the same sign at b = {lo} and b = {hi}")
    low_side = side(lo)
    while hi - lo > tol:
        mid = 0.5 * (lo + hi)
        if side(mid) == low_side:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)
