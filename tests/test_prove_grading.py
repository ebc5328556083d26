"""The symbolic bundle judges as the compiled engine does (issue 19, point 3): a differential test.

For the shipped rulebook, on generated bundles (a fixed seed), the symbolic bundle is fixed to each
bundle's records; every finding rule, every criterion, each question's grade, the overall grade and each
recommendation then simplify to exactly what judging the bundle gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from judgment._api import judge
from judgment._bundle import Bundle
from judgment._rulebook._loader import load_rulebook
from judgment.testing import bundles

from judgment._prove._fixed import Fixed, fixed  # needs judgment[prove] (scripts/_env.sh)
from judgment._prove._grading import NOT_GRADED, grade
from judgment._prove._model import SymbolicBundle

RULEBOOK = load_rulebook(Path(__file__).parent.parent / "rules" / "hmic-crime-2014")
SLOTS = {kind: 6 for kind in RULEBOOK.vocabulary.kinds}
GRADED = grade(SymbolicBundle.build(RULEBOOK, SLOTS))
COMPARED = {"bundles": 0, "terms": 0}


def _fits(bundle: Bundle) -> bool:
    return all(len(pool) <= 6 for pool in bundle.index_by_kind().values())


def _agrees(bundle: Bundle) -> None:
    result = judge(RULEBOOK, bundle, any_date=True)
    values = Fixed(fixed(GRADED.bundle, bundle))
    made = {f.rule for q in result.questions for f in q.findings}
    assert {r for r, term in GRADED.bundle.fired.items() if values.value(term)} == made
    worst_first = RULEBOOK.worst_first
    for question in result.questions:
        expected = NOT_GRADED if question.grade is None else worst_first.index(question.grade)
        assert values.value(GRADED.rank[question.id]) == expected, question.id
    recommended = {r.id for r in result.recommendations}
    assert {r for r, term in GRADED.recommended.items() if values.value(term)} == recommended
    COMPARED["bundles"] += 1
    COMPARED["terms"] += len(GRADED.bundle.fired) + len(result.questions) + len(GRADED.recommended)


_SETTINGS = {"derandomize": True, "deadline": None, "database": None,
             "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]}


@settings(max_examples=300, **_SETTINGS)  # type: ignore[arg-type]
@given(bundles(RULEBOOK).filter(_fits))
def test_the_symbolic_bundle_grades_as_the_compiled_engine(bundle: Bundle) -> None:
    _agrees(bundle)


@pytest.mark.slow
@settings(max_examples=5_000, **_SETTINGS)  # type: ignore[arg-type]
@given(bundles(RULEBOOK).filter(_fits))
def test_the_symbolic_bundle_grades_as_the_compiled_engine_on_thousands(bundle: Bundle) -> None:
    """The same over 5,000 bundles (the slow marker: about ten minutes); figures in the closing note."""
    _agrees(bundle)
