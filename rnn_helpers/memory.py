"""How long one input lasts in a simple RNN's hidden state: impulse responses and their explorer.

    W_hh = recurrent_matrix(32, radius=0.9)          # (H, H), spectral radius 0.9
    r = impulse_response(W_hh, activation="tanh")    # (steps,): r[k] = ‖Δh_{1+k}‖

Plot with ``rnn_helpers.plots.curves.plot_impulse_responses``; explore with
``rnn_helpers.widgets.memory.memory_explorer``.

Two runs of h_t = φ(W_hx x_t + W_hh h_{t-1}) from h_0 = 0 share every input except x_1: one
gets the pulse, the other x_1 = 0; all later inputs are 0. Their distance at step t = 1 + k is
the pulse's influence k steps later (k = 0: the pulse's own step); array index k holds it.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import (
    as_array,
    check_nonempty,
    check_number,
    check_positive_int,
    check_positive_number,
    check_seed,
    check_shape,
)
from rnn_helpers.activations import get_activation
from rnn_helpers.reference import orthogonal

BLOWUP = 1e100              # a state this large counts as diverged: the rest of the curve is inf
DISPLAY_RANGE = (1e-15, 1e6)  # what the plots show on their log axis; values outside are clipped


def recurrent_matrix(hidden_size, radius, seed=0) -> np.ndarray:
    """W_hh = ρ Q (H, H): a random orthogonal Q scaled by ``radius`` ρ >= 0.

    Every eigenvalue of W_hh then has modulus ρ (so its spectral radius is ρ) and
    ‖W_hh v‖ = ρ‖v‖ for every v. Keras' default recurrent initializer is orthogonal, i.e. ρ = 1.
    The same ``seed`` gives the same Q for every radius: only the scale changes.
    """
    H = check_positive_int("hidden_size", hidden_size)
    return check_number("radius", radius, low=0.0) * orthogonal(H, seed)   # (H, H)


def _pulse_input(W_hx, pulse, hidden_size: int, seed) -> tuple[np.ndarray, np.ndarray]:
    """Checked ``W_hx`` (H, D) (a random unit column if None) and the pulse x_1 (D,)."""
    if W_hx is None:
        w = np.random.default_rng(seed).normal(size=(hidden_size, 1))
        W_hx = w / np.linalg.norm(w)                                    # (H, 1), unit norm
    W_hx = as_array("W_hx", W_hx, ndim=2)
    check_shape(f"W_hx (hidden size H={hidden_size} from W_hh)", W_hx, (hidden_size, None))
    D = W_hx.shape[1]
    if np.ndim(pulse) == 0:
        x0 = np.full(D, check_number("pulse", pulse))                  # (D,)
    else:
        x0 = as_array("pulse", pulse, ndim=1)
        check_shape(f"pulse (input size D={D} from W_hx)", x0, (D,))
    return W_hx, x0


def impulse_response(W_hh, W_hx=None, activation="tanh", steps=50, pulse=1.0,
                     seed=0) -> np.ndarray:
    """Norm of the hidden-state difference caused by one input pulse at t = 1 (the input x_1).

    W_hh (H, H); W_hx (H, D), or None for a random unit column (D = 1) drawn from ``seed``;
    pulse: x_1 as a number (every input unit) or a (D,) vector; activation: a name in
    ``rnn_helpers.activations.ACTIVATIONS``. Returns r (steps,) with
    r[k] = ‖h_{1+k}(x_1 = pulse) − h_{1+k}(x_1 = 0)‖, k = 0..steps-1 steps after the pulse.
    Once a state passes ``BLOWUP`` the run has diverged and the rest of r is ``inf`` (no overflow
    warnings are raised).
    """
    W_hh = as_array("W_hh", W_hh, ndim=2)
    check_shape("W_hh (square)", W_hh, (W_hh.shape[0], W_hh.shape[0]))
    check_nonempty("W_hh", W_hh)
    phi, _ = get_activation(activation)
    steps = check_positive_int("steps", steps)
    W_hx, x0 = _pulse_input(W_hx, pulse, W_hh.shape[0], check_seed(seed))
    h = np.zeros((2, W_hh.shape[0]))                     # (2, H): row 0 no pulse, row 1 pulse
    x = np.stack([np.zeros_like(x0), x0])                # (2, D): the inputs x_1 (index 0)
    r = np.full(steps, np.inf)
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(steps):                                 # index k: step t = 1 + k
            a = h @ W_hh.T + (x @ W_hx.T if k == 0 else 0.0)  # (2, H) pre-activation
            h = phi(a)                                         # (2, H)
            if not np.all(np.abs(h) <= BLOWUP):                # diverged (or NaN): stop here
                break
            r[k] = np.linalg.norm(h[1] - h[0])
    return r


def clip_for_display(r, low=DISPLAY_RANGE[0], high=DISPLAY_RANGE[1]) -> tuple[np.ndarray, str]:
    """Clip a response r (steps,) into [low, high] for a log axis (inf becomes ``high``).

    Returns the clipped copy and a note saying what was clipped from which step ('' if nothing);
    the step is the array index, k steps after the pulse for ``impulse_response``'s r.
    """
    r = as_array("r", r, ndim=1, dtype=np.float64, finite=False)     # (steps,), inf allowed
    check_nonempty("r", r)
    if np.isnan(r).any():
        raise ValueError(f"r: expected a response without NaN, got {int(np.isnan(r).sum())} NaN value(s)")
    low, high = check_positive_number("low", low), check_number("high", high, low=low)
    notes = []
    above, below = np.flatnonzero(r > high), np.flatnonzero(r < low)
    if above.size:
        notes.append(f"above {high:.0e} from step {above[0]} (clipped; the state explodes)")
    if below.size:
        notes.append(f"below {low:.0e} from step {below[0]} (clipped)")
    return np.clip(r, low, high), "; ".join(notes)
