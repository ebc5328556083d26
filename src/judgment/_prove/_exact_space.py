"""One bundle as the solver's search space for exact counterfactuals: what may change, and how much that is.

The bundle's records of each kind fill a symbolic bundle's first slots (judgment._prove._fixed); after
them, up to `max_changes` free slots per kind stand for records that may be added. A change is counted
as the search counts it (judgment._counterfactual._moves): all the constants of one field of one record
(a figure's interval and value, a scalar and whether it is known) are one change, a record dropped is
one (its fields then count nothing), a record added is one.

What may vary, over the valid values of judgment._prove._domain: every scalar field a rule reads (given
a value, changed, or left out when optional), a figure's value, its interval's width kept (on a decimal
grid, within its unit's limits); a figure's comparators, stated relations and trend, and whether it is
there, are held as they are (an added record has no figure).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from judgment._bundle import Bundle
from judgment._prove._fixed import fixed
from judgment._prove._grading import Graded, grade
from judgment._prove._model import SymbolicBundle, complete_slots
from judgment._prove._symbols import Place
from judgment._prove._values import Expr
from judgment._prove._z3 import z3
from judgment._rulebook._model import Rulebook
from judgment.evidence import Measure, Record
from judgment.evidence._base import NON_NEGATIVE_UNITS

#: Numbers the solver picks are whole multiples of 10^-PLACES, so evidence can hold them exactly.
PLACES = 4
_FIGURE_HELD = ("known", "numbered", "stated")


class Space:
    """The symbolic bundle, the original value of each constant, and one change indicator per change."""

    def __init__(self, rulebook: Rulebook, bundle: Bundle, max_changes: int) -> None:
        pools = bundle.index_by_kind()
        self.existing: dict[str, Record] = {}
        slots = {kind: len(pools.get(kind, ())) + min(max_changes, n) for kind, n in complete_slots(rulebook).items()}
        self.graded: Graded = grade(SymbolicBundle.build(rulebook, slots, "exact/"))
        symbolic = self.graded.bundle
        for kind, pool in pools.items():
            self.existing.update(zip(symbolic.slots_of(kind), sorted(pool, key=lambda r: r.id)))
        self.original = {_name(c): v for c, v in fixed(symbolic, bundle)}
        self.figures = {(p.variable, p.parts) for p in symbolic.symbols.places.values() if p.role == "numbered"}
        self.groups: dict[tuple[str, str], list[str]] = defaultdict(list)
        for name, place in symbolic.symbols.places.items():
            self.groups[place.variable, place.parts[0]].append(name)
        self.changes = self._changes()

    def constant(self, name: str) -> Expr:
        return self.graded.bundle.symbols.constants[name][0]

    def was(self, name: str) -> Expr:
        """The constant's value in the bundle as it is."""
        return self.original[_name(self.constant(name))]

    def _changes(self) -> dict[tuple[str, ...], Expr]:
        """("drop", slot), ("add", slot), ("set", slot, field) -> whether that change is made."""
        present = self.graded.bundle.present
        made: dict[tuple[str, ...], Expr] = {}
        for slot, here in present.items():
            made[("drop", slot) if slot in self.existing else ("add", slot)] = \
                z3().Not(here) if slot in self.existing else here
        for (slot, field), names in sorted(self.groups.items()):
            if slot in self.existing:
                made["set", slot, field] = z3().And(present[slot], z3().Or(*[self.constant(n) != self.was(n) for n in names]))
        return made

    def count(self) -> Expr:
        return z3().Sum(z3().IntVal(0), *[z3().If(made, 1, 0) for made in self.changes.values()])

    def facts(self) -> list[Expr]:
        """Valid values, what is held, numbers on the grid and within their unit, added slots in order."""
        symbols = self.graded.bundle.symbols
        facts = [*symbols.domain(), *self._added_in_order()]
        for name, place in symbols.places.items():
            facts += self._held(name, place) + self._on_grid(name)
        for slot, record in self.existing.items():
            facts += self._figure_moves(slot, record)
        return facts

    def _held(self, name: str, place: Place) -> list[Expr]:
        figure_part = len(place.parts) > 1 and place.parts[1] not in ("value", "lower", "upper")
        figure_own = (place.variable, place.parts) in self.figures and place.role in _FIGURE_HELD
        if place.variable not in self.existing:
            added = self.graded.bundle.present[place.variable]
            return [z3().Implies(added, z3().Not(self.constant(name)))] if figure_own and place.role == "known" else []
        return [self.constant(name) == self.was(name)] if figure_part or figure_own else []

    def _on_grid(self, name: str) -> list[Expr]:
        constant, sort, _ = self.graded.bundle.symbols.constants[name]
        if sort != "num":
            return []
        step = z3().RealVal(f"1/{10 ** PLACES}")
        return [z3().Or(constant == self.was(name), constant == z3().ToReal(z3().Int(f"exact/{name}.grid")) * step)]

    def _figure_moves(self, slot: str, record: Record) -> list[Expr]:
        """A figure's interval moves with its value, its width kept (as ``--set rate.value`` does), within its unit."""
        facts = []
        for variable, parts in sorted(self.figures):
            figure = getattr(record, parts[0], None) if variable == slot and len(parts) == 1 else None
            if isinstance(figure, Measure):
                name = f"{slot}.{parts[0]}"
                lower, upper = self.constant(f"{name}.lower"), self.constant(f"{name}.upper")
                shift = lower - self.was(f"{name}.lower")
                facts.append(upper - self.was(f"{name}.upper") == shift)
                if f"{name}.value" in self.graded.bundle.symbols.constants:
                    facts.append(self.constant(f"{name}.value") - self.was(f"{name}.value") == shift)
                facts += [lower >= 0] if figure.unit in NON_NEGATIVE_UNITS else []
                facts += [upper <= 100] if figure.unit == "percent" else []
        return facts

    def _added_in_order(self) -> list[Expr]:
        symbolic = self.graded.bundle
        added = [[s for s in symbolic.slots_of(kind) if s not in self.existing] for kind in symbolic.slots]
        return [z3().Implies(symbolic.present[b], symbolic.present[a]) for pool in added for a, b in zip(pool, pool[1:])]


def _name(constant: Expr) -> str:
    return str(constant.decl().name())


def slot_kinds(space: Space) -> Mapping[str, str]:
    return {slot: kind for kind in space.graded.bundle.slots for slot in space.graded.bundle.slots_of(kind)}
