"""Static types of expression values, as the checker infers them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TypeName = Literal["bool", "number", "string", "measure", "enum", "date", "grade", "record", "comparator", "error"]


@dataclass(frozen=True)
class Type:
    name: TypeName
    members: tuple[str, ...] = ()
    ordered: bool = False
    comparators: tuple[str, ...] = ()  # for measures read from a field
    kind: str = ""  # for records

    def describe(self) -> str:
        if self.name == "enum":
            return "ordered enumeration" if self.ordered else "enumeration"
        if self.name == "measure":
            return "figure"
        return self.name


BOOL = Type("bool")
NUMBER = Type("number")
STRING = Type("string")
DATE = Type("date")
ERROR = Type("error")  # already reported; silences follow-on errors
COMPARATOR = Type("comparator")
