"""One field of one record made better in its declared direction, as facts about a Pair.

As judgment.testing (the sampled property) moves it, but every amount at once: a scale or a number
strictly better; a flag from the worse value to the better; a figure moved by any amount in the better
direction (its value and interval together), the relations the source states beside it moved the same
way or kept. What the record does not carry stays missing; everything else stays as it was.
"""

from __future__ import annotations

from judgment._prove._pair import Pair
from judgment._prove._values import Expr
from judgment._prove._z3 import z3
from judgment.evidence import FieldSpec

_MOVED = ("value", "lower", "upper")  # a figure's own numbers: moved together


def improved(pair: Pair, slot: str, spec: FieldSpec) -> tuple[list[Expr], list[str]]:
    """The facts that make `slot`'s field better after than before, and the constants they change."""
    base = f"{slot}.{spec.name}"
    names = [n for n, _, _ in pair.constants() if n == base or n.startswith(base + ".")]
    if not names:
        return [z3().BoolVal(False)], []  # no rule reads the field: nothing to change
    up = spec.better != "lower"
    constants = {n: (a, b) for n, a, b in pair.constants() if n in names}
    known = list(constants[base + ".known"]) if base + ".known" in constants else []
    if spec.kind != "measure":
        a, b = constants[base]
        if spec.kind == "bool":
            strictly = z3().And(a == z3().BoolVal(not up), b == z3().BoolVal(up))
        else:
            strictly = b > a if up else b < a
        return [*known, strictly], [base]
    return _figure(base, constants, up, known)


def _figure(base: str, constants: dict[str, tuple[Expr, Expr]], up: bool,
            known: list[Expr]) -> tuple[list[Expr], list[str]]:
    shift = z3().Real(f"shift/{base}")
    facts, changed, stricter = [*known, shift >= 0 if up else shift <= 0], [], []
    numbered = constants.get(base + ".numbered", constants.get(base + ".value.known"))
    for name, (a, b) in constants.items():
        part = name[len(base) + 1:].split(".")
        if len(part) == 1 and part[0] in _MOVED:
            facts.append(b == a + shift)
            changed.append(name)
        elif len(part) == 2 and part[1] == "stated":  # a comparator's stated relation: moved the same way, or kept
            facts += [(a < 0) == (b < 0), b >= a if up else b <= a]
            stricter.append(b > a if up else b < a)
            changed.append(name)
    if numbered is not None:
        stricter.append(z3().And(numbered[0], shift > 0 if up else shift < 0))
    facts.append(z3().Or(*stricter) if stricter else z3().BoolVal(False))
    return facts, changed
