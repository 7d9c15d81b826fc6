"""One loop over time for every cell, forward and backward (BPTT): check once, then call the pure steps.

A cell is a step function ``step(x_t, state, params, activation) -> (h_t, new_state, cache)`` and
a backward step ``step_backward(dh_out, dstate, cache) -> (dx_t,
dstate_prev, grads)``. The loop owns time; the cells know nothing about sequences.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from rnn_helpers._checks import as_array, check_choice, check_shape
from rnn_helpers.activations import ACTIVATIONS
from rnn_helpers.reference import gru, lstm, simple_rnn
from rnn_helpers.reference.checks import check_cache, check_cell_params, check_state


class Cell(NamedTuple):
    step: object            # the unchecked step (the loop has checked everything once)
    step_backward: object   # the unchecked backward step
    param_shapes: object
    n_states: int
    gates: tuple            # weight blocks in Keras' packing order
    cache_keys: tuple


CELLS = {
    "simple_rnn": Cell(simple_rnn._step, simple_rnn._step_backward, simple_rnn.param_shapes,
                       simple_rnn.N_STATES, simple_rnn.GATES, simple_rnn.CACHE_KEYS),
    "lstm": Cell(lstm._step, lstm._step_backward, lstm.param_shapes, lstm.N_STATES, lstm.GATES,
                 lstm.CACHE_KEYS),
    "gru": Cell(gru._step, gru._step_backward, gru.param_shapes, gru.N_STATES, gru.GATES, gru.CACHE_KEYS),
}


def check_kind(kind) -> Cell:
    """The ``Cell`` of ``kind`` ("simple_rnn", "lstm" or "gru"), or a clear error."""
    return CELLS[check_choice("kind", kind, CELLS)]


def check_inputs(kind, x, params, state0=None, activation="tanh"):
    """Validate a forward call and return ``(cell, x, params, state0)`` as checked float arrays."""
    cell = check_kind(kind)
    check_choice("activation", activation, ACTIVATIONS)
    x = as_array("x", x, ndim=3)                                   # (B, T, D)
    B, T, D = x.shape
    if 0 in x.shape:
        raise ValueError(f"x: expected at least one example, one time step and one feature, "
                         f"got shape {x.shape}")
    params, H = check_cell_params(kind, cell.param_shapes, params, D, x.dtype)
    state0 = check_state("state0", kind, state0, cell.n_states, B, H, x.dtype, default_zeros=True)
    return cell, x, params, state0


def forward(kind, x, params, state0=None, activation="tanh"):
    """Run a cell over a batch of sequences.

    x (B, T, D); params as from ``init_params``; state0: tuple of (B, H) arrays (zeros if None).
    Returns ``hs`` (B, T, H), the final state (a tuple: ``(h_T,)`` or ``(h_T, c_T)``), and the
    list of per-step caches that ``backward`` consumes.
    """
    cell, x, params, state = check_inputs(kind, x, params, state0, activation)
    hs, caches = [], []
    for t in range(x.shape[1]):
        h, state, cache = cell.step(x[:, t], state, params, activation)
        hs.append(h)
        caches.append(cache)
    return np.stack(hs, axis=1), state, caches


def _check_caches(kind, cell, caches):
    if not isinstance(caches, (list, tuple)):
        raise TypeError(f"caches: expected the list returned by forward(), got {type(caches).__name__}")
    if not caches:
        raise ValueError("caches: expected the non-empty list returned by forward(), got an empty one")
    for t, cache in enumerate(caches):
        check_cache(kind, cache, cell.cache_keys, name=f"caches[{t}]")
        if cache["h"].shape != caches[-1]["h"].shape:
            raise ValueError(f"caches: expected the caches of one forward() call (every h of shape "
                             f"{caches[-1]['h'].shape}), got an h of shape {cache['h'].shape}")
    return caches


def backward(kind, dhs, dstate, caches):
    """Backpropagation through time.

    dhs (B, T, H): dL/dh_t from each step's output; dstate: dL/d(final state), a tuple like the
    final state (``None`` for zeros); caches from ``forward``.
    Returns ``dx`` (B, T, D), ``dstate0`` (tuple) and ``grads`` (dict keyed like the parameters).
    """
    cell = check_kind(kind)
    caches = _check_caches(kind, cell, caches)
    B, H = caches[-1]["h"].shape
    dtype = caches[-1]["h"].dtype
    dhs = as_array("dhs", dhs, ndim=3, dtype=dtype)
    check_shape("dhs (B, T, H from the caches)", dhs, (B, len(caches), H))
    dstate = check_state("dstate", kind, dstate, cell.n_states, B, H, dtype, default_zeros=True)
    grads, dxs = None, []
    for t in reversed(range(len(caches))):
        dx_t, dstate, g = cell.step_backward(dhs[:, t], dstate, caches[t])
        grads = g if grads is None else {k: grads[k] + g[k] for k in grads}
        dxs.append(dx_t)
    return np.stack(dxs[::-1], axis=1), dstate, grads
