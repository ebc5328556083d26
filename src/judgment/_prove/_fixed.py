"""A symbolic bundle fixed to a real bundle: each constant given the value the engine reads.

The records of each kind fill its slots in id order (as a counterexample's records are numbered);
slots left over are absent, their constants fixed to anything (no present slot reads them). A z3 term
of the symbolic bundle, substituted with these values, simplifies to what judging that bundle gives:
the differential tests (tests/test_prove_grading.py) hold the translation to that.
"""

from __future__ import annotations

from judgment._bundle import Bundle
from judgment._prove._model import SymbolicBundle
from judgment._prove._symbols import _literal as literal
from judgment._prove._values import Expr
from judgment._prove._z3 import z3
from judgment.evidence import Record


class TooManyRecords(ValueError):
    """The bundle has more records of a kind than the symbolic bundle has slots for it."""


def fixed(symbolic: SymbolicBundle, bundle: Bundle) -> list[tuple[Expr, Expr]]:
    """(constant, value) pairs for z3.substitute: presence of every slot, then every constant."""
    records: dict[str, Record] = {}
    by_kind = bundle.index_by_kind()
    for kind, pool in by_kind.items():
        if len(pool) > symbolic.slots.get(kind, 0) and symbolic.slots.get(kind, 0) > 0:
            raise TooManyRecords(f"{len(pool)} records of kind {kind} for {symbolic.slots[kind]} slots")
        for slot, record in zip(symbolic.slots_of(kind), sorted(pool, key=lambda r: r.id)):
            records[slot] = record
    pairs = [(present, z3().BoolVal(slot in records)) for slot, present in symbolic.present.items()]
    for name, (constant, sort, reader) in symbolic.symbols.constants.items():
        slot = name.partition(".")[0]
        pairs.append((constant, literal(sort, reader(records, frozenset()) if slot in records else None)))
    return pairs


class Fixed:
    """Terms of a symbolic bundle evaluated under fixed values: one z3 model, evaluated term by term
    (substituting all the values into each term again costs a hundred times more)."""

    def __init__(self, pairs: list[tuple[Expr, Expr]]) -> None:
        solver = z3().Solver()
        solver.add(*[constant == value for constant, value in pairs])
        if solver.check() != z3().sat:
            raise AssertionError("fixed values that contradict each other")
        self.model = solver.model()

    def value(self, term: Expr) -> bool | int:
        """A Boolean or an integer term's value."""
        evaluated = self.model.eval(term, model_completion=True)
        if z3().is_true(evaluated) or z3().is_false(evaluated):
            return bool(z3().is_true(evaluated))
        if z3().is_int_value(evaluated):
            return int(evaluated.as_long())
        raise AssertionError(f"a fixed term did not evaluate to a constant: {evaluated}")
