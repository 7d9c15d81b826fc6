"""The course's widgets: thin layers over the lessons' compute and plot functions.

``gradient.gradient_explorer``, ``memory.memory_explorer``, ``gates.gate_explorer``. Each builder
returns its handles (sliders, figure, the function that redraws) so that tests can move a slider.
Nothing in the package imports a widget.
"""
