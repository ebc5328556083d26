"""Build hook: the built package carries the shipped rulebook and example bundle (issue 20, point 3).

The files stay where the repository keeps them (rules/hmic-crime-2014/, examples/derbyshire-2014.yaml:
tests and docs name them there); `build_py` copies them, byte for byte, into judgment/_shipped/ of the
wheel, where judgment.examples and `judgment run --example` find them. The sdist carries them too
(MANIFEST.in), so a wheel built from the sdist is the same. An editable install copies nothing:
judgment.examples reads the checkout's own files then. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SOURCE = Path(__file__).resolve().parent
SHIPPED = ("rules/hmic-crime-2014", "examples/derbyshire-2014.yaml")


class BuildWithShippedFiles(build_py):
    """build_py, then the shipped files copied into judgment/_shipped/ of the build."""

    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            for relative in SHIPPED:
                _copy(SOURCE / relative, Path(self.build_lib) / "judgment" / "_shipped" / relative)


def _copy(source: Path, target: Path) -> None:
    if not source.exists():
        raise FileNotFoundError(f"{source} is missing: the wheel must ship it")
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
    else:
        shutil.copyfile(source, target)


setup(cmdclass={"build_py": BuildWithShippedFiles})
