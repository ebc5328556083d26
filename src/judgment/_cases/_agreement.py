"""Agreement with published grades: each agreement case compared, and the figures and table
`judgment test` prints (docs/testing-rulebooks.md, "Agreement with published grades")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from judgment._cases._model import NOT_GRADED, Case
from judgment._cases._outcome import Outcome
from judgment._diagnostics import plain, visible
from judgment._judgment import Judgment
from judgment._rulebook._model import Grade, Rulebook

NOT_GRADED_MARK, NOT_PUBLISHED_MARK = "-", "."


def compare_published(case: Case, result: Judgment, outcome: Outcome) -> None:
    """Record the produced grades on the published questions; a difference not listed as known, or a
    listed one the rulebook no longer makes, is a problem."""
    assert case.published is not None
    published = case.published.grades
    known = case.known_disagreement.produced if case.known_disagreement else {}
    produced = {q: result.grades.get(q) or NOT_GRADED for q in published}
    outcome.published, outcome.produced = dict(published), produced
    for question, grade in published.items():
        got, q = produced[question], plain(question)
        if question not in known:
            if got != grade:
                outcome.problems.append(f"{q}: published {plain(grade)}, produced {got}")
        elif got == grade:
            outcome.problems.append(f"{q}: now agrees with the published grade: remove known_disagreement for {q}")
        elif got != known[question]:
            outcome.problems.append(f"{q}: published {plain(grade)}, known disagreement {plain(known[question])}, "
                                    f"produced {got}")
        else:
            reason = plain(case.known_disagreement.reason, 160) if case.known_disagreement else ""
            outcome.known.append(f"{q}: published {plain(grade)}, produced {got} (known disagreement: {reason})")


@dataclass(frozen=True)
class AgreementRow:
    """One agreement case: the published grades, what the rulebook produced (None if refused)."""

    name: str
    published: dict[str, str]
    produced: dict[str, str] | None
    marker: str  # "", "known disagreement" or "differs"

    @property
    def matched(self) -> int:
        return sum(self.produced is not None and self.produced[q] == g for q, g in self.published.items())


@dataclass(frozen=True)
class Agreement:
    """The agreement figures: cases matched on every question, and question grades matched."""

    rows: tuple[AgreementRow, ...]

    @property
    def cases(self) -> int:
        return len(self.rows)

    @property
    def cases_matched(self) -> int:
        return sum(r.matched == len(r.published) for r in self.rows)

    @property
    def grades(self) -> int:
        return sum(len(r.published) for r in self.rows)

    @property
    def grades_matched(self) -> int:
        return sum(r.matched for r in self.rows)


def agreement(outcomes: Iterable[Outcome]) -> Agreement:
    """The figures over the agreement cases among `outcomes`, in their order."""
    rows = []
    for o in outcomes:
        if o.published is not None:
            differs = AgreementRow(o.name, o.published, o.produced, "").matched < len(o.published)
            marker = "known disagreement" if o.status == "known" else "differs" if differs else ""
            rows.append(AgreementRow(o.name, o.published, o.produced, marker))
    return Agreement(tuple(rows))


def agreement_lines(rulebook: Rulebook, figures: Agreement) -> list[str]:
    """The table `judgment test` prints after the case lines, then the totals line."""
    published = {q for r in figures.rows for q in r.published}
    questions = [q.id for q in rulebook.questions if q.id in published]
    short = {**abbreviations(rulebook.scale), NOT_GRADED: NOT_GRADED_MARK}

    def cells(grades: dict[str, str] | None) -> str:
        if grades is None:
            return "/".join("?" for _ in questions)
        return "/".join(short.get(grades[q], "?") if q in grades else NOT_PUBLISHED_MARK for q in questions)

    table = [("case", "published", "produced", "matched", "")]
    table += [(plain(r.name, 60), cells(r.published), cells(r.produced), f"{r.matched}/{len(r.published)}",
               r.marker) for r in figures.rows]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    lines = [f"agreement with published grades (questions: {'/'.join(questions)}):"]
    lines += ["  " + "  ".join([*(c.ljust(w) for c, w in zip(row, widths)), row[4]]).rstrip() for row in table]
    legend = [f"{short[g.id]} {plain(g.label)}" for g in rulebook.scale] + [f"{NOT_GRADED_MARK} not graded"]
    if any(q not in r.published for r in figures.rows for q in questions):
        legend.append(f"{NOT_PUBLISHED_MARK} not published")
    lines.append("  grades: " + ", ".join(legend))
    lines.append(f"agreement: cases matched on every question: {figures.cases_matched}/{figures.cases}; "
                 f"question grades matched: {figures.grades_matched}/{figures.grades}")
    return lines


def abbreviations(scale: Sequence[Grade]) -> dict[str, str]:
    """Each grade's short form: the initials of its label (Requires improvement -> RI); grades whose
    initials clash (with each other or with a mark of the table) take more letters of their last word,
    and a clash that remains falls back to the grade's id."""
    level = {g.id: 0 for g in scale}
    while True:
        current = {g.id: _initials(g.label, level[g.id]) for g in scale}
        count = Counter(current.values())
        clashing = [i for i, a in current.items() if count[a] > 1 or a in (NOT_GRADED_MARK, NOT_PUBLISHED_MARK)]
        if not clashing:
            return current
        grown = [g.id for g in scale if g.id in clashing and _initials(g.label, level[g.id] + 1) != current[g.id]]
        if not grown:
            return {i: plain(i) if i in clashing else a for i, a in current.items()}
        for grade_id in grown:
            level[grade_id] += 1


def _initials(label: str, extra: int) -> str:
    """The first letter of each word, upper-cased, with `extra` more letters of the last word."""
    words = label.split() or ["?"]
    last = words[-1]
    return visible("".join(w[0].upper() for w in words[:-1]) + last[0].upper() + last[1:extra + 1])
