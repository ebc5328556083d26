"""Where durable_rules does not import (Python 3.13), the compiled engine is the engine of record:
judging, live sessions, batches, records and verify all work, and every output says which engine
made the findings and that no cross-check was made.

On 3.13 the whole suite runs that way; here, where durable_rules may import, JUDGMENT_ENGINE=compiled
does what 3.13 does, and the two are compared: same judgments, records that verify both ways.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import judgment
from _engines import DURABLE, ENGINE_HERE, needs_durable
from conftest import DERBYSHIRE, ROOT, RULES
from judgment._engine import CompiledEngine, durable_missing
from judgment._records._record import render_record, seal_of

FORCES = sorted((RULES / "tests" / "forces").glob("*.yaml"))


def cli(*args: object, compiled: bool = False, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "JUDGMENT_ENGINE"}
    if compiled:
        env["JUDGMENT_ENGINE"] = "compiled"
    return subprocess.run([sys.executable, "-m", "judgment", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd, check=False, timeout=300)


def recorded(path: Path, compiled: bool = False) -> Path:
    """The Derbyshire judgment's record, written to `path` by judgment run."""
    assert cli("run", DERBYSHIRE, "--rules", RULES, "--record", path, compiled=compiled).returncode == 0
    return path


def resealed(path: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    """The record at `path` edited and sealed again: what someone who can write the file can do."""
    record = json.loads(path.read_text(encoding="utf-8"))
    edit(record)
    record["seal"] = seal_of(record)
    path.write_text(render_record(record), encoding="utf-8")
    return path


@pytest.fixture
def compiled_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("JUDGMENT_ENGINE", "compiled")
    durable_missing.cache_clear()
    yield
    monkeypatch.delenv("JUDGMENT_ENGINE")
    durable_missing.cache_clear()


def test_this_python_reports_its_engine(rulebook: judgment.Rulebook, derbyshire: judgment.Bundle) -> None:
    made = judgment.judge(rulebook, derbyshire)
    assert (made.engine, made.cross_check) == ENGINE_HERE
    assert DURABLE == (sys.version_info < (3, 13)), "durable_rules imports exactly where the marker installs it"


def test_the_compiled_engine_alone_judges_as_both_do(rulebook: judgment.Rulebook) -> None:
    """Each force's bundle: the same judgment, word for word, but for the engine and its cross-check."""
    assert FORCES, "the calibration forces are there"
    for path in [DERBYSHIRE, *FORCES]:
        bundle = judgment.load_bundle(path)
        alone = CompiledEngine(rulebook).judge(bundle).to_data()
        both = judgment.judge(rulebook, bundle, any_date=True).to_data()
        assert (alone.pop("engine"), alone.pop("cross_check")) == ("compiled", "unavailable")
        both.pop("engine"), both.pop("cross_check")
        assert alone == both, path.name


def test_the_switch_makes_the_compiled_engine_the_engine_of_record(compiled_only: None, rulebook: judgment.Rulebook,
                                                                    derbyshire: judgment.Bundle) -> None:
    made = judgment.judge(rulebook, derbyshire)
    assert (made.engine, made.cross_check) == ("compiled", "unavailable")
    with judgment.open_session(rulebook, derbyshire.inspection) as live:
        live.add(*derbyshire.records)
        assert live.judgment().to_data() == made.to_data()
        live.retract(derbyshire.records[0].id)
        assert live.judgment().outcome() == judgment.judge(rulebook, live.bundle).outcome()


def test_every_output_says_which_engine_and_that_no_cross_check_was_made() -> None:
    text = cli("run", DERBYSHIRE, "--rules", RULES, compiled=True)
    assert text.returncode == 0, text.stderr
    assert "engine: compiled (durable_rules was not available, so no cross-check)" in text.stdout
    record = json.loads(cli("run", DERBYSHIRE, "--rules", RULES, "--format", "json", compiled=True).stdout)
    assert (record["engine"], record["cross_check"]) == ("compiled", "unavailable")
    assert record["versions"]["durable_rules"] == "unavailable"
    assert record["versions"]["python"] == ".".join(map(str, sys.version_info[:3]))
    for form, words in (("markdown", "durable\\_rules was not available"), ("html", "durable_rules was not available")):
        shown = cli("run", DERBYSHIRE, "--rules", RULES, "--format", form, compiled=True).stdout
        assert f"engine: compiled ({words}, so no cross-check)" in shown, form


def test_the_switch_never_imports_durable_rules() -> None:
    code = ("import sys, judgment; rb = judgment.load_rulebook(sys.argv[1]); "
            "judgment.judge(rb, judgment.load_bundle(sys.argv[2])); "
            "print(sorted(m for m in sys.modules if m.startswith(('durable', 'durable_rules_engine'))))")
    env = {**os.environ, "JUDGMENT_ENGINE": "compiled"}
    done = subprocess.run([sys.executable, "-c", code, str(RULES), str(DERBYSHIRE)], capture_output=True, text=True,
                          env=env, check=True, timeout=120)
    assert done.stdout.strip() == "[]"


@needs_durable
def test_a_record_verifies_both_ways_between_places_with_and_without_durable_rules(tmp_path: Path) -> None:
    with_durable, without = tmp_path / "durable.json", tmp_path / "compiled.json"
    assert cli("run", DERBYSHIRE, "--rules", RULES, "--record", with_durable).returncode == 0
    assert cli("run", DERBYSHIRE, "--rules", RULES, "--record", without, compiled=True).returncode == 0
    for record, compiled in ((with_durable, True), (without, False)):
        done = cli("verify", record, compiled=compiled)
        assert done.returncode == 0, done.stdout
        lines = done.stdout.splitlines()
        assert lines[0] == "identical: the record is intact and replays to the same outcome"
        made, replayed = ("'durable_rules'", "'compiled'") if compiled else ("'compiled'", "'durable_rules'")
        assert lines[1].startswith(f"made by {made}") and f"replayed by {replayed}" in lines[1], lines


@needs_durable
def test_an_edited_claim_of_a_cross_check_is_caught(tmp_path: Path) -> None:
    """A record made without durable_rules, edited to claim its cross-check agreed and sealed again."""
    path = recorded(tmp_path / "compiled.json", compiled=True)
    resealed(path, lambda record: record.update(cross_check="agreed"))
    done = cli("verify", path)
    assert done.returncode == 1, done.stdout
    assert 'cross_check: "agreed" -> "agreed"' not in done.stdout
    assert 'engine: "compiled" -> "durable_rules"' in done.stdout


def test_a_record_of_the_previous_format_still_verifies(tmp_path: Path) -> None:
    """judgment.decision-record/2 had no cross_check: read as /3, its seal checked as made."""
    def as_made_before(record: dict[str, Any]) -> None:
        del record["cross_check"]
        record["versions"].pop("python")
        # as every /2 record was: judgment ran only where durable_rules imports
        record.update(schema="judgment.decision-record/2", engine="durable_rules")
        record["versions"]["durable_rules"] = "2.0.28"

    path = resealed(recorded(tmp_path / "old.json"), as_made_before)
    done = cli("verify", path)
    assert done.returncode == 0, done.stdout
    assert "the record is in format judgment.decision-record/2, read as judgment.decision-record/3" in done.stdout
    resealed(path, lambda record: record["questions"][0].update(grade="outstanding"))
    assert cli("verify", path).returncode == 1


def test_a_record_of_a_newer_format_is_refused_clearly(tmp_path: Path) -> None:
    path = resealed(recorded(tmp_path / "new.json"), lambda record: record.update(schema="judgment.decision-record/4"))
    done = cli("verify", path)
    assert done.returncode == 6, done.stdout
    assert "made by a newer judgment" in done.stdout and "upgrade judgment" in done.stdout


def test_a_batch_without_durable_rules_claims_no_cross_check(compiled_only: None, rulebook: judgment.Rulebook,
                                                             derbyshire: judgment.Bundle, tmp_path: Path) -> None:
    results = judgment.judge_many(rulebook, [derbyshire] * 4, cross_check=1.0)
    assert [(r.cross_checked, r.cross_check) for r in results] == [(False, "unavailable")] * 4
    assert results[0].judgment.cross_check == "unavailable"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.yaml").write_bytes(DERBYSHIRE.read_bytes())
    done = cli("batch", folder, "--rules", RULES, "--out", tmp_path / "out.jsonl", "--cross-check", "1", compiled=True)
    assert done.returncode == 0, done.stderr
    assert "none cross-checked: durable_rules is turned off (JUDGMENT_ENGINE=compiled)" in done.stderr
    line = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert (line["cross_checked"], line["cross_check"]) == (False, "unavailable")


def test_the_property_check_does_not_claim_agreement_with_one_engine() -> None:
    done = cli("check", RULES, "--properties", "--examples", "3", compiled=True)
    assert done.returncode == 0, done.stderr
    assert "4 of 5 hold (totality, determinism, monotonicity, no_dead_rule); agreement not checked: " \
           "durable_rules is turned off (JUDGMENT_ENGINE=compiled)" in done.stdout


def test_a_rulebook_past_durable_rules_limits_is_judged_without_it_and_check_warns(tmp_path: Path) -> None:
    """65 tests one record could pass at once: durable_rules crashes on it (refused where it imports);
    the compiled engine judges it, and check warns that durable_rules, where it imports, would refuse it."""
    from test_engine_limits import V, write_rulebook

    root = write_rulebook(tmp_path, [f"{V}.value > -{i}" for i in range(65)])
    checked = cli("check", root, compiled=True)
    assert checked.returncode == 0, checked.stderr
    assert f"{root / 'rules.yaml'}:66:12: warning: ENGINE_LIMIT" in checked.stderr
    assert "would refuse this; here the compiled engine judges it" in checked.stderr
    judged = cli("run", DERBYSHIRE, "--rules", root, "--any-date", "--format", "json", compiled=True)
    assert judged.returncode == 0, judged.stderr
    assert len(json.loads(judged.stdout)["questions"][0]["findings"]) == 65
