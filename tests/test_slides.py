"""Every notebook is a talk for RISE: one slide per section, sub-slides in long sections (tools/slides.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
_spec = importlib.util.spec_from_file_location("slides", ROOT / "tools" / "slides.py")
slides = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(slides)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_notebook_is_laid_out_as_slides(path):
    nb = nbformat.read(path, as_version=4)
    kinds = [c.metadata.get("slideshow", {}).get("slide_type") for c in nb.cells]
    assert None not in kinds, "a cell without slide metadata: run python tools/slides.py"
    assert kinds[0] == "slide" and nb.cells[0].source.startswith("# ")
    for cell, kind in zip(nb.cells, kinds):
        if cell.cell_type == "markdown":
            assert "\n## " not in cell.source and "\n### " not in cell.source, "a heading mid-cell"
            if cell.source.startswith("## "):
                assert kind == "slide", cell.source[:60]
        if kind == "slide" and cell is not nb.cells[0]:
            assert cell.source.startswith("## "), f"a slide that is not a section: {cell.source[:60]!r}"
    assert kinds.count("slide") >= 5                      # title, setup, lesson sections, exercises, summary
    assert not slides.lay_out(nb), "the saved layout differs from tools/slides.py's: run it"


def _nb(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(s) if kind == "md" else nbformat.v4.new_code_cell(s)
                for kind, s in cells]
    return nb


def test_a_heading_mid_cell_is_split_and_starts_a_slide():
    nb = _nb(("md", "# Title\n\nintro"), ("md", "text of section 0\n\n## 1. One\n\nmore"), ("code", "x = 1"),
             ("md", "### Exercise 1\n\nq"))
    assert slides.lay_out(nb)
    assert [c.source for c in nb.cells] == ["# Title\n\nintro", "text of section 0", "## 1. One\n\nmore",
                                            "x = 1", "### Exercise 1\n\nq"]
    assert [c.metadata.slideshow.slide_type for c in nb.cells] == ["slide", "-", "slide", "-", "subslide"]
    assert not slides.lay_out(nb)                         # a second run changes nothing


def test_a_long_section_gets_sub_slides_at_text_after_code():
    long_code = "\n".join(f"x{i} = {i}" for i in range(slides.LONG))
    nb = _nb(("md", "# T"), ("md", "## 1. A"), ("code", long_code), ("md", "next idea"), ("code", "y = 2"),
             ("md", "short note"))
    slides.lay_out(nb)
    kinds = [c.metadata.slideshow.slide_type for c in nb.cells]
    assert kinds == ["slide", "slide", "-", "subslide", "-", "-"]
