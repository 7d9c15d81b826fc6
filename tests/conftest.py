"""Quiet TensorFlow before any test imports it, and draw figures without a display."""

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from rnn_helpers.environment import quiet_tensorflow  # noqa: E402

try:  # only where TensorFlow can be imported: tests/reference/test_literal.py runs without it
    quiet_tensorflow()  # sets the two environment variables, then imports TensorFlow quietly
except ImportError:
    pass


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every figure a test opened, so memory stays flat over the suite."""
    yield
    plt.close("all")
