"""Grading criteria per question and the overall judgment: priority lists ending in 'otherwise'."""

from __future__ import annotations

from collections.abc import Sequence

from judgment._diagnostics import Diagnostic, Location, did_you_mean
from judgment._lang._check import Scope
from judgment._rulebook._conditions import Site, compile_condition
from judgment._rulebook._model import Criterion, Overall
from judgment._rulebook._names import Names
from judgment._rulebook._schema import CriterionSpec, OverallSpec, RulesFileSpec
from judgment._io._yaml import Document, PathKey


def compile_grading(rules: Sequence[tuple[RulesFileSpec, Document]], names: Names, finding_ids: list[str],
                    main_document: Document, problems: list[Diagnostic]) -> dict[str, tuple[Criterion, ...]]:
    grading: dict[str, tuple[Criterion, ...]] = {}
    first_place: dict[str, Location] = {}
    scope = Scope("criterion", names.vocabulary, finding_ids, names.polarity_ids, names.question_ids,
                  names.grade_ids)
    for spec, document in rules:
        for block_index, block in enumerate(spec.grading or []):
            key: PathKey = ("grading", block_index)
            for q_index, question in enumerate(block.questions):
                where = document.positions.of_value((*key, "questions", q_index))
                if question not in names.question_ids:
                    problems.append(Diagnostic("UNKNOWN_REFERENCE", f"no question {question!r}", where,
                                               hint=did_you_mean(question, names.question_ids)))
                elif question in grading:
                    problems.append(Diagnostic("DUPLICATE_ID", f"question {question!r} is graded twice", where,
                                               hint=f"first graded at {first_place[question]}"))
                else:
                    first_place[question] = where
                    grading[question] = compile_criteria(block.criteria, question, scope, document,
                                                         (*key, "criteria"), names, problems)
    for index, declared in enumerate(names.questions):
        if declared.id not in grading:
            problems.append(Diagnostic("MISSING_KEY", f"question {declared.id!r} has no grading criteria",
                                       main_document.positions.of_value(("questions", index, "id")),
                                       hint="add it to the 'questions' list of a grading block"))
    return grading


def compile_criteria(specs: Sequence[CriterionSpec], question: str, scope: Scope, document: Document,
                     key: PathKey, names: Names, problems: list[Diagnostic]) -> tuple[Criterion, ...]:
    compiled = []
    used_ids: dict[str, int] = {}
    for index, spec in enumerate(specs):
        at = (*key, index)
        where = document.positions.of_value(at)
        if not _outcome_is_one(spec, at, where, document, names, problems):
            continue
        last = index == len(specs) - 1
        if (spec.when is None) == (spec.otherwise is None):
            problems.append(Diagnostic("MISSING_KEY", "a criterion has either 'when' or 'otherwise: true'", where))
            continue
        if spec.otherwise and not last:
            problems.append(Diagnostic("BAD_VALUE", "'otherwise' must be the last criterion", where,
                                       hint="criteria are tried in order; later ones could never be reached"))
            continue
        if last and not spec.otherwise:
            problems.append(Diagnostic("MISSING_KEY", "the last criterion must be 'otherwise: true'", where,
                                       hint="so that every question always gets exactly one grade"))
        condition = None
        if spec.when is not None:
            condition = compile_condition(spec.when, scope, Site(document, (*at, "when")), problems)
        base = spec.id or spec.grade or "not_graded"
        used_ids[base] = used_ids.get(base, 0) + 1
        criterion_id = base if used_ids[base] == 1 else f"{base}-{used_ids[base]}"
        compiled.append(Criterion(criterion_id, question, spec.grade, condition, spec.cite, where, spec.not_graded))
    return tuple(compiled)


def _outcome_is_one(spec: CriterionSpec, at: PathKey, where: Location, document: Document, names: Names,
                    problems: list[Diagnostic]) -> bool:
    """A criterion gives a grade of the scale, or no grade with the reason why: one of the two."""
    if spec.grade is not None and spec.not_graded is not None:
        problems.append(Diagnostic("BAD_VALUE", "a criterion has either 'grade' or 'not_graded', not both",
                                   document.positions.of_key((*at, "not_graded")),
                                   hint="'not_graded: REASON' leaves the question without a grade, for that reason"))
        return False
    if spec.grade is None and spec.not_graded is None:
        problems.append(Diagnostic("MISSING_KEY", "a criterion needs 'grade' (or 'not_graded' with a reason)", where,
                                   hint="e.g. 'grade: good', or 'not_graded: the data could not be relied on'"))
        return False
    if spec.grade is not None and spec.grade not in names.grade_ids:
        problems.append(Diagnostic("UNKNOWN_REFERENCE", f"no grade {spec.grade!r} on the scale",
                                   document.positions.of_value((*at, "grade")),
                                   hint=did_you_mean(spec.grade, names.grade_ids)))
        return False
    return True


def compile_overall(spec: OverallSpec, document: Document, names: Names, finding_ids: list[str],
                    problems: list[Diagnostic]) -> Overall | None:
    top_level = [q.id for q in names.questions if q.parent is None]
    questions = list(spec.questions or top_level)
    for index, question in enumerate(questions):
        if question not in names.question_ids:
            problems.append(Diagnostic("UNKNOWN_REFERENCE", f"no question {question!r}",
                                       document.positions.of_value(("overall", "questions", index)),
                                       hint=did_you_mean(question, names.question_ids)))
    criteria: tuple[Criterion, ...] = ()
    if spec.method == "criteria":
        if not spec.criteria:
            problems.append(Diagnostic("MISSING_KEY", "method 'criteria' needs a 'criteria' list",
                                       document.positions.of_value(("overall", "method"))))
            return None
        scope = Scope("overall", names.vocabulary, finding_ids, names.polarity_ids, names.question_ids,
                      names.grade_ids)
        criteria = compile_criteria(spec.criteria, "overall", scope, document, ("overall", "criteria"), names,
                                    problems)
    elif spec.criteria:
        problems.append(Diagnostic("UNKNOWN_KEY", f"'criteria' is used only with method 'criteria', not {spec.method!r}",
                                   document.positions.of_key(("overall", "criteria"))))
    if spec.method == "ungraded" and not spec.summary:
        problems.append(Diagnostic("MISSING_KEY", "an ungraded overall judgment needs a 'summary'",
                                   document.positions.of_value(("overall",))))
    return Overall(spec.title, spec.method, spec.summary, tuple(questions), criteria, spec.cite)
