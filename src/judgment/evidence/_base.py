"""The shapes every vocabulary shares: provenance, records, figures and their directions."""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
import datetime as dt
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator



@dataclass(frozen=True)
class Better:
    """Declares which way a field is better: ``Annotated[Measure, Better("higher")]``."""

    direction: Literal["higher", "lower"]


HIGHER_IS_BETTER = Better("higher")
LOWER_IS_BETTER = Better("lower")


@dataclass(frozen=True)
class Comparators:
    """Declares the comparator names a figure may carry, e.g. ``Comparators("national")``."""

    names: tuple[str, ...]

    def __init__(self, *names: str) -> None:
        object.__setattr__(self, "names", tuple(names))


class OrderedEnum(str, Enum):
    """A qualitative scale, declared worst first: later members are better."""

    @property
    def rank(self) -> int:
        ranks = _RANKS.get(type(self))
        if ranks is None:  # once per scale: members are fixed when the class is made
            ranks = _RANKS[type(self)] = {m.value: i for i, m in enumerate(type(self))}
        return ranks[self.value]


_RANKS: dict[type[OrderedEnum], dict[str, int]] = {}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=65_535)


class Provenance(_Strict):
    """Where a piece of evidence comes from: the document, the section and the sentence quoted."""

    document: str = Field(min_length=1, max_length=500)
    section: str = Field(min_length=1, max_length=500)
    quote: str = Field(min_length=1, max_length=5_000)
    page: int | None = Field(default=None, ge=1)
    date: dt.date | None = None
    collector: str | None = Field(default=None, max_length=200)


class Interval(_Strict):
    """A confidence interval, lower and upper bound inclusive."""

    lower: float = Field(allow_inf_nan=False)
    upper: float = Field(allow_inf_nan=False)

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        if self.lower > self.upper:
            raise ValueError(f"interval lower bound {self.lower} is above its upper bound {self.upper}")
        return self


def _input_schema(schema: dict[str, Any]) -> None:
    # The schema describes what a bundle may say, so it admits the shorthands
    # the validator expands: `margin`, and comparators that inherit their unit.
    schema["properties"]["margin"] = {"type": "number", "minimum": 0,
                                      "description": "shorthand for interval: value - margin .. value + margin"}
    schema["required"] = ["value"]
    schema["description"] = (schema.get("description", "") + "\n\n`unit` is required on a figure; a comparator "
                             "may leave it out and inherit its figure's.").strip()


#: Integers beyond this cannot all be held exactly as floats, which both engines compare.
MAX_EXACT_INTEGER = 2**53

Unit = Literal["percent", "percent_change", "percentage_points", "rate", "count", "ratio"]
NON_NEGATIVE_UNITS = frozenset({"percent", "rate", "count", "ratio"})


class Measure(_Strict):
    """A figure: a value with its unit, an optional confidence interval and its comparators.

    Comparators (``national``, ``previous_year``, ...) are figures too. When a
    comparator omits ``unit``, ``per`` or ``denominator`` it inherits the parent's.
    ``margin: 1.4`` is accepted as shorthand for an interval of value ± 1.4.
    """

    model_config = ConfigDict(json_schema_extra=_input_schema)

    value: float = Field(allow_inf_nan=False)
    unit: Unit
    per: int | None = Field(default=None, ge=1, description="e.g. 1000 for 'per 1,000 population'")
    denominator: str | None = Field(default=None, max_length=100, description="e.g. population, households")
    interval: Interval | None = None
    comparators: dict[str, Measure] = Field(default_factory=dict, max_length=16)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        margin = data.pop("margin", None)
        if margin is not None:
            if not isinstance(margin, (int, float)) or isinstance(margin, bool) or not math.isfinite(margin) or margin < 0:
                raise ValueError(f"margin must be a non-negative number, got {margin!r}")
            if "interval" in data:
                raise ValueError("give either margin or interval, not both")
            value = data.get("value")
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                data["interval"] = {"lower": round(value - margin, 10), "upper": round(value + margin, 10)}
        comparators = data.get("comparators")
        if isinstance(comparators, dict):
            inherited = {k: data[k] for k in ("unit", "per", "denominator") if k in data}
            data["comparators"] = {
                name: ({**inherited, **c} if isinstance(c, dict) else c) for name, c in comparators.items()
            }
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Measure:
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
        if self.unit == "rate" and (self.per is None or self.denominator is None):
            raise ValueError("a rate needs 'per' (e.g. 1000) and 'denominator' (e.g. population)")
        for name, comparator in self.comparators.items():
            if (comparator.unit, comparator.per, comparator.denominator) != (self.unit, self.per, self.denominator):
                raise ValueError(f"comparator {name!r} is in {comparator.unit} but the figure is in {self.unit}: "
                                 "a figure and its comparators must share a unit")
        return self

    @property
    def lower(self) -> float:
        return self.interval.lower if self.interval else self.value

    @property
    def upper(self) -> float:
        return self.interval.upper if self.interval else self.value

    def describe(self) -> str:
        """The figure in words an inspector reads: ``88.0% (86.6–89.4)``."""
        suffix = {"percent": "%", "percent_change": "%", "percentage_points": " pp"}.get(self.unit, "")
        text = f"{_number(self.value)}{suffix}"
        if self.unit == "rate":
            text += f" per {self.per:,} {self.denominator}"
        if self.interval is not None:
            text += f" ({_number(self.interval.lower)}–{_number(self.interval.upper)})"
        return text


def _number(value: float) -> str:
    return f"{value:.1f}" if value != int(value) or abs(value) < 1000 else f"{int(value):,}"


class Record(_Strict):
    """What every evidence record shares: an id, its kind and its provenance.

    Subclasses narrow ``kind`` to a literal, add typed fields and are registered
    in a :class:`~judgment.evidence.Vocabulary`.
    """

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", max_length=128)
    kind: str
    provenance: Provenance

    @field_validator("*", mode="after")
    @classmethod
    def _declared_comparators(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_EXACT_INTEGER:
            raise ValueError(f"{value} is beyond ±2**53, where numbers stop being exact")
        if not isinstance(value, Measure) or info.field_name is None:
            return value
        metadata = cls.model_fields[info.field_name].metadata
        declared = next((m.names for m in metadata if isinstance(m, Comparators)), ())
        unknown = sorted(set(value.comparators) - set(declared))
        if unknown:
            close = difflib.get_close_matches(unknown[0], declared, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ValueError(f"no comparator {unknown[0]!r} is declared for this figure "
                             f"(declared: {', '.join(declared) or 'none'}){hint}")
        return value
