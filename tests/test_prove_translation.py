"""The translation to SMT (issue 19) agrees with the compiled engine, the reference semantics.

For the shipped rulebook, on a few hundred generated bundles (a fixed seed), every finding rule's
condition, translated to z3 with every field possibly missing, is fixed to the values of each record
the rule could bind and simplified: it is true exactly when the compiled engine made that finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from judgment._bundle import Bundle
from judgment._compiled import derive, finding_keys, program_for
from judgment._rulebook._loader import load_rulebook
from judgment.testing import bundles

from judgment._prove import NotTranslated, Translation, translate_findings  # needs judgment[prove] (scripts/_env.sh)

RULEBOOK = load_rulebook(Path(__file__).parent.parent / "rules" / "hmic-crime-2014")
TRANSLATED: dict[str, Translation] = translate_findings(RULEBOOK)
COMPARED = {"bundles": 0, "evaluations": 0}


def test_every_finding_rule_of_the_shipped_rulebook_is_translated() -> None:
    assert sorted(TRANSLATED) == sorted(rule.id for rule in RULEBOOK.findings)


def _solver_findings(bundle: Bundle, fired_rules: set[str]) -> set[tuple[str, tuple[tuple[str, str], ...]]]:
    made = set()
    by_kind = bundle.index_by_kind()
    for rule_id, translation in TRANSLATED.items():
        ((name, kind),) = translation.variables  # every shipped rule binds one record
        for record in by_kind.get(kind, ()):
            outcome = translation.evaluate({name: record}, fired_rules)
            COMPARED["evaluations"] += 1
            if outcome is True:
                made.add((rule_id, ((name, record.id),)))
    return made


@settings(max_examples=300, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(bundles(RULEBOOK))
def test_the_solver_evaluates_each_condition_as_the_compiled_engine_fires_it(bundle: Bundle) -> None:
    fired = derive(program_for(RULEBOOK), bundle)
    expected = finding_keys(RULEBOOK, fired)
    COMPARED["bundles"] += 1
    assert _solver_findings(bundle, set(fired)) == expected


def test_a_construct_not_translated_is_refused_by_name() -> None:
    from judgment._lang._parser import parse_expression as parse
    with pytest.raises(NotTranslated, match="count"):
        from judgment._prove import translate_condition
        translate_condition(parse("count(strength) > 1"), (), RULEBOOK.vocabulary)
