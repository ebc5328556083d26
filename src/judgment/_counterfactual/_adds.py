"""Records the search may add: for each finding rule of one variable, the least record that makes it.

A record is added only where the vocabulary allows one to be written from what the rule tests: the
fields the rule reads are choices, ordered scales or booleans (a figure needs a unit and numbers a
rule does not give), and every other required field is a choice or a boolean (given its first
value). Of the combinations of the values the rule's fields may take (ordered scales worst first,
at most MAX_COMBINATIONS), the first that makes the rule's finding on its own is added: one record
per rule, holding just the fields that rule tests.
"""

from __future__ import annotations

from itertools import product
from typing import Any

from judgment._bundle import Bundle
from judgment._compiled import derive, program_for
from judgment._counterfactual._moves import Move, words
from judgment._counterfactual._reads import Reads
from judgment._lang import _ast as ast
from judgment._rulebook._model import FindingRule, Rulebook
from judgment._whatif._changes import AddRecord
from judgment.evidence import FieldSpec

#: Combinations of field values tried for one rule's added record.
MAX_COMBINATIONS = 256
#: Where an added record says it comes from: it is a supposition, not evidence.
PROVENANCE = {"document": "counterfactual", "section": "judgment counterfactuals",
              "quote": "a record supposed by the counterfactual search", "collector": "judgment counterfactuals"}


def record_adds(rulebook: Rulebook, bundle: Bundle, reads: Reads) -> list[Move]:
    """One added record per finding rule of `reads` that can be made by a record alone, by rule order."""
    moves: list[Move] = []
    seen: set[str] = set()
    for rule in reads.rules:
        data = _least_record(rulebook, bundle, rule)
        if data is None or repr(sorted((k, v) for k, v in data.items() if k != "id")) in seen:
            continue
        seen.add(repr(sorted((k, v) for k, v in data.items() if k != "id")))
        record = rulebook.vocabulary.models[data["kind"]].model_validate(data)
        after = ", ".join(f"{k.replace('_', ' ')} {words(v)}" for k, v in data.items()
                          if k not in ("id", "kind", "provenance"))
        moves.append(Move(AddRecord(data), ("add", data["id"]), 1, record, "", after, rank=2))
    return moves


def _least_record(rulebook: Rulebook, bundle: Bundle, rule: FindingRule) -> dict[str, Any] | None:
    if len(rule.when.variables) != 1 or rule.when.findings_used or _calls(rule):
        return None
    name, kind = rule.when.variables[0]
    specs = rulebook.vocabulary.fields(kind)
    tested = sorted({n.parts[1] for n in ast.walk(rule.when.node)
                     if isinstance(n, ast.Path) and len(n.parts) == 2 and n.parts[0] == name})
    model = rulebook.vocabulary.models[kind]
    required = [f for f, info in model.model_fields.items() if info.is_required() and f in specs]
    if any(specs[f].kind not in ("enum", "bool") for f in {*tested, *required}):
        return None
    fixed = {f: _values(specs[f])[0] for f in required if f not in tested}
    choices = [_values(specs[f]) for f in tested]
    record_id = f"counterfactual-{kind}-{rule.id}".replace("_", "-")
    if bundle.records and any(r.id == record_id for r in bundle.records):
        return None
    program = program_for(rulebook)
    for number, values in enumerate(product(*choices)):
        if number >= MAX_COMBINATIONS:
            return None
        data: dict[str, Any] = {"id": record_id, "kind": kind, "provenance": PROVENANCE, **fixed,
                                **dict(zip(tested, values))}
        alone = bundle.replace_records([rulebook.vocabulary.models[kind].model_validate(data)])
        if rule.id in derive(program, alone):
            return data
    return None


def _values(spec: FieldSpec) -> list[Any]:
    return list(spec.members) if spec.kind == "enum" else [False, True]


def _calls(rule: FindingRule) -> bool:
    """Whether the rule asks about other records (present(), missing()): it is not made by one alone."""
    return any(isinstance(n, ast.Call) for n in ast.walk(rule.when.node))
