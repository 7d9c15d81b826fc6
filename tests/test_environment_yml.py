"""environment.yml (conda / Binder) and postBuild must agree with pyproject.toml. Conda and Binder are
not reachable here, so parsing the files is the check.

environment.yml lists every dependency of pyproject.toml and its `lab` extra (JupyterLab), with the same
ranges, and nothing local: a
local requirement (``-e .``) makes repo2docker install the environment after copying the repository,
so every push would rebuild TensorFlow. postBuild installs the package itself (editable), without
dependencies."""

from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def drift(env: dict, project: dict) -> list[str]:
    """Every way in which a parsed environment.yml disagrees with a parsed pyproject.toml."""
    problems = []
    deps = env.get("dependencies") or []
    conda = [d for d in deps if isinstance(d, str)]
    pip = [p for d in deps if isinstance(d, dict) for p in d.get("pip", [])]
    pythons = [d for d in conda if d.split("=")[0].strip() == "python"]
    requires = SpecifierSet(project["requires-python"])
    tested = {c.rsplit(":: ", 1)[1] for c in project.get("classifiers", [])
              if c.startswith("Programming Language :: Python :: 3.")}
    if len(pythons) != 1 or "=" not in pythons[0]:
        problems.append(f"python must be pinned once (e.g. python=3.11), got {pythons}")
    else:
        version = pythons[0].split("=")[-1].strip()
        if Version(version) not in requires:
            problems.append(f"python={version} is outside requires-python {requires}")
        if version not in tested:
            problems.append(f"python={version} is not among the tested versions {sorted(tested)}")
    if "pip" not in conda and pip:
        problems.append("a pip section needs 'pip' among the conda dependencies")
    local = [p for p in pip if p.startswith("-") or p.strip().startswith((".", "/"))]
    remote = [p for p in pip if p not in local]
    if local:
        problems.append(f"the pip section must not install the course itself ({local}): a local requirement "
                        "makes repo2docker rebuild the environment on every push; postBuild installs it")
    # Binder's front end is JupyterLab: the `lab` extra belongs in environment.yml too
    runtime = project["dependencies"] + project.get("optional-dependencies", {}).get("lab", [])
    declared = {Requirement(r).name.lower(): Requirement(r).specifier for r in runtime}
    listed = {Requirement(p).name.lower(): Requirement(p).specifier for p in remote}
    for name, spec in declared.items():
        if name not in listed:
            problems.append(f"{name}{spec} is a dependency in pyproject.toml but not in environment.yml's "
                            "pip section (Binder could not cache it)")
        elif listed[name] != spec:
            problems.append(f"{name}{listed[name]} in environment.yml differs from pyproject.toml's "
                            f"{name}{spec}")
    for spec in [d for d in conda if d.split("=")[0].strip() not in ("python", "pip")] + \
            remote:
        req = Requirement(spec.replace("==", "=").replace("=", "==") if "=" in spec and
                          not any(op in spec for op in "<>~!") else spec)
        name = req.name.lower()
        if name not in declared:
            problems.append(f"{name} is in environment.yml but not a dependency in pyproject.toml")
            continue
        pins = [Version(s.version) for s in req.specifier if s.operator in ("==", ">=")]
        if any(v not in declared[name] for v in pins):
            problems.append(f"{spec} disagrees with pyproject.toml's {name}{declared[name]}")
    return problems


def load():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return env, project


def test_environment_yml_agrees_with_pyproject():
    env, project = load()
    assert drift(env, project) == []


@pytest.mark.parametrize(
    ("dependencies", "words"),
    [
        (["python", "pip", {"pip": ["numpy>=1.26"]}], "python must be pinned"),
        (["python=3.8", "pip", {"pip": ["numpy>=1.26"]}], "outside requires-python"),
        (["python=3.11", "pip", {"pip": ["-e ."]}], "must not install the course itself"),
        (["python=3.11", "pip", {"pip": ["."]}], "must not install the course itself"),
        (["python=3.11", "pip", {"pip": ["numpy"]}], "tensorflow>=2.16 is a dependency in pyproject.toml"),
        (["python=3.11", "pip", {"pip": ["numpy"]}], "numpy in environment.yml differs from pyproject"),
        (["python=3.11", "pip", {"pip": ["numpy==1.20"]}], "disagrees with pyproject"),
        (["python=3.11", "numpy=1.20", "pip", {"pip": []}], "disagrees with pyproject"),
        (["python=3.11", "pip", {"pip": ["torch"]}], "torch is in environment.yml but not"),
        (["python=3.11", "pip", {"pip": ["numpy"]}], "jupyterlab<5,>=4.0 is a dependency in pyproject.toml"),
    ],
)
def test_drift_is_detected(dependencies, words):
    _, project = load()
    problems = drift({"dependencies": dependencies}, project)
    assert any(words in p for p in problems), problems


def test_every_dependency_has_a_floor():
    _, project = load()
    reqs = project["dependencies"] + [r for group in project["optional-dependencies"].values()
                                      for r in group]
    for r in reqs:
        assert any(s.operator in (">=", "~=") for s in Requirement(r).specifier), r


def test_postbuild_installs_the_package_without_its_dependencies():
    post = ROOT / "postBuild"
    assert post.is_file() and post.stat().st_mode & 0o111, "postBuild must exist and be executable"
    text = post.read_text()
    assert text.startswith("#!/bin/bash") and "set -euo pipefail" in text
    commands = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    # editable: the package reads data/ from the checkout (no copy into site-packages); no
    # dependencies: environment.yml has them all
    assert "python -m pip install --no-deps -e ." in commands
