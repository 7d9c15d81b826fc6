"""Every ``plot_*`` of the course: draws into ``ax`` (a new figure when None) and returns the Axes.

``curves`` (lines against lag, step or epoch), ``diagrams`` (the unrolled RNN, the LSTM and GRU
cells), ``heatmaps`` (states and gates over time), ``surfaces`` (loss surfaces). Import from the
module: ``from rnn_helpers.plots.curves import plot_gradient_norms``.
"""
