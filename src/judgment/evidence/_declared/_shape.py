"""The shape of a vocabulary file, validated with pydantic before anything is built from it.

Unknown keys, missing keys and wrong types are reported here with their place in the file; names
(kinds, fields, scales, members, comparators) are checked by `_names`, and the models are built by
`_build` only from a file that passed both. Every value here is data: a string is never a type,
a module or a class to look up.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from judgment.evidence._base import STATED_RELATIONS, StatedRelation

VocabularyId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_\-]*$", max_length=80)]
ClassName = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Za-z0-9]*$", max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=5_000)]
Better = Literal["higher", "lower"]
Number = Union[int, Annotated[float, Field(allow_inf_nan=False)]]
MAX_KINDS = 500
MAX_FIELDS = 200
MAX_MEMBERS = 200


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Header(_Strict):
    id: VocabularyId
    title: Text
    description: Text | None = None


class ScaleSpec(_Strict):
    ordered: bool
    members: list[str] = Field(min_length=1, max_length=MAX_MEMBERS)
    description: Text | None = None
    model: ClassName | None = None


class FieldBase(_Strict):
    optional: bool = False
    description: Text | None = None


class FigureField(FieldBase):
    type: Literal["figure"]
    better: Better | None = None
    comparators: list[str] = Field(default_factory=list, max_length=16)
    #: the relations a source may be recorded as stating against the comparators (default: all)
    stated: list[StatedRelation] | None = Field(default=None, min_length=1, max_length=len(STATED_RELATIONS))


class NumberField(FieldBase):
    type: Literal["number"]
    integer: bool = False
    minimum: Number | None = None
    maximum: Number | None = None
    better: Better | None = None
    default: Number | None = None


class BoolField(FieldBase):
    type: Literal["bool"]
    better: Better | None = None
    default: bool | None = None


class TextField(FieldBase):
    type: Literal["text"]
    min_length: int | None = Field(default=None, ge=0, le=65_535)
    max_length: int | None = Field(default=None, ge=1, le=65_535)
    default: str | None = None


class DateField(FieldBase):
    type: Literal["date"]


class ScaleField(FieldBase):
    type: Literal["scale"]
    scale: str


class ChoiceField(FieldBase):
    type: Literal["choice"]
    scale: str


#: The model of each field type, by the value of `type` (read first, so that every other key of a
#: field is reported at its own place, never under a union's tag).
FIELD_TYPES: dict[str, type[FieldBase]] = {
    "figure": FigureField, "number": NumberField, "bool": BoolField, "text": TextField, "date": DateField,
    "scale": ScaleField, "choice": ChoiceField,
}
AnyField = Union[FigureField, NumberField, BoolField, TextField, DateField, ScaleField, ChoiceField]


class KindSpec(_Strict):
    description: Text | None = None
    model: ClassName | None = None
    fields: dict[str, dict[str, Any]] = Field(default_factory=dict, max_length=MAX_FIELDS)


class VocabularyFile(_Strict):
    vocabulary: Header
    scales: dict[str, ScaleSpec] = Field(default_factory=dict, max_length=MAX_KINDS)
    kinds: dict[str, KindSpec] = Field(min_length=1, max_length=MAX_KINDS)
