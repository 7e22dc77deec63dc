"""Build step beside pyproject.toml: the bundled guide goes inside the wheel.

``content/`` stays at the top of the checkout (the tests, the portable build and people
writing content packs use it there); a built wheel carries a copy as ``reader/bundled/content``
so an ordinary ``pip install`` (or pipx) has the guide. ``reader.paths`` knows both places.
An editable install keeps reading the checkout's own folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
BUNDLED = ("content", "translations")  # top-level folders copied into reader/bundled/


class BuildPyWithContent(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name in BUNDLED:
            target = Path(self.build_lib) / "reader" / "bundled" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(HERE / name, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": BuildPyWithContent})
