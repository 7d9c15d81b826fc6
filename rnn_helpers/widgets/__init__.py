"""The course's widgets: thin layers over the lessons' compute and plot functions.

``gradient.gradient_explorer``, ``memory.memory_explorer``, ``gates.gate_explorer``. Each builder
checks its arguments and returns an ``_base.Explorer``: its ``sliders`` (set ``.value`` to redraw at
once), ``fig``, ``axes``, ``image``, ``readout``, ``widget`` (to display) and ``update()``. One
renderer blits every widget's figure to PNG. Nothing in the package imports a widget.
"""
