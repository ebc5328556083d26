"""Running rulebook test cases: each case's bundle changed, judged, and compared with what it expects
(and, for an agreement case, with the published grades); coverage over all the cases."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from judgment._api import judge
from judgment._bundle import Bundle, load_bundle
from judgment._cases._agreement import compare_published
from judgment._cases._load import load_cases
from judgment._cases._model import Case, Change, Expect
from judgment._cases._outcome import Outcome
from judgment._diagnostics import excerpt, plain
from judgment._errors import JudgmentError
from judgment._judgment import Judgment
from judgment._rulebook._model import Rulebook
from judgment.evidence import get_vocabulary


def run_case(rulebook: Rulebook, path: Path, case: Case, bundle_path: Path | None) -> Outcome:
    outcome = Outcome(case.name, str(path), [])
    if case.published is not None:
        outcome.published = dict(case.published.grades)
    try:
        if bundle_path is None:
            raise ValueError("the case names no bundle")
        bundle = _changed(load_bundle(bundle_path, rulebook.vocabulary), case.changes)
        outcome.bundle = bundle
        result = judge(rulebook, bundle)
    except JudgmentError as error:
        codes = [d.code for d in error.diagnostics]
        if case.expect.error is None or case.expect.error not in codes:
            outcome.problems.append(f"refused with {', '.join(codes)}: {error.diagnostics[0].message}")
        return outcome
    except (ValueError, KeyError) as error:
        if case.expect.error != "BAD_VALUE":
            outcome.problems.append(f"the changes could not be applied: {_reason(error)}")
        return outcome
    if case.expect.error is not None:
        outcome.problems.append(f"expected the error {excerpt(case.expect.error)}, but the bundle was judged")
    if case.published is not None:
        compare_published(case, result, outcome)
    _compare(result, case.expect, outcome)
    return outcome


def _changed(bundle: Bundle, changes: list[Change]) -> Bundle:
    records = {r.id: r for r in bundle.records}
    vocabulary = get_vocabulary(bundle.vocabulary)
    assert vocabulary is not None  # a loaded bundle names a registered vocabulary
    for change in changes:
        if change.record is not None:
            current = records[change.record].model_dump(mode="json", exclude_none=True)
            current.update(change.set or {})
            records[change.record] = type(records[change.record]).model_validate(current)
        for record_id in change.drop or []:
            del records[record_id]
        if change.add is not None:
            model = vocabulary.models.get(str(change.add.get("kind")))
            if model is None:
                raise ValueError(f"unknown kind {excerpt(change.add.get('kind'))}")
            added = model.model_validate(change.add)
            records[added.id] = added
    return bundle.replace_records(records.values())


def _reason(error: ValueError | KeyError) -> str:
    """Why a case's changes failed, with what the case file wrote cut to an excerpt."""
    if isinstance(error, KeyError):
        return f"no record {excerpt(error.args[0])}"
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = excerpt(".".join(map(str, first["loc"])))
        return f"{error.error_count()} problem(s) with the record, e.g. {where}: {plain(first['msg'], 120)}"
    return str(error)


def _got(result: Judgment, question: str) -> str:
    """What a question got, in the words a failing case prints."""
    if question not in result.grades:
        return "no such question"
    return result.grades[question] or "not graded"


def _compare(result: Judgment, expect: Expect, outcome: Outcome) -> None:
    grades = result.grades
    for question, grade in (expect.grades or {}).items():
        if grades.get(question) != grade:
            outcome.problems.append(f"{plain(question)}: expected {plain(grade)}, got {_got(result, question)}")
    for question in expect.not_graded:
        if question not in grades or grades[question] is not None:
            outcome.problems.append(f"{plain(question)}: expected not graded, got {_got(result, question)}")
    if expect.overall != "__any__" and result.overall.grade != expect.overall:
        outcome.problems.append(f"overall: expected {plain(str(expect.overall))}, got {result.overall.grade}")
    made = {f.rule for q in result.questions for f in q.findings}
    outcome.problems += [f"finding {plain(r)} was not made" for r in expect.made if r not in made]
    outcome.problems += [f"finding {r} was made" for r in expect.not_made if r in made]
    recommended = sorted(r.id for r in result.recommendations)
    if expect.recommendations is not None and recommended != sorted(expect.recommendations):
        outcome.problems.append(f"recommendations: expected {excerpt(sorted(expect.recommendations))}, got {recommended}")
    outcome.exercised = exercised(result)


def exercised(result: Judgment) -> set[str]:
    """The finding rules, deciding criteria and recommendations a judgment exercised."""
    names = {f"finding {f.rule}" for q in result.questions for f in q.findings}
    names |= {f"criterion {q.id}/{q.decided_by.criterion}" for q in result.questions}
    return names | {f"recommendation {r.id}" for r in result.recommendations}


def everything(rulebook: Rulebook) -> list[str]:
    """Every finding rule, criterion (per question) and recommendation, as coverage names them."""
    names = [f"finding {r.id}" for r in rulebook.findings]
    names += [f"criterion {q}/{c.id}" for q, criteria in rulebook.grading.items() for c in criteria]
    return names + [f"recommendation {r.id}" for r in rulebook.recommendations]


def run_cases(rulebook: Rulebook, rules: Path, *, allow_outside: bool = False) -> tuple[list[Outcome], list[str]]:
    cases = load_cases(rules, allow_outside=allow_outside, rulebook=rulebook)
    outcomes = [run_case(rulebook, path, case, bundle) for path, case, bundle in cases]
    exercised = set().union(*(o.exercised for o in outcomes)) if outcomes else set()
    return outcomes, [name for name in everything(rulebook) if name not in exercised]
