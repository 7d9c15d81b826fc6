import random

import matplotlib
import numpy as np
import pytest
import tensorflow as tf
from tensorflow.python.framework import config as tf_config  # no public getter in TF 2.21

from rnn_helpers import setup_notebook
from rnn_helpers.environment import versions
from rnn_helpers.plots.style import BASE, PALETTE


@pytest.fixture(autouse=True)
def _restore_rcparams(monkeypatch):
    monkeypatch.delenv("RNN_PROJECTOR", raising=False)            # a teacher's shell may set it
    with matplotlib.rc_context():
        yield


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
    assert matplotlib.rcParams["axes.grid"] is BASE["axes.grid"]
    assert matplotlib.rcParams["axes.prop_cycle"].by_key()["color"] == list(PALETTE)
    assert matplotlib.rcParams["font.size"] == 10                  # not the projector style


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


def _printed(capsys, **kw):
    setup_notebook(seed=3, **kw)
    return capsys.readouterr().out


def test_projector_changes_the_figures_not_what_is_printed(capsys, monkeypatch):
    plain = _printed(capsys)
    lines = plain.splitlines()                                     # what saved notebooks compare
    assert len(lines) == 2 and lines[0].startswith("python==")
    assert lines[1] == "seed 3; TensorFlow op determinism on"
    assert _printed(capsys, projector=True) == plain
    assert (matplotlib.rcParams["font.size"], matplotlib.rcParams["figure.dpi"]) == (14, 150)
    assert _printed(capsys, projector=False) == plain
    assert matplotlib.rcParams["font.size"] == 10
    monkeypatch.setenv("RNN_PROJECTOR", "1")                      # on for every notebook
    assert _printed(capsys) == plain and matplotlib.rcParams["font.size"] == 14
    monkeypatch.setenv("RNN_PROJECTOR", "0")
    assert _printed(capsys) == plain and matplotlib.rcParams["font.size"] == 10


def test_projector_argument_and_variable_are_checked(monkeypatch):
    with pytest.raises(TypeError, match="projector: expected True or False"):
        setup_notebook(projector="yes")
    monkeypatch.setenv("RNN_PROJECTOR", "maybe")
    with pytest.raises(ValueError, match="RNN_PROJECTOR: expected 1 .* got 'maybe'"):
        setup_notebook(show_versions=False)
