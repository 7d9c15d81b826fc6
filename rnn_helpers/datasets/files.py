"""The shipped data files: where ``data/`` is, and a checksum check before anything is read.

    path = checked_file("shakespeare.txt", SHAKESPEARE_SHA256, "python tools/data/build_shakespeare.py")

``data/`` sits at the repository root (next to ``rnn_helpers/``); a wheel (a regular install, as in
Colab) carries it inside the package as ``rnn_helpers/_data`` (setup.py); the environment variable
``RNN_DATA_DIR`` points elsewhere (a copy on a shared drive). A missing or
damaged file raises ``ValueError`` naming the file, the checksum expected and the command that
rebuilds it: the notebooks never download anything.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import rnn_helpers

DATA_DIR_ENV = "RNN_DATA_DIR"


def data_dir() -> Path:
    """The folder of the shipped data: ``$RNN_DATA_DIR`` if set, else the installed package's copy
    (``rnn_helpers/_data``, in a wheel), else ``<repository>/data`` (a checkout, an editable install)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    package = Path(rnn_helpers.__file__).resolve().parent
    return package / "_data" if (package / "_data").is_dir() else package.parent / "data"


def checked_file(name: str, sha256: str, rebuild: str) -> Path:
    """The path of ``data/<name>`` (``name`` may hold a subfolder: "asterisk_digits/3.wav") after checking
    its sha256; ValueError naming the fix if it is off."""
    for arg, value in (("name", name), ("sha256", sha256), ("rebuild", rebuild)):
        if not isinstance(value, str):
            raise TypeError(f"{arg}: expected a string, got {value!r} ({type(value).__name__})")
        if not value:
            raise ValueError(f"{arg}: expected a non-empty string, got ''")
    parts = Path(name).parts
    if Path(name).is_absolute() or ".." in parts or "\\" in name or not parts:
        raise ValueError(f"name: expected a file name inside data/ (or data/<folder>/<file>), got {name!r}")
    path = data_dir() / name
    expected = f"expected sha256 {sha256}; rebuild it with `{rebuild}` from the repository root, " \
               f"or set {DATA_DIR_ENV} to a folder that holds it"
    if not path.is_file():
        raise ValueError(f"{name}: missing, looked for {path}; {expected}")
    got = hashlib.sha256(path.read_bytes()).hexdigest()
    if got != sha256:
        raise ValueError(f"{name}: damaged or out of date, got sha256 {got} at {path}; {expected}")
    return path
