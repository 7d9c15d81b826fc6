"""The offline site's configuration (site/, tools/build_site.py), checked without building it.

The front-end files come from npm at exact versions with checksums (so ``npm ci`` reproduces them),
every notebook is a page, and Sphinx only reads the saved outputs. The build itself and the pages
in a browser are tested in tests/browser/test_site.py.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "site"
NOTEBOOKS = sorted(p.stem for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
FRONT_END = {"requirejs", "@jupyter-widgets/html-manager", "mathjax"}
EXACT = re.compile(r"^\d+\.\d+\.\d+$")


def _conf() -> dict:
    """site/conf.py's top-level assignments of literals (the file is not executed)."""
    tree = ast.parse((SITE / "conf.py").read_text(encoding="utf-8"))
    return {target.id: ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
            for target in node.targets if isinstance(target, ast.Name)}


def _lock() -> dict:
    return json.loads((SITE / "package-lock.json").read_text(encoding="utf-8"))


def test_package_json_pins_exact_versions_of_the_front_end():
    dependencies = json.loads((SITE / "package.json").read_text(encoding="utf-8"))["dependencies"]
    assert set(dependencies) == FRONT_END
    for name, version in dependencies.items():
        assert EXACT.match(version), f"site/package.json: {name} is {version!r}, not an exact version"
    assert int(dependencies["mathjax"].split(".")[0]) == 3     # conf.py's tex-chtml.js path is MathJax 3's


def test_lock_file_matches_package_json_and_has_a_checksum_per_package():
    lock, declared = _lock(), json.loads((SITE / "package.json").read_text(encoding="utf-8"))
    assert lock["lockfileVersion"] >= 2
    assert lock["packages"][""]["dependencies"] == declared["dependencies"]
    packages = {path: entry for path, entry in lock["packages"].items() if path}
    for name, version in declared["dependencies"].items():
        assert packages[f"node_modules/{name}"]["version"] == version
    for path, entry in packages.items():
        assert entry.get("integrity", "").startswith("sha512-"), f"package-lock.json: {path} has no checksum"
        # `resolved` may be left out (npm's omit-lockfile-registry-resolved): then the registry is npm's
        assert entry.get("resolved", "https://registry.npmjs.org/").startswith("https://registry.npmjs.org/")


def test_conf_reads_saved_outputs_and_parses_dollar_maths():
    conf = _conf()
    assert "myst_nb" in conf["extensions"]
    assert conf["nb_execution_mode"] == "off"
    assert {"dollarmath", "amsmath"} <= set(conf["myst_enable_extensions"])


def test_conf_loads_every_front_end_file_locally_without_crossorigin():
    conf = _conf()
    local = [conf["mathjax_path"], *conf["nb_ipywidgets_js"], *(name for name, _ in conf["html_js_files"])]
    for path in local:
        assert not re.match(r"^(https?:)?//", path), f"conf.py loads {path} from another host"
    for attributes in conf["nb_ipywidgets_js"].values():
        assert "crossorigin" not in attributes
    assert "_build/vendor" in conf["html_static_path"]


@pytest.mark.parametrize("name", ["require.js", "embed-amd.js", "mathjax"])
def test_build_vendors_what_conf_loads(name):
    """tools/build_site.py copies under the names that conf.py asks for."""
    tree = ast.parse((REPO / "tools" / "build_site.py").read_text(encoding="utf-8"))
    vendored = next(ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                    and getattr(node.targets[0], "id", None) == "VENDORED")
    assert name in vendored
    assert any(vendored[name].startswith(package + "/") for package in FRONT_END)
    conf = _conf()
    assert name in conf["nb_ipywidgets_js"] or conf["mathjax_path"].startswith(name + "/")


def test_index_lists_every_notebook_in_order():
    text = (SITE / "index.md").read_text(encoding="utf-8")
    toctree = re.search(r"```\{toctree\}\n(.*?)```", text, re.DOTALL)
    assert toctree, "site/index.md has no toctree"
    entries = [line.strip() for line in toctree.group(1).splitlines()
               if line.strip() and not line.strip().startswith(":")]
    assert entries == [f"notebooks/{stem}" for stem in NOTEBOOKS]


def test_build_output_stays_out_of_git():
    ignored = (SITE / ".gitignore").read_text(encoding="utf-8").split()
    assert {"node_modules/", "_build/"} <= set(ignored)
