"""Argument checks of the reference cells, written once: every public step and loop calls them.

A cell is described by its ``param_shapes(D, H)`` and its number of state arrays; these checks
turn a student's arrays into float arrays of the right shapes or raise an error that names the
argument, what it got and what was expected.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import as_array, check_choice, check_params, check_shape
from rnn_helpers.activations import ACTIVATIONS


def check_cell_params(kind, param_shapes, params, D, dtype, *, D_from="x"):
    """Checked float copies of ``params`` (keys and shapes of ``param_shapes(D, H)``); returns (params, H).

    H comes from the recurrent weight; ``D_from`` says where D came from, for the messages.
    """
    names = param_shapes(1, 1)
    check_params("params", params, names)
    recurrent = next(k for k in names if k.startswith("W_") and k.endswith("h"))
    W = as_array(f"params[{recurrent!r}]", params[recurrent], ndim=2, dtype=dtype)
    H = W.shape[0]
    if H == 0:
        raise ValueError(f"params[{recurrent!r}]: expected at least one hidden unit, got shape {W.shape}")
    params = {k: as_array(f"params[{k!r}]", v, dtype=dtype) for k, v in params.items()}
    for name, shape in param_shapes(D, H).items():
        check_shape(f"params[{name!r}] ({kind}, input size D={D} from {D_from}, hidden size H={H})",
                    params[name], shape)
    return params, H


def check_state(name, kind, state, n_states, B, H, dtype, *, default_zeros):
    """A tuple of ``n_states`` checked (B, H) arrays; None gives zeros when ``default_zeros``."""
    if state is None and default_zeros:
        return tuple(np.zeros((B, H), dtype=dtype) for _ in range(n_states))
    if isinstance(state, np.ndarray) and n_states == 1:
        state = (state,)
    if not isinstance(state, (tuple, list)):
        raise TypeError(f"{name}: expected a tuple of {n_states} (B, H) = ({B}, {H}) array(s) for {kind}, "
                        f"got {type(state).__name__}")
    if len(state) != n_states:
        raise ValueError(f"{name}: expected {n_states} array(s) for {kind}, got {len(state)}")
    state = tuple(as_array(f"{name}[{j}]", s, ndim=2, dtype=dtype) for j, s in enumerate(state))
    for j, s in enumerate(state):
        check_shape(f"{name}[{j}]", s, (B, H))
    return state


def check_step_inputs(kind, param_shapes, n_states, x_t, state, params, activation):
    """Checked ``(x_t (B, D), state, params)`` for one step of a cell."""
    check_choice("activation", activation, ACTIVATIONS)
    x_t = as_array("x_t", x_t, ndim=2)                             # (B, D)
    if 0 in x_t.shape:
        raise ValueError(f"x_t: expected at least one example and one feature, got shape {x_t.shape}")
    if not isinstance(state, (tuple, list)):
        raise TypeError(f"state: expected a tuple of {n_states} (B, H) array(s) for {kind}, "
                        f"got {type(state).__name__}")
    params, H = check_cell_params(kind, param_shapes, params, x_t.shape[1], x_t.dtype, D_from="x_t")
    state = check_state("state", kind, state, n_states, x_t.shape[0], H, x_t.dtype, default_zeros=False)
    return x_t, state, params


def check_cache(kind, cache, keys, name="cache"):
    """Raise unless ``cache`` is a forward-step cache of this cell (it holds ``keys``)."""
    if not isinstance(cache, dict):
        raise TypeError(f"{name}: expected the dict returned by the {kind} forward step, "
                        f"got {type(cache).__name__}")
    if cache.get("kind", kind) != kind or set(keys) - set(cache):
        raise ValueError(f"{name}: expected a cache from a {kind} forward step, got one from "
                         f"{cache.get('kind', 'something else')!r} (keys {sorted(cache, key=str)})")
    h = cache["h"]
    if not isinstance(h, np.ndarray) or h.ndim != 2 or not np.issubdtype(h.dtype, np.floating):
        raise ValueError(f"{name}['h']: expected the (B, H) float array the forward step stored, "
                         f"got {type(h).__name__} {np.shape(h)}")


def check_step_backward_inputs(kind, n_states, keys, dh_out, dstate, cache):
    """Checked ``(dh_out (B, H), dstate)`` for one backward step of a cell."""
    check_cache(kind, cache, keys)
    B, H = cache["h"].shape
    dh_out = as_array("dh_out", dh_out, ndim=2, dtype=cache["h"].dtype)
    check_shape("dh_out", dh_out, (B, H))
    dstate = check_state("dstate", kind, dstate, n_states, B, H, cache["h"].dtype, default_zeros=True)
    return dh_out, dstate
