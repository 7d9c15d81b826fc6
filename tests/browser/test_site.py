"""The offline site (``tools/build_site.py``) in a real Chromium with every other host blocked.

The site is built once for this module, then 02's page is opened from disk (``file://``) and from a
local server on 127.0.0.1. Every request to any other host is aborted and counted, and so is every
request that fails or answers with an error: the maths must be typeset by the vendored MathJax
(its fonts read locally), the gradient explorer's slider drawn by the vendored widget manager from
the notebook's saved state, and nothing may be asked of the network.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

try:
    import playwright.sync_api  # noqa: F401  (the browser fixture drives it)
except ImportError:  # the importorskip of this folder, with a message that says what to install
    if os.environ.get("RNN_REQUIRE_BROWSER") == "1":
        raise
    pytest.skip('playwright is not installed: pip install -e ".[browser]" (and apt-get install -y chromium)',
                allow_module_level=True)

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]
HTML = REPO / "site" / "_build" / "html"
PAGE = "notebooks/02_backprop_through_time.html"
EXPLORER_SLIDER = "ρ (W_hh = ρQ)"   # the gradient explorer's first slider (rnn_helpers.widgets.gradient)
NOTEBOOKS = sorted(p.stem for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
LOCAL = ("file://", "http://127.0.0.1:", "data:", "blob:")
TIMEOUT_MS = 30_000


def _conftest():
    """This folder's conftest.py as a module, for its ``missing()`` (skip here, fail in CI)."""
    path = Path(__file__).with_name("conftest.py")
    spec = importlib.util.spec_from_file_location("_browser_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


missing = _conftest().missing


@pytest.fixture(scope="module")
def site(chromium_path) -> Path:
    """Build the site with the one command; skip (or fail in CI) where Sphinx or npm is missing."""
    if importlib.util.find_spec("myst_nb") is None:
        missing('myst-nb is not installed: pip install -e ".[site]"')
    result = subprocess.run([sys.executable, str(REPO / "tools" / "build_site.py")], cwd=REPO,
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0 and "not found: install Node.js" in result.stderr:
        missing(result.stderr.strip().removeprefix("build_site: "))
    assert result.returncode == 0, f"tools/build_site.py failed:\n{result.stdout}\n{result.stderr}"
    assert "site/_build/html/index.html" in result.stdout
    return HTML


@pytest.fixture(scope="module")
def server(site):
    """``http.server`` on 127.0.0.1 serving the built site; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):   # noqa: A002  (the base class's name)
        pass


@pytest.fixture
def offline_page(browser):
    """A page whose requests to other hosts are aborted; ``.blocked`` and ``.failed`` list them."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.blocked, page.failed, page.requested, page.errors = [], [], [], []

    def route(r):
        url = r.request.url
        page.requested.append(url)
        if url.startswith(LOCAL):
            r.continue_()
        else:
            page.blocked.append(url)
            r.abort("internetdisconnected")

    page.route("**/*", route)
    page.on("requestfailed", lambda req: page.failed.append(f"{req.url} ({req.failure})"))
    page.on("response", lambda resp: resp.status >= 400 and page.failed.append(f"{resp.url} ({resp.status})"))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text[:300]))
    page.on("pageerror", lambda error: page.errors.append(str(error)[:300]))
    yield page
    context.close()


SETTLED = """async () => {
  if (window.MathJax?.startup?.promise) await window.MathJax.startup.promise;   // typeset done
  await document.fonts.ready; }"""                                               # and its fonts read


def _open(page, url: str) -> None:
    """Open ``url`` and wait until MathJax has typeset the page and every font has loaded."""
    page.goto(url, wait_until="load")
    page.evaluate(SETTLED)


def _assert_offline(page) -> None:
    assert not page.blocked, f"the page asked other hosts for: {page.blocked}"
    assert not page.failed, f"requests failed: {page.failed}"
    assert not page.errors, f"the page logged errors: {page.errors}"


UNTYPESET = """() => Array.from(document.querySelectorAll('span.math, div.math'))
  .filter(e => !e.querySelector('mjx-container')).map(e => e.textContent.slice(0, 40))"""


UNDRAWN = """() => Array.from(document.querySelectorAll(
    'script[type="application/vnd.jupyter.widget-view+json"]'))
  .filter(s => !s.parentElement.querySelector('.widget-subarea .jupyter-widgets')).length"""


def _assert_02_renders(page) -> None:
    page.wait_for_selector("article mjx-container", state="attached")
    page.wait_for_function(f"() => ({UNTYPESET})().length === 0")   # every formula, not just the first
    assert page.locator("article mjx-container").count() > 50
    text = page.locator("article").inner_text()
    assert "$h_t" not in text and "\\(h_t" not in text, "raw TeX left on the page"
    assert any("/_static/mathjax/output/chtml/fonts/" in url for url in page.requested), \
        "MathJax read no font from the site"

    slider = page.locator(".jupyter-widgets.widget-slider").filter(has_text=EXPLORER_SLIDER)
    slider.wait_for()
    assert slider.locator(".noUi-handle").count() == 1, "the slider has no handle"
    assert slider.locator(".noUi-handle").is_visible()
    assert "Error displaying widget" not in text and "Loading widget..." not in text
    assert page.locator(".jupyter-widgets img").count() >= 1, "the explorer's saved figure is not shown"


@pytest.mark.parametrize("how", ["file", "http"])
def test_02_typesets_maths_and_renders_the_slider_offline(site, server, offline_page, how):
    base = site.as_uri() if how == "file" else server
    _open(offline_page, f"{base}/{PAGE}")
    _assert_02_renders(offline_page)
    _assert_offline(offline_page)


def test_index_lists_every_notebook_in_order(site, offline_page):
    _open(offline_page, (site / "index.html").as_uri())
    hrefs = offline_page.locator(".toctree-wrapper a.reference.internal").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert [h.removeprefix("notebooks/").removesuffix(".html") for h in hrefs] == NOTEBOOKS
    assert "Recurrent neural networks" in offline_page.locator("h1").first.inner_text()
    _assert_offline(offline_page)


def test_every_page_typesets_its_maths_and_draws_its_widgets_offline(site, offline_page):
    """Each notebook's page from disk: all maths typeset, every saved widget drawn, nothing blocked,
    failed or logged (the checks above, for 02 only, go further)."""
    untypeset = {}
    for stem in NOTEBOOKS:
        _open(offline_page, (site / "notebooks" / f"{stem}.html").as_uri())
        offline_page.wait_for_function(f"() => ({UNDRAWN})() === 0")
        left = offline_page.evaluate(f"({UNTYPESET})()")
        if left:
            untypeset[stem] = left[:3]
        assert "Error displaying widget" not in offline_page.locator("article").inner_text(), stem
    assert not untypeset, f"maths left untypeset: {untypeset}"
    _assert_offline(offline_page)
