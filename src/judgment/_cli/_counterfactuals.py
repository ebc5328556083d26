"""`judgment counterfactuals`: the smallest changes in evidence that move each grade one step."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from judgment._cli._errors import reports_errors
from judgment._diagnostics import excerpt
from judgment._cli._rules import RULES_HELP, rulebook_and_bundle, rules_version_option
from judgment._vocabularies._option import uses_vocabularies

if TYPE_CHECKING:
    from judgment._bundle import Bundle
    from judgment._counterfactual._model import Counterfactuals
    from judgment._rulebook._model import Rulebook


@click.command("counterfactuals")
@click.argument("bundle", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rules", "rules", required=True, type=click.Path(file_okay=False, path_type=Path),
              help=RULES_HELP)
@rules_version_option
@click.option("--question", "questions", multiple=True, metavar="Q",
              help="A question id (repeatable); every question when left out.")
@click.option("--direction", type=click.Choice(["up", "down", "both"]), default="both", show_default=True,
              help="Which way to move the grade.")
@click.option("--max-changes", "max_changes", type=click.IntRange(1, 3), default=2, show_default=True,
              help="The most changes in one counterfactual (the search is exact within it).")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="json prints the result's data (Counterfactuals.to_data).")
@click.option("--any-date", is_flag=True, help="Judge even if the inspection is dated outside the rulebook's validity.")
@click.option("--exact", is_flag=True, help="The fewest changed fields over every valid value, found by the z3 solver "
              "(needs judgment[prove]); each judged.")
@reports_errors
@uses_vocabularies
def counterfactuals(bundle: Path, rules: Path, rules_version: str | None, questions: tuple[str, ...], direction: str, max_changes: int,
                    output_format: str, any_date: bool, exact: bool) -> None:
    """For each question, the smallest sets of changes to BUNDLE's evidence that move its grade one
    step up and one step down, each judged, and explained in words."""
    from judgment._counterfactual._api import counterfactuals as search
    from judgment._counterfactual._render import render_markdown, render_text

    rulebook, evidence, _ = rulebook_and_bundle(rules, bundle, rules_version)
    known = [q.id for q in rulebook.questions]
    for question in questions:
        if question not in known:  # a usage error (exit 2), as a wrong --direction is
            raise click.BadParameter(f"no question {excerpt(question)} in {rulebook.id}; its questions: "
                                     + ", ".join(known), param_hint="--question")
    if exact:
        result = _exact(rulebook, evidence, questions, direction, max_changes, any_date)
    else:
        result = search(rulebook, evidence, questions=questions or None, direction=direction,
                        max_changes=max_changes, any_date=any_date)
    if output_format == "json":
        click.echo(json.dumps(result.to_data(), indent=2, sort_keys=True, ensure_ascii=False))
    elif output_format == "markdown":
        click.echo(render_markdown(result), nl=False)
    else:
        click.echo(render_text(result), nl=False)


def _exact(rulebook: Rulebook, evidence: Bundle, questions: tuple[str, ...], direction: str, max_changes: int,
           any_date: bool) -> Counterfactuals:
    """--exact: the solver's counterfactuals; without z3, one clear message (a usage error, exit 2, as prove)."""
    from judgment._prove._exact import exact_counterfactuals
    from judgment._prove._z3 import ProveUnavailable

    try:
        return exact_counterfactuals(rulebook, evidence, questions=questions or None, direction=direction,
                                     max_changes=max_changes, any_date=any_date)
    except ProveUnavailable as missing:
        raise click.UsageError(str(missing)) from None
