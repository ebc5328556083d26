"""Read a vocabulary file's data into its checked shape: the file, then each field by its type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from judgment._diagnostics import Diagnostic, did_you_mean, excerpt
from judgment._io._yaml import Positions
from judgment._pydantic_errors import diagnostics_from_validation
from judgment.evidence._declared._shape import FIELD_TYPES, AnyField, VocabularyFile


@dataclass(frozen=True)
class Declared:
    """A vocabulary file whose shape is right: the file, and each kind's fields by their type."""

    file: VocabularyFile
    fields: dict[str, dict[str, AnyField]]


def read_declared(data: Any, where: Positions, problems: list[Diagnostic]) -> Declared | None:
    """The shape of the file, or None with every problem found added to `problems`."""
    if not isinstance(data, dict):
        problems.append(Diagnostic("WRONG_TYPE", "a vocabulary file must be a mapping with 'vocabulary' and "
                                   "'kinds'", where.of_value(()), hint="start with 'vocabulary: {id: ..., title: ...}'"))
        return None
    try:
        file = VocabularyFile.model_validate(data)
    except ValidationError as exc:
        problems.extend(diagnostics_from_validation(exc, (), where, model=VocabularyFile))
        return None
    fields = {kind: {name: field for name, raw in spec.fields.items()
                     if (field := _field(raw, ("kinds", kind, "fields", name), where, problems)) is not None}
              for kind, spec in file.kinds.items()}
    return Declared(file, fields) if not problems else None


def _field(raw: dict[str, Any], key: tuple[str, ...], where: Positions,
           problems: list[Diagnostic]) -> AnyField | None:
    """One field, read by the model of its `type`."""
    kind = raw.get("type")
    if "type" not in raw:
        problems.append(Diagnostic("MISSING_KEY", f"field {excerpt(key[-1])} has no 'type'", where.of_value(key),
                                   hint="expected one of: " + ", ".join(repr(t) for t in FIELD_TYPES)))
        return None
    model = FIELD_TYPES.get(kind) if isinstance(kind, str) else None
    if model is None:
        problems.append(Diagnostic("BAD_VALUE", f"field {excerpt(key[-1])} has an unknown type {excerpt(kind)}",
                                   where.of_value((*key, "type")), hint=did_you_mean(str(kind), FIELD_TYPES)))
        return None
    try:
        return model.model_validate(raw)  # type: ignore[return-value]
    except ValidationError as exc:
        problems.extend(diagnostics_from_validation(exc, key, where, f"field {excerpt(key[-1])}: ", model=model))
        return None
