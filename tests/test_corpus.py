"""The corpus of broken rule files and bad bundles: each case names the exact code, file, line
and column that `judgment check` must report. One parametrized test runs them all."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

import judgment
from conftest import DERBYSHIRE, RULES
from judgment._cli._check import _checked

CASES = Path(__file__).parent / "cases"
ALL_CASES = sorted((CASES / "rules").glob("*.yaml")) + sorted((CASES / "bundles").glob("*.yaml"))
# Codes the corpus cannot reach from a single edit, each tested elsewhere (named in the comment).
ELSEWHERE = {
    "FILE_NOT_FOUND",  # test_cli.py, test_rulebook_errors.py
    "FILE_TOO_LARGE",  # test_limits below
    "NOT_A_FILE",  # test_io_edges.py (devices, FIFOs and folders are not text edits)
    "OUTSIDE_FOLDER",  # test_io_edges.py (links out of the rulebook, test-case bundles elsewhere)
    "TOO_MANY_RULES",  # test_limits below
    "ENGINE_DISAGREEMENT",  # test_engine_differential.py
    "ENGINE_LIMIT",  # test_durable_hazards.py
    "NO_EVIDENCE_READ",  # test_no_evidence.py (a warning about a bundle, from check RULES BUNDLE)
    "VERSIONS_OVERLAP",  # test_rulebook_library.py (libraries hold several rulebook folders)
    "VERSION_NOT_FOUND",  # test_rulebook_library.py
    "RULEBOOK_AMBIGUOUS",  # test_rulebook_library.py
    "WORKER_LOST",  # test_batch_dask.py (a worker of a Dask cluster killed mid-batch)
}


def load(path: Path) -> dict[str, Any]:
    return dict(YAML(typ="safe").load(path.read_text(encoding="utf-8")))


def apply(case: dict[str, Any], work: Path) -> None:
    shutil.copytree(CASES / "base" / "rules", work / "rules")
    shutil.copy(CASES / "base" / "bundle.yaml", work / "bundle.yaml")
    for edit in case["edits"]:
        path = work / edit["file"]
        text = path.read_text(encoding="utf-8")
        assert edit["find"] in text, f"the base no longer has {edit['find']!r}"
        path.write_text(text.replace(edit["find"], edit["replace"], 1), encoding="utf-8")


def diagnose(work: Path) -> tuple[list[judgment.Diagnostic], int]:
    here = os.getcwd()
    os.chdir(work)  # so locations are the short paths the cases name
    try:
        diagnostics, code, _ = _checked(Path("rules"), (Path("bundle.yaml"),))
    finally:
        os.chdir(here)
    return diagnostics, code


@pytest.mark.parametrize("case_path", ALL_CASES, ids=[f"{p.parent.name}/{p.stem}" for p in ALL_CASES])
def test_case(case_path: Path, tmp_path: Path) -> None:
    case = load(case_path)
    apply(case, tmp_path)
    diagnostics, code = diagnose(tmp_path)
    expect = case["expect"]
    found = [(d.code, d.location.path, d.location.line, d.location.column) for d in diagnostics]
    wanted = (expect["code"], expect["file"], expect["line"], expect["column"])
    assert wanted in found, "\n".join(d.render() for d in diagnostics)
    (diagnostic,) = [d for d in diagnostics if (d.code, d.location.path, d.location.line,
                                                d.location.column) == wanted][:1]
    assert diagnostic.message and diagnostic.render().startswith(
        f"{expect['file']}:{expect['line']}:{expect['column']}: {diagnostic.severity}: {expect['code']} ")
    assert code == (1 if any(d.severity == "error" for d in diagnostics) else 0)


def test_the_corpus_is_large_and_reaches_every_code() -> None:
    assert len(ALL_CASES) >= 40
    reached = {load(p)["expect"]["code"] for p in ALL_CASES}
    assert reached | ELSEWHERE == set(judgment.CODES), sorted(set(judgment.CODES) - reached - ELSEWHERE)


def test_the_corpus_base_and_the_shipped_files_check_clean(tmp_path: Path) -> None:
    apply({"edits": []}, tmp_path)
    assert diagnose(tmp_path) == ([], 0)
    diagnostics, code, _ = _checked(RULES, (DERBYSHIRE,))
    assert (diagnostics, code) == ([], 0)


def test_limits(tmp_path: Path) -> None:
    import judgment._rulebook._assemble as assemble
    import judgment._rulebook._files as files

    apply({"edits": []}, tmp_path)
    big = tmp_path / "rules" / "padding.yaml"
    big.write_text("# " + "x" * (files.MAX_FILE_BYTES + 10) + "\n", encoding="utf-8")
    diagnostics, code = diagnose(tmp_path)
    assert [(d.code, d.location.path) for d in diagnostics] == [("FILE_TOO_LARGE", "rules/padding.yaml")]
    assert code == 1
    big.unlink()
    original = assemble.MAX_RULES
    try:
        assemble.MAX_RULES = 5
        diagnostics, code = diagnose(tmp_path)
    finally:
        assemble.MAX_RULES = original
    assert [(d.code, d.location.line) for d in diagnostics] == [("TOO_MANY_RULES", 6)] and code == 1
