"""Parse and type-check one condition or template, turning problems into located diagnostics."""

from __future__ import annotations

from dataclasses import dataclass

from judgment._diagnostics import Diagnostic, Location
from judgment._lang._check import Checked, Scope, check_condition, check_path
from judgment._lang._parser import ExpressionSyntaxError, parse_expression
from judgment._rulebook._model import Condition, Template
from judgment._rulebook._text import TemplateError, parse_template
from judgment._io._yaml import Document, PathKey


@dataclass
class Site:
    """Where a string value sits: its document and its key path inside it."""

    document: Document
    key: PathKey

    def at(self, offset: int, text: str) -> Location:
        return self.document.positions.inside_string(self.key, offset, text)

    @property
    def location(self) -> Location:
        return self.document.positions.of_value(self.key)

    def line(self, location: Location) -> str | None:
        lines = self.document.positions.lines
        return lines[location.line - 1] if 0 < location.line <= len(lines) else None

    def diagnostic(self, code: str, message: str, offset: int, text: str, hint: str | None = None) -> Diagnostic:
        location = self.at(offset, text)
        return Diagnostic(code, message, location, hint=hint, source_line=self.line(location))  # type: ignore[arg-type]


def compile_condition(text: str, scope: Scope, site: Site, problems: list[Diagnostic]) -> Condition | None:
    try:
        node = parse_expression(text)
    except ExpressionSyntaxError as exc:
        problems.append(site.diagnostic(exc.code, exc.message, exc.offset, text, exc.hint))
        return None
    checked = check_condition(node, scope)
    if _report(checked, site, text, problems):
        return None
    return Condition(text, node, site.location, tuple(checked.variables.items()), frozenset(checked.findings_used))


def compile_template(text: str, scope: Scope, bound: dict[str, str], site: Site,
                     problems: list[Diagnostic]) -> Template | None:
    try:
        template = parse_template(text)
    except TemplateError as exc:
        problems.append(site.diagnostic("EXPR_SYNTAX", exc.message, exc.offset, text, exc.hint))
        return None
    failed = False
    for _, path in template.fields:
        checked = check_path(path, scope)
        failed |= _report(checked, site, text, problems)
        for name in checked.variables:
            if name not in bound:
                problems.append(site.diagnostic(
                    "UNKNOWN_REFERENCE", f"{{{path.dotted}}} quotes {name!r}, which the condition does not test",
                    path.span.start, text, "a text can quote only records that its condition binds"))
                failed = True
    return None if failed else template


def _report(checked: Checked, site: Site, text: str, problems: list[Diagnostic]) -> bool:
    for problem in checked.problems:
        problems.append(site.diagnostic(problem.code, problem.message, problem.offset, text, problem.hint))
    return bool(checked.problems)
