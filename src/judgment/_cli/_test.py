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
from judgment._rulebook._library import is_library, load_library
from judgment._rulebook._loader import load_rulebook
from judgment._rulebook._model import Rulebook


@click.command("test")
@click.argument("rules", type=click.Path(file_okay=False, path_type=Path))
@click.option("--allow-outside", is_flag=True,
              help="Let test cases start from bundles outside the rulebook folder (for a rulebook you trust).")
@reports_errors
@uses_vocabularies
def test_rulebook(rules: Path, allow_outside: bool) -> None:
    """Run the rulebook's own test cases (RULES/tests/*.yaml) and report what no case exercises.
    RULES may be a library: the cases of each of its rulebooks are run, one rulebook after another."""
    if not is_library(rules):
        sys.exit(_test_one(load_rulebook(rules), rules, allow_outside))
    codes = [EXIT_OK]
    for rulebook in load_library(rules).rulebooks:
        click.echo(f"{plain(rulebook.root, 120)}: rulebook {plain(rulebook.id)} {plain(rulebook.version)}")
        if not (Path(rulebook.root) / "tests").is_dir():
            click.echo("no test cases: it has no tests/ folder")
            continue
        codes.append(_test_one(rulebook, Path(rulebook.root), allow_outside))
    sys.exit(max(codes))


def _test_one(rulebook: Rulebook, rules: Path, allow_outside: bool) -> int:
    from judgment._cases import agreement, agreement_lines, run_cases

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
    return EXIT_PROBLEMS if counts["FAIL"] else EXIT_OK


#: How a case line starts: a known disagreement is neither a pass nor a failure.
_MARKS = {"ok": "ok  ", "known": "known", "FAIL": "FAIL"}
