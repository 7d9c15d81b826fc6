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

STYLE = {
    "figure.figsize": (7.0, 3.5),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 10,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "image.cmap": "viridis",
    "legend.frameon": False,
}

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


def setup_notebook(seed: int = 0, *, show_versions: bool = True) -> None:
    """Silence TensorFlow, seed Python, numpy and TF, turn on op determinism, set the figure style.

    Call it in the first code cell, before anything imports TensorFlow. Prints the versions of
    the key packages so that a saved notebook says what it ran on.
    """
    seed, show_versions = check_seed(seed), check_bool("show_versions", show_versions)
    if "tensorflow" in sys.modules and os.environ.get("TF_CPP_MIN_LOG_LEVEL") != "3":
        print("note: TensorFlow was imported before setup_notebook(); some log lines may remain")
    quiet_tensorflow()
    import keras
    import matplotlib
    import tensorflow as tf

    keras.utils.set_random_seed(seed)          # Python's random, numpy's global RNG and TF
    tf.config.experimental.enable_op_determinism()
    matplotlib.rcParams.update(STYLE)
    try:  # PNG figures in notebooks (SVG embeds a date and never compares equal)
        from IPython import get_ipython

        ip = get_ipython()
        if ip is not None:
            ip.run_line_magic("config", "InlineBackend.figure_formats = ['png']")
    except ImportError:
        pass
    if show_versions:
        print(" | ".join(f"{k}=={v}" for k, v in versions().items()))
        print(f"seed {seed}; TensorFlow op determinism on")
