"""Slide metadata for RISE (and nbconvert --to slides): one slide per section, sub-slides in long ones.

    python tools/slides.py            # lay out every notebook in notebooks/ (in place)
    python tools/slides.py --check    # exit 1, naming the notebook, if one is not laid out

The rules, read from the notebook's own headings (no text is changed, no cell is run):
1. A Markdown cell with a ``## `` or ``### `` heading below its first line is split just before the
   heading, so that every section starts a cell of its own.
2. The first cell (the title) and every cell that starts with ``## `` (a section) are slides.
3. A cell that starts with ``### `` (an exercise, "Things to try") is a sub-slide.
4. Inside a section, a Markdown cell that follows a code cell starts a sub-slide when the current
   (sub-)slide already holds ``LONG`` lines (source lines, plus ``FIGURE_LINES`` for each figure an
   output shows): the explanation and the code under it stay together, and a projector shows them.
5. Every other cell continues the (sub-)slide before it ("-").

Live widgets do not render inside RISE slides (jupyterlab-contrib/rise#119): a slide shows the
widget's saved image at best; run the widget in the demo instead (the teacher's guide says which).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
LONG, FIGURE_LINES = 30, 14
HEADING = re.compile(r"\n(?=#{2,3} )")           # a '## ' or '### ' heading below a cell's first line


def _split(cell) -> list:
    """The Markdown cell ``cell`` cut before every heading below its first line (rule 1)."""
    parts = [p.strip("\n") for p in HEADING.split(cell.source)]
    parts = [p for p in parts if p.strip()]
    if len(parts) <= 1:
        return [cell]
    first = nbformat.from_dict(dict(cell))
    first.source = parts[0]
    return [first] + [nbformat.v4.new_markdown_cell(p) for p in parts[1:]]


def _lines(cell) -> int:
    figures = sum("image/png" in out.get("data", {}) for out in cell.get("outputs", []))
    return cell.source.count("\n") + 1 + FIGURE_LINES * figures


def slide_types(cells) -> list[str]:
    """The slide type of each cell by rules 2-5."""
    types, held, previous = [], 0, None
    for i, cell in enumerate(cells):
        text = cell.source if cell.cell_type == "markdown" else ""
        if i == 0 or text.startswith("## "):
            kind = "slide"
        elif text.startswith("### "):
            kind = "subslide"
        elif cell.cell_type == "markdown" and previous == "code" and held >= LONG:
            kind = "subslide"
        else:
            kind = "-"
        held = _lines(cell) if kind != "-" else held + _lines(cell)
        types.append(kind)
        previous = cell.cell_type
    return types


def lay_out(nb) -> bool:
    """Apply rules 1-5 to ``nb`` in place; True if anything changed."""
    cells = []
    for cell in nb.cells:
        cells += _split(cell) if cell.cell_type == "markdown" else [cell]
    changed = len(cells) != len(nb.cells)
    for cell, kind in zip(cells, slide_types(cells)):
        if cell.metadata.get("slideshow", {}).get("slide_type") != kind:
            cell.metadata["slideshow"] = {"slide_type": kind}
            changed = True
    nb.cells = cells
    return changed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report notebooks that are not laid out")
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.paths or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    stale = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if lay_out(nb):
            stale.append(path.name)
            if not args.check:
                nbformat.write(nb, path)
    verb = "not laid out" if args.check else "laid out"
    print(f"{len(stale)} of {len(paths)} notebooks {verb}" + "".join(f"\n  {s}" for s in stale))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
