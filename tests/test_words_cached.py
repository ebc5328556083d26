"""Words made once and kept (issue 21, point 2): what is kept must never be taken for another's."""

from __future__ import annotations

from pathlib import Path

import judgment
from judgment._compiled import _codegen, explain, run
from judgment._compiled._events import checks
from judgment._compiled._values import Ranked
from judgment._frozen import FrozenMap
from judgment._judgment import Judgment

SHIPPED = Path(__file__).resolve().parents[1] / "rules" / "hmic-crime-2014"


def test_an_equal_operand_of_another_type_is_worded_by_its_own_type() -> None:
    tests = [_codegen.Test(condition="x.flag == y", form="compare")]
    as_number = checks([(0, False, None, 1.0, 0.0)], tests)
    as_flag = checks([(0, False, None, True, False)], tests)  # True == 1.0 and hashes alike
    again = checks([(0, False, None, 1.0, 0.0)], tests)
    assert [c.values for c in (*as_number, *as_flag, *again)] == [("1", "0"), ("yes", "no"), ("1", "0")]


def test_the_same_event_gives_the_same_check_under_another_rulebook_s_tests() -> None:
    first = checks([(0, True, None, Ranked("good", ("weak", "good")))], [_codegen.Test("a.level", "compare")])
    second = checks([(0, True, None, Ranked("good", ("weak", "good")))], [_codegen.Test("b.level", "compare")])
    assert (first[0].condition, second[0].condition) == ("a.level", "b.level")


def test_a_judgment_put_together_unvalidated_is_the_one_validating_gives(derbyshire: judgment.Bundle) -> None:
    """Its models are built without validating again (judgment._judgment.built): equal, alike in repr
    and JSON to the same data validated, frozen (hashable) all the way down."""
    rulebook = judgment.load_rulebook(SHIPPED)
    made = explain(run(rulebook, derbyshire), "compiled", "not made")
    again = Judgment.model_validate(made.model_dump())
    assert (made, repr(made), made.to_json()) == (again, repr(again), again.to_json())
    assert isinstance(made.inspection, FrozenMap) and hash(made) == hash(made.model_copy())
    assert all(isinstance(f.bindings, FrozenMap) for q in made.questions for f in q.findings)
