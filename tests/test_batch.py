"""Batch judging: the same judgments as one at a time, on any executor, with sampled cross-checks."""

from __future__ import annotations

import gc
import json
import pickle
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from _engines import DURABLE, needs_durable
import judgment
from conftest import DERBYSHIRE, RULES, vary
from judgment import Bundle, Rulebook
from judgment._cli._app import cli


@pytest.fixture(scope="module")
def several(derbyshire: Bundle) -> list[Bundle]:
    return [derbyshire,
            vary(derbyshire, "victim-satisfaction", rate={"value": 70.0, "unit": "percent", "margin": 1.0}),
            vary(derbyshire, "victim-contract", coverage="none"),
            derbyshire.replace_records([r for r in derbyshire.records if r.kind != "domestic_abuse"])]


def without_engine(result: judgment.Judgment) -> dict[str, Any]:
    data = result.to_data()
    data.pop("engine")
    data.pop("cross_check")
    return data


def test_batch_judgments_equal_single_judgments(rulebook: Rulebook, several: list[Bundle]) -> None:
    results = judgment.judge_many(rulebook, several)
    assert [r.index for r in results] == list(range(len(several)))
    for result, bundle in zip(results, several):
        single = judgment.judge(rulebook, bundle)
        assert result.ok and result.engine == "compiled" and result.judgment.engine == "compiled"
        assert result.grades == single.grades and result.overall == single.overall.grade
        assert without_engine(result.judgment) == without_engine(single)
    assert len({json.dumps(r.grades, sort_keys=True) for r in results}) > 1, "the variants judge differently"


@pytest.mark.parametrize("make", [lambda: ThreadPoolExecutor(2), lambda: ProcessPoolExecutor(2)],
                         ids=["threads", "processes"])
def test_any_executor_gives_the_same_results(rulebook: Rulebook, several: list[Bundle], make: Any) -> None:
    inline = judgment.judge_many(rulebook, several * 3)
    with make() as executor:
        spread = judgment.judge_many(rulebook, several * 3, executor=executor, cross_check=0.5)
    assert [r.grades for r in spread] == [r.grades for r in inline]
    assert [without_engine(r.judgment) for r in spread] == [without_engine(r.judgment) for r in inline]


def test_workers_judge_in_processes(rulebook: Rulebook, several: list[Bundle]) -> None:
    spread = judgment.judge_many(rulebook, several, workers=2)
    assert [r.judgment.to_data() for r in spread] == [r.judgment.to_data() for r in judgment.judge_many(rulebook, several)]


@needs_durable
def test_cross_checks_are_sampled_at_the_rate_asked(rulebook: Rulebook, derbyshire: Bundle) -> None:
    bundles = [derbyshire] * 200
    assert not any(r.cross_checked for r in judgment.judge_many(rulebook, bundles[:20]))
    assert all(r.cross_checked for r in judgment.judge_many(rulebook, bundles[:20], cross_check=1.0))
    some = judgment.judge_many(rulebook, bundles, cross_check=0.25, seed=7)
    assert 30 <= sum(r.cross_checked for r in some) <= 70
    again = judgment.judge_many(rulebook, bundles, cross_check=0.25, seed=7)
    assert [r.cross_checked for r in again] == [r.cross_checked for r in some], "the seed decides"


@needs_durable
def test_a_sampled_disagreement_withholds_that_result(rulebook: Rulebook, several: list[Bundle],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from judgment._durable._engine import DurableEngine

    real = DurableEngine.findings

    def loses_one(self: DurableEngine, bundle: Bundle) -> set[Any]:
        return {key for key in real(self, bundle) if key[0] != "satisfaction_above_national"}

    monkeypatch.setattr(DurableEngine, "findings", loses_one)
    results = judgment.judge_many(rulebook, several, cross_check=1.0)
    refused = [r for r in results if not r.ok]
    assert refused and all(isinstance(r.error, judgment.EngineDisagreementError) for r in refused)
    error = refused[0].error
    assert error is not None and "only the compiled engine made finding satisfaction_above_national" in error.render()
    with pytest.raises(judgment.EngineDisagreementError):
        refused[0].judgment  # noqa: B018 - reading it raises
    assert all(r.ok for r in judgment.judge_many(rulebook, several)), "unsampled bundles are not checked"


def test_files_are_loaded_and_bad_ones_refused_without_stopping(rulebook: Rulebook, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("vocabulary: hmic-crime\n", encoding="utf-8")
    results = judgment.judge_many(rulebook, [DERBYSHIRE, tmp_path / "missing.yaml", broken, str(DERBYSHIRE)])
    assert [r.ok for r in results] == [True, False, False, True]
    assert results[1].error is not None and results[1].error.diagnostics[0].code == "FILE_NOT_FOUND"
    assert results[2].error is not None and results[2].error.diagnostics[0].code == "MISSING_KEY"
    assert results[1].engine is None and results[1].grades == {}


def test_a_refused_result_crosses_processes_with_its_diagnostics(rulebook: Rulebook, tmp_path: Path) -> None:
    results = judgment.judge_many(rulebook, [tmp_path / "missing.yaml"] * 2, workers=2)
    assert [r.error.diagnostics[0].code for r in results if r.error] == ["FILE_NOT_FOUND"] * 2
    error = results[0].error
    assert error is not None and pickle.loads(pickle.dumps(error)).diagnostics == error.diagnostics


def test_bad_arguments_are_caller_errors(rulebook: Rulebook, derbyshire: Bundle) -> None:
    with pytest.raises(ValueError, match="cross_check"):
        judgment.judge_many(rulebook, [derbyshire], cross_check=1.5)
    with pytest.raises(ValueError, match="workers"):
        judgment.judge_many(rulebook, [derbyshire], workers=0)


def test_the_garbage_collector_is_left_as_it_was(rulebook: Rulebook, derbyshire: Bundle) -> None:
    assert gc.isenabled()
    judgment.judge_many(rulebook, [derbyshire])
    assert gc.isenabled()
    gc.disable()
    try:
        judgment.judge_many(rulebook, [derbyshire])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_batch_command_writes_a_line_per_bundle(tmp_path: Path) -> None:
    folder = tmp_path / "bundles"
    folder.mkdir()
    (folder / "a.yaml").write_text(DERBYSHIRE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.yaml").write_text(DERBYSHIRE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "results.jsonl"
    result = CliRunner().invoke(cli, ["batch", str(folder), "--rules", str(RULES), "--out", str(out),
                                      "--cross-check", "1"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(line["bundle"]).name for line in lines] == ["a.yaml", "b.yaml"]
    assert all(line["status"] == "judged" and line["engine"] == "compiled" for line in lines)
    assert all(line["cross_checked"] == DURABLE and line["cross_check"] == ("agreed" if DURABLE else "unavailable")
               for line in lines)
    assert "grading.yaml:" in lines[0]["judgment"]["questions"][0]["decided_by"]["source"]
    assert "judged 2 of 2 bundles" in result.output


def test_batch_command_reports_refused_bundles_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "bundles"
    folder.mkdir()
    (folder / "a.yaml").write_text(DERBYSHIRE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "z.yaml").write_text("vocabulary: hmic-crime\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    result = CliRunner().invoke(cli, ["batch", str(folder), "--rules", str(RULES), "--out", str(out), "--no-trace"])
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert first["status"] == "judged" and "judgment" not in first
    assert second["status"] == "refused" and second["diagnostics"][0]["code"] == "MISSING_KEY"
    assert "z.yaml:1:1: error: MISSING_KEY" in result.output


def test_batch_command_with_no_folder_is_an_input_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "nowhere"), "--rules", str(RULES),
                                      "--out", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2
    assert "FILE_NOT_FOUND" in result.output


def test_results_are_reported_as_they_are_judged(rulebook: Rulebook, tmp_path: Path) -> None:
    """The file at position 100 is written only when the first result is reported: a batch that
    reported only at its end would find it missing."""
    first, late = tmp_path / "first.yaml", tmp_path / "late.yaml"
    first.write_text(DERBYSHIRE.read_text(encoding="utf-8"), encoding="utf-8")
    sources = [first] * 100 + [late]
    reported: list[int] = []

    def on_result(result: judgment.BatchResult) -> None:
        if not reported:
            late.write_text(DERBYSHIRE.read_text(encoding="utf-8"), encoding="utf-8")
        reported.append(result.index)

    results = judgment.judge_many(rulebook, sources, on_result=on_result)
    assert reported == list(range(101)) and all(r.ok for r in results)


def test_the_batch_files_its_objects_with_the_long_lived_and_nothing_escapes_collection(
        rulebook: Rulebook, derbyshire: Bundle) -> None:
    import weakref

    class Node:
        other: object = None

    cycle = Node()
    cycle.other = cycle
    watch = weakref.ref(cycle)
    del cycle  # cyclic garbage made before the batch, still young
    results = judgment.judge_many(rulebook, [derbyshire] * 100, any_date=True)
    made = {id(result) for result in results}
    young = {id(o) for generation in (0, 1) for o in gc.get_objects(generation)}
    assert not made & young, "the collector's next young passes would scan every object of the batch"
    gc.collect()
    assert watch() is None  # a full pass finds it: nothing was left frozen
    assert gc.get_freeze_count() == 0


def test_batch_command_writes_the_same_lines_from_worker_processes(tmp_path: Path) -> None:
    folder = tmp_path / "bundles"
    folder.mkdir()
    for name in ("a.yaml", "b.yaml", "d.yaml"):
        (folder / name).write_text(DERBYSHIRE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "c.yaml").write_text("vocabulary: hmic-crime\n", encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"results-{workers}.jsonl"
        result = CliRunner().invoke(cli, ["batch", str(folder), "--rules", str(RULES), "--out", str(out),
                                          "--workers", workers, "--cross-check", "0.5"])
        assert result.exit_code == 1, result.output
        assert "c.yaml:1:1: error: MISSING_KEY" in result.output and "3 of 4 bundles" in result.output
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1], "the lines do not depend on where they were made"
    lines = [json.loads(line) for line in outputs[1].splitlines()]
    assert [Path(line["bundle"]).name for line in lines] == ["a.yaml", "b.yaml", "c.yaml", "d.yaml"]
    assert [line["status"] for line in lines] == ["judged", "judged", "refused", "judged"]
