"""CI and Makefile: .ci/run runs both test targets, the perturbed run keeps TensorFlow quiet, and
`make lab` adds --allow-root only for root."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PERTURB = {"TF_ENABLE_ONEDNN_OPTS": "1", "OPENBLAS_CORETYPE": "Haswell"}


def make_dry_run(target: str, fake_uid: int, tmp_path: Path) -> str:
    """``make -n target`` with ``id -u`` answering ``fake_uid`` (a stub first on PATH)."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    stub = tmp_path / "id"
    stub.write_text(f"#!/bin/sh\necho {fake_uid}\n")
    stub.chmod(0o755)
    env = os.environ | {"PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.run(["make", "-n", target, f"VENV={tmp_path / 'venv'}"], cwd=REPO, env=env,
                          capture_output=True, text=True, check=True)
    return proc.stdout


def test_ci_runs_make_test_then_the_perturbed_notebooks():
    lines = [ln.strip() for ln in (REPO / ".ci" / "run").read_text().splitlines()
             if ln.strip() and not ln.lstrip().startswith("#")]
    calls = [ln for ln in lines if re.match(r"(\w+=\S+ )*make test", ln)]     # commands, not echo lines
    assert calls == ["RNN_REQUIRE_BROWSER=1 make test || status=1", "make test-perturbed || status=1"]
    assert lines[-1] == "exit $status"


def test_test_perturbed_runs_only_the_notebooks_under_both_settings(tmp_path):
    out = make_dry_run("test-perturbed", 1000, tmp_path)
    command = next(ln for ln in out.splitlines() if "-m pytest" in ln)
    assert "/bin/python -m pytest notebooks;" in command
    for key, value in PERTURB.items():
        assert f"{key}={value}" in command


@pytest.mark.parametrize("uid, flag", [(0, True), (1000, False)])
def test_make_lab_allows_root_only_for_root(uid, flag, tmp_path):
    command = next(ln for ln in make_dry_run("lab", uid, tmp_path).splitlines() if "jupyter lab" in ln)
    assert ("--allow-root" in command) is flag
    assert command.endswith("notebooks/00_start_here.ipynb")


CHILD = """
import os
from rnn_helpers.environment import quiet_tensorflow
quiet_tensorflow()
import keras, numpy as np, tensorflow as tf
keras.utils.set_random_seed(0)
tf.config.experimental.enable_op_determinism()
model = keras.Sequential([keras.Input((10, 8)), keras.layers.SimpleRNN(4), keras.layers.Dense(2)])
model.compile("adam", "mse")
model.fit(np.ones((8, 10, 8)), np.ones((8, 2)), epochs=1, verbose=0)
print(os.environ["TF_ENABLE_ONEDNN_OPTS"])
"""


@pytest.mark.parametrize("outside, kept", [("1", "1"), (None, "0")])
def test_quiet_tensorflow_keeps_an_outside_onednn_setting_and_stderr_stays_empty(outside, kept):
    env = {k: v for k, v in os.environ.items() if k not in ("TF_ENABLE_ONEDNN_OPTS", "TF_CPP_MIN_LOG_LEVEL")}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    if outside is not None:
        env["TF_ENABLE_ONEDNN_OPTS"] = outside
    proc = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == kept
    assert proc.stderr == ""                      # no "oneDNN custom operations are on", no CUDA lines
