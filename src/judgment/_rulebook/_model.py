"""The checked rulebook: plain immutable data that both engines and the explainer read."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

from judgment._diagnostics import Diagnostic, Location
from judgment._errors import unknown_id
from judgment._lang import _ast as ast
from judgment.evidence import Vocabulary


@dataclass(frozen=True)
class Condition:
    """A parsed and type-checked condition, with where it was written."""

    text: str
    node: ast.Node
    location: Location
    variables: tuple[tuple[str, str], ...] = ()  # (name, kind) in first-use order
    findings_used: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Template:
    """A finding's text with ``{path}`` placeholders, each parsed as a path."""

    text: str
    fields: tuple[tuple[str, ast.Path], ...]  # (placeholder as written, parsed path)
    # The text around the fields, braces unescaped: one more than the fields. A finding's text is
    # these with the fields' values between them, so neither an escaped ``{{x}}`` nor a brace in
    # a value is ever read as a placeholder.
    literals: tuple[str, ...]

    def render(self, values: Sequence[str]) -> str:
        """The text with `values` (one per field, in order) in place of the placeholders."""
        return "".join(chain.from_iterable(zip(self.literals, values))) + self.literals[-1]


@dataclass(frozen=True)
class Grade:
    id: str
    label: str
    rank: int  # 0 is the best grade
    meaning: str | None = None
    location: Location | None = None


@dataclass(frozen=True)
class Polarity:
    id: str
    label: str
    sense: str


@dataclass(frozen=True)
class Question:
    id: str
    title: str
    parent: str | None
    cite: str | None


@dataclass(frozen=True)
class FindingRule:
    id: str
    question: str
    polarity: str
    when: Condition
    text: Template
    cite: str
    location: Location
    #: Places among when.variables of the `unordered` names: bound only in record-id order (_pairs).
    in_order: tuple[int, ...] = ()


@dataclass(frozen=True)
class Criterion:
    id: str
    question: str
    grade: str | None  # None: the criterion leaves the question not graded, for `not_graded`'s reason
    when: Condition | None  # None: the 'otherwise' criterion
    cite: str | None
    location: Location
    not_graded: str | None = None  # why no grade is given (set exactly when grade is None)


@dataclass(frozen=True)
class Deadline:
    amount: int
    unit: str  # days | weeks | months | years
    text: str


@dataclass(frozen=True)
class RecommendationRule:
    id: str
    when: Condition
    deadline: Deadline | None
    text: str
    cite: str | None
    location: Location


@dataclass(frozen=True)
class Overall:
    title: str
    method: str  # ungraded | worst | best | criteria
    summary: str | None
    questions: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    cite: str | None


@dataclass(frozen=True)
class RuleFile:
    path: str  # relative to the rulebook folder, with '/'
    sha256: str


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one compiled form per load
class Rulebook:
    id: str
    title: str
    version: str
    valid_from: dt.date
    valid_to: dt.date | None
    framework_title: str
    framework_citation: str
    vocabulary: Vocabulary
    scale: tuple[Grade, ...]
    polarities: tuple[Polarity, ...]
    questions: tuple[Question, ...]
    findings: tuple[FindingRule, ...]
    grading: dict[str, tuple[Criterion, ...]]
    overall: Overall
    recommendations: tuple[RecommendationRule, ...]
    root: str
    files: tuple[RuleFile, ...]
    sha256: str
    order: tuple[str, ...] = field(default=())  # finding ids in evaluation order (dependencies first)

    @cached_property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """What `judgment check` reports without refusing (stage 6), found when first asked:
        judging does not need them."""
        from judgment._rulebook._analysis import analyse  # it reads this model
        from judgment._diagnostics import sort_diagnostics

        return tuple(sort_diagnostics(analyse(self)))

    @cached_property
    def questions_children_first(self) -> tuple[str, ...]:
        """The order questions are graded in: a question after every question below it."""
        def depth(question: Question) -> int:
            return 0 if question.parent is None else 1 + depth(self.question(question.parent))
        return tuple(q.id for _, q in sorted(enumerate(self.questions), key=lambda iq: (-depth(iq[1]), iq[0])))

    @cached_property
    def finding_totals(self) -> dict[tuple[str, str | None], int]:
        """What ``total(p)`` reads: finding rules per (polarity, question), and per polarity (question None)."""
        totals: Counter[tuple[str, str | None]] = Counter((r.polarity, r.question) for r in self.findings)
        totals.update((rule.polarity, None) for rule in self.findings)
        return dict(totals)

    @cached_property
    def worst_first(self) -> tuple[str, ...]:
        return tuple(g.id for g in reversed(self.scale))

    def grade(self, grade_id: str) -> Grade:
        """The grade of the scale with this id; :class:`~judgment.UnknownIdError` if none."""
        for grade in self.scale:
            if grade.id == grade_id:
                return grade
        raise unknown_id("grade", grade_id, (g.id for g in self.scale), Location(self.root))

    def question(self, question_id: str) -> Question:
        """The question with this id; :class:`~judgment.UnknownIdError` if none."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise unknown_id("question", question_id, (q.id for q in self.questions), Location(self.root))

    def finding_rule(self, rule_id: str) -> FindingRule:
        """The finding rule with this id; :class:`~judgment.UnknownIdError` if none."""
        try:
            return self._finding_rules[rule_id]
        except KeyError:
            raise unknown_id("finding rule", rule_id, self._finding_rules, Location(self.root)) from None

    @cached_property
    def _finding_rules(self) -> dict[str, FindingRule]:
        return {f.id: f for f in self.findings}
