"""Stages 3-5: resolve names, compile conditions and texts, order derived findings."""

from __future__ import annotations

from collections.abc import Sequence

from judgment._diagnostics import Diagnostic, did_you_mean
from judgment._lang._check import Scope
from judgment._rulebook._conditions import Site, compile_condition, compile_template
from judgment._rulebook._files import SourceFiles
from judgment._rulebook._grading import compile_grading, compile_overall
from judgment._rulebook._model import FindingRule, RecommendationRule, Rulebook
from judgment._rulebook._names import Names, refuse_reserved, resolve_names
from judgment._rulebook._order import evaluation_order
from judgment._rulebook._pairs import check_unordered, positions
from judgment._rulebook._schema import FindingSpec, RulebookFileSpec, RulesFileSpec
from judgment._rulebook._text import TemplateError, parse_deadline
from judgment._io._yaml import Document
from judgment.evidence import Vocabulary

Located = tuple[FindingSpec, Document, int]

#: Finding rules, criteria and recommendations together; beyond this a rulebook is refused.
MAX_RULES = 5_000


def assemble(sources: SourceFiles, main: RulebookFileSpec, main_document: Document,
             rules: Sequence[tuple[RulesFileSpec, Document]], problems: list[Diagnostic],
             declared: Vocabulary | None = None) -> Rulebook | None:
    names = resolve_names(main, main_document, problems, declared)
    if names is None:
        return None
    located = [(f, doc, i) for spec, doc in rules for i, f in enumerate(spec.findings or [])]
    count = len(located) + sum(len(g.criteria) for spec, _ in rules for g in spec.grading or []) \
        + sum(len(spec.recommendations or []) for spec, _ in rules)
    if count > MAX_RULES:
        problems.append(Diagnostic("TOO_MANY_RULES", f"{count:,} rules, criteria and recommendations; the limit "
                                   f"is {MAX_RULES:,}", main_document.positions.of_value(("rulebook",)),
                                   hint="split the framework into several rulebooks"))
        return None
    _unique_across_files([(f.id, d, ("findings", i, "id")) for f, d, i in located], problems)
    for spec, document, index in located:
        refuse_reserved(spec.id, document.positions.of_value(("findings", index, "id")), problems)
    finding_ids = [f.id for f, _, _ in located]
    findings = [r for r in (_finding(f, d, i, names, finding_ids, problems) for f, d, i in located) if r]
    grading = compile_grading(rules, names, finding_ids, main_document, problems)
    overall = compile_overall(main.overall, main_document, names, finding_ids, problems)
    recommendations = _recommendations(rules, names, finding_ids, problems)
    order = evaluation_order(findings, problems)
    if problems or overall is None:
        return None
    meta = main.rulebook
    return Rulebook(
        id=meta.id, title=meta.title, version=meta.version, valid_from=meta.valid_from, valid_to=meta.valid_to,
        framework_title=meta.framework.title, framework_citation=meta.framework.citation,
        vocabulary=names.vocabulary, scale=names.scale, polarities=names.polarities, questions=names.questions,
        findings=tuple(findings), grading=grading, overall=overall, recommendations=tuple(recommendations),
        root=str(sources.root), files=sources.files, sha256=sources.sha256, order=order)


def _unique_across_files(entries: list[tuple[str, Document, tuple[str | int, ...]]],
                         problems: list[Diagnostic]) -> None:
    first: dict[str, str] = {}
    for name, document, key in entries:
        location = document.positions.of_value(key)
        if name in first:
            problems.append(Diagnostic("DUPLICATE_ID", f"{name!r} is defined twice", location,
                                       hint=f"first defined at {first[name]}"))
        else:
            first[name] = str(location)


def _finding(spec: FindingSpec, document: Document, index: int, names: Names, finding_ids: list[str],
             problems: list[Diagnostic]) -> FindingRule | None:
    key = ("findings", index)
    where = document.positions
    before = len(problems)
    if spec.question not in names.question_ids:
        problems.append(Diagnostic("UNKNOWN_REFERENCE", f"no question {spec.question!r}",
                                   where.of_value((*key, "question")), hint=did_you_mean(spec.question, names.question_ids)))
    if spec.polarity not in names.polarity_ids:
        problems.append(Diagnostic("UNKNOWN_REFERENCE", f"no polarity {spec.polarity!r}",
                                   where.of_value((*key, "polarity")), hint=did_you_mean(spec.polarity, names.polarity_ids)))
    given = dict(spec.given or {})
    for alias, kind in given.items():
        if kind not in names.vocabulary.models:
            problems.append(Diagnostic("UNKNOWN_KIND", f"no evidence kind {kind!r}", where.of_value((*key, "given", alias)),
                                       hint=did_you_mean(kind, names.vocabulary.kinds)))
    unordered = check_unordered(spec.unordered, given, document, key, problems)
    if len(problems) > before:
        return None
    scope = Scope("finding", names.vocabulary, finding_ids, names.polarity_ids, names.question_ids,
                  names.grade_ids, variables=given, implicit_kinds=True)
    when = compile_condition(spec.when, scope, Site(document, (*key, "when")), problems)
    if when is None:
        return None
    template = compile_template(spec.text, scope, dict(when.variables), Site(document, (*key, "text")), problems)
    if template is None:
        return None
    in_order = positions(unordered, when.variables, document, key, problems)
    if in_order is None:
        return None
    return FindingRule(spec.id, spec.question, spec.polarity, when, template, spec.cite, where.of_value((*key, "id")),
                       in_order)


def _recommendations(rules: Sequence[tuple[RulesFileSpec, Document]], names: Names, finding_ids: list[str],
                     problems: list[Diagnostic]) -> list[RecommendationRule]:
    located = [(r, doc, i) for spec, doc in rules for i, r in enumerate(spec.recommendations or [])]
    _unique_across_files([(r.id, d, ("recommendations", i, "id")) for r, d, i in located], problems)
    scope = Scope("recommendation", names.vocabulary, finding_ids, names.polarity_ids, names.question_ids,
                  names.grade_ids)
    compiled = []
    for spec, document, index in located:
        key = ("recommendations", index)
        when = compile_condition(spec.when, scope, Site(document, (*key, "when")), problems)
        deadline = None
        if spec.deadline is not None:
            try:
                deadline = parse_deadline(spec.deadline)
            except TemplateError as exc:
                site = Site(document, (*key, "deadline"))
                problems.append(site.diagnostic("BAD_VALUE", exc.message, exc.offset, spec.deadline, exc.hint))
        if when is not None:
            compiled.append(RecommendationRule(spec.id, when, deadline, spec.text.strip(), spec.cite,
                                               document.positions.of_value((*key, "id"))))
    return compiled
