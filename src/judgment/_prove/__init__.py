"""Proving a rulebook (issue 19): its conditions translated to SMT for the z3 solver.

This room is the foundation: each finding rule's condition becomes z3 over the vocabulary's
domains, every field possibly missing, in the compiled engine's three-valued logic. No public API
or command uses it yet. z3 is the optional extra judgment[prove]: this package imports without it
and says how to install it when first used (ProveUnavailable).

    translate_condition(node, variables, vocabulary)   one condition -> Translation
    translate_findings(rulebook)                       every finding rule, or NotTranslated naming each gap
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from judgment._lang import _ast as ast
from judgment._prove._example import NotDecimal, bundle_yaml, decimal_grid, records_from_model
from judgment._prove._symbols import Symbols
from judgment._prove._translate import Translator
from judgment._prove._values import Expr, NotTranslated, Truth
from judgment._prove._z3 import ProveUnavailable, z3
from judgment._rulebook._model import Rulebook
from judgment.evidence import Record, Vocabulary

__all__ = ["NotDecimal", "NotTranslated", "ProveUnavailable", "Translation", "bundle_yaml", "decimal_grid",
           "records_from_model", "translate_condition", "translate_findings"]


@dataclass(frozen=True)
class Translation:
    """One condition in z3: `truth.true` holds exactly when the engine evaluates it to true."""

    variables: tuple[tuple[str, str], ...]  # (name, kind), as the condition binds them
    truth: Truth
    symbols: Symbols

    def evaluate(self, records: Mapping[str, Record], fired: set[str] | frozenset[str]) -> bool | None:
        """The condition with every constant fixed to what `records` hold (and the findings made):
        True, False or None (unknown), as z3 simplifies it."""
        pairs = self.symbols.fixed(records, frozenset(fired))
        if _decide(self.truth.true, pairs):
            return True
        return False if _decide(self.truth.false, pairs) else None


def _decide(expression: Expr, pairs: list[tuple[Expr, Expr]]) -> bool:
    simplified = z3().simplify(z3().substitute(expression, *pairs) if pairs else expression)
    if not z3().is_bool(simplified) or not (z3().is_true(simplified) or z3().is_false(simplified)):
        raise AssertionError(f"a fixed condition did not simplify to a constant: {simplified}")
    return bool(z3().is_true(simplified))


def translate_condition(node: ast.Node, variables: tuple[tuple[str, str], ...], vocabulary: Vocabulary) -> Translation:
    symbols = Symbols()
    models = {name: vocabulary.models.get(kind) for name, kind in variables}
    return Translation(variables, Translator(symbols, models).truth(node), symbols)


def translate_findings(rulebook: Rulebook) -> dict[str, Translation]:
    """Every finding rule's condition, by rule id; NotTranslated lists every rule that is not, with why."""
    translated: dict[str, Translation] = {}
    missing: list[str] = []
    for rule in rulebook.findings:
        try:
            translated[rule.id] = translate_condition(rule.when.node, rule.when.variables, rulebook.vocabulary)
        except NotTranslated as gap:
            missing.extend(f"{rule.id}: {construct}" for construct in gap.constructs)
    if missing:
        raise NotTranslated(missing)
    return translated
