"""Activation functions φ and their derivatives, by name.

``get_activation("tanh")`` returns ``(phi, dphi_from_output)``: the derivative is written in terms
of the activation's *output* ``a = φ(z)`` (``1 - a**2`` for tanh, ``a (1 - a)`` for sigmoid), which
is what a backward step has in its cache.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from rnn_helpers._checks import as_array, check_choice

Array = np.ndarray


def sigmoid(z: Array) -> Array:
    """σ(z) = 1 / (1 + e^-z), computed without overflow for large |z|.

    Integers are computed in float64 (σ of an integer array is not an integer); NaN gives NaN.
    """
    z = as_array("z", z, finite=False)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


ACTIVATIONS: dict[str, tuple[Callable[[Array], Array], Callable[[Array], Array]]] = {
    "tanh": (np.tanh, lambda a: 1.0 - a**2),
    "sigmoid": (sigmoid, lambda a: a * (1.0 - a)),
    "relu": (lambda z: np.maximum(z, 0.0), lambda a: (a > 0).astype(a.dtype)),
    "linear": (lambda z: z, lambda a: np.ones_like(a)),
}


def get_activation(name: str) -> tuple[Callable[[Array], Array], Callable[[Array], Array]]:
    """Return ``(phi, dphi_from_output)`` for ``name`` in ``ACTIVATIONS``."""
    check_choice("activation", name, ACTIVATIONS)
    return ACTIVATIONS[name]
