"""judgment installs from a wheel and judges its shipped example with no checkout (issue 20, point 3).

`python -m build` runs on a copy of the sources in a temporary folder (it writes build/ and
*.egg-info where it runs, and the checkout must stay clean): it makes the sdist, then the wheel from
the sdist, so the sdist is proved to carry what the wheel needs. The wheel is installed into a fresh
virtual environment of the running interpreter (pip fetches the dependencies from PyPI), and
`judgment run --example derbyshire-2014` runs there from a folder outside the checkout. No engine is
assumed: on Python 3.13 durable_rules does not import, and the output says which engine judged.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
from pathlib import Path

import pytest

import judgment
from conftest import DERBYSHIRE, ROOT, RULES

SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "src", "rules/hmic-crime-2014",
           "examples/derbyshire-2014.yaml")
SHIPPED_RULES = "judgment/_shipped/rules/hmic-crime-2014"
SHIPPED_BUNDLE = "judgment/_shipped/examples/derbyshire-2014.yaml"


def _copy_sources(to: Path) -> Path:
    for relative in SOURCES:
        source, target = ROOT / relative, to / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, target)
    return to


def _call(*command: str | Path, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    ran = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert ran.returncode == 0, f"{command} exited {ran.returncode}:\n{ran.stdout[-3000:]}\n{ran.stderr[-3000:]}"
    return ran.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, built from a copy of the sources."""
    sources = _copy_sources(tmp_path_factory.mktemp("sources"))
    out = tmp_path_factory.mktemp("dist")
    _call(sys.executable, "-m", "build", "--outdir", out, sources, cwd=sources)
    return out


@pytest.fixture(scope="module")
def venv(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment of this interpreter, outside the checkout, with the wheel installed."""
    where = tmp_path_factory.mktemp("venv")
    _call(sys.executable, "-m", "venv", where, cwd=where)
    wheel, = dist.glob("judgment-*.whl")
    _call(_bin(where, "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel, cwd=where)
    return where


def _bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


def test_the_sdist_carries_the_rulebook_and_the_example(dist: Path) -> None:
    sdist, = dist.glob("judgment-*.tar.gz")
    with tarfile.open(sdist) as archive:
        files = [m.name.split("/", 1)[1] for m in archive.getmembers() if m.isfile()]
    prefix = "rules/hmic-crime-2014/"
    shipped = sorted(n.removeprefix(prefix) for n in files if n.startswith(prefix))
    assert shipped == sorted(p.relative_to(RULES).as_posix() for p in RULES.rglob("*") if p.is_file())
    assert "examples/derbyshire-2014.yaml" in files and "setup.py" in files and "MANIFEST.in" in files


def test_the_wheel_carries_every_file_byte_for_byte(venv: Path) -> None:
    site = _site_packages(venv)
    copied = sorted(p.relative_to(site / SHIPPED_RULES) for p in (site / SHIPPED_RULES).rglob("*") if p.is_file())
    assert copied == sorted(p.relative_to(RULES) for p in RULES.rglob("*") if p.is_file())
    for relative in copied:
        assert (site / SHIPPED_RULES / relative).read_bytes() == (RULES / relative).read_bytes(), relative
    assert (site / SHIPPED_BUNDLE).read_bytes() == DERBYSHIRE.read_bytes()


def test_run_example_in_the_installed_wheel(venv: Path, tmp_path: Path) -> None:
    expected = judgment.judge(judgment.load_rulebook(RULES), judgment.load_bundle(DERBYSHIRE))
    record = json.loads(_call(_bin(venv, "judgment"), "run", "--example", "derbyshire-2014", "--format", "json",
                              cwd=tmp_path))
    assert [(q["id"], q["grade"]) for q in record["questions"]] == [(q.id, q.grade) for q in expected.questions]
    assert record["rulebook"]["sha256"] == judgment.load_rulebook(RULES).sha256
    assert Path(record["rulebook"]["path"]).is_relative_to(_site_packages(venv))
    text = _call(_bin(venv, "judgment"), "run", "--example", "derbyshire-2014", cwd=tmp_path)
    header = text.splitlines()[1]
    assert "engine: " in header and header.split("engine: ", 1)[1].strip(), header
    for question in expected.questions:
        assert any(line.rstrip().endswith(f"  {question.label}") and question.title in line for line in text.splitlines())


def test_the_python_paths_lie_in_the_installed_package(venv: Path, tmp_path: Path) -> None:
    printed = _call(_bin(venv, "python"), "-c", "import judgment.examples as e; "
                    "print(e.bundle_path('derbyshire-2014')); print(e.rulebook_path('hmic-crime-2014'))", cwd=tmp_path)
    bundle, rules = (Path(line) for line in printed.splitlines())
    site = _site_packages(venv)
    assert bundle == site / SHIPPED_BUNDLE and rules == site / SHIPPED_RULES


def _site_packages(venv: Path) -> Path:
    purelib = _call(_bin(venv, "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=venv)
    assert sysconfig.get_path("purelib") != purelib.strip()
    return Path(purelib.strip()).resolve()
