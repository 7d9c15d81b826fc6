"""The one setup call at the top of every notebook."""

from __future__ import annotations

import contextlib
import os
import platform
import sys
from importlib import metadata

from rnn_helpers._checks import check_bool, check_seed

# TensorFlow writes C++ log lines straight to file descriptor 2 unless both are set before import.
_QUIET_TF = {"TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0"}

KEY_PACKAGES = ("numpy", "tensorflow", "keras", "matplotlib", "ipywidgets")


@contextlib.contextmanager
def _stderr_fd_silenced():
    """Point file descriptor 2 at /dev/null for the duration (C++ code writes there directly)."""
    sys.stderr.flush()
    saved, devnull = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def quiet_tensorflow() -> None:
    """Silence TensorFlow's C++ and Python log noise (call before the first ``import tensorflow``).

    The two environment variables silence most C++ lines; the CUDA-stub line that TF 2.21 prints
    while it is imported comes before absl's logging is set up, so the import itself runs with
    file descriptor 2 sent to /dev/null. ``TF_ENABLE_ONEDNN_OPTS`` is "0" unless it was set
    before (``make test-perturbed`` sets it to "1"); its "oneDNN custom operations are on" notice
    is printed during the import, so it is silenced too.
    """
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = _QUIET_TF["TF_CPP_MIN_LOG_LEVEL"]
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", _QUIET_TF["TF_ENABLE_ONEDNN_OPTS"])
    with _stderr_fd_silenced():
        import tensorflow as tf
    import absl.logging

    tf.get_logger().setLevel("ERROR")
    absl.logging.set_verbosity(absl.logging.ERROR)


def versions() -> dict[str, str]:
    """Installed versions of Python and the key packages (``"missing"`` if not installed)."""
    out = {"python": platform.python_version()}
    for name in KEY_PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "missing"
    return out


def _projector_from_env() -> bool:
    """True when the environment variable RNN_PROJECTOR is 1 (or true/yes/on), False when unset,
    empty or 0 (false/no/off); any other value is a ValueError naming the variable."""
    raw = os.environ.get("RNN_PROJECTOR", "")
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("", "0", "false", "no", "off"):
        return False
    raise ValueError(f"RNN_PROJECTOR: expected 1 (projector style) or 0 (the default), got {raw!r}")


def setup_notebook(seed: int = 0, *, show_versions: bool = True, projector: bool = False) -> None:
    """Silence TensorFlow, seed Python, numpy and TF, turn on op determinism, set the figure style.

    Call it in the first code cell, before anything imports TensorFlow. Prints the versions of
    the key packages so that a saved notebook says what it ran on.

    projector: the classroom style of ``rnn_helpers.plots.style.use_course_style`` (14 pt text,
    2.5 pt lines, 150 dpi figures). The environment variable ``RNN_PROJECTOR=1`` turns it on for
    every notebook without editing them (e.g. ``RNN_PROJECTOR=1 jupyter lab``); what is printed
    stays the same either way.
    """
    seed, show_versions = check_seed(seed), check_bool("show_versions", show_versions)
    projector = check_bool("projector", projector) or _projector_from_env()
    if "tensorflow" in sys.modules and os.environ.get("TF_CPP_MIN_LOG_LEVEL") != "3":
        print("note: TensorFlow was imported before setup_notebook(); some log lines may remain")
    quiet_tensorflow()
    import keras
    import tensorflow as tf

    from rnn_helpers.plots.style import use_course_style  # here: importing rnn_helpers stays light

    keras.utils.set_random_seed(seed)          # Python's random, numpy's global RNG and TF
    tf.config.experimental.enable_op_determinism()
    use_course_style(projector=projector)      # rcParams, and PNG inline figures in IPython
    if show_versions:
        print(" | ".join(f"{k}=={v}" for k, v in versions().items()))
        print(f"seed {seed}; TensorFlow op determinism on")
