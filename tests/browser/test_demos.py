"""The live classroom demos, served by tools/serve_demos.py (Voilà), in a real headless Chromium.

Each test starts the one command on a free port (``--no-preheat``, so the time measured is a cold
start: a kernel, the setup cell and the widget), opens a demo with every request to another host
blocked (and counted: the demo template asks none), waits for the widget's figure, moves the first
slider with the keyboard (focus the handle, ArrowLeft) and checks that the figure's PNG changed. The
code is hidden (Voilà strips the sources). ``--projector`` serves larger, sharper figures and larger
controls. Time to ready is printed and recorded (``record_property``); the bound is generous.
"""

from __future__ import annotations

import base64
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("browser_conftest", Path(__file__).with_name("conftest.py"))
_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_conftest)
missing = _conftest.missing                     # skip, or fail under RNN_REQUIRE_BROWSER=1

try:
    import voila  # noqa: F401
    from playwright.sync_api import expect
except ImportError as exc:  # the importorskip of this folder, with a message that says what to install
    if os.environ.get("RNN_REQUIRE_BROWSER") == "1":
        raise
    pytest.skip(f'{exc.name} is not installed: pip install -e ".[demos,browser]" (and apt-get install -y '
                'chromium)', allow_module_level=True)

from rnn_helpers.widgets._base import DPI, GROW, SHARPEN  # noqa: E402

pytestmark = pytest.mark.browser
READY_BOUND_S = 60.0                      # a cold demo is ready in about 8-15 s on 2 cores
DEMOS = {"01_memory": 6.5, "03_gates": 8.0, "05_temperature": 7.5}   # their figures' widths, in inches
IMG = "img.widget-image"                 # the explorer's figure
IMAGE_BYTES = """async img => {
  const buf = await (await fetch(img.src)).arrayBuffer();
  let s = ''; new Uint8Array(buf).forEach(b => { s += String.fromCharCode(b); });
  return btoa(s);
}"""


@contextmanager
def served(*flags):
    """tools/serve_demos.py on a free port: yields its base URL; stopped afterwards."""
    port = _conftest._free_port()
    cmd = [sys.executable, str(REPO / "tools" / "serve_demos.py"), f"--port={port}", "--no-preheat",
           "--show-tracebacks", *flags]
    log = tempfile.NamedTemporaryFile("w+b", prefix="serve_demos_", suffix=".log", delete=False)
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
    url = f"http://127.0.0.1:{port}"
    try:
        _conftest._wait_until_up(url + "/", proc, Path(log.name), timeout=90, name="serve_demos.py")
        yield url
    finally:
        _conftest._stop(proc, timeout=30)             # serve_demos stops Voila and its kernels
        log.close()
        Path(log.name).unlink()


@pytest.fixture(scope="module")
def server(browser):
    with served() as url:
        yield url


def _image_bytes(img) -> bytes:
    return base64.b64decode(img.evaluate(IMAGE_BYTES))


def block_other_hosts(page) -> list[str]:
    """Abort every request of ``page`` to a host other than this machine; returns the list of them."""
    outside = []

    def only_local(route):
        url = route.request.url
        if urlparse(url).hostname in ("127.0.0.1", "localhost") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", only_local)
    return outside


def open_demo(browser, url, name):
    """(page, seconds to ready, hosts asked): the demo open with the widget's figure shown."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside = block_other_hosts(page)
    start = time.monotonic()
    page.goto(f"{url}/voila/render/{name}.ipynb", wait_until="commit")
    page.wait_for_function(f"() => {{ const img = document.querySelector('{IMG}'); "
                           "return !!img && img.complete && img.naturalWidth > 0; }",
                           timeout=2 * READY_BOUND_S * 1000, polling=100)
    page.locator(".noUi-handle").first.wait_for(timeout=30_000)
    return page, time.monotonic() - start, outside


def move_slider(page):
    """(before, after): the figure's PNG before and after ArrowLeft on the first slider's handle."""
    img, handle = page.locator(IMG).first, page.locator(".noUi-handle").first
    before = _image_bytes(img)
    handle.scroll_into_view_if_needed()
    handle.focus()
    page.keyboard.press("ArrowLeft")
    deadline = time.monotonic() + 30
    after = before
    while after == before and time.monotonic() < deadline:
        time.sleep(0.05)
        after = _image_bytes(img)
    return before, after


def _check_page(page, outside):
    html, text = page.content(), page.inner_text("body")
    assert "setup_notebook(" not in html and "explorer.widget" not in html, "the code is not hidden"
    assert "Traceback" not in text and "Error" not in text, text[:2000]
    assert outside == [], f"the page asked other hosts: {outside}"


@pytest.mark.parametrize("name", DEMOS)
def test_a_demo_is_ready_and_its_slider_moves_the_figure(browser, server, name, record_property):
    page, seconds, outside = open_demo(browser, server, name)
    try:
        print(f"\n{name}: ready in {seconds:.1f} s")
        record_property("seconds_to_ready", round(seconds, 1))
        _check_page(page, outside)
        width = page.locator(IMG).first.evaluate("img => img.naturalWidth")
        before, after = move_slider(page)
        label_px = page.locator(".widget-slider .widget-label").first.evaluate(
            "el => parseFloat(getComputedStyle(el).fontSize)")
    finally:
        page.close()
    assert seconds < READY_BOUND_S, f"{name}: ready after {seconds:.1f} s"
    assert width == round(DEMOS[name] * DPI)
    assert after != before and after.startswith(b"\x89PNG"), f"{name}: ArrowLeft did not change the figure"
    assert label_px == 13.0                                  # ipywidgets' own size


def test_the_index_lists_every_demo_and_asks_no_other_host(browser, server):
    names = sorted(p.name for p in (REPO / "demos").glob("*.ipynb"))
    page = browser.new_page()
    outside = block_other_hosts(page)
    try:
        page.goto(server + "/")
        for name in names:
            expect(page.get_by_text(name).first).to_be_visible(timeout=30_000)
    finally:
        page.close()
    assert outside == [], f"the index asked other hosts: {outside}"


def test_projector_demo_is_larger_and_sharper(browser, record_property):
    with served("--projector") as url:
        page, seconds, outside = open_demo(browser, url, "01_memory")
        try:
            print(f"\n01_memory, projector: ready in {seconds:.1f} s")
            record_property("seconds_to_ready", round(seconds, 1))
            _check_page(page, outside)
            img = page.locator(IMG).first
            width = img.evaluate("img => img.naturalWidth")
            shown = img.evaluate("img => img.getBoundingClientRect().width")
            label_px = page.locator(".widget-slider .widget-label").first.evaluate(
                "el => parseFloat(getComputedStyle(el).fontSize)")
            before, after = move_slider(page)
            expect(page.locator(".rnn-projector")).to_have_count(1)
        finally:
            page.close()
    assert seconds < READY_BOUND_S
    assert width == round(DEMOS["01_memory"] * GROW * DPI * SHARPEN) > 2 * DEMOS["01_memory"] * DPI
    assert shown <= 1400                                      # a browser shrinks it to the page
    assert label_px == 18.0                                   # the slider's label, 13 px normally
    assert after != before, "ArrowLeft did not change the projector figure"
