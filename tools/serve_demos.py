"""Serve the live classroom demos (demos/*.ipynb) with Voilà: one command, code hidden, widgets live.

    python tools/serve_demos.py               # http://127.0.0.1:8866/ lists the demos
    python tools/serve_demos.py --projector   # larger text and sharper figures (RNN_PROJECTOR=1)
    python tools/serve_demos.py --port 9000 --no-preheat

Voilà runs each demo in a kernel of its own when its page is opened and shows only the Markdown and
the outputs (code cells are stripped, Voilà's default). By default every demo's kernel is preheated:
Voilà runs each demo once at start (in the background, about half a minute on two cores) and keeps
the result, so a page opened afterwards is ready at once; a page opened again gets a fresh kernel.
``--projector`` sets RNN_PROJECTOR=1 for the kernels, so ``setup_notebook()`` turns on the course's
projector style and every widget and plot grows (``rnn_helpers.widgets._base``).

The pages use the ``rnn-demos`` template (tools/voila_templates): Voilà's lab template without the
font-awesome stylesheets it would fetch from cdn.jsdelivr.net, so a page asks no other host and a
classroom without a network is fine. Stop the server with Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMOS_DIR = ROOT / "demos"
TEMPLATES = ROOT / "tools" / "voila_templates"       # holds voila/templates/rnn-demos
TEMPLATE = "rnn-demos"
DEFAULT_PORT = 8866


def voila_command(port: int, *, preheat: bool = True, show_tracebacks: bool = False) -> list[str]:
    """The Voilà command line: demos/ on 127.0.0.1:port, no browser, no port fallback."""
    cmd = [sys.executable, "-m", "voila", str(DEMOS_DIR), "--no-browser", f"--port={port}",
           "--Voila.ip=127.0.0.1", "--Voila.port_retries=0", f"--template={TEMPLATE}",
           f"--show_tracebacks={show_tracebacks}"]
    if preheat:
        cmd += ["--preheat_kernel=True", "--pool_size=1"]
    return cmd


def voila_env(projector: bool) -> dict[str, str]:
    """This environment, with the demo template on JUPYTER_PATH and RNN_PROJECTOR set (1 or 0)."""
    paths = [str(TEMPLATES)] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    return dict(os.environ, JUPYTER_PATH=os.pathsep.join(paths), RNN_PROJECTOR="1" if projector else "0")


def demo_urls(port: int) -> list[str]:
    return [f"http://127.0.0.1:{port}/voila/render/{p.name}" for p in sorted(DEMOS_DIR.glob("*.ipynb"))]


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> bool:
    """True once ``url`` answers, False if the server exited or did not answer within ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.3)
    return False


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    parser.add_argument("--projector", action="store_true",
                        help="larger fonts and sharper figures in every widget and plot (RNN_PROJECTOR=1)")
    parser.add_argument("--no-preheat", dest="preheat", action="store_false",
                        help="start each demo's kernel only when its page is opened")
    parser.add_argument("--show-tracebacks", action="store_true", help="show errors' tracebacks on the page")
    args = parser.parse_args(argv)
    if not 0 < args.port < 65536:
        parser.error(f"--port: expected a port number in 1..65535, got {args.port}")
    try:
        import voila  # noqa: F401  (only to say what is missing)
    except ImportError:
        print('Voilà is not installed: pip install -e ".[demos]"', file=sys.stderr)
        return 2
    cmd = voila_command(args.port, preheat=args.preheat, show_tracebacks=args.show_tracebacks)
    proc = subprocess.Popen(cmd, env=voila_env(args.projector), cwd=DEMOS_DIR)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))       # terminated: stop Voilà too (finally)
    try:
        if not wait_until_up(f"http://127.0.0.1:{args.port}/", proc):
            proc.terminate()
            print(f"Voilà did not start on port {args.port} (in use?)", file=sys.stderr)
            return 1
        mode = "projector" if args.projector else "normal"
        print(f"\nThe demos ({mode} mode): http://127.0.0.1:{args.port}/", flush=True)
        for url in demo_urls(args.port):
            print(f"  {url}", flush=True)
        if args.preheat:
            print("Kernels are being preheated: a demo is ready at once about half a minute after start.",
                  flush=True)
        print("Ctrl-C stops the server.", flush=True)
        return proc.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


if __name__ == "__main__":
    sys.exit(main())
