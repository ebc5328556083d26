"""Live sessions: evidence added and retracted one record at a time, the judgment kept current.

The property: after any sequence of additions and retractions, the session's judgment equals a
fresh judgment of the records it then holds (findings, grades and recommendations).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

import judgment
from conftest import ROOT, rules_fired, vary
from generated_rulebooks import Spec, load
from judgment import Bundle
from _engines import DURABLE, live_sessions
from judgment._compiled import compiled_findings
from judgment.testing import bundles

COVERAGE = judgment.load_rulebook(ROOT / "tests" / "data" / "rulebooks" / "language")
SHIPPED = judgment.load_rulebook(ROOT / "rules" / "hmic-crime-2014")


@st.composite
def histories(draw: st.DrawFn, rulebook: judgment.Rulebook) -> tuple[Bundle, list[tuple[str, str]]]:
    """A pool of records and a sequence of ("add" | "retract", record id) that is always legal."""
    pool = draw(bundles(rulebook, max_per_kind=2))
    held: list[str] = []
    steps = []
    for _ in range(draw(st.integers(1, 3 * len(pool.records) + 2))):
        waiting = [r.id for r in pool.records if r.id not in held]
        if waiting and (not held or draw(st.booleans())):
            chosen = draw(st.sampled_from(waiting))
            held.append(chosen)
            steps.append(("add", chosen))
        elif held:
            chosen = draw(st.sampled_from(held))
            held.remove(chosen)
            steps.append(("retract", chosen))
    return pool, steps


def replay(rulebook: judgment.Rulebook, pool: Bundle, steps: list[tuple[str, str]]) -> None:
    note(json.dumps({"pool": pool.to_data(), "steps": steps}, sort_keys=True))
    with judgment.open_session(rulebook, pool.inspection, any_date=True) as live:
        for action, record_id in steps:
            if action == "add":
                live.add(pool.record(record_id))
            else:
                live.retract(record_id)
            current = live.bundle
            assert live._session.findings() == compiled_findings(rulebook, current), (action, record_id)
        assert live.judgment().outcome() == judgment.judge(rulebook, live.bundle, any_date=True).outcome()


@settings(max_examples=1000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(histories(COVERAGE))
def test_every_construct_stays_current_over_a_thousand_histories(history: tuple[Bundle, list]) -> None:
    replay(COVERAGE, *history)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(histories(SHIPPED))
def test_the_shipped_rulebook_stays_current(history: tuple[Bundle, list]) -> None:
    replay(SHIPPED, *history)


def test_a_live_inspection_reaches_the_published_judgment_and_back(derbyshire: Bundle) -> None:
    before = live_sessions()
    with judgment.open_session(SHIPPED, derbyshire.inspection) as live:
        empty = live.judgment()  # no evidence is not Good (issue 16, point 4)
        assert all(empty.question(q).not_graded == "insufficient evidence" for q in empty.grades), empty.grades
        live.add(*derbyshire.records)
        assert live.judgment().to_json() == judgment.judge(SHIPPED, derbyshire).to_json()
        live.retract("evaluation-crime-prevention")
        result = live.judgment()
        assert "evaluation_limited" not in {f.rule for f in result.question("reducing_crime").findings}
        live.add(derbyshire.record("evaluation-crime-prevention"))
        assert live.judgment().to_json() == judgment.judge(SHIPPED, derbyshire).to_json()
        assert live_sessions() == before + DURABLE  # a durable_rules session is open, where it imports
    assert live_sessions() == before


def test_a_live_session_refuses_duplicates_foreign_records_and_use_after_close(derbyshire: Bundle) -> None:
    live = judgment.open_session(SHIPPED, derbyshire.inspection)
    first = derbyshire.records[0]
    live.add(first)
    with pytest.raises(judgment.JudgmentError, match="already in the session"):
        live.add(first)
    with pytest.raises(judgment.UnknownRecordError):  # a KeyError too
        live.retract("no-such-record")
    live.close()
    with pytest.raises(judgment.JudgmentError, match="closed"):
        live.add(derbyshire.records[1])


def test_a_live_session_checks_the_rulebook_is_in_force(derbyshire: Bundle) -> None:
    late = derbyshire.inspection.model_copy(update={"date": derbyshire.inspection.date.replace(year=2030)})
    with pytest.raises(judgment.BundleError, match="NOT_IN_FORCE|in force"):
        judgment.open_session(SHIPPED, late)


def test_retracting_what_a_derived_finding_rests_on_withdraws_it(derbyshire: Bundle) -> None:
    """asb_engagement_exemplary needs finding(asb_partnership_strong): when the partnership record
    goes, that status fact is replaced and the derived finding must go too (issue 12, 3b)."""
    strong = vary(derbyshire, "neighbourhood-policing", community_engagement="strong")
    with judgment.open_session(SHIPPED, strong.inspection) as live:
        live.add(strong.record("neighbourhood-policing"))
        live.add(strong.record("partnership-asb"))
        assert "asb_engagement_exemplary" in rules_fired(live.judgment(), "tackling_asb")
        live.retract("partnership-asb")
        result = live.judgment()  # EngineDisagreementError before the fix
        assert "asb_engagement_exemplary" not in rules_fired(result, "tackling_asb")
        assert result.outcome() == judgment.judge(SHIPPED, live.bundle).outcome()


def test_missing_with_a_record_variable_is_withdrawn_when_the_kind_arrives(derbyshire: Bundle, tmp_path: Path) -> None:
    rule = {"id": "m", "question": "q", "polarity": "plus", "text": "t", "cite": "c",
            "when": "missing(victim_contract) and victim_satisfaction.rate.value > 1"}
    rulebook = load(Spec(("victim_contract", "victim_satisfaction"), (rule,)), tmp_path)
    with judgment.open_session(rulebook, derbyshire.inspection) as live:
        live.add(derbyshire.record("victim-satisfaction"))
        assert rules_fired(live.judgment(), "q") == {"m"}
        live.add(derbyshire.record("victim-contract"))
        assert rules_fired(live.judgment(), "q") == set()  # EngineDisagreementError before the fix
