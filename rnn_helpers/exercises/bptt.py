"""Exercises on backpropagation through time: one backward step, the Jacobian bound, clipping by the
global norm.

The backward step is checked against ``reference.rnn_step_backward`` and against central differences
(``gradcheck.numerical_gradient``); the bound is ``gradients.jacobian_bound``; clipping is checked
against ``gradients.clip_by_global_norm``, the course's numpy equal of ``tf.clip_by_global_norm``
(tests/test_exercise_bank.py compares the two).
"""

from __future__ import annotations

import copy

import numpy as np

from rnn_helpers.exercises.core import Exercise, _run_student, function_exercise, source_of, value_exercise
from rnn_helpers.gradcheck import numerical_gradient, rel_error
from rnn_helpers.gradients import ACTIVATION_DERIVATIVE_BOUND, clip_by_global_norm, jacobian_bound
from rnn_helpers.reference import init_params, orthogonal, rnn_step, rnn_step_backward


def my_rnn_step_backward(dh_next, cache):
    x, h_prev, h, p = cache["x"], cache["h_prev"], cache["h"], cache["params"]
    da = dh_next * (1 - h**2)                 # backprop through tanh: (B, H)
    return {
        "W_hx": da.T @ x,                     # (H, D)
        "W_hh": da.T @ h_prev,                # (H, H)
        "b_h": da.sum(axis=0),                # (H,): summed over the batch
        "x": da @ p["W_hx"],                  # (B, D)
        "h_prev": da @ p["W_hh"],             # (B, H): on to the step before
    }


def _forgot_tanh_slope(dh_next, cache):       # da = dh: the (1 - h²) of tanh left out
    x, h_prev, p = cache["x"], cache["h_prev"], cache["params"]
    da = dh_next
    return {"W_hx": da.T @ x, "W_hh": da.T @ h_prev, "b_h": da.sum(axis=0),
            "x": da @ p["W_hx"], "h_prev": da @ p["W_hh"]}


GRADIENTS = ("W_hx", "W_hh", "b_h", "x", "h_prev")   # in the order the backward step forms them


def _backward_case(B, D, H, seed):
    """(dh_next, cache) and the gradients twice: from the reference step and from central differences."""
    rng = np.random.default_rng(seed)
    x, h_prev, dh_next = rng.normal(size=(B, D)), rng.normal(size=(B, H)), rng.normal(size=(B, H))
    params = init_params("simple_rnn", D, H, scale=0.8, seed=seed)
    _, _, cache = rnn_step(x, (h_prev,), params)
    dx, (dh_prev,), grads = rnn_step_backward(dh_next, None, cache)
    reference = grads | {"x": dx, "h_prev": dh_prev}
    inputs = {"x": x.copy(), "h_prev": h_prev.copy()} | {k: v.copy() for k, v in params.items()}

    def loss():                               # L = Σ dh_next ⊙ h_t, so dL/dh_t = dh_next
        p = {k: inputs[k] for k in params}
        return float(np.sum(dh_next * rnn_step(inputs["x"], (inputs["h_prev"],), p)[0]))

    numerical = {k: numerical_gradient(loss, inputs[k]) for k in GRADIENTS}
    return dh_next, cache, reference, numerical


def _first_wrong(got, reference, numerical, case) -> str | None:
    """What is wrong with a student's dict of gradients on one case (None if nothing is)."""
    if not isinstance(got, dict) or set(GRADIENTS) - set(got):
        missing = f" without {sorted(set(GRADIENTS) - set(got))}" if isinstance(got, dict) else ""
        return f"expected a dict of gradients keyed {list(GRADIENTS)}, got {type(got).__name__}{missing}"
    wrong = []
    for k in GRADIENTS:
        try:
            g = np.asarray(got[k], dtype=float)
        except (TypeError, ValueError):
            return f"the gradient for {k}: expected an array of numbers, got {type(got[k]).__name__}"
        if not np.all(np.isfinite(g)):
            return f"the gradient for {k} on {case} contains NaN or inf; expected finite numbers"
        if g.shape != reference[k].shape:
            return (f"the gradient for {k} on {case}: expected shape {reference[k].shape}, the shape of "
                    f"{k} itself, got {g.shape}")
        errors = rel_error(g, numerical[k]), rel_error(g, reference[k])
        if max(errors) > 1e-6:
            wrong.append((k, errors))
    if not wrong:
        return None
    k, (num, ref) = wrong[0]
    more = f"; {len(wrong) - 1} more after it" if len(wrong) > 1 else ""
    everything = len(wrong) == len(GRADIENTS)
    shared = " All five are off: look first at the step they all share." if everything else ""
    return (f"not yet: on {case} the gradient for {k} is wrong (relative error {num:.2g} against the "
            f"numerical gradient, {ref:.2g} against the reference backward step){more}.{shared}")


def _check_backward(fn):
    cases = [(2, 3, 4, 30), (1, 2, 3, 31), (3, 4, 2, 32)]
    for n, (B, D, H, seed) in enumerate(cases, start=1):
        dh_next, cache, reference, numerical = _backward_case(B, D, H, seed)
        case = f"hidden case {n} of {len(cases)}"
        ran, got = _run_student(fn, [dh_next.copy(), copy.deepcopy(cache)], case,
                                f"dh_next {dh_next.shape}, cache with x {cache['x'].shape}")
        why = got if not ran else _first_wrong(got, reference, numerical, case)
        if why:
            return False, why
    return True, (f"correct on all {len(cases)} hidden cases: every gradient equals the numerical one "
                  "(relative error below 1e-6)!")


rnn_step_backward_exercise = Exercise(
    "write and gradient-check rnn_step_backward",
    _check_backward,
    hint_text="Go backwards through the forward step: first the pre-activation's gradient da from dh_next "
              "(what is the slope of tanh, written with its output h?), then each product. In batch-first "
              "code a = x @ W_hx.T + h_prev @ W_hh.T + b_h: match shapes, a gradient has the shape of its "
              "variable, and the batch is summed over for the parameters.",
    solution_text=source_of(my_rnn_step_backward),
    question="Write `my_rnn_step_backward(dh_next, cache)` for one step of "
             "$h_t = \\tanh(W_{hx} x_t + W_{hh} h_{t-1} + b_h)$. `dh_next` (B, H) is "
             "$\\partial L/\\partial h_t$; `cache` is the third value `rnn_step` returns: "
             "`cache[\"x\"]` (B, D), `cache[\"h_prev\"]` (B, H), `cache[\"h\"]` $= h_t$ (B, H) and "
             "`cache[\"params\"]` (`W_hx` (H, D), `W_hh` (H, H), `b_h` (H,)). Return the dict of "
             "gradients of $L$ with the keys `\"W_hx\"`, `\"W_hh\"`, `\"b_h\"`, `\"x\"`, `\"h_prev\"`, each "
             "of the shape of its variable. On hidden cases the checker compares them with "
             "`reference.rnn_step_backward` and with a numerical gradient (central differences, "
             "`gradcheck.numerical_gradient`) and names the first one that is wrong.",
    reference_solution=my_rnn_step_backward,
    wrong_answer=_forgot_tanh_slope,
    kind="function",
)

_BOUND = float(jacobian_bound(1.5 * orthogonal(4, seed=0), "sigmoid", [20], sigma_max=1.5)[0])

gradient_bound_exercise = value_exercise(
    "bound for ‖W_hh‖₂ = 1.5, sigmoid, lag 20",
    expected=_BOUND, rtol=1e-3,
    question="A sigmoid RNN has $\\|W_{hh}\\|_2 = 1.5$. What is the bound on "
             "$\\|\\partial h_T/\\partial h_{T-20}\\|$? Give a number.",
    hint="γ for the sigmoid is its largest slope, σ'(0) = 1/4. Multiply by ‖W_hh‖₂, raise to the lag.",
    solution=f"(1.5 * {ACTIVATION_DERIVATIVE_BOUND['sigmoid']:g}) ** 20 = 0.375 ** 20 ≈ {_BOUND:.2g}: "
             "the gradient must vanish, even though ‖W_hh‖₂ > 1.",
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
