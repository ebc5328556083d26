"""The command line: a thin layer over the library. Library errors become
diagnostics on stderr here, and nowhere else.

Exit codes (one table for every command, see docs/reference/exit-codes.md):
0 success (clean, identical); 1 the input was checked and problems were found, or
verify: the outcome differs; 2 usage or I/O error; 3 verify: seal broken;
4 verify: rulebook changed; 5 verify: evidence changed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from judgment._api import judge
from judgment._batch_cli import batch
from judgment._cli_errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, plural, reports_errors
from judgment._bundle import bundle_json_schema, load_bundle
from judgment._diagnostics import Diagnostic, Location, did_you_mean, sort_diagnostics
from judgment._rulebook._model import Rulebook
from judgment._errors import InputFileError, JudgmentError
from judgment._fit import check_fit
from judgment._render._text import render_text
from judgment._render._words import Explain
from judgment._rulebook._loader import load_rulebook
from judgment.evidence import get_vocabulary, vocabulary_ids

@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="judgment")
def cli() -> None:
    """judgment: judge inspection evidence against a declarative rulebook."""


cli.add_command(batch)


@cli.command()
@click.argument("bundle", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rules", "rules", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The rulebook folder, e.g. rules/hmic-crime-2014.")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown", "html"]), default="text",
              show_default=True, help="json prints the sealed decision record.")
@click.option("--explain", type=click.Choice(["full", "fails", "none"]), default="fails", show_default=True,
              help="How much of the derivation to show: every test, what failed (and why not the next grade), "
                   "or none.")
@click.option("--any-date", is_flag=True,
              help="Judge even if the inspection is dated outside the rulebook's validity.")
@click.option("--record", "record_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the sealed decision record (JSON) to this file.")
@reports_errors
def run(bundle: Path, rules: Path, output_format: str, explain: Explain, any_date: bool,
        record_path: Path | None) -> None:
    """Judge BUNDLE (YAML or JSON evidence) with the rulebook in --rules.

    The JSON output is the decision record: the judgment, its trace, the canonical
    evidence, the hashes of the evidence and of every rule file, and a seal."""
    rulebook = load_rulebook(rules)
    evidence = load_bundle(bundle, rulebook.vocabulary)
    result = judge(rulebook, evidence, any_date=any_date)
    if record_path is not None or output_format == "json":  # sealing hashes everything: only when asked for
        from judgment._record import build_record, render_record

        sealed = render_record(build_record(result, rulebook, evidence, any_date=any_date))
        if record_path is not None:
            _write(record_path, sealed)
        if output_format == "json":
            click.echo(sealed, nl=False)
            return
    if output_format == "markdown":
        from judgment._render._markdown import render_markdown

        click.echo(render_markdown(result, explain), nl=False)
    elif output_format == "html":
        from judgment._render._html import render_html

        click.echo(render_html(result, explain), nl=False)
    else:
        render_text(result, sys.stdout, explain)


@cli.command()
@click.argument("bundle", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rules", "rules", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The rulebook folder.")
@click.option("--question", "questions", multiple=True, help="The question to explain (repeatable; default: all).")
@click.option("--any-date", is_flag=True, help="Judge even outside the rulebook's validity.")
@reports_errors
def explain(bundle: Path, rules: Path, questions: tuple[str, ...], any_date: bool) -> None:
    """Explain the grade of each question in full: every test with its values, and why not the next grade."""
    rulebook = load_rulebook(rules)
    known = [q.id for q in rulebook.questions]
    for question in questions:
        if question not in known:
            raise click.BadParameter(f"no question {question!r}; " + (did_you_mean(question, known) or ""),
                                     param_hint="--question")
    result = judge(rulebook, load_bundle(bundle, rulebook.vocabulary), any_date=any_date)
    render_text(result, sys.stdout, "full", questions=questions or None)


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputFileError([Diagnostic("FILE_NOT_FOUND", f"cannot write the record: {exc.strerror}",
                                         Location(str(path)))]) from None


@cli.command()
@click.argument("record", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rules", type=click.Path(file_okay=False, path_type=Path),
              help="The rulebook to replay with (default: the folder named in the record).")
@click.option("--bundle", type=click.Path(dir_okay=False, path_type=Path),
              help="Evidence to compare with the record's (default: the evidence in the record).")
@reports_errors
def verify(record: Path, rules: Path | None, bundle: Path | None) -> None:
    """Replay RECORD: report a broken seal, a changed rulebook, changed evidence or a different outcome.

    Exit codes: 0 identical, 3 seal broken, 4 rulebook changed, 5 evidence changed, 1 outcome differs
    (the first that applies, in that order)."""
    from judgment._verify import verify as verify_record

    found = verify_record(record, rules, bundle)
    click.echo(found.render(), nl=False)
    sys.exit(found.exit_code)


@cli.command()
@click.argument("rules", type=click.Path(file_okay=False, path_type=Path))
@click.argument("bundles", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json prints every diagnostic as data, for other tools.")
@click.option("--properties", is_flag=True,
              help="Also check the properties over generated bundles: totality, determinism, monotonicity, "
                   "agreement of the engines, no dead rule.")
@click.option("--examples", default=200, show_default=True, type=click.IntRange(1, 1_000_000),
              help="Generated bundles per property.")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the generation, to replay a run.")
def check(rules: Path, bundles: tuple[Path, ...], output_format: str, properties: bool, examples: int,
          seed: int) -> None:
    """Check the rulebook in RULES, and any BUNDLES against its vocabulary, before anything is judged.

    Errors (exit 1) stop a rulebook or bundle from being used; warnings (criteria that can never
    hold or are shadowed, unreachable grades, unused findings) do not."""
    diagnostics, code, rulebook = _checked(rules, bundles)
    if output_format == "json":
        click.echo(json.dumps({"diagnostics": [d.to_dict() for d in diagnostics],
                               "errors": sum(d.severity == "error" for d in diagnostics),
                               "warnings": sum(d.severity == "warning" for d in diagnostics)}, indent=2))
        sys.exit(code)
    if diagnostics:
        click.echo("\n".join(d.render() for d in diagnostics), err=True)
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    if rulebook is None or errors:
        click.echo(f"{plural(errors, 'problem')} found; nothing was judged.", err=True)
        sys.exit(code)
    if properties:
        _check_properties(rulebook, rules, examples, seed)
    checked = f" and {plural(len(bundles), 'bundle')}" if bundles else ""
    found = plural(warnings, "warning") if warnings else "no problems found"
    click.echo(f"{rules}: rulebook {rulebook.id} {rulebook.version}{checked}: {found} "
               f"({plural(len(rulebook.findings), 'finding rule')}, {plural(len(rulebook.questions), 'question')}, "
               f"{plural(len(rulebook.recommendations), 'recommendation')})")


def _check_properties(rulebook: Rulebook, rules: Path, examples: int, seed: int) -> None:
    """Run the property checks with a progress bar; print each failure with its smallest counterexample."""
    from rich.progress import Progress

    from judgment._cases import load_cases, run_case
    from judgment.testing import PROPERTIES, run_properties

    try:
        seeds = [o.bundle for o in (run_case(rulebook, p, c, b) for p, c, b in load_cases(rules)) if o.bundle]
    except JudgmentError as error:
        click.echo(error.render(), err=True)
        sys.exit(EXIT_PROBLEMS)
    with Progress(transient=True, console=None) as progress:
        task = progress.add_task("checking properties", total=examples * 4)
        report = run_properties(rulebook, examples, seed, lambda n: progress.advance(task, n), seeds)
    for failure in report.failures:
        click.echo(f"property {failure.name} fails: {failure.message}", err=True)
        if failure.bundle is not None:
            click.echo("smallest counterexample:\n" + _as_yaml(failure.bundle.to_data()), err=True)
    held = [p for p in PROPERTIES if p not in {f.name for f in report.failures}]
    click.echo(f"properties over {report.examples:,} generated bundles (seed {seed}): "
               f"{len(held)} of {len(PROPERTIES)} hold" + (f" ({', '.join(held)})" if held else ""))
    if report.failures:
        sys.exit(EXIT_PROBLEMS)


def _as_yaml(data: object) -> str:
    from io import StringIO

    from ruamel.yaml import YAML

    stream = StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.dump(data, stream)
    return stream.getvalue()


@cli.command("test")
@click.argument("rules", type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def test_rulebook(rules: Path) -> None:
    """Run the rulebook's own test cases (RULES/tests/*.yaml) and report what no case exercises."""
    from judgment._cases import run_cases

    rulebook = load_rulebook(rules)
    outcomes, missing = run_cases(rulebook, rules)
    for outcome in outcomes:
        click.echo(f"{'ok  ' if outcome.passed else 'FAIL'} {outcome.name}")
        for problem in outcome.problems:
            click.echo(f"       {problem}")
    failed = sum(not o.passed for o in outcomes)
    click.echo(f"{len(outcomes) - failed} passed, {failed} failed")
    if missing:
        click.echo("not exercised by any case: " + ", ".join(missing))
    else:
        click.echo("coverage: every finding rule, criterion and recommendation is exercised")
    sys.exit(EXIT_PROBLEMS if failed else EXIT_OK)


def _checked(rules: Path, bundles: tuple[Path, ...]) -> tuple[list[Diagnostic], int, Rulebook | None]:
    """Every diagnostic of the rulebook and the bundles, sorted, and the exit code they call for."""
    try:
        rulebook = load_rulebook(rules)
    except InputFileError as error:
        return list(error.diagnostics), EXIT_USAGE, None
    except JudgmentError as error:
        return list(error.diagnostics), EXIT_PROBLEMS, None
    found: list[Diagnostic] = list(rulebook.warnings)
    code = EXIT_OK
    for bundle in bundles:
        try:
            check_fit(rulebook, load_bundle(bundle, rulebook.vocabulary))
        except InputFileError as error:
            found.extend(error.diagnostics)
            code = EXIT_USAGE
        except JudgmentError as error:
            found.extend(error.diagnostics)
            code = code or EXIT_PROBLEMS
    return sort_diagnostics(found), code, rulebook


@cli.group()
def schema() -> None:
    """Print JSON Schemas."""


@schema.command("record")
def schema_record() -> None:
    """The JSON Schema of a decision record."""
    from judgment._record import record_json_schema

    click.echo(json.dumps(record_json_schema(), indent=2, sort_keys=True))


@schema.command("bundle")
@click.option("--vocabulary", default="hmic-crime", show_default=True, help="The evidence vocabulary id.")
def schema_bundle(vocabulary: str) -> None:
    """The JSON Schema of an evidence bundle."""
    vocab = get_vocabulary(vocabulary)
    if vocab is None:
        raise click.UsageError(f"no vocabulary {vocabulary!r}; known: {', '.join(vocabulary_ids())}")
    click.echo(json.dumps(bundle_json_schema(vocab), indent=2, sort_keys=True))


def main() -> None:
    cli(prog_name="judgment")

