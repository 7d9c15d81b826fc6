"""A real JupyterLab in a real (headless) Chromium, for the tests in this folder.

JupyterLab runs on 127.0.0.1 with a random token, ``--LabApp.expose_app_in_browser=True`` (so
``window.jupyterapp`` can be driven), and its own temporary settings, workspace, runtime, config
and data folders, so nothing of the user's setup leaks in. Its root is a temporary folder with
copies of the notebooks (``notebooks/``) beside links to the rest of the repository, so a notebook
that reads ``../data`` still finds it and the real notebooks are never modified.

The browser is Debian's chromium (``apt-get install -y chromium``) driven by Playwright for Python
(``pip install -e ".[browser]"``); Playwright's own browser download is not used. Where one is
missing the tests are skipped with that message, or fail when ``RNN_REQUIRE_BROWSER=1`` (CI).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("RNN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LAB_SETTINGS = {   # plugin id -> settings; news toasts cover the page, windowing skips off-screen cells
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


def missing(message: str):
    """Skip with ``message``, or fail with it where the browser tests are required (CI)."""
    if os.environ.get("RNN_REQUIRE_BROWSER") == "1":
        pytest.fail(message + " (RNN_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve_dir(root: Path) -> Path:
    """root/serve: empty notebooks/ (tests copy into it) and links to the rest of the repo."""
    serve = root / "serve"
    (serve / "notebooks").mkdir(parents=True)
    for entry in REPO.iterdir():
        if entry.name != "notebooks" and not entry.name.startswith("."):
            (serve / entry.name).symlink_to(entry)
    return serve


def _write_settings(settings: Path) -> None:
    for plugin, values in LAB_SETTINGS.items():
        package, name = plugin.rsplit("/", 1)
        path = settings / package / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


def _wait_until_up(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90.0,
                   name: str = "JupyterLab") -> None:
    """Return once ``url`` answers 200; RuntimeError with the end of ``log`` if ``proc`` (``name``)
    exits first or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with {proc.returncode}:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{name} did not answer {url} within {timeout} s:\n{_tail(log)}")


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:]


def _stop(proc: subprocess.Popen, timeout: float = 20.0) -> None:
    """Terminate a server started by a fixture; kill it if it has not exited after ``timeout`` s."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        missing(f"chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium` "
                "(as root; Debian/Ubuntu), or point RNN_CHROMIUM at a Chromium binary")
    return CHROMIUM


@pytest.fixture(scope="session")
def lab(tmp_path_factory, chromium_path):
    """A running JupyterLab: ``.url``, ``.token``, ``.notebooks`` (the folder it serves them from)."""
    root = tmp_path_factory.mktemp("jupyterlab")
    serve, settings, log = _serve_dir(root), root / "settings", root / "lab.log"
    _write_settings(settings)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(root / "runtime"), JUPYTER_CONFIG_DIR=str(root / "config"),
               JUPYTER_DATA_DIR=str(root / "data"), JUPYTER_PLATFORM_DIRS="1")
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={serve}", "--LabApp.expose_app_in_browser=True",
           f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={root / 'workspaces'}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:      # CI containers run as root
        cmd.append("--allow-root")
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=serve)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{url}/api/status?token={token}", proc, log)
        yield SimpleNamespace(url=url, token=token, notebooks=serve / "notebooks", log=log)
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def browser(chromium_path):
    """Headless Debian chromium under Playwright (imported here: the test modules skip without it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()


def pytest_terminal_summary(terminalreporter):
    """Say plainly, even without ``-rs``, why the browser tests did not run."""
    skipped = terminalreporter.stats.get("skipped", [])
    reasons = {str(r.longrepr[-1]).removeprefix("Skipped: ") for r in skipped
               if "tests/browser/" in r.nodeid.replace("\\", "/") and isinstance(r.longrepr, tuple)}
    for reason in sorted(reasons):
        terminalreporter.write_line(f"browser tests skipped: {reason}", yellow=True)
