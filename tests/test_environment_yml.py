"""environment.yml (conda / Binder) must agree with pyproject.toml. Conda is not reachable here,
so parsing both files is the check."""

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
    if not any(p.replace(" ", "").startswith("-e.") for p in pip):
        problems.append("the pip section must install the course itself with '-e .'")
    declared = {Requirement(r).name.lower(): Requirement(r).specifier for r in project["dependencies"]}
    for spec in [d for d in conda if d.split("=")[0].strip() not in ("python", "pip")] + \
            [p for p in pip if not p.startswith("-")]:
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
        (["python", "pip", {"pip": ["-e ."]}], "python must be pinned"),
        (["python=3.8", "pip", {"pip": ["-e ."]}], "outside requires-python"),
        (["python=3.11", "pip", {"pip": ["numpy"]}], "must install the course itself"),
        (["python=3.11", "pip", {"pip": ["-e .", "numpy==1.20"]}], "disagrees with pyproject"),
        (["python=3.11", "numpy=1.20", "pip", {"pip": ["-e ."]}], "disagrees with pyproject"),
        (["python=3.11", "pip", {"pip": ["-e .", "torch"]}], "torch is in environment.yml but not"),
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
