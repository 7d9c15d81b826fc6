"""Build hook: a wheel carries ``data/`` as ``rnn_helpers/_data``.

Everything else is in pyproject.toml. The shipped data lives at the repository root (``data/``, next
to ``rnn_helpers/``), where the notebooks, the rebuild scripts and data/README.md expect it. An
editable install reads it there; a regular install (Colab: importable without a runtime restart) has
no repository, so the wheel copies the folder into the package and
``rnn_helpers.datasets.files.data_dir()`` looks there first.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return                                   # editable: data/ is read from the checkout
        source = Path(__file__).resolve().parent / "data"
        if not source.is_dir():
            raise FileNotFoundError(f"data/: expected the course's data folder at {source} (build from a "
                                    "checkout or an sdist, which carries it)")
        shutil.copytree(source, Path(self.build_lib) / "rnn_helpers" / "_data", dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithData})
