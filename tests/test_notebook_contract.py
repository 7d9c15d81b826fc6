"""The notebooks' test contract, checked on the saved JSON (no kernel, no execution; well under a second).

Strict nbval compares every saved output verbatim. That is right for what is exactly reproducible
(numpy maths on given numbers, shapes, parameter counts, seeded data, booleans) and wrong for
digits that come from training or from anything else that differs across CPUs, BLAS builds and
instruction sets. So the notebooks follow four rules, and this file fails when one is broken:

1. A code cell tagged ``nbval-ignore-output`` (its output is not compared) carries its claim in an
   assert: a line starting with ``assert``, ``np.testing.``, ``assert_allclose``, or
   ``name.check(`` where ``name`` is an exercise of the same notebook (built by ``*_exercise(...)``,
   or imported from ``rnn_helpers.exercises``). Exempt: widget cells (an output holds a widget view,
   or the source builds one: ``*_explorer(``, ``widgets.<Widget>(``, a trailing ``.widget``) and
   cells tagged ``display-only``. ``display(`` alone does not make a widget cell: displayed Markdown
   or HTML is text that a reader takes as a claim.
2. ``display-only`` (cell tag) marks a cell that only shows something already asserted elsewhere
   (a table or plot of results that an earlier or later cell asserts). It must not train.
3. A cell that trains (the patterns of /work/shared/tools/check_notebooks.py, plus a few the course
   uses: ``GradientNormHistory(``, ``compare_architectures(``, a local ``train(``, a sweep's
   ``*_run(``) and prints a float (``0.12``, ``1e-05``) is tagged ``nbval-ignore-output``.
4. Every notebook has the ``python3`` kernelspec; no cell uses a ``# NBVAL_...`` comment (nbclient
   and myst-nb read tags only) or the ``nbval-skip`` tag (a skipped cell runs nowhere, and the
   cells after it may then fail or pass for the wrong reason).
5. No cell keeps execution timestamps in its metadata (``execution``, written by nbclient or
   JupyterLab): a saved notebook holds no timings (``tools/run_notebooks.py`` strips them).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

IGNORE, DISPLAY_ONLY = "nbval-ignore-output", "display-only"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
# check_notebooks.py's patterns, then the course's own training calls.
TRAINS = re.compile(r"\.fit\(|train_on_batch|train_classifier|train_|\.evaluate\("
                    r"|GradientNormHistory\(|compare_architectures\(|\btrain\(|\w+_run\(")
FLOAT_OUT = re.compile(r"\d\.\d{2,}|\de[-+]\d")
ASSERTS = re.compile(r"^\s*assert\b|np\.testing\.|assert_allclose", re.M)
EXERCISE = re.compile(r"^\s*(\w+)\s*=\s*\w*_exercise\(", re.M)             # ex = value_exercise(...)
EXERCISE_IMPORT = re.compile(r"^from rnn_helpers\.exercises[\w.]* import (\w+)(?: as (\w+))?", re.M)
BUILDS_WIDGET = re.compile(r"\w+_explorer\(|\bwidgets\.[A-Z]\w*\(|\.widget\s*\Z")
NBVAL_COMMENT = re.compile(r"#\s*NBVAL_", re.I)


def _printed(outputs) -> str:
    """Every text an output shows (stdout, stderr, text/plain, Markdown, HTML), joined."""
    parts = []
    for out in outputs:
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        for mime in ("text/plain", "text/markdown", "text/html"):
            parts.append(out.get("data", {}).get(mime, ""))
    return "".join("".join(p) if isinstance(p, list) else p for p in parts)


def _is_widget_cell(cell) -> bool:
    shows = any(WIDGET_MIME in out.get("data", {}) for out in cell.get("outputs", []))
    return shows or bool(BUILDS_WIDGET.search(cell.source.strip()))


def contract_findings(nb) -> list[str]:
    """What in one notebook (an nbformat NotebookNode) breaks the contract; [] when it holds."""
    found = []
    spec = nb.metadata.get("kernelspec", {}).get("name")
    if spec != "python3":
        found.append(f"kernelspec is {spec!r}, not 'python3'")
    code = [c for c in nb.cells if c.cell_type == "code"]
    sources = "\n".join(c.source for c in code)
    exercises = set(EXERCISE.findall(sources))
    exercises |= {alias or name for name, alias in EXERCISE_IMPORT.findall(sources) if "exercise" in name}
    names = "|".join(map(re.escape, sorted(exercises)))
    checks = re.compile(rf"\b(?:{names})\.check\(") if exercises else None
    for number, cell in enumerate(code, start=1):
        where = f"code cell {number} (id {cell.get('id')})"
        tags = set(cell.metadata.get("tags", []))
        src = cell.source
        trains = bool(TRAINS.search(src))
        if NBVAL_COMMENT.search(src):
            found.append(f"{where} uses a '# NBVAL_' comment: use a cell tag")
        if "execution" in cell.metadata:
            found.append(f"{where} keeps execution timestamps in its metadata (save with "
                         "tools/run_notebooks.py)")
        if "nbval-skip" in tags:
            found.append(f"{where} is tagged nbval-skip: nothing runs it")
        asserts = bool(ASSERTS.search(src) or (checks and checks.search(src)))
        if IGNORE in tags and not (asserts or _is_widget_cell(cell) or DISPLAY_ONLY in tags):
            found.append(f"{where} ignores its output but asserts nothing (and is neither a widget "
                         f"nor tagged {DISPLAY_ONLY})")
        if DISPLAY_ONLY in tags and trains:
            found.append(f"{where} is tagged {DISPLAY_ONLY} but trains")
        if trains and IGNORE not in tags and FLOAT_OUT.search(_printed(cell.get("outputs", []))):
            found.append(f"{where} trains and prints floats that nbval compares verbatim")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_keeps_the_contract(path):
    found = contract_findings(nbformat.read(path, as_version=4))
    assert found == [], "\n".join([f"{path.name}:", *found])


def test_the_notebooks_are_found():
    assert len(NOTEBOOKS) >= 5, NOTEBOOKS


# --- the check itself, on small synthetic notebooks -------------------------------------------------

def _notebook(*cells, kernel="python3"):
    return nbformat.v4.new_notebook(cells=list(cells), metadata={"kernelspec": {
        "name": kernel, "display_name": "Python 3 (ipykernel)", "language": "python"}})


def _cell(source, *tags, printed=None, data=None):
    outputs = []
    if printed is not None:
        outputs.append(nbformat.v4.new_output("stream", name="stdout", text=printed))
    if data is not None:
        outputs.append(nbformat.v4.new_output("display_data", data=data))
    return nbformat.v4.new_code_cell(source, metadata={"tags": list(tags)}, outputs=outputs)


FIT = "hist = model.fit(x, y, verbose=0).history\nprint(f\"loss {hist['loss'][-1]:.3f}\")"
WIDGET_DATA = {WIDGET_MIME: {"model_id": "abc", "version_major": 2, "version_minor": 0},
               "text/plain": "VBox()"}

BAD = {
    "ignored, asserts nothing": _cell(FIT, IGNORE, printed="loss 0.693\n"),
    "trains, floats compared": _cell(FIT + "\nassert hist['loss'][-1] < 1", printed="loss 0.693\n"),
    "trains, exponent compared": _cell("run = train_classifier('lstm', data)\nprint(f'{run.test_loss:.1e}')",
                                       printed="3.1e-01\n"),
    "NBVAL comment": _cell("# NBVAL_IGNORE_OUTPUT\nprint(1)", printed="1\n"),
    "nbval-skip": _cell("print(1)", "nbval-skip"),
    ".check( of a non-exercise": _cell("v = Validator()\nv.check(model)", IGNORE, printed="ok 0.93\n"),
    "display() of a Markdown table": _cell("display(Markdown(table(runs)))", IGNORE,
                                          data={"text/markdown": "| 0.93 |", "text/plain": "<Markdown>"}),
    "display-only that trains": _cell(FIT, IGNORE, DISPLAY_ONLY, printed="loss 0.693\n"),
    "execution timestamps": nbformat.v4.new_code_cell("print(1)", metadata={
        "execution": {"iopub.execute_input": "2026-12-02T14:52:46.158860Z"}}),
}
GOOD = {
    "ignored with an assert": _cell(FIT + "\nassert abs(hist['loss'][-1] - 0.69) < 0.05", IGNORE,
                                    printed="loss 0.693\n"),
    "ignored with np.testing": _cell("np.testing.assert_allclose(a, b, atol=1e-5)\nprint(a)", IGNORE),
    "widget by its output": _cell("box", IGNORE, data=WIDGET_DATA),
    "widget by its source": _cell("explorer = memory_explorer(radius=0.9)\nexplorer.widget", IGNORE),
    "display-only plot": _cell("plot_training_curves(history)\nprint(f'{best:.3f}')", IGNORE, DISPLAY_ONLY,
                               printed="0.123\n"),
    "exercise check": _cell("ex.check(my_answer)", IGNORE, printed="✓ 0.358\n"),
    "imported exercise check": _cell("from rnn_helpers.exercises.lstm import forget_exercise as ex_f\n"
                                     "ex_f.check(answer)", IGNORE),
    "trains, prints the stable part": _cell("hist = model.fit(x, y).history\nprint(hist['loss'][-1] < 0.5)",
                                            printed="True\n"),
    "exact floats, no training": _cell("print(np.round(W @ x, 4))", printed="[0.1741 0.1779]\n"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_cell_is_flagged(name):
    ex = _cell("ex = value_exercise('n', expected=1)")
    found = contract_findings(_notebook(ex, BAD[name]))
    assert len(found) == 1 and found[0].startswith("code cell 2 "), found


@pytest.mark.parametrize("name", sorted(GOOD))
def test_a_good_cell_passes(name):
    ex = _cell("ex = value_exercise('n', expected=1)")
    assert contract_findings(_notebook(ex, GOOD[name])) == []


def test_a_kernelspec_other_than_python3_is_flagged():
    assert contract_findings(_notebook(_cell("x = 1"), kernel="venv-3.11")) == [
        "kernelspec is 'venv-3.11', not 'python3'"]


def test_a_saved_notebook_round_trip_is_checked(tmp_path):
    path = tmp_path / "bad.ipynb"
    nbformat.write(_notebook(BAD["ignored, asserts nothing"]), path)
    assert contract_findings(nbformat.read(path, as_version=4)) != []
