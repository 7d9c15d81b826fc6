"""Exercises on backpropagation through time: the Jacobian bound, and clipping by the global norm.

The bound is ``gradients.jacobian_bound``; clipping is checked against ``gradients.clip_by_global_norm``,
the course's numpy equal of ``tf.clip_by_global_norm`` (tests/test_exercise_bank.py compares the two).
"""

from __future__ import annotations

import numpy as np

from rnn_helpers.exercises.core import function_exercise, source_of, value_exercise
from rnn_helpers.gradients import ACTIVATION_DERIVATIVE_BOUND, clip_by_global_norm, jacobian_bound
from rnn_helpers.reference import orthogonal

_BOUND = float(jacobian_bound(1.5 * orthogonal(4, seed=0), "sigmoid", [20], sigma_max=1.5)[0])

gradient_bound_exercise = value_exercise(
    "bound for σ_max = 1.5, sigmoid, lag 20",
    expected=_BOUND, rtol=1e-3,
    question="A sigmoid RNN has $\\sigma_{\\max}(W_{hh}) = 1.5$. What is the bound on "
             "$\\|\\partial h_T/\\partial h_{T-20}\\|$? Give a number.",
    hint="γ for the sigmoid is its largest slope, σ'(0) = 1/4. Multiply by σ_max, raise to the lag.",
    solution=f"(1.5 * {ACTIVATION_DERIVATIVE_BOUND['sigmoid']:g}) ** 20 = 0.375 ** 20 ≈ {_BOUND:.2g}: "
             "the gradient must vanish, even though σ_max > 1.",
    reference_solution=(1.5 * 0.25) ** 20,
    wrong_answer=1.5 ** 20,                                    # γ forgotten: the tanh bound
)


def _reference_clip(G, max_norm):
    clipped, _ = clip_by_global_norm(list(G), max_norm)       # the rows as separate variables
    return np.stack(clipped)


def clip_global(G, max_norm):
    norm = np.linalg.norm(G)                               # the global norm: all entries at once
    return G if norm <= max_norm else G * (max_norm / norm)


def _clip_each_row(G, max_norm):                           # Keras' clipnorm=: each variable on its own
    norms = np.linalg.norm(G, axis=1, keepdims=True)
    return G * np.minimum(1.0, max_norm / norms)


def _clip_cases(seed=5):
    rng = np.random.default_rng(seed)
    return [(rng.normal(size=(3, 4)), 1.0), (0.01 * rng.normal(size=(2, 5)), 1.0),
            (rng.normal(size=(5, 2)) * 10, 2.5)]


clip_global_exercise = function_exercise(
    "clipping by the global norm", _reference_clip, _clip_cases(),
    question="Write `clip_global(G, max_norm)`. `G` is a 2-D array whose rows are the gradients of "
             "different variables (flattened, of equal length here for convenience). Return `G` "
             "unchanged if its global norm $\\|G\\| = \\sqrt{\\sum_{ij} G_{ij}^2}$ is at most "
             "`max_norm`, otherwise `G * max_norm / ‖G‖`. It is checked on hidden cases against "
             "the clipping of Pascanu et al., as `tf.clip_by_global_norm` computes it.",
    hint="np.linalg.norm(G) is the global norm (all entries). Rescale only when it is too large.",
    solution=source_of(clip_global),
    reference_solution=clip_global,
    wrong_answer=_clip_each_row,
)
