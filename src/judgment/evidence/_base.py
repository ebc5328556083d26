"""The shapes every vocabulary shares: provenance, records, figures and their directions."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
import datetime as dt
from enum import Enum
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal, Self, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from judgment._diagnostics import excerpt
from judgment._frozen import AS_DICT, SHALLOW, TO_FROZEN, FrozenMap, validated_copy
from judgment.evidence._field_checks import after, fields_schema, may_hold
from judgment.evidence._strict import MAX_MAGNITUDE, RANGE, strict_schema


@dataclass(frozen=True)
class Better:
    """Declares which way a field is better: ``Annotated[Measure, Better("higher")]``."""

    direction: Literal["higher", "lower"]


HIGHER_IS_BETTER = Better("higher")
LOWER_IS_BETTER = Better("lower")


#: How a source may state a figure's relation to a comparator, weakest claims in the middle:
#: the stronger forms count as above or below wherever a rule compares (judgment._lang._stated).
STATED_RELATIONS = ("among_lowest", "well_below", "below", "in_line", "above", "well_above", "among_highest")
StatedRelation = Literal["among_lowest", "well_below", "below", "in_line", "above", "well_above", "among_highest"]
#: How a source may state a figure's direction over time, with or without numbers.
TRENDS = ("falling", "stable", "rising")
Trend = Literal["falling", "stable", "rising"]
#: A stated relation in the words of a report: the figure is "higher than" the comparator named after it.
STATED_WORDS: dict[str, str] = {
    "among_lowest": "among the lowest, against", "well_below": "much lower than", "below": "lower than",
    "in_line": "in line with", "above": "higher than", "well_above": "much higher than",
    "among_highest": "among the highest, against"}


@dataclass(frozen=True)
class Comparators:
    """Declares the comparator names a figure may carry, e.g. ``Comparators("national")``.

    ``stated=("below", "in_line", "above")`` restricts the relations a source may be recorded
    as stating against them (default: all of :data:`STATED_RELATIONS`)."""

    names: tuple[str, ...]
    stated: tuple[str, ...] = STATED_RELATIONS

    def __init__(self, *names: str, stated: tuple[str, ...] = STATED_RELATIONS) -> None:
        unknown = sorted(set(stated) - set(STATED_RELATIONS))
        if unknown:
            raise ValueError(f"no stated relation {unknown[0]!r} (known: {', '.join(STATED_RELATIONS)})")
        object.__setattr__(self, "names", tuple(names))
        object.__setattr__(self, "stated", tuple(stated))

    def __get_pydantic_json_schema__(self, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """The field's schema says what validation enforces: only the declared comparators, each stating
        only the allowed relations (a tool validating against the schema refuses `nationl` too)."""
        schema = handler(core_schema)
        comparator = {"properties": {"stated": {"enum": list(self.stated)}}}
        return {**schema, "properties": {"comparators": {"propertyNames": {"enum": list(self.names)},
                                                         "additionalProperties": comparator}}}


class OrderedEnum(str, Enum):
    """A qualitative scale, declared worst first: later members are better."""

    @property
    def rank(self) -> int:
        ranks = _RANKS.get(type(self))
        if ranks is None:  # once per scale: members are fixed when the class is made
            ranks = _RANKS[type(self)] = {m.value: i for i, m in enumerate(type(self))}
        return ranks[self.value]


_RANKS: dict[type[OrderedEnum], dict[str, int]] = {}


class EvidenceModel(BaseModel):
    """Every evidence model: no unknown keys, immutable, and strict (see ``_strict``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=65_535, strict=True)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return strict_schema(source, handler)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with `update`, validated (strictly) and frozen like evidence read from a file."""
        return validated_copy(self, update, deep, super().model_copy)  # type: ignore[no-any-return]


class FieldProvenance(EvidenceModel):
    """Where one field of a record comes from, when it is not the record's own sentence: a record
    may gather facts stated in several places, and each should be explained by its own sentence.
    What it leaves out (document, section, page) is the record's."""

    quote: str = Field(min_length=1, max_length=5_000, description="the sentence that states this field's value")
    section: str | None = Field(default=None, min_length=1, max_length=500,
                                description="the section it is in; the record's when left out")
    page: int | None = Field(default=None, ge=1, le=1_000_000, description="the page; the record's when left out")
    document: str | None = Field(default=None, min_length=1, max_length=500,
                                 description="the document; the record's when left out")


class Provenance(EvidenceModel):
    """Where a piece of evidence comes from: the document, the section and the sentence quoted."""

    document: str = Field(min_length=1, max_length=500)
    section: str = Field(min_length=1, max_length=500)
    quote: str = Field(min_length=1, max_length=5_000)
    page: int | None = Field(default=None, ge=1, le=1_000_000)
    date: dt.date | None = None
    collector: str | None = Field(default=None, max_length=200)
    fields: Annotated[Mapping[str, FieldProvenance], AS_DICT, TO_FROZEN, SHALLOW] | None = Field(
        default=None, max_length=256,
        description="per field of the record: its own sentence, overriding the record's for that field")

    def of(self, field: str) -> Provenance:
        """The provenance behind one field: the field's own where it has one, else the record's."""
        own = (self.fields or {}).get(field)
        if own is None:
            return self
        return Provenance(document=own.document or self.document, section=own.section or self.section,
                          quote=own.quote, page=own.page if own.page is not None else self.page,
                          date=self.date, collector=self.collector)


class Interval(EvidenceModel):
    """A confidence interval, lower and upper bound inclusive."""

    lower: float = Field(allow_inf_nan=False)
    upper: float = Field(allow_inf_nan=False)

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        if self.lower > self.upper:
            raise ValueError(f"interval lower bound {self.lower} is above its upper bound {self.upper}")
        return self


def _input_schema(schema: dict[str, Any]) -> None:
    # The schema describes what a bundle may say, so it admits comparators that inherit their unit.
    schema.pop("required", None)  # a value may be left out where the source states a relation or trend
    schema["description"] = (schema.get("description", "") + "\n\n`unit` is required on a figure; a comparator "
                             "may leave it out and inherit its figure's.").strip()


Unit = Literal["percent", "percent_change", "percentage_points", "rate", "count", "ratio"]
NON_NEGATIVE_UNITS = frozenset({"percent", "rate", "count", "ratio"})


class Measure(EvidenceModel):
    """A figure: a value with its unit, an optional confidence interval and its comparators.

    Comparators (``national``, ``previous_year``, ...) are figures too. When a
    comparator omits ``unit``, ``per`` or ``denominator`` it inherits the parent's.
    ``margin: 1.4`` is accepted as shorthand for an interval of value ± 1.4.

    A source may state a relation without numbers ("higher than the figure for England and
    Wales"): a comparator then says ``stated: above`` (with or without its own value), and the
    figure may leave out its ``value``. Likewise ``trend: rising``. A figure with no value and
    nothing stated is refused: there would be nothing to judge.
    """

    model_config = ConfigDict(json_schema_extra=_input_schema)

    value: float | None = Field(default=None, allow_inf_nan=False,
                                description="the figure; may be left out when a relation or trend is stated")
    unit: Unit
    per: int | None = Field(default=None, ge=1, le=1_000_000_000, description="e.g. 1000 for 'per 1,000 population'")
    denominator: str | None = Field(default=None, max_length=100, description="e.g. population, households")
    interval: Interval | None = None
    comparators: Annotated[Mapping[str, Measure], AS_DICT, TO_FROZEN, SHALLOW] = Field(
        default_factory=FrozenMap, max_length=16)  # read-only: engines cache a figure's facts
    stated: StatedRelation | None = Field(default=None, description=(
        "on a comparator: the figure's relation to it as the source states it (above: 'higher than')"))
    trend: Trend | None = Field(default=None, description="the direction over time the source states")
    #: Read from a bundle and expanded into `interval` once the value and it are valid; never kept.
    margin: float | None = Field(default=None, ge=0, exclude=True, repr=False,
                                 description="shorthand for interval: value - margin .. value + margin")

    @model_validator(mode="before")
    @classmethod
    def _inherit(cls, data: Any) -> Any:
        """Comparators inherit the figure's unit, per and denominator (the shape of the data, not its types)."""
        if not isinstance(data, dict) or not isinstance(data.get("comparators"), dict):
            return data
        inherited = {k: data[k] for k in ("unit", "per", "denominator") if k in data}
        return {**data, "comparators": {name: ({**inherited, **c} if isinstance(c, dict) else c)
                                        for name, c in data["comparators"].items()}}

    @model_validator(mode="after")
    def _consistent(self) -> Measure:
        if self.value is None:
            self._stated_only()
            return self
        if self.margin is not None:  # value and margin are valid numbers by now: expand the shorthand
            if self.interval is not None:
                raise ValueError("give either margin or interval, not both")
            if abs(self.value) + self.margin > MAX_MAGNITUDE:
                raise ValueError(f"value ± margin leaves the range of evidence numbers, {RANGE}")
            interval = Interval(lower=round(self.value - self.margin, 10), upper=round(self.value + self.margin, 10))
            object.__setattr__(self, "interval", interval)
            object.__setattr__(self, "margin", None)
        if self.interval is not None and not self.interval.lower <= self.value <= self.interval.upper:
            raise ValueError(
                f"interval {self.interval.lower}–{self.interval.upper} does not contain the value {self.value}")
        if self.unit in NON_NEGATIVE_UNITS:
            low = self.interval.lower if self.interval else self.value
            if low < 0:
                raise ValueError(f"a {self.unit} cannot be negative, got {low}")
        if self.unit == "percent":
            high = self.interval.upper if self.interval else self.value
            if high > 100:
                raise ValueError(f"a percentage cannot exceed 100, got {high}")
        self._units()
        return self

    def _units(self) -> None:
        if self.unit == "rate" and (self.per is None or self.denominator is None):
            raise ValueError("a rate needs 'per' (e.g. 1000) and 'denominator' (e.g. population)")
        for name, comparator in self.comparators.items():
            if (comparator.unit, comparator.per, comparator.denominator) != (self.unit, self.per, self.denominator):
                raise ValueError(f"comparator {excerpt(name)} is in {comparator.unit} but the figure is in "
                                 f"{self.unit}: "
                                 "a figure and its comparators must share a unit")

    def _stated_only(self) -> None:
        """A figure without a value: something must be stated, and there are no bounds to give."""
        if self.margin is not None or self.interval is not None:
            raise ValueError("an interval or margin needs the figure's value")
        if self.stated is None and self.trend is None and not any(c.stated for c in self.comparators.values()):
            raise ValueError("a figure needs a value, or a relation stated in the source (a comparator such as "
                             "{stated: above}), or a stated trend (trend: rising)")
        self._units()

    @property
    def lower(self) -> float | None:
        return self.interval.lower if self.interval else self.value

    @property
    def upper(self) -> float | None:
        return self.interval.upper if self.interval else self.value

    def describe(self) -> str:
        """The figure in words an inspector reads: ``88.0% (86.6–89.4)``; ``90.0%`` when the interval is
        one point (a margin of 0 is an exact figure). Without a value, what the source stated (the words
        stand inside a finding text's own punctuation, so they carry none of their own)."""
        if self.value is None:
            return self._stated_description()
        suffix = {"percent": "%", "percent_change": "%", "percentage_points": " pp"}.get(self.unit, "")
        text = f"{_number(self.value)}{suffix}"
        if self.unit == "rate":
            text += f" per {self.per:,} {self.denominator}"
        if self.interval is not None and self.interval.lower != self.interval.upper:
            text += f" ({_number(self.interval.lower)}–{_number(self.interval.upper)})"
        if self.trend is not None:
            text += f"; stated trend: {self.trend}"
        return text

    def _stated_description(self) -> str:
        """``stated higher than regional, rising``; a comparator given without a number (its
        relation belongs to the figure it is compared with) is ``not given as a figure``."""
        parts = [f"{STATED_WORDS[c.stated]} {name.replace('_', ' ')}"
                 for name, c in self.comparators.items() if c.stated is not None]
        parts += [self.trend] if self.trend is not None else []
        return "stated " + ", ".join(parts) if parts else "not given as a figure"


def _number(value: float) -> str:
    return f"{value:.1f}" if value != int(value) or abs(value) < 1000 else f"{int(value):,}"


def _figure_check(metadata: list[Any]) -> Any:
    """A figure carries only the comparators declared for its field, stating allowed relations."""
    declared = next((m for m in metadata if isinstance(m, Comparators)), None)
    names = declared.names if declared else ()
    known = frozenset(names)
    allowed = declared.stated if declared else STATED_RELATIONS

    def check(value: Any) -> Any:
        if isinstance(value, Measure):
            _stated_forms(value, allowed)
            unknown = sorted(set(value.comparators) - known)
            if unknown:
                close = difflib.get_close_matches(unknown[0], names, n=1)
                hint = f"; did you mean {excerpt(close[0])}?" if close else ""
                raise ValueError(f"no comparator {excerpt(unknown[0])} is declared for this figure "
                                 f"(declared: {', '.join(names) or 'none'}){hint}")
        return value
    return check


def _provenance_check(model: type[Record]) -> Any:
    """Provenance per field names fields of this kind: a misspelt name would explain nothing."""
    def check(value: Provenance) -> Provenance:
        if value.fields:
            unknown = unknown_fields(model, value.fields)
            if unknown:
                raise ValueError(unknown[0][1])
        return value
    return check


class Record(EvidenceModel):
    """What every evidence record shares: an id, its kind and its provenance.

    Subclasses narrow ``kind`` to a literal, add typed fields and are registered
    in a :class:`~judgment.evidence.Vocabulary`.
    """

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", max_length=128)
    kind: str
    provenance: Provenance

    def __reduce_ex__(self, protocol: Any) -> Any:
        """A record of a vocabulary made from a file (a model no other process can find by name)
        travels through its vocabulary: judgment._vocabularies._pickling."""
        from judgment._vocabularies._pickling import reduce_record

        return reduce_record(self, protocol)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        """The strict schema, with the checks of a record's own: figures carry only their declared
        comparators, and provenance per field names fields of this kind. Each is bound to the one
        field it reads when the schema is made, so evidence pays for it there and nowhere else."""
        schema = strict_schema(source, handler)
        fields = fields_schema(schema, source) or fields_schema(handler.resolve_ref_schema(schema), source)
        if fields is None:  # never seen: pydantic gave the model's schema in a shape not walked here
            raise TypeError(f"judgment cannot find the fields of {source.__name__} in its pydantic schema")
        for name, info in source.__pydantic_fields__.items():
            check = _figure_check(info.metadata) if may_hold(info.annotation, Measure) else (
                _provenance_check(source) if name == "provenance" else None)
            if check is not None and name in fields:
                after(fields[name], check)
        return schema


def _stated_forms(figure: Measure, allowed: tuple[str, ...]) -> None:
    """A relation is stated against a comparator, in a form the vocabulary allows."""
    if figure.stated is not None:
        raise ValueError("'stated' belongs on a comparator (national: {stated: above}), not on the figure itself")
    for name, comparator in figure.comparators.items():
        if comparator.stated is not None and comparator.stated not in allowed:
            raise ValueError(f"comparator {excerpt(name)}: this figure allows the stated relations "
                             f"{', '.join(allowed)}, not {excerpt(comparator.stated)}")


def unknown_fields(model: type[Record], names: Iterable[Any]) -> list[tuple[str, str]]:
    """Each name that is not an evidence field of `model`, with a message saying what is."""
    known = [n for n in model.model_fields if n not in ("id", "kind", "provenance")]
    found = []
    for name in names:
        if name not in known:
            close = difflib.get_close_matches(str(name), known, n=1)
            hint = f"; did you mean {excerpt(close[0])}?" if close else ""
            found.append((str(name), f"provenance.fields: {_kind_of(model)} has no field {excerpt(name)}{hint}"))
    return found


def _kind_of(model: type[Record]) -> str:
    literal = get_args(model.model_fields["kind"].annotation)
    return excerpt(literal[0]) if literal else model.__name__
