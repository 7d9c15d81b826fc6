"""Every committed notebook that displays widgets carries their state, so a static render
(GitHub, nbviewer, the built book) shows each widget's first state instead of a placeholder.

``tools/run_notebooks.py`` stores it (``store_widget_state=True``); this checks the saved files.
No browser needed: this runs everywhere.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
MODEL_REF = re.compile(r"IPY_MODEL_([0-9a-f]{32})")


def displayed_model_ids(nb) -> list[str]:
    return [out["data"][WIDGET_VIEW]["model_id"] for cell in nb.cells if cell.cell_type == "code"
            for out in cell.outputs if WIDGET_VIEW in out.get("data", {})]


NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
WITH_WIDGETS = [p for p in NOTEBOOKS if displayed_model_ids(nbformat.read(p, as_version=4))]


def test_the_series_displays_widgets():
    assert WITH_WIDGETS, "no committed notebook displays a widget: the checks below would check nothing"


@pytest.mark.parametrize("path", WITH_WIDGETS, ids=lambda p: p.stem)
def test_saved_widget_state_covers_every_displayed_widget(path):
    nb = nbformat.read(path, as_version=4)
    saved = nb.metadata.get("widgets", {}).get(WIDGET_STATE)
    assert saved, f"{path.name}: no metadata.widgets state; save it with tools/run_notebooks.py"
    state = saved["state"]
    for model_id in displayed_model_ids(nb):
        assert model_id in state, f"{path.name}: displayed widget {model_id} has no saved state"
        assert state[model_id]["model_name"].endswith("Model") and "state" in state[model_id]
    # and every model a saved model points to (children, layouts, styles) is saved too
    referenced = set(MODEL_REF.findall(json.dumps(state)))
    missing = referenced - set(state)
    assert not missing, f"{path.name}: saved widgets refer to {len(missing)} models that were not saved"


def test_saved_images_hold_a_png():
    """A saved Image widget holds the PNG that a static render shows, not an empty value."""
    images = 0
    for path in WITH_WIDGETS:
        state = nbformat.read(path, as_version=4).metadata["widgets"][WIDGET_STATE]["state"]
        for model in state.values():
            if model["model_name"] == "ImageModel":
                images += 1
                value = [b for b in model.get("buffers", []) if b["path"] == ["value"]]
                assert value, f"{path.name}: an Image widget was saved without its bytes"
                png = base64.b64decode(value[0]["data"]) if value[0].get("encoding") == "base64" else b""
                assert png.startswith(b"\x89PNG"), f"{path.name}: a saved Image widget is not a PNG"
    if not images:
        pytest.skip("no notebook displays an Image widget yet")
