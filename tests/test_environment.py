import random

import matplotlib
import numpy as np
import pytest
import tensorflow as tf
from tensorflow.python.framework import config as tf_config  # no public getter in TF 2.21

from rnn_helpers import setup_notebook
from rnn_helpers.environment import STYLE, versions


def draws():
    return random.random(), np.random.rand(), float(tf.random.uniform(()))  # noqa: NPY002 (global seeds)


def test_setup_seeds_everything_and_prints_versions(capsys):
    setup_notebook(seed=7)
    first = draws()
    setup_notebook(seed=7)
    assert draws() == first
    setup_notebook(seed=8)
    assert draws() != first
    out = capsys.readouterr().out
    assert "numpy==" in out and "tensorflow==" in out and "keras==" in out
    assert "seed 8; TensorFlow op determinism on" in out
    assert tf_config.is_op_determinism_enabled()
    assert matplotlib.rcParams["axes.grid"] is STYLE["axes.grid"]


def test_versions_are_installed():
    v = versions()
    assert v["tensorflow"] != "missing" and int(v["keras"].split(".")[0]) >= 3


@pytest.mark.parametrize(("seed", "error"), [(-1, ValueError), (1.5, TypeError), ("0", TypeError),
                                             (True, TypeError)])
def test_setup_rejects_bad_seed(seed, error):
    with pytest.raises(error, match="seed: expected a non-negative integer"):
        setup_notebook(seed=seed)


def test_setup_accepts_a_numpy_seed(capsys):
    setup_notebook(seed=np.int64(7), show_versions=False)
    assert capsys.readouterr().out == ""
