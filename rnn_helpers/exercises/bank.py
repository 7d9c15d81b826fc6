"""Every exercise of the bank, by name: ``all_exercises()["lstm.lstm_step_exercise"]``.

An exercise is a module-level ``Exercise`` in one of ``MODULES`` (named for concepts, not for
notebooks); a notebook imports it, e.g. ``from rnn_helpers.exercises.lstm import lstm_step_exercise``.
"""

from __future__ import annotations

import importlib

from rnn_helpers.exercises.core import Exercise

MODULES = ("parameters", "hidden_state", "bptt", "lstm", "keras_layers", "keras_weights",
           "text_generation", "sentiment", "translation", "forecasting", "speech", "music", "video", "beyond")


def all_exercises() -> dict[str, Exercise]:
    """{"module.name": Exercise} for every exercise of every bank module, in definition order."""
    found = {}
    for module_name in MODULES:
        module = importlib.import_module(f"rnn_helpers.exercises.{module_name}")
        for name, value in vars(module).items():
            if isinstance(value, Exercise):
                found[f"{module_name}.{name}"] = value
    return found
