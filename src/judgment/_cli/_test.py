"""`judgment test`: run a rulebook's own test cases."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from judgment._cli._errors import (
    EXIT_OK,
    EXIT_PROBLEMS,
    plural,
    reports_errors,
)
from judgment._vocabularies._option import uses_vocabularies
from judgment._diagnostics import plain
from judgment._rulebook._loader import load_rulebook


@click.command("test")
@click.argument("rules", type=click.Path(file_okay=False, path_type=Path))
@click.option("--allow-outside", is_flag=True,
              help="Let test cases start from bundles outside the rulebook folder (for a rulebook you trust).")
@reports_errors
@uses_vocabularies
def test_rulebook(rules: Path, allow_outside: bool) -> None:
    """Run the rulebook's own test cases (RULES/tests/*.yaml) and report what no case exercises."""
    from judgment._cases import agreement, agreement_lines, run_cases

    rulebook = load_rulebook(rules)
    outcomes, missing = run_cases(rulebook, rules, allow_outside=allow_outside)
    for outcome in outcomes:
        click.echo(f"{_MARKS[outcome.status]} {plain(outcome.name, 120)}")
        for line in outcome.problems + outcome.known:
            click.echo(f"       {line}")
    figures = agreement(outcomes)
    for line in agreement_lines(rulebook, figures) if figures.rows else []:
        click.echo(line)
    counts = {status: sum(o.status == status for o in outcomes) for status in _MARKS}
    known = f"{plural(counts['known'], 'known disagreement')}, " if figures.rows else ""
    click.echo(f"{counts['ok']} passed, {known}{counts['FAIL']} failed")
    if missing:
        click.echo("not exercised by any case: " + ", ".join(missing))
    else:
        click.echo("coverage: every finding rule, criterion and recommendation is exercised")
    sys.exit(EXIT_PROBLEMS if counts["FAIL"] else EXIT_OK)


#: How a case line starts: a known disagreement is neither a pass nor a failure.
_MARKS = {"ok": "ok  ", "known": "known", "FAIL": "FAIL"}
