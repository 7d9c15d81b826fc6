"""Keras models of the course: builders, training runs, callbacks. Importing a module here imports
Keras: call ``rnn_helpers.setup_notebook()`` first.

``layers`` (the one kind -> Keras layer map), ``classifiers`` (sequence classifiers and the
architecture comparison), ``regressors`` (the adding problem's model), ``callbacks``.
"""
