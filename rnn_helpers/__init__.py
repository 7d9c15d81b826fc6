"""Helpers for the RNN course notebooks.

Import what you need explicitly, e.g. ``from rnn_helpers.reference import forward``.
Importing this package does not import TensorFlow.
"""

from rnn_helpers.environment import setup_notebook

__version__ = "0.1.0"
__all__ = ["setup_notebook", "__version__"]
