"""Better evidence: one field of one record moved in its declared better direction."""

from __future__ import annotations

from typing import Any

from judgment._bundle import Bundle
from judgment.evidence._base import STATED_RELATIONS, TRENDS


_BOUNDS = {"percent": (0.0, 100.0), "rate": (0.0, None), "count": (0.0, None), "ratio": (0.0, None)}


def improvable(bundle: Bundle) -> list[tuple[str, str]]:
    """(record id, field) pairs that have a better direction and room to improve."""
    vocabulary_fields = _fields(bundle)
    found = []
    for record in bundle.records:
        for name, spec in vocabulary_fields[record.kind].items():
            if spec.better is not None and getattr(record, name) is not None:
                found.append((record.id, name))
    return found


def improve(bundle: Bundle, record_id: str, field: str, step: float) -> Bundle | None:
    """A copy with one field better by `step` (figures) or one place (scales, booleans); None if it cannot be."""
    record = bundle.record(record_id)
    spec = _fields(bundle)[record.kind][field]
    data = record.model_dump(mode="json", exclude_none=True)
    value = data[field]
    if spec.kind == "measure":
        moved = _moved_measure(value, step if spec.better == "higher" else -step)
        if moved is None:
            return None
        data[field] = moved
    elif spec.kind == "enum":
        members = list(spec.members)
        index = members.index(value) + (1 if spec.better == "higher" else -1)
        if not 0 <= index < len(members):
            return None
        data[field] = members[index]
    elif spec.kind == "bool":
        target = spec.better == "higher"
        if value == target:
            return None
        data[field] = target
    elif spec.kind == "number":
        data[field] = value + (1 if spec.better == "higher" else -1)
    else:
        return None
    try:
        changed = type(record).model_validate(data)
    except ValueError:
        return None  # the better value would leave the field's valid range
    return bundle.replace_records([changed if r.id == record_id else r for r in bundle.records])


def _moved_measure(value: dict[str, Any], delta: float) -> dict[str, Any] | None:
    """The figure moved by `delta`, and what the source states moved one step the same way:
    a stated relation along among_lowest < ... < in_line < ... < among_highest (the plain
    relation a comparison reads never moves the wrong way), a trend along falling < stable < rising."""
    moved = _moved_words(value, 1 if delta > 0 else -1)
    if "value" not in value:
        return None if moved == value else moved
    moved["value"] = value["value"] + delta
    if "interval" in value:
        moved["interval"] = {"lower": value["interval"]["lower"] + delta, "upper": value["interval"]["upper"] + delta}
    low, high = _BOUNDS.get(value["unit"], (None, None))
    lowest = moved["interval"]["lower"] if "interval" in moved else moved["value"]
    highest = moved["interval"]["upper"] if "interval" in moved else moved["value"]
    if (low is not None and lowest < low) or (high is not None and highest > high):
        return None
    return moved


def _moved_words(value: dict[str, Any], way: int) -> dict[str, Any]:
    moved = dict(value)
    if "trend" in value:
        moved["trend"] = _step(TRENDS, value["trend"], way)
    moved["comparators"] = {name: ({**c, "stated": _step(STATED_RELATIONS, c["stated"], way)} if "stated" in c else c)
                            for name, c in value.get("comparators", {}).items()}
    return moved


def _step(order: tuple[str, ...], current: str, way: int) -> str:
    index = order.index(current) + way
    return order[index] if 0 <= index < len(order) else current


def _fields(bundle: Bundle) -> dict[str, Any]:
    from judgment.evidence import get_vocabulary

    vocabulary = get_vocabulary(bundle.vocabulary)
    assert vocabulary is not None
    return {kind: vocabulary.fields(kind) for kind in vocabulary.kinds}


