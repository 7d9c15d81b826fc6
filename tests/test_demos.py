"""The classroom demos (demos/, written by tools/make_demos.py): one per widget, in step with the
package and with the notebooks, and each one runs and ends in its widget. No browser, no kernel:
the browser test (tests/browser/test_demos.py) serves them with Voilà."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import pkgutil
import sys
from pathlib import Path

import matplotlib
import nbformat
import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

import rnn_helpers.widgets
from rnn_helpers.widgets._base import Explorer

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("make_demos", ROOT / "tools" / "make_demos.py")
make_demos = importlib.util.module_from_spec(_spec)
sys.modules["make_demos"] = make_demos              # NamedTuple needs its module while it is built
_spec.loader.exec_module(make_demos)
DEMOS = {d.name: d for d in make_demos.DEMOS}


def _builders() -> set[str]:
    """Every ``*_explorer`` builder defined in rnn_helpers.widgets, as "module.function"."""
    found = set()
    for info in pkgutil.iter_modules(rnn_helpers.widgets.__path__, "rnn_helpers.widgets."):
        module = importlib.import_module(info.name)
        found |= {f"{info.name.rsplit('.', 1)[1]}.{name}" for name, obj in vars(module).items()
                  if name.endswith("_explorer") and callable(obj) and obj.__module__ == info.name}
    return found


def _notebook_code(notebook: str) -> str:
    nb = json.loads((ROOT / "notebooks" / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


def test_every_widget_has_exactly_one_demo():
    widgets = [d.widget for d in make_demos.DEMOS]
    assert sorted(widgets) == sorted(_builders()), "a widget without a demo, or a demo of no widget"
    assert len(set(widgets)) == len(widgets) and len(DEMOS) == len(widgets)


def test_the_committed_demos_are_what_the_script_writes():
    assert make_demos.outdated() == [], "run python tools/make_demos.py"
    assert sorted(p.stem for p in (ROOT / "demos").glob("*.ipynb")) == sorted(DEMOS)
    assert make_demos.render(make_demos.DEMOS[0]) == make_demos.render(make_demos.DEMOS[0])  # deterministic


def test_pytest_does_not_collect_the_demos():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    options = pyproject["tool"]["pytest"]["ini_options"]
    assert not any(path.split("/")[0] == "demos" for path in options["testpaths"])


@pytest.mark.parametrize("name", DEMOS)
def test_a_demo_is_a_title_the_setup_cell_and_the_widget_cell(name):
    demo = DEMOS[name]
    nb = nbformat.read(ROOT / "demos" / f"{name}.ipynb", as_version=4)
    nbformat.validate(nb)
    assert [c.cell_type for c in nb.cells] == ["markdown", "code", "code"]
    title, setup, widget = nb.cells
    assert title.source.startswith(f"# {demo.title}\n\n") and len(title.source.splitlines()) <= 8
    assert "$" not in title.source                           # no maths: the page needs no MathJax
    assert setup.source == make_demos.SETUP and "setup_notebook(seed=0" in setup.source
    module, builder = demo.widget.split(".")
    assert f"from rnn_helpers.widgets.{module} import {builder}" in widget.source
    assert widget.source.endswith("\nexplorer.widget") and demo.call in widget.source
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    for cell in (setup, widget):
        ast.parse(cell.source)


@pytest.mark.parametrize("name", DEMOS)
def test_a_demo_calls_its_widget_as_its_notebook_does(name):
    demo = DEMOS[name]
    code = _notebook_code(demo.notebook)
    assert demo.call in code, f"notebooks/{demo.notebook}.ipynb no longer calls {demo.call}"


def test_the_temperature_demo_shows_the_notebooks_prompt_on_the_bigram_model():
    from rnn_helpers.widgets.sampling import DEFAULT_PROMPT

    assert f"prompt = {DEFAULT_PROMPT!r}".replace("'", '"') in _notebook_code("05_text_generation")
    assert "bigram model" in DEMOS["05_temperature"].text and "temperature_explorer(temperature=1.0)" \
        in DEMOS["05_temperature"].code


@pytest.mark.parametrize("name", DEMOS)
def test_a_demo_runs_and_ends_in_its_widget(name, monkeypatch):
    """Both cells run in this process (as a kernel would run them); the last line is the widget."""
    monkeypatch.delenv("RNN_PROJECTOR", raising=False)
    nb = nbformat.read(ROOT / "demos" / f"{name}.ipynb", as_version=4)
    setup, widget = nb.cells[1].source, nb.cells[2].source
    body, last = widget.rsplit("\n", 1)
    namespace = {}
    with matplotlib.rc_context():
        exec(compile(setup, f"{name}:setup", "exec"), namespace)
        exec(compile(body, f"{name}:widget", "exec"), namespace)
        shown = eval(compile(last, f"{name}:widget", "eval"), namespace)
    explorer = namespace["explorer"]
    assert isinstance(explorer, Explorer) and shown is explorer.widget
    assert explorer.image.value[:4] == b"\x89PNG"
