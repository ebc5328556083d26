"""The engine's limits as diagnostics, each at the condition of the finding rule that passes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from judgment._diagnostics import Diagnostic, Location
from judgment._durable._hash import collisions
from judgment._durable._names import PREFIX, field_path
from judgment._durable._limits import MAX_CHILDREN, MAX_CONNECTORS, MAX_PENDING, Excess, excesses
from judgment._rulebook._model import Rulebook

if TYPE_CHECKING:
    from judgment._durable._compile import Compiled

META_KEYS = ("id", "sid", "t", "k", "rule", "made", "present")


def engine_limits(rulebook: Rulebook, compiled: Compiled) -> list[Diagnostic]:
    """Hash collisions between names, then the limits of the alpha network (see `_limits`)."""
    problems = _collisions(rulebook, compiled)
    for excess in excesses(compiled.definition):
        finding = compiled.rules[excess.rule].finding
        problems.append(_diagnostic(excess, finding, _where(rulebook, finding)))
    return problems


def _where(rulebook: Rulebook, finding: str) -> Location:
    return rulebook.finding_rule(finding).when.location


def _collisions(rulebook: Rulebook, compiled: Compiled) -> list[Diagnostic]:
    """durable_rules tells property names and rule names apart only by their FNV-1a-32 hash."""
    users: dict[str, str] = {}  # property name -> the first finding whose engine rules test it
    for name, rule in compiled.rules.items():
        for prop in _props(compiled.definition[name]):
            users.setdefault(prop, rule.finding)
    problems = []
    for first, second in collisions(list(users) + list(META_KEYS)):
        finding = users.get(second) or users.get(first) or rulebook.findings[0].id
        problems.append(Diagnostic(
            "ENGINE_LIMIT", f"the field names {_field(first)!r} and {_field(second)!r} collide under durable_rules' "
            "32-bit hash", _where(rulebook, finding), hint="rename one of the fields in the vocabulary"))
    for first, second in collisions(compiled.rules):
        one, other = compiled.rules[first].finding, compiled.rules[second].finding
        later = max(one, other, key=lambda f: [r.id for r in rulebook.findings].index(f))
        problems.append(Diagnostic(
            "ENGINE_LIMIT", f"the finding ids {one!r} and {other!r} collide under durable_rules' 32-bit hash "
            f"(as {first!r} and {second!r})", _where(rulebook, later), hint="rename one of the two findings"))
    return problems


def _props(value: object) -> set[str]:
    if isinstance(value, dict):
        return {k for k in value if not k.startswith("$") and k not in ("all",) and not isinstance(
            value[k], (dict, list))} | {p for v in value.values() for p in _props(v)}
    if isinstance(value, list):
        return {p for v in value for p in _props(v)}
    return set()


def _field(prop: str) -> str:
    return ".".join(field_path(prop)) if prop.startswith(PREFIX) else prop


def _diagnostic(excess: Excess, finding: str, where: Location) -> Diagnostic:
    of_kind = f" of kind {excess.kind}" if excess.kind else ""
    if excess.limit == "children":
        return Diagnostic(
            "ENGINE_LIMIT", f"rule {finding} makes {excess.count} distinct tests on records{of_kind} follow the same "
            f"tests; durable_rules takes at most {MAX_CHILDREN} there, and loops for ever building the ruleset past "
            "that", where, hint="test the fields against fewer distinct constants, or put the tests in another order")
    if excess.limit == "connectors":
        return Diagnostic(
            "ENGINE_LIMIT", f"rule {finding} makes {excess.count} patterns on records{of_kind} end on the same tests; "
            f"durable_rules holds at most {MAX_CONNECTORS} there, and crashes past that", where,
            hint="merge findings whose conditions are the same, or combine them with finding(...)")
    return Diagnostic(
        "ENGINE_LIMIT", f"with rule {finding}, one record{of_kind} could pass up to {excess.count} tests that "
        f"durable_rules follows at once; it follows at most {MAX_PENDING} (its error 303, then a crash)", where,
        hint="test a field against fewer distinct constants (findings can share a test through finding(...))")
