"""Words made once and kept (issue 21, point 2): what is kept must never be taken for another's."""

from __future__ import annotations

from judgment._compiled import _codegen
from judgment._compiled._events import checks
from judgment._compiled._values import Ranked


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
