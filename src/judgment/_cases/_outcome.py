"""What running one case gave: its problems, and for an agreement case the grades compared."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from judgment._bundle import Bundle

Status = Literal["ok", "known", "FAIL"]


@dataclass
class Outcome:
    name: str
    path: str
    problems: list[str]
    exercised: set[str] = field(default_factory=set)
    bundle: Bundle | None = None
    published: dict[str, str] | None = None  # an agreement case's published grades
    produced: dict[str, str] | None = None  # what the rulebook gave on those questions (None: refused)
    known: list[str] = field(default_factory=list)  # one line per known disagreement that held

    @property
    def status(self) -> Status:
        """`known` is a third state: the case records a disagreement honestly, so it neither passes
        (the rulebook does not grade as published) nor fails (nothing changed since it was recorded)."""
        if self.problems:
            return "FAIL"
        return "known" if self.known else "ok"

    @property
    def passed(self) -> bool:
        return self.status == "ok"

    @property
    def failed(self) -> bool:
        return self.status == "FAIL"
