"""TEACHERS.md covers every notebook: its run time agrees with the README's bench table, and each
notebook's widget is the demo of its section."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
GUIDE = (ROOT / "TEACHERS.md").read_text(encoding="utf-8")


def _sections() -> dict[str, str]:
    parts = re.split(r"^## (\d\d) · ", GUIDE, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def _bench_seconds() -> dict[str, float]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return {m[0][:2]: float(m[1]) for m in re.findall(r"^\| `(\d\d_\w+)` \| ([\d.]+) s \|", readme, re.M)}


def test_every_notebook_has_a_section_and_nothing_else_does():
    assert sorted(_sections()) == [p.name[:2] for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_a_section_holds_the_run_time_key_ideas_questions_and_demo(path):
    text = _sections()[path.name[:2]]
    for field in ("**Runs in**", "**In class**", "**Key ideas**", "**Ask**", "**Demo**"):
        assert field in text, (path.name, field)
    runs = float(re.search(r"\*\*Runs in\*\* about (\d+) s", text).group(1))
    measured = _bench_seconds()[path.name[:2]]
    assert measured / 1.5 <= runs <= measured * 1.5, (path.name, runs, measured)   # the bench, rounded
    for explorer in sorted(set(re.findall(r"\b(\w+_explorer)\(", path.read_text(encoding="utf-8")))):
        demo = text.split("**Demo**", 1)[1]
        assert f"`{explorer}`" in demo, (path.name, explorer)
