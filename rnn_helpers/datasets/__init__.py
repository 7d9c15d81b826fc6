"""Data for the notebooks: synthetic tasks with known structure, and real data shipped with a package.

``synthetic`` (the adding problem, random sequences), ``digits`` (scikit-learn's bundled digits
read row by row). ``load_*`` functions return arrays or a ``SequenceSplits``. No TensorFlow here.
"""
