"""`judgment what-if`: judge a bundle with some evidence changed, and print what moved."""

from __future__ import annotations

from pathlib import Path

import click

from judgment._cli._errors import reports_errors
from judgment._cli._rules import RULES_HELP, rulebook_and_bundle, rules_version_option
from judgment._vocabularies._option import uses_vocabularies


@click.command("what-if")
@click.argument("bundle", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rules", "rules", required=True, type=click.Path(file_okay=False, path_type=Path),
              help=RULES_HELP)
@rules_version_option
@click.option("--set", "sets", multiple=True, metavar="RECORD.FIELD=VALUE",
              help="Give a field a value, read as YAML (strict: yes is a string), e.g. "
                   "evaluation-crime-prevention.level=developing or victim-satisfaction.rate={value: 82, margin: 1.0}.")
@click.option("--drop", "drops", multiple=True, metavar="RECORD", help="Remove a record.")
@click.option("--add", "adds", multiple=True, metavar="FILE", help="Add the record a YAML or JSON file holds.")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="json prints canonical JSON (schema judgment.what-if/1).")
@click.option("--any-date", is_flag=True, help="Judge even if the inspection is dated outside the rulebook's validity.")
@reports_errors
@uses_vocabularies
def what_if(bundle: Path, rules: Path, rules_version: str | None, sets: tuple[str, ...], drops: tuple[str, ...], adds: tuple[str, ...],
            output_format: str, any_date: bool) -> None:
    """Judge BUNDLE as given and with the changes (--drop, then --add, then --set), and print what
    moved: grades and which way, findings gained and lost with their reasons, recommendations.
    A change that does not validate is refused, naming it, and nothing is judged."""
    from judgment._whatif._arguments import command_line_changes
    from judgment._whatif._compare import what_if as judge_what_if
    from judgment._whatif._render import render_markdown, render_text

    if not (sets or drops or adds):
        raise click.UsageError("give at least one change: --set, --drop or --add")
    rulebook, evidence, _ = rulebook_and_bundle(rules, bundle, rules_version)
    changes = command_line_changes((r.id for r in evidence.records), sets, drops, adds)
    result = judge_what_if(rulebook, evidence, changes, any_date=any_date)
    if output_format == "json":
        click.echo(result.to_json())
    elif output_format == "markdown":
        click.echo(render_markdown(result), nl=False)
    else:
        click.echo(render_text(result), nl=False)
