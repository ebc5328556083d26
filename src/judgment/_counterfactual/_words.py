"""A counterfactual in the inspector's words: what would be different, and what that would do.

"Reducing crime would be Outstanding if the level of evaluation capability (crime prevention) were
developing instead of limited: the area for improvement evaluation_limited would not be made, and
exceeds-the-standard would hold." Records are named by their kind and their choices (the area they
are about), with their id when that is not enough to tell them apart; criteria and finding rules by
their ids in the rulebook.
"""

from __future__ import annotations

from collections.abc import Sequence

from judgment._bundle import Bundle
from judgment._counterfactual._moves import Move
from judgment._rulebook._model import Rulebook
from judgment.evidence import Record


def record_labels(bundle: Bundle, rulebook: Rulebook) -> dict[str, str]:
    """Each record's name in words: ``evaluation capability (crime prevention)``."""
    labels = {r.id: _label(r, rulebook) for r in bundle.records}
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    return {rid: label if counts[label] == 1 else f"{label} [record {rid}]" for rid, label in labels.items()}


def _label(record: Record, rulebook: Rulebook) -> str:
    specs = rulebook.vocabulary.fields(record.kind)
    choices = [str(getattr(getattr(record, name), "value", getattr(record, name))).replace("_", " ")
               for name, spec in specs.items()
               if spec.kind == "enum" and not spec.ordered and getattr(record, name) is not None]
    kind = record.kind.replace("_", " ")
    return f"{kind} ({', '.join(choices)})" if choices else kind


def explain(rulebook: Rulebook, question: str, grade: str, criterion: str, moves: Sequence[Move],
            lost: Sequence[str], gained: Sequence[str], labels: dict[str, str]) -> str:
    """One sentence: the question would be the grade if the changes were made, and why."""
    subject = question.replace("_", " ").capitalize()
    label = rulebook.grade(grade).label
    changes = " and ".join(_change(move, labels) for move in moves)
    polarity = {p.id: p.label.lower() for p in rulebook.polarities}
    effects = [f"the {polarity.get(rulebook.finding_rule(r).polarity, 'finding')} {r} would not be made" for r in lost]
    effects += [f"the {polarity.get(rulebook.finding_rule(r).polarity, 'finding')} {r} would be made" for r in gained]
    holds = f"{criterion} would hold"
    because = f"{', '.join(effects)}, and {holds}" if effects else holds
    return f"{subject} would be {label} if {changes}: {because}."


def _change(move: Move, labels: dict[str, str]) -> str:
    kind = move.slot[0]
    if kind == "drop":
        return f"there were no {labels.get(move.slot[1], move.slot[1])} record"
    if kind == "add":
        assert move.record is not None
        kind = move.record.kind.replace("_", " ")
        return f"there were {'an' if kind[:1] in 'aeiou' else 'a'} {kind} record with {move.after}"
    field = move.slot[2].replace("_", " ")
    return f"the {field} of {labels.get(move.slot[1], move.slot[1])} were {move.after} instead of {move.before}"
