"""Reading a rulebook's case files, and checking what they name against the rulebook.

Question and grade ids in `published` and `known_disagreement` are checked here, before any case is
judged, so a misspelt id is a located diagnostic rather than a case that fails for a reason its author
cannot see (or, worse, a known disagreement that can never be confirmed)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from judgment._cases._model import NOT_GRADED, Case, CaseFile
from judgment._diagnostics import Diagnostic, did_you_mean, excerpt, plain
from judgment._errors import BundleError
from judgment._io._read import LoadFailure, inside, outside_folder
from judgment._io._yaml import PathKey, Positions, load_document
from judgment._pydantic_errors import diagnostics_from_validation
from judgment._rulebook._model import Rulebook

_KEEP_INSIDE = "keep test bundles inside the rulebook folder, or run `judgment test --allow-outside` if you trust it"


def load_cases(rules: Path, *, allow_outside: bool = False,
               rulebook: Rulebook | None = None) -> list[tuple[Path, Case, Path | None]]:
    """Every case of the rulebook, with its file and the bundle it starts from.

    A case's bundle must lie inside the rulebook folder (links resolved), as its rule files do: a
    rulebook from elsewhere must not make `judgment test` read the user's other files. `allow_outside`
    (`judgment test --allow-outside`) lifts that for a rulebook the user trusts. Given the `rulebook`,
    the ids an agreement case names are checked against it."""
    found = []
    for path in sorted((rules / "tests").glob("*.yaml")):
        try:
            if not inside(path, rules):
                raise LoadFailure(outside_folder(str(path), f"the rulebook folder {rules}",
                                                 "this link leads to a test file that", _KEEP_INSIDE))
            document = load_document(path)
            spec = CaseFile.model_validate(document.data)
        except LoadFailure as failure:
            raise BundleError([failure.diagnostic]) from None
        except ValidationError as exc:
            raise BundleError(diagnostics_from_validation(exc, (), document.positions, model=CaseFile)) from None
        problems = [p for n, case in enumerate(spec.cases) if rulebook is not None
                    for p in agreement_problems(rulebook, case, document.positions, ("cases", n))]
        if problems:
            raise BundleError(problems)
        for number, case in enumerate(spec.cases):
            source = case.bundle or spec.bundle
            bundle = (path.parent / source).resolve() if source else None
            if bundle is not None and not allow_outside and not inside(bundle, rules):
                key: PathKey = ("cases", number, "bundle") if case.bundle else ("bundle",)
                raise BundleError([outside_folder(str(path), f"the rulebook folder {rules}",
                                                  f"the case's bundle {excerpt(source)}", _KEEP_INSIDE,
                                                  document.positions.of_value(key))])
            found.append((path, case, bundle))
    return found


def agreement_problems(rulebook: Rulebook, case: Case, where: Positions, at: PathKey) -> list[Diagnostic]:
    """What an agreement case gets wrong: unknown ids, a known disagreement that is none, or
    `expect.grades` that contradict the published grades (the published grades are the expected ones)."""
    if case.published is None:
        return []
    published = case.published.grades
    problems = _ids(rulebook, published, where, (*at, "published", "grades"))
    if case.known_disagreement is not None:
        key = (*at, "known_disagreement", "produced")
        produced = case.known_disagreement.produced
        problems += _ids(rulebook, produced, where, key)
        for question, grade in produced.items():
            if question in rulebook_questions(rulebook) and question not in published:
                problems.append(Diagnostic("BAD_VALUE", f"{plain(question)} has no published grade",
                                           where.of_key((*key, question)),
                                           hint="list it under published.grades, or remove it here"))
            elif published.get(question) == grade:
                problems.append(Diagnostic("BAD_VALUE", f"the known disagreement on {plain(question)} is the "
                                           "published grade", where.of_value((*key, question)),
                                           hint="a known disagreement lists what the rulebook gives instead"))
    for question, grade in (case.expect.grades or {}).items():
        if question in published and published[question] != grade:
            problems.append(Diagnostic(
                "BAD_VALUE", f"expect.grades gives {plain(question)} {plain(grade)}, but the published grade is "
                f"{plain(published[question])}", where.of_value((*at, "expect", "grades", question)),
                hint="the published grades are the expected grades: remove this one from expect.grades"))
    return problems


def rulebook_questions(rulebook: Rulebook) -> list[str]:
    return [q.id for q in rulebook.questions]


def _ids(rulebook: Rulebook, grades: dict[str, str], where: Positions, at: PathKey) -> list[Diagnostic]:
    """Unknown question ids (at the key) and grade ids (at the value) of one question -> grade map."""
    questions, scale = rulebook_questions(rulebook), [g.id for g in rulebook.scale]
    problems = []
    for question, grade in grades.items():
        if question not in questions:
            problems.append(Diagnostic("UNKNOWN_REFERENCE", f"no question {excerpt(question)} in the rulebook",
                                       where.of_key((*at, question)), hint=did_you_mean(question, questions)))
        if grade not in scale and grade != NOT_GRADED:
            problems.append(Diagnostic("UNKNOWN_REFERENCE", f"no grade {excerpt(grade)} in the rulebook's scale",
                                       where.of_value((*at, question)),
                                       hint=did_you_mean(grade, [*scale, NOT_GRADED])))
    return problems
