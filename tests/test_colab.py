"""Colab: every notebook's install cell and badges come from one constant, and a simulated Colab
session installs the course and gets through a notebook's setup without a runtime restart.

The simulation (``test_a_colab_session_runs_the_setup``): a kernel whose Python has every dependency
but not the course (a new virtual environment that sees this one's site-packages through a plain
path entry, so the editable install's finder is not loaded), a stub ``google.colab`` imported at
start-up as Colab's kernel does, an empty working folder (no repository, no data/), no package index
(``PIP_NO_INDEX=1``: what pip installs comes from the wheel; the dependencies must already be there),
and a wheel built from this checkout. ``COURSE_SOURCE`` is stamped with the wheel's path as the
publisher would stamp a release, then the notebook's cells run up to the end of its setup and a
check reads shipped data and a committed sweep from the installed package.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("colab_tool", ROOT / "tools" / "colab.py")
colab = importlib.util.module_from_spec(spec)
spec.loader.exec_module(colab)

EXAMPLE = "git+https://github.com/example-org/rnn-course@v0.1.0"      # a test's example, never published
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_every_notebook_and_the_readme_are_in_step_with_the_constant():
    assert colab.stamp_all(check=True) == [], "run `python tools/colab.py`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_first_code_cell_is_the_install_cell(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    first, setup = code[0], code[1]
    assert colab.INSTALL_TAG in first.metadata.get("tags", [])
    assert first.source == colab.install_cell_source(colab.course_source())
    assert first.outputs == [], "outside Colab the install cell prints nothing"
    assert "setup_notebook(" in setup.source, "the setup cell follows the install cell"
    assert sum(colab.INSTALL_TAG in c.metadata.get("tags", []) for c in code) == 1


def test_outside_colab_the_install_cell_does_nothing():
    namespace = {}
    exec(colab.install_cell_source(EXAMPLE), namespace)  # noqa: S102 - the cell, as a notebook runs it
    assert "subprocess" not in namespace and namespace["COURSE_SOURCE"] == EXAMPLE


def test_in_colab_an_unset_source_says_what_to_do(monkeypatch):
    monkeypatch.setitem(sys.modules, "google.colab", type(sys)("google.colab"))
    with pytest.raises(RuntimeError, match="COURSE_SOURCE is empty.*%pip install"):
        exec(colab.install_cell_source(""), {})  # noqa: S102


@pytest.mark.parametrize(("source", "expected"), [
    ("", None),
    ("git+https://github.com/owner/name@v0.1.0", ("owner/name", "v0.1.0")),
    ("git+https://github.com/owner/name.git@v1.2", ("owner/name", "v1.2")),
    ("https://github.com/owner/name/releases/download/v0.1.0/rnn_helpers-0.1.0-py3-none-any.whl",
     ("owner/name", "v0.1.0")),
    ("/tmp/wheels/rnn_helpers-0.1.0-py3-none-any.whl", None),           # installs, but no badge
])
def test_a_github_release_gives_the_badges_address(source, expected):
    assert colab.github_release(source) == expected


@pytest.mark.parametrize("source", ["git+https://github.com/owner/name@main",
                                    "git+https://github.com/owner/name@HEAD"])
def test_an_unpinned_source_is_refused(source):
    with pytest.raises(ValueError, match="expected a pinned release"):
        colab.github_release(source)


def test_missing_constant_is_named(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    with pytest.raises(KeyError, match=r"\[tool.rnn-course\] course-source"):
        colab.course_source(tmp_path / "pyproject.toml")


def test_publishing_stamps_badges_everywhere_and_unpublishing_restores_the_files(tmp_path):
    for name in ("notebooks", ):
        shutil.copytree(ROOT / name, tmp_path / name)
    for name in ("README.md", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    before = {p.name: p.read_bytes() for p in (tmp_path / "notebooks").glob("*.ipynb")}
    readme = (tmp_path / "README.md").read_text()
    assert "No Colab or Binder badge yet" in readme

    changed = colab.stamp_all(tmp_path, source=EXAMPLE)
    assert len(changed) == len(NOTEBOOKS) + 1
    for path in sorted((tmp_path / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        title = nb.cells[0].source.splitlines()
        url = f"https://colab.research.google.com/github/example-org/rnn-course/blob/v0.1.0/notebooks/{path.name}"
        assert title[0].startswith("# ") and title[1] == "" and title[2] == \
            f"[![Open In Colab]({colab.COLAB_BADGE})]({url})", path.name
        first = next(c for c in nb.cells if c.cell_type == "code")
        assert f'COURSE_SOURCE = "{EXAMPLE}"' in first.source
    readme = (tmp_path / "README.md").read_text()
    assert "colab.research.google.com/github/example-org/rnn-course/blob/v0.1.0/notebooks/00_start_here" \
        in readme
    assert "mybinder.org/v2/gh/example-org/rnn-course/v0.1.0?urlpath=lab/tree/notebooks/00_start_here" \
        in readme
    assert colab.stamp_all(tmp_path, source=EXAMPLE) == []                  # idempotent

    colab.stamp_all(tmp_path, source="")
    assert {p.name: p.read_bytes() for p in (tmp_path / "notebooks").glob("*.ipynb")} == before
    assert (tmp_path / "README.md").read_text() == (ROOT / "README.md").read_text()


# ---- the simulated Colab session -------------------------------------------------------------------

@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of this checkout (no build/ or egg-info left in the checkout)."""
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "_data", "*.egg-info")
    shutil.copytree(ROOT / "rnn_helpers", src / "rnn_helpers", ignore=ignore)
    shutil.copytree(ROOT / "data", src / "data")
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy(ROOT / name, src / name)
    out = work / "dist"
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                          "--quiet", "--disable-pip-version-check", "-w", str(out), str(src)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    (whl,) = out.glob("rnn_helpers-*.whl")
    return whl


def test_the_wheel_carries_the_data_and_the_sweep_results(wheel):
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    data = {p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*") if p.is_file()}
    results = {p.name for p in (ROOT / "rnn_helpers" / "sweeps" / "results").glob("*.json")}
    assert {f"rnn_helpers/_data/{d}" for d in data} <= names
    assert {f"rnn_helpers/sweeps/results/{r}" for r in results} <= names
    assert not any(n.startswith(("tests/", "notebooks/", "data/")) for n in names)


@pytest.fixture(scope="module")
def colab_kernel(tmp_path_factory):
    """A kernelspec 'colab-sim' whose Python has the dependencies, not the course; google.colab stubbed."""
    base = tmp_path_factory.mktemp("colab")
    env = base / "env"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    here = sysconfig.get_paths()["purelib"]
    (Path(purelib) / "_colab_sim_base.pth").write_text(here + "\n")       # a path: its .pth files not run
    stub = base / "stub" / "google" / "colab"                               # namespace 'google' (protobuf)
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text('"""A stand-in for Colab\'s google.colab module."""\n')
    (Path(purelib) / "zz_colab_sim_stub.pth").write_text("import google.colab\n")
    spec_dir = base / "jupyter" / "kernels" / "colab-sim"
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "simulated Colab", "language": "python",
        "env": {"PYTHONPATH": str(base / "stub"), "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                "PYTHONNOUSERSITE": "1"}}))
    empty = base / "content"                                                # Colab's /content
    empty.mkdir()
    probe = subprocess.run([str(python), "-c", "import rnn_helpers"], capture_output=True, text=True,
                           cwd=empty, env={"PYTHONPATH": str(base / "stub"), "PATH": "/usr/bin:/bin"})
    assert "No module named 'rnn_helpers'" in probe.stderr, "the simulated Colab must not see the course"
    return {"jupyter_path": str(base / "jupyter"), "cwd": empty, "purelib": purelib}


CHECK = '''\
import sys
import rnn_helpers
from rnn_helpers.datasets.files import data_dir
from rnn_helpers.datasets.text import load_shakespeare
from rnn_helpers.sweeps import load_sweep
print("google.colab" in sys.modules, rnn_helpers.__file__.startswith({purelib!r}), data_dir().name)
print(len(load_shakespeare()) > 100_000, len(load_sweep("long_range_models").runs) > 0)
'''


@pytest.mark.parametrize("name", ["00_start_here", "09_speech_recognition"])
def test_a_colab_session_runs_the_setup(name, wheel, colab_kernel, monkeypatch):
    from nbclient import NotebookClient

    monkeypatch.setenv("JUPYTER_PATH", colab_kernel["jupyter_path"])
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    colab.stamp_notebook(nb, name, str(wheel))                             # the publisher's setting
    code = [c for c in nb.cells if c.cell_type == "code"]
    # the install cell, the setup cell and the cell of imports after it: the end of the setup
    cells = code[:3] + [nbformat.v4.new_code_cell(CHECK.format(purelib=colab_kernel["purelib"]))]
    kernelspec = {"name": "colab-sim", "display_name": "simulated Colab", "language": "python"}
    run = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": kernelspec})
    NotebookClient(run, kernel_name="colab-sim", timeout=600,
                   resources={"metadata": {"path": str(colab_kernel["cwd"])}}).execute()
    outputs = ["".join(o.get("text", "") for o in c.outputs if o.output_type == "stream") for c in run.cells]
    errors = [o for c in run.cells for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert "seed 0; TensorFlow op determinism on" in outputs[1]
    assert outputs[-1].split() == ["True", "True", "_data", "True", "True"], outputs[-1]
    assert list(colab_kernel["cwd"].iterdir()) == [], "the session's folder stays empty"
