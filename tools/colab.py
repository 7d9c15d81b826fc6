"""Colab and Binder, from one constant: the install cell of every notebook and the badges.

    python tools/colab.py            # stamp every notebook and README.md from pyproject.toml
    python tools/colab.py --check    # exit 1, naming the file, if one is out of step

The constant is ``course-source`` in pyproject.toml's ``[tool.rnn-course]`` table: what pip installs
in Colab, a pinned release of the course. The project's public address is not settled, so it is
empty until the publisher sets it, for example to ``git+https://github.com/OWNER/NAME@v0.1.0`` (a tag)
or ``https://github.com/OWNER/NAME/releases/download/v0.1.0/rnn_helpers-0.1.0-py3-none-any.whl``.
Nothing here invents an address.

What is stamped:
1. Every notebook's first code cell is the *install cell*: in Colab (``google.colab`` imported) it
   installs the course with pip into the running kernel, a regular install, importable without a
   runtime restart (an editable one is not); anywhere else it does nothing and prints nothing. With
   the constant empty it stops with an error that says what to do.
2. With a GitHub source, an "Open in Colab" badge under every notebook's title, and in README.md an
   "Open in Colab" badge for 00_start_here and a Binder badge, both at the release's tag. With the
   constant empty there are no badges (a badge would have to point at an invented address); README.md
   says so between its badge markers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import nbformat

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
README = ROOT / "README.md"
FIRST = "00_start_here"
MARK_BEGIN, MARK_END = "<!-- badges: tools/colab.py -->", "<!-- /badges -->"
COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"
BADGE_LINE = re.compile(r"^\[!\[Open In Colab\]\([^)]*\)\]\([^)]*\)\n?", re.M)
INSTALL_TAG = "colab-install"
UNPINNED = {"", "main", "master", "head", "latest", "develop", "trunk"}
GITHUB = (re.compile(r"^git\+https://github\.com/(?P<repo>[\w.-]+/[\w.-]+?)(?:\.git)?@(?P<ref>[^#\s@]+)$"),
          re.compile(r"^https://github\.com/(?P<repo>[\w.-]+/[\w.-]+)/releases/download/(?P<ref>[^/\s]+)/"
                     r"[^/\s]+\.whl$"))

INSTALL_CELL = '''\
# Colab only: install the course's helper package (a pinned release) into this session.
# Anywhere else (JupyterLab, Binder) this cell does nothing. tools/colab.py writes it.
import sys

COURSE_SOURCE = {source}  # what pip installs in Colab; the publisher sets it (pyproject.toml)
if "google.colab" in sys.modules:
    import importlib
    import subprocess

    if not COURSE_SOURCE:
        raise RuntimeError(
            "This copy of the course names no release to install in Colab (COURSE_SOURCE is empty). "
            "Upload the course's wheel to the session and run: %pip install <the wheel's file name>"
        )
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", COURSE_SOURCE], check=True)
    importlib.invalidate_caches()  # a regular install: importable now, no runtime restart'''


def course_source(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """``[tool.rnn-course] course-source`` of pyproject.toml (may be empty: not published yet)."""
    table = tomllib.loads(pyproject.read_text()).get("tool", {}).get("rnn-course", {})
    if "course-source" not in table:
        raise KeyError(f"{pyproject}: expected [tool.rnn-course] course-source = \"...\" (empty until "
                       "the course is published), got no such key")
    source = table["course-source"]
    if not isinstance(source, str):
        raise TypeError(f"course-source: expected a string (a pip requirement), got {source!r}")
    return source.strip()


def github_release(source: str) -> tuple[str, str] | None:
    """(owner/name, tag) of a GitHub ``source``; None when empty; ValueError when it is not pinned."""
    if not source:
        return None
    for pattern in GITHUB:
        match = pattern.match(source)
        if match:
            repo, ref = match["repo"], match["ref"]
            if ref.lower() in UNPINNED:
                raise ValueError(f"course-source: expected a pinned release (a tag such as v0.1.0), got "
                                 f"the branch or alias {ref!r} in {source!r}")
            return repo, ref
    return None


def install_cell_source(source: str) -> str:
    return INSTALL_CELL.format(source=json.dumps(source))


def colab_url(repo: str, ref: str, notebook: str) -> str:
    return f"https://colab.research.google.com/github/{repo}/blob/{ref}/notebooks/{notebook}.ipynb"


def binder_url(repo: str, ref: str) -> str:
    return f"https://mybinder.org/v2/gh/{repo}/{ref}?urlpath=lab/tree/notebooks/{FIRST}.ipynb"


def colab_badge(repo: str, ref: str, notebook: str) -> str:
    return f"[![Open In Colab]({COLAB_BADGE})]({colab_url(repo, ref, notebook)})"


def stamp_notebook(nb, name: str, source: str):
    """``nb`` with its install cell (first code cell) and title badge for ``source``; changed in place."""
    release = github_release(source)
    cells = nb.cells
    first_code = next((i for i, c in enumerate(cells) if c.cell_type == "code"), None)
    if first_code is None:
        raise ValueError(f"{name}: expected a setup code cell, found no code cell")
    code = install_cell_source(source)
    if INSTALL_TAG in cells[first_code].metadata.get("tags", []):
        if cells[first_code].source != code:          # outside Colab it prints nothing either way;
            cells[first_code].source = code           # the count of a saved run stays
            cells[first_code].outputs = []
    else:
        cell = nbformat.v4.new_code_cell(code, id=INSTALL_TAG,     # a stable id, not a random one
                                         metadata={"tags": [INSTALL_TAG], "slideshow": {"slide_type": "-"}})
        cells.insert(first_code, cell)                # a new cell: run the notebook again to count it
    title = cells[0]
    if title.cell_type != "markdown" or not title.source.startswith("# "):
        raise ValueError(f"{name}: expected the first cell to be the '# Title' Markdown cell")
    head, _, rest = title.source.partition("\n")
    rest = BADGE_LINE.sub("", rest.lstrip("\n")).lstrip("\n")
    badge = f"\n{colab_badge(*release, name)}\n" if release else ""
    title.source = head + "\n" + badge + ("\n" + rest if rest else "")
    title.source = title.source.rstrip("\n")
    return nb


def readme_badges(source: str) -> str:
    release = github_release(source)
    if not release:
        body = ("No Colab or Binder badge yet: they need the course's public address, which is not "
                "settled. The publisher sets `course-source` in pyproject.toml (a pinned release) and "
                "runs `python tools/colab.py`, which writes the badges here and in every notebook.")
    else:
        repo, ref = release
        body = (f"{colab_badge(repo, ref, FIRST)} "
                f"[![Binder]({BINDER_BADGE})]({binder_url(repo, ref)})")
    return f"{MARK_BEGIN}\n{body}\n{MARK_END}"


def stamp_readme(text: str, source: str) -> str:
    if text.count(MARK_BEGIN) != 1 or text.count(MARK_END) != 1:
        raise ValueError(f"README.md: expected one {MARK_BEGIN} ... {MARK_END} block, found "
                         f"{text.count(MARK_BEGIN)} begin and {text.count(MARK_END)} end markers")
    start, end = text.index(MARK_BEGIN), text.index(MARK_END) + len(MARK_END)
    return text[:start] + readme_badges(source) + text[end:]


def stamp_all(root: Path = ROOT, source: str | None = None, check: bool = False) -> list[str]:
    """Stamp every notebook and README.md under ``root``; the names of the files that were (or, with
    ``check``, would be) changed."""
    source = course_source(root / "pyproject.toml") if source is None else source
    github_release(source)                                # refuses an unpinned source early
    changed = []
    for path in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        before = path.read_text()
        nb = stamp_notebook(nbformat.reads(before, as_version=4), path.stem, source)
        after = nbformat.writes(nb) + "\n"
        if after != before:
            changed.append(str(path.relative_to(root)))
            if not check:
                path.write_text(after)
    readme = root / "README.md"
    before = readme.read_text()
    after = stamp_readme(before, source)
    if after != before:
        changed.append("README.md")
        if not check:
            readme.write_text(after)
    return changed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a file is out of step")
    args = parser.parse_args(argv)
    changed = stamp_all(check=args.check)
    for name in changed:
        print(("out of step: " if args.check else "stamped: ") + name)
    if args.check and changed:
        print("run `python tools/colab.py` to bring them in step with pyproject.toml's course-source")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
