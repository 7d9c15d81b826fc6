"""Quiet TensorFlow before any test imports it, and draw figures without a display."""

import matplotlib

matplotlib.use("Agg")

from rnn_helpers.environment import quiet_tensorflow  # noqa: E402

quiet_tensorflow()
