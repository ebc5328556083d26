"""The translation to SMT (issue 19) agrees with the compiled engine, the reference semantics.

For the shipped rulebook, on a few hundred generated bundles (a fixed seed), every finding rule's
condition, translated to z3 with every field possibly missing, is fixed to the values of each record
the rule could bind and simplified: it is true exactly when the compiled engine made that finding.
"""

from __future__ import annotations

from itertools import product
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judgment._bundle import Bundle
from judgment._compiled import derive, finding_keys, program_for
from judgment._rulebook._loader import load_rulebook
from judgment._rulebook._model import Rulebook
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


# Constructs beyond the shipped rulebook (bounded tests, arithmetic, figures placed against figure
# paths and number expressions), each in a probe rulebook over the hmic-crime vocabulary, judged on
# generated bundles: the translation fixed to each binding equals the compiled engine's findings.
PROBES = {
    "at_least": "crime_rate.rate is at least 50",
    "at_most_not": "victim_satisfaction.rate is not at most 80.5",
    "months_at_least": "crime_change.months is at least 24",
    "difference": "crime_rate.rate.value - crime_rate.rate.national.value > 5",
    "scaled": "crime_rate.rate.upper * 2 >= crime_rate.rate.national.lower + 10",
    "ratio": "crime_rate.rate.value / crime_rate.rate.national.value < 1.1",
    "negated": "-crime_change.change.value > 5 or -(crime_change.change.lower) <= -2",
    "per_offender": "offender_management.offenders_managed / offender_management.prolific_offenders >= 2.5",
    "own_by_path": "crime_rate.rate is above crime_rate.rate.previous_year within 1",
    "comparators": "crime_rate.rate.national is below crime_rate.rate.previous_year",
    "number_vs_figure": "crime_change.change.value is above crime_change.change.national within 0.5",
    "figure_vs_number": "detection_rate.rate is below detection_rate.rate.national.value",
    "figure_vs_sum": "asb_incidents.rate is indeterminate against asb_incidents.rate.national.upper - 1",
    "two_records": "r.rate is above d.rate within 2 and r.rate.value * 1.5 >= d.rate.upper",
}
GIVEN = {"two_records": "    given: {r: crime_rate, d: detection_rate}\n"}


def _probe_yaml() -> str:
    rules = "".join(f"  - id: {name}\n    question: q\n    polarity: plus\n{GIVEN.get(name, '')}"
                    f"    when: \"{when}\"\n    text: t\n    cite: c\n" for name, when in PROBES.items())
    grading = "grading:\n  - questions: [q]\n    criteria:\n      - {grade: good, otherwise: true}\n"
    return "findings:\n" + rules + grading


def probe_rulebook(folder: Path) -> Rulebook:
    """The probe rulebook, written in `folder` and loaded (also for tests/test_prove_domain.py and _example.py)."""
    from minimal_rulebook import minimal_rulebook_yaml
    (folder / "rulebook.yaml").write_text(minimal_rulebook_yaml("probe"))
    (folder / "findings").mkdir()
    (folder / "findings" / "probe.yaml").write_text(_probe_yaml())
    return load_rulebook(folder)


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> tuple[Rulebook, dict[str, Translation]]:
    rulebook = probe_rulebook(tmp_path_factory.mktemp("probe"))
    return rulebook, translate_findings(rulebook)


def _made(translations: dict[str, Translation], bundle: Bundle,
          fired: set[str]) -> set[tuple[str, tuple[tuple[str, str], ...]]]:
    made = set()
    by_kind = bundle.index_by_kind()
    for rule_id, translation in translations.items():
        names = [name for name, _ in translation.variables]
        for chosen in product(*(by_kind.get(kind, ()) for _, kind in translation.variables)):
            if len({r.id for r in chosen}) == len(chosen) and translation.evaluate(dict(zip(names, chosen)), fired):
                made.add((rule_id, tuple(sorted(zip(names, (r.id for r in chosen))))))
    return made


@settings(max_examples=300, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_probe_constructs_evaluate_as_the_compiled_engine_fires_them(
        probe: tuple[Rulebook, dict[str, Translation]], data: st.DataObject) -> None:
    rulebook, translations = probe
    bundle = data.draw(bundles(rulebook))
    fired = derive(program_for(rulebook), bundle)
    assert _made(translations, bundle, set(fired)) == finding_keys(rulebook, fired)


TEXTS = ["", "a", "ab", "b", "B", "é", "z", "\u00ff", "\ud7ff", "\ue000", "\uffff", "\U00010000", "\U0002ffff",
         "back\\slash", "\\u{61}", "2014-01-02", "2014-01-10"]


def test_texts_order_by_code_points_as_python_does() -> None:
    from judgment._lang._parser import parse_expression as parse
    from judgment._prove import translate_condition
    from judgment.evidence.hmic_crime import CrimeRate
    for op in ("<", "<=", "==", "!=", ">", ">="):
        translation = translate_condition(parse(f"x.period {op} y.period"),
                                          (("x", "crime_rate"), ("y", "crime_rate")), RULEBOOK.vocabulary)
        for left, right in product(TEXTS, TEXTS):
            x, y = (CrimeRate.model_validate({"id": "x", "kind": "crime_rate", "category": "sexual_offences",
                                              "period": text or "-", "rate": {"value": 1, "unit": "count"},
                                              "provenance": {"document": "d", "section": "s", "quote": "q"}})
                    for text in (left, right))
            expected = {"<": x.period < y.period, "<=": x.period <= y.period, "==": x.period == y.period,
                        "!=": x.period != y.period, ">": x.period > y.period, ">=": x.period >= y.period}[op]
            assert translation.evaluate({"x": x, "y": y}, set()) is expected, (op, left, right)
