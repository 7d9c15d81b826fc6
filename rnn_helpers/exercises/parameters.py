"""Exercises: how many numbers a recurrent layer learns.

Expected counts come from the reference cells' ``param_shapes`` (the maths' own weight shapes);
tests/test_exercise_bank.py checks each against Keras' ``count_params()``.
"""

from __future__ import annotations

import numpy as np

from rnn_helpers._checks import check_positive_int
from rnn_helpers.exercises.core import value_exercise
from rnn_helpers.reference.loop import check_kind


def parameter_count(kind, input_size, hidden_size) -> int:
    """Entries of every parameter of a ``kind`` cell ("simple_rnn", "lstm", "gru") on D inputs, H units."""
    shapes = check_kind(kind).param_shapes(input_size, hidden_size)
    return sum(int(np.prod(shape)) for shape in shapes.values())


def dense_parameter_count(inputs, units) -> int:
    """Dense(units) on ``inputs`` features: a (units, inputs) matrix and a bias (units,)."""
    inputs, units = check_positive_int("inputs", inputs), check_positive_int("units", units)
    return units * (inputs + 1)


simple_rnn_parameters_exercise = value_exercise(
    "parameters of SimpleRNN(64) on 8 features",
    expected=parameter_count("simple_rnn", input_size=8, hidden_size=64), rtol=0,
    question="The series' Keras notebook starts from `layers.SimpleRNN(64, activation='relu')` on "
             "inputs with 8 features per time step. The layer holds $W_{hx}$, $W_{hh}$ and $b_h$ from "
             "$h_t = \\phi(W_{hx} x_t + W_{hh} h_{t-1} + b_h)$, with hidden size H = 64 and input size "
             "D = 8. How many numbers does it learn? Replace `None` with your answer (a number or an "
             "expression).",
    hint="W_hx has shape (H, D), W_hh has shape (H, H) and b_h has shape (H,). Add up their sizes.",
    solution="H*D + H*H + H = H*(D + H + 1) = 64*(8 + 64 + 1) = "
             f"{parameter_count('simple_rnn', 8, 64)}. Keras agrees: "
             "keras.layers.SimpleRNN(64) built on (None, 10, 8) has the same count_params().",
    reference_solution=64 * 8 + 64 * 64 + 64,
    wrong_answer=64 * 8 + 64,                                  # the recurrent matrix forgotten
)
