"""Write the teacher's answer sheet: every exercise's solution and every widget's "things to try" answers.

    python tools/answer_sheet.py                      # writes _build/answer_sheet.md (make answers)
    python tools/answer_sheet.py --output sheet.md

The notebooks are read as JSON (nothing is executed) to find, in order, which bank exercise each one
imports (``from rnn_helpers.exercises.<module> import <name>``) and which widget it builds; the
answers come from the package (``rnn_helpers.exercises``). Before writing, every reference solution
is run through its checker (it must pass) and every typical wrong answer too (it must fail), so the
sheet never states an answer the notebooks would reject.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rnn_helpers.exercises.bank import all_exercises  # noqa: E402
from rnn_helpers.exercises.core import source_of  # noqa: E402
from rnn_helpers.exercises.things_to_try import THINGS_TO_TRY  # noqa: E402

IMPORT = re.compile(r"from rnn_helpers\.exercises\.(\w+) import (\w+)")
WIDGET = re.compile(r"\b(" + "|".join(map(re.escape, THINGS_TO_TRY)) + r")\(")


def uses(path: Path) -> list[tuple[str, str]]:
    """[("exercise", "lstm.lstm_step_exercise") or ("widget", "gate_explorer"), ...] in cell order."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        found += [("exercise", f"{m}.{n}") for m, n in IMPORT.findall(source)]
        found += [("widget", w) for w in WIDGET.findall(source)]
    return list(dict.fromkeys(found))


def verify(bank) -> None:
    """Every reference solution passes its checker and every typical wrong answer fails, or stop."""
    for name, ex in bank.items():
        with contextlib.redirect_stdout(io.StringIO()):
            right, wrong = ex.check(ex.reference_solution), ex.check(ex.wrong_answer)
        if not right or wrong:
            sys.exit(f"{name}: reference solution {'rejected' if not right else 'ok'}, typical wrong answer "
                     f"{'accepted' if wrong else 'rejected'}: fix the bank before writing answers")


def _answer(value) -> str:
    if callable(value):
        return f"\n\n```python\n{source_of(value)}\n```"
    return f" `{value!r}`"


def exercise_section(number: int, name: str, ex) -> list[str]:
    module, attr = name.split(".")
    solution = (f"```python\n{ex.solution_text}\n```" if ex.kind == "function" else ex.solution_text)
    return [f"### Exercise {number}: {ex.title}", "",
            f"`from rnn_helpers.exercises.{module} import {attr}`", "",
            f"**Question.** {ex.question}", "",
            f"**Hint.** {ex.hint_text}", "",
            f"**Solution.** {solution}" if ex.kind == "value" else f"**Solution.**\n\n{solution}", "",
            f"**Reference answer** (passes the checker):{_answer(ex.reference_solution)}", "",
            f"**Typical wrong answer** (the checker rejects it):{_answer(ex.wrong_answer)}", ""]


def widget_section(widget: str) -> list[str]:
    lines = [f"### Things to try: `{widget}`", ""]
    for n, (question, answer) in enumerate(THINGS_TO_TRY[widget], start=1):
        lines += [f"{n}. **{question}**", "", f"   {answer}", ""]
    return lines


def sheet(notebooks: list[Path]) -> str:
    bank = all_exercises()
    verify(bank)
    lines = ["# Answer sheet (for teachers)", "",
             "Written by `make answers` (tools/answer_sheet.py) from the exercise bank "
             "(`rnn_helpers.exercises`) and the widgets' things to try. Do not hand it out.", ""]
    shown_exercises, shown_widgets = set(), set()
    for path in notebooks:
        found = [(kind, name) for kind, name in uses(path)
                 if name not in (shown_exercises if kind == "exercise" else shown_widgets)]
        if not found:
            continue
        lines += [f"## {path.stem}", ""]
        number = 0
        for kind, name in found:
            if kind == "exercise" and name in bank:
                number += 1
                lines += exercise_section(number, name, bank[name])
                shown_exercises.add(name)
            elif kind == "widget":
                lines += widget_section(name)
                shown_widgets.add(name)
    rest = [name for name in bank if name not in shown_exercises]
    rest_widgets = [w for w in THINGS_TO_TRY if w not in shown_widgets]
    if rest or rest_widgets:
        lines += ["## In the bank, not used by any notebook", ""]
        for number, name in enumerate(rest, start=1):
            lines += exercise_section(number, name, bank[name])
        for widget in rest_widgets:
            lines += widget_section(widget)
    return "\n".join(lines).rstrip() + "\n"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "_build" / "answer_sheet.md")
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks")
    args = parser.parse_args(argv)
    text = sheet(sorted(args.notebooks.glob("*.ipynb")))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    n_ex, n_try = text.count("\n### Exercise "), sum(len(v) for v in THINGS_TO_TRY.values())
    print(f"wrote {args.output} ({n_ex} exercises, {n_try} things to try)")


if __name__ == "__main__":
    main()
