"""`judgment diff`: what differs between two sealed decision records, and why."""

from __future__ import annotations

import sys
from pathlib import Path

from typing import TYPE_CHECKING

import click

from judgment._cli._errors import reports_errors
from judgment._vocabularies._option import uses_vocabularies

if TYPE_CHECKING:
    from judgment._recdiff._model import DecisionDiff

NOT_A_RECORD = 3  # as `verify`: not a decision record, or its seal broken


@click.command("diff")
@click.argument("record_a", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("record_b", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rules", type=click.Path(file_okay=False, path_type=Path),
              help="B's rulebook, to judge A's evidence with when both changed (default: the folder B names).")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown", "html"]), default="text",
              show_default=True, help="json prints canonical JSON (schema judgment.decision-diff/1).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of standard output.")
@reports_errors
@uses_vocabularies
def diff(record_a: Path, record_b: Path, rules: Path | None, output_format: str, output: Path | None) -> None:
    """Explain what differs between decision records RECORD_A and RECORD_B: grades moved, findings and
    recommendations gained and lost, each due to changed evidence, changed rules, or both (by the
    hashes of the evidence and of each rule file; when both changed, by judging A's evidence with B's
    rules). Exit codes: 0 the outcomes are the same, 1 they differ, 3 a file is not a decision record
    or a seal is broken (said first, before the diff)."""
    from judgment._recdiff._compare import diff_sides
    from judgment._recdiff._sides import NotADecisionRecord, read_side

    try:
        a, b = read_side(record_a, "A"), read_side(record_b, "B")
    except NotADecisionRecord as error:
        click.echo(f"judgment diff: {error}", err=True)
        sys.exit(NOT_A_RECORD)
    result = diff_sides(a, b, rules)
    text = _render(result, output_format)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise click.FileError(str(output), hint=str(exc.strerror)) from None
    sys.exit(result.exit_code)


def _render(result: DecisionDiff, output_format: str) -> str:
    from judgment._recdiff._html import render_html
    from judgment._recdiff._markdown import render_markdown
    from judgment._recdiff._text import render_text

    if output_format == "json":
        return result.to_json() + "\n"
    return {"markdown": render_markdown, "html": render_html, "text": render_text}[output_format](result)
