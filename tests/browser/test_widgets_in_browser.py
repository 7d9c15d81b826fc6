"""The widgets in a real JupyterLab and a real browser: they render, and a slider moves the plot.

Each test copies a notebook into the server's temporary folder, opens it in headless Chromium,
runs all its cells through JupyterLab's own "Run All" command, and looks at the page. The keyboard
drives the slider, as a reader without a mouse would: focus the handle, press ArrowRight.
"""

from __future__ import annotations

import base64
import os
import shutil
import time
import uuid
from pathlib import Path

import nbformat
import pytest

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect
except ImportError:  # the importorskip of this folder, with a message that says what to install
    if os.environ.get("RNN_REQUIRE_BROWSER") == "1":
        raise
    pytest.skip('playwright is not installed: pip install -e ".[browser]" (and apt-get install -y chromium)',
                allow_module_level=True)

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
RUN_TIMEOUT_MS = 15 * 60 * 1000          # a notebook's limit is 2 min; 15 min covers a loaded CI machine
EXPLORER_NOTEBOOK = REPO / "notebooks" / "02_backprop_through_time.ipynb"
EXPLORER_SLIDER = "ρ (W_hh = ρQ)"   # the gradient explorer's first slider (rnn_helpers.widgets.gradient)
WIDGET_ERRORS = ("Error displaying widget", "Model not found", "Failed to load model class",
                 "Could not create a view")

# JavaScript run in the page. `panel(path)` finds the notebook by its path, not by focus.
PANEL = """const panel = path => Array.from(window.jupyterapp?.shell.widgets('main') ?? [])
  .find(w => w.context?.path === path && w.content?.model);"""
PANEL_READY = "path => {" + PANEL + """
  return !!panel(path) && panel(path).context.isReady; }"""
START_RUN_ALL = "path => {" + PANEL + """
  const app = window.jupyterapp, nb = panel(path);
  window.__runAll = {done: false};
  app.shell.activateById(nb.id);
  nb.sessionContext.ready
    .then(() => app.commands.execute('notebook:run-all-cells'))
    .then(ok => { window.__runAll = {done: true, ok: ok, error: null}; },
          err => { window.__runAll = {done: true, ok: false, error: String(err)}; }); }"""
KERNEL_IDLE = "path => {" + PANEL + """
  const k = panel(path).sessionContext.session?.kernel;
  return !!k && k.status === 'idle'; }"""
SHUTDOWN = "path => {" + PANEL + """
  return panel(path).sessionContext.shutdown(); }"""
NOTEBOOK_REPORT = "path => {" + PANEL + """
  const cells = panel(path).content.widgets;
  const report = {code: 0, executed: 0, errors: [], views: []};
  cells.forEach((cell, i) => {
    if (cell.model.type !== 'code') return;
    report.code += 1;
    if (cell.model.executionCount !== null) report.executed += 1;
    for (let j = 0; j < cell.model.outputs.length; j++) {
      const out = cell.model.outputs.get(j).toJSON();
      if (out.output_type === 'error') report.errors.push(`cell ${i}: ${out.ename}: ${out.evalue}`);
      const view = out.data && out.data['WIDGET_VIEW'];
      if (!view) continue;
      const node = cell.outputArea.widgets[j]?.node;
      report.views.push({cell: i, model_id: view.model_id, text: node ? node.innerText.slice(0, 300) : '',
                         rendered: !!node?.querySelector('.jupyter-widgets'),
                         height: node ? node.getBoundingClientRect().height : 0});
    }
  });
  return report; }""".replace("WIDGET_VIEW", WIDGET_VIEW)
ALL_RENDERED = f"path => ({NOTEBOOK_REPORT})(path).views.every(v => v.rendered && v.height > 0)"
IMAGE_BYTES = """async img => {
  const buf = await (await fetch(img.src)).arrayBuffer();
  let s = ''; new Uint8Array(buf).forEach(b => { s += String.fromCharCode(b); });
  return btoa(s);
}"""


def notebooks_with_widgets() -> list[Path]:
    """The committed notebooks that display at least one widget."""
    found = []
    for path in sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        if any(WIDGET_VIEW in out.get("data", {}) for cell in nb.cells if cell.cell_type == "code"
               for out in cell.outputs):
            found.append(path)
    return found


def open_and_run_all(browser, lab, notebook: Path):
    """(page, path): a temporary copy of ``notebook`` open in JupyterLab, after Run All finished.

    Each page gets a workspace of its own, so JupyterLab does not reopen earlier tests' notebooks.
    """
    shutil.copy(notebook, lab.notebooks / notebook.name)
    path = f"notebooks/{notebook.name}"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{lab.url}/lab/workspaces/{uuid.uuid4().hex}/tree/{path}?token={lab.token}&reset")
    page.wait_for_function(PANEL_READY, arg=path, timeout=120_000)
    page.evaluate(START_RUN_ALL, path)
    page.wait_for_function("() => window.__runAll.done", timeout=RUN_TIMEOUT_MS, polling=500)
    page.wait_for_function(KERNEL_IDLE, arg=path, timeout=60_000, polling=200)
    run = page.evaluate("() => window.__runAll")
    assert run["error"] is None, f"{notebook.name}: Run All failed: {run['error']}"
    return page, path


def close(page, path):
    """Shut the kernel down (it holds TensorFlow's memory), then close the page."""
    page.evaluate(SHUTDOWN, path)
    page.close()


def notebook_report(page, path, timeout_ms: int = 60_000) -> dict:
    """Cells, errors and every widget view's rendering, once all views rendered (or timed out)."""
    try:
        page.wait_for_function(ALL_RENDERED, arg=path, timeout=timeout_ms, polling=250)
    except PlaywrightTimeout:
        pass                                            # the asserts below say what did not render
    return page.evaluate(NOTEBOOK_REPORT, path)


def image_bytes(locator) -> bytes:
    return base64.b64decode(locator.evaluate(IMAGE_BYTES))


def wait_for_new_image(locator, old: bytes, timeout_s: float = 30.0) -> bytes:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        new = image_bytes(locator)
        if new != old:
            return new
        time.sleep(0.05)
    return old


@pytest.mark.parametrize("notebook", notebooks_with_widgets(), ids=lambda p: p.stem)
def test_every_widget_renders_without_error(browser, lab, notebook):
    page, path = open_and_run_all(browser, lab, notebook)
    try:
        report = notebook_report(page, path)
        page_text = page.inner_text("body")
    finally:
        close(page, path)
    assert report["errors"] == [], f"{notebook.name}: cells raised {report['errors']}"
    assert report["executed"] == report["code"], f"{notebook.name}: not every code cell ran: {report}"
    saved = nbformat.read(notebook, as_version=4)
    n_saved = sum(WIDGET_VIEW in out.get("data", {}) for c in saved.cells if c.cell_type == "code"
                  for out in c.outputs)
    assert len(report["views"]) == n_saved, f"{notebook.name}: {n_saved} widgets saved, {report['views']}"
    for view in report["views"]:
        assert view["rendered"] and view["height"] > 0, f"{notebook.name}: widget not rendered: {view}"
    for error in WIDGET_ERRORS:
        assert error not in page_text, f"{notebook.name}: the page shows {error!r}"


def test_gradient_explorer_follows_the_keyboard(browser, lab, record_property):
    if not EXPLORER_NOTEBOOK.exists():
        pytest.skip(f"{EXPLORER_NOTEBOOK.name} is not in notebooks/ yet")
    page, path = open_and_run_all(browser, lab, EXPLORER_NOTEBOOK)
    try:
        label = page.locator(".widget-label", has_text=EXPLORER_SLIDER)
        area = page.locator(".jp-OutputArea-output", has=label).first
        slider = area.locator(".widget-slider", has=label)
        handle, value = slider.locator(".noUi-handle"), slider.locator(".widget-readout")
        readout, plot = area.locator(".widget-html", has_text="At lag"), area.locator("img")
        expect(readout).to_be_visible(timeout=60_000)
        before = (value.inner_text(), readout.inner_text(), image_bytes(plot))
        handle.scroll_into_view_if_needed()
        handle.focus()
        start = time.monotonic()
        page.keyboard.press("ArrowRight")
        moved_image = wait_for_new_image(plot, before[2])
        record_property("keypress_to_new_plot_ms", round(1000 * (time.monotonic() - start)))
        expect(readout).not_to_have_text(before[1], timeout=30_000)
        moved = (value.inner_text(), readout.inner_text(), moved_image)
        page.keyboard.press("ArrowLeft")
        back_image = wait_for_new_image(plot, moved_image)
        expect(readout).to_have_text(before[1], timeout=30_000)
        back = (value.inner_text(), readout.inner_text(), back_image)
    finally:
        close(page, path)
    assert moved[2] != before[2] and moved[2].startswith(b"\x89PNG"), "ArrowRight did not change the plot"
    assert moved[1] != before[1], "ArrowRight did not change the explorer's readout"
    assert float(moved[0]) > float(before[0]), f"slider value {before[0]} -> {moved[0]}"
    assert back[0] == before[0] and back[1] == before[1], "ArrowLeft did not bring the readout back"
    assert back[2] != moved[2], "ArrowLeft did not redraw the plot"
