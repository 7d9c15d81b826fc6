"""Build the offline static site: every notebook from its saved outputs, maths typeset, widgets live.

    python tools/build_site.py        # -> site/_build/html/index.html

1. ``npm ci`` in ``site/`` installs the front-end files at the versions and checksums of
   ``site/package-lock.json`` (skipped when ``node_modules`` already holds that lock file).
2. MathJax 3, RequireJS and the Jupyter widgets' HTML manager are copied into ``site/_build/vendor``
   (Sphinx's static path), so the pages load them from beside themselves, never from a CDN.
3. Sphinx with MyST-NB renders ``site/index.md`` and ``notebooks/*.ipynb`` (copied into
   ``site/_build/src``) without executing anything: outputs and widget state are the saved ones.
4. Every page is checked: no script, stylesheet, image or frame from another host or missing from
   the site, no
   ``crossorigin`` attribute (from disk a page's origin is "null" and CORS blocks such a script),
   and no widget whose code would have to come from a CDN. Any failure exits non-zero and says why.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
NOTEBOOKS = ROOT / "notebooks"
BUILD = SITE / "_build"
SRC, VENDOR, HTML, DOCTREES = BUILD / "src", BUILD / "vendor", BUILD / "html", BUILD / "doctrees"
MODULES = SITE / "node_modules"
STAMP = MODULES / ".lock-sha256"        # written after a successful `npm ci`
NPM_HINT = "install Node.js and npm: apt-get install -y nodejs npm"
BUILT_IN_WIDGETS = {"@jupyter-widgets/base", "@jupyter-widgets/controls", "@jupyter-widgets/output"}
# vendor path <- node_modules path (a folder is copied whole, minus what the pages never load)
VENDORED = {
    "require.js": "requirejs/require.js",
    "embed-amd.js": "@jupyter-widgets/html-manager/dist/embed-amd.js",
    "mathjax": "mathjax/es5",
}
MATHJAX_UNUSED = ["tex-mml-*.js", "tex-svg*.js", "mml-*.js", "tex-chtml-full*.js", "node-main.js",
                  "latest.js"]                                    # other combined builds; the CDN loader
WIDGET_FONTS = ("*.woff2", "*.woff", "*.ttf", "*.eot", "*.svg")   # the manager loads them beside itself
EXTERNAL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.IGNORECASE)
CHECKED_TAGS = {"script": ("src",), "link": ("href",), "img": ("src", "srcset"), "iframe": ("src",),
                "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
                "embed": ("src",), "object": ("data",)}


class BuildError(RuntimeError):
    """A build step or a post-check failed; the message says which and why."""


def _run(cmd: list[str], cwd: Path) -> None:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()[-4000:]
        raise BuildError(f"`{' '.join(cmd)}` failed with exit code {result.returncode}:\n{output}")


def npm_install() -> None:
    """``npm ci`` in site/, unless node_modules was installed from this very lock file."""
    lock = SITE / "package-lock.json"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == digest:
        return
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            raise BuildError(f"`{tool}` not found: {NPM_HINT}")
    print("npm ci (site/package-lock.json) ...")
    _run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=SITE)
    STAMP.write_text(digest + "\n")


def vendor() -> None:
    """Copy the front-end files from node_modules into Sphinx's static path (site/_build/vendor)."""
    shutil.rmtree(VENDOR, ignore_errors=True)
    VENDOR.mkdir(parents=True)
    for target, source in VENDORED.items():
        path = MODULES / source
        if not path.exists():
            raise BuildError(f"{path.relative_to(ROOT)} is missing: delete site/node_modules and rebuild")
        if path.is_dir():
            shutil.copytree(path, VENDOR / target, ignore=shutil.ignore_patterns(*MATHJAX_UNUSED))
        else:
            shutil.copy2(path, VENDOR / target)
    for pattern in WIDGET_FONTS:
        for font in (MODULES / "@jupyter-widgets/html-manager/dist").glob(pattern):
            shutil.copy2(font, VENDOR / font.name)


def notebooks() -> list[Path]:
    found = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if not found:
        raise BuildError(f"no notebooks found in {NOTEBOOKS.relative_to(ROOT)}/")
    return found


def check_widget_modules(paths: list[Path]) -> None:
    """Fail on a saved widget whose JavaScript the HTML manager would fetch from a CDN."""
    for path in paths:
        metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
        state = metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
        modules = {model.get("model_module") for model in state.get("state", {}).values()}
        foreign = sorted(str(m) for m in modules - BUILT_IN_WIDGETS)
        if foreign:
            raise BuildError(f"{path.name} saves widgets from {', '.join(foreign)}: their code would come "
                             "from a CDN when the page is read; only ipywidgets' own widgets work offline")


def stage(paths: list[Path]) -> None:
    """Sphinx's source folder: index.md and copies of the notebooks (read only, never executed)."""
    (SRC / "notebooks").mkdir(parents=True, exist_ok=True)
    shutil.copy2(SITE / "index.md", SRC / "index.md")
    wanted = {p.name for p in paths}
    for old in (SRC / "notebooks").glob("*.ipynb"):
        if old.name not in wanted:
            old.unlink()
    for path in paths:
        shutil.copy2(path, SRC / "notebooks" / path.name)


def sphinx() -> None:
    """A fresh build every time (a few seconds): no page or image is left from an earlier one."""
    shutil.rmtree(HTML, ignore_errors=True)
    shutil.rmtree(DOCTREES, ignore_errors=True)
    _run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going",   # a warning fails
          "-c", str(SITE), "-d", str(DOCTREES), str(SRC), str(HTML)], cwd=ROOT)


class _Tags(HTMLParser):
    """Collects the problems of one page: external resources, crossorigin attributes."""

    def __init__(self, folder: Path):
        super().__init__(convert_charrefs=True)
        self.folder, self.problems = folder, []

    def _check_local(self, tag: str, value: str) -> None:
        target = value.split("#")[0].split("?")[0]
        if target and not target.startswith(("data:", "blob:")) and not (self.folder / target).exists():
            self.problems.append(f"<{tag}> refers to {value!r}, which is not in the site")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            return                                   # links the reader may follow are fine
        for name in CHECKED_TAGS.get(tag, ()):
            value = attrs.get(name) or ""
            if any(EXTERNAL.match(part) for part in value.split(",")):
                self.problems.append(f"<{tag} {name}={value!r}> loads from another host")
            elif value and name in ("src", "href"):
                self._check_local(tag, value)
        if tag == "script" and "crossorigin" in attrs:
            self.problems.append(f"<script src={attrs.get('src')!r}> has a crossorigin attribute "
                                 "(blocked by CORS when the page is opened from disk)")
        if tag == "link" and attrs.get("rel", "").lower() in {"preconnect", "dns-prefetch"}:
            self.problems.append(f"<link rel={attrs['rel']!r}> contacts {attrs.get('href')!r}")


def check_site(paths: list[Path]) -> None:
    """Every page offline-clean, every notebook a page, no stylesheet importing from another host."""
    problems = []
    for page in sorted(HTML.rglob("*.html")):
        if HTML / "_static" in page.parents:
            continue                                 # the themes' Jinja macros, copied as they are
        parser = _Tags(page.parent)
        parser.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(HTML)}: {p}" for p in parser.problems]
    for sheet in sorted(HTML.rglob("*.css")):
        for url in CSS_URL.findall(sheet.read_text(encoding="utf-8", errors="replace")):
            problems.append(f"{sheet.relative_to(HTML)}: url {url!r} loads from another host")
    for path in paths:
        if not (HTML / "notebooks" / f"{path.stem}.html").exists():
            problems.append(f"no page for {path.name}")
    if problems:
        raise BuildError("the site is not offline-clean:\n  " + "\n  ".join(problems))


def build() -> Path:
    """The whole build; returns the front page."""
    paths = notebooks()
    check_widget_modules(paths)
    npm_install()
    vendor()
    stage(paths)
    sphinx()
    check_site(paths)
    return HTML / "index.html"


def main() -> int:
    try:
        index = build()
    except BuildError as error:
        print(f"build_site: {error}", file=sys.stderr)
        return 1
    print(f"site built: {index.relative_to(ROOT)} (open it from disk, or serve site/_build/html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
