"""Restart-and-run-all for notebooks, saving outputs and widget state in place.

    python tools/run_notebooks.py notebooks/01_hidden_state.ipynb     # one notebook
    python tools/run_notebooks.py                                      # every notebook

This is how notebooks are saved before a commit: a fresh kernel, top to bottom, outputs kept,
widget state stored so that a static render shows each widget's first state.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def strip_timings(nb) -> None:
    """Drop the execution timestamps nbclient (or JupyterLab) stores in each cell's metadata."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)


def run(path: Path, timeout: int = 600) -> float:
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    # record_timing=False: no per-cell execution timestamps in the saved cell metadata (a saved
    # notebook holds no timings; re-saving an unchanged notebook gives an unchanged file).
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=True,
                            record_timing=False, resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    strip_timings(nb)
    nbformat.write(nb, path)
    return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.paths or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        print(f"{path.name}: {run(path):.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
