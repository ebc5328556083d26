"""`judgment check`: every diagnostic of a rulebook and its bundles, before anything is judged."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import click

from judgment._bundle import load_bundle
from judgment._cli._check_cases import case_problems
from judgment._cli._errors import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    plural,
    reports_errors,
)
from judgment._vocabularies._option import uses_vocabularies
from judgment._diagnostics import Diagnostic, plain, sort_diagnostics
from judgment._errors import InputFileError, JudgmentError
from judgment._fit import check_fit
from judgment._rulebook._choice import read_for
from judgment._rulebook._library import is_library, load_library
from judgment._rulebook._loader import load_rulebook
from judgment._rulebook._model import Rulebook
from judgment._rulebook._reads import unread_questions


@click.command()
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
@click.option("--hypothesis-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep Hypothesis's files (its caches) in this folder. By default nothing is written: "
                   "no .hypothesis/ folder appears where you run the command.")
@reports_errors
@uses_vocabularies
def check(rules: Path, bundles: tuple[Path, ...], output_format: str, properties: bool, examples: int,
          seed: int, hypothesis_dir: Path | None) -> None:
    """Check the rulebook in RULES, and any BUNDLES against its vocabulary, before anything is judged.
    RULES may be a library: each of its rulebooks is checked, and each bundle against the one chosen for it.

    Errors (exit 1) stop a rulebook or bundle from being used; warnings (criteria that can never
    hold or are shadowed, unreachable grades, unused findings) do not."""
    diagnostics, code, checked = _checked_any(rules, bundles)
    if output_format == "json":
        click.echo(json.dumps({"diagnostics": [d.to_dict() for d in diagnostics],
                               "errors": sum(d.severity == "error" for d in diagnostics),
                               "warnings": sum(d.severity == "warning" for d in diagnostics)}, indent=2))
        sys.exit(code)
    if diagnostics:
        click.echo("\n".join(d.render() for d in diagnostics), err=True)
    errors = sum(d.severity == "error" for d in diagnostics)
    if not checked or errors:
        click.echo(f"{plural(errors, 'problem')} found; nothing was judged.", err=True)
        sys.exit(code)
    for rulebook, folder, its_bundles in checked:
        if properties:
            from judgment.testing._storage import hypothesis_files

            with hypothesis_files(hypothesis_dir):
                _check_properties(rulebook, folder, examples, seed)
        _summary(rulebook, folder, its_bundles, diagnostics)


def _summary(rulebook: Rulebook, folder: Path, bundles: tuple[Path, ...], diagnostics: list[Diagnostic]) -> None:
    """One line per rulebook checked: what it holds and how many warnings are its own."""
    own = (rulebook.root.rstrip("/") + "/", *(str(b) + "/" for b in bundles))
    warnings = sum(d.severity == "warning" and (str(d.location.path) + "/").startswith(own) for d in diagnostics)
    checked = f" and {plural(len(bundles), 'bundle')}" if bundles else ""
    found = plural(warnings, "warning") if warnings else "no problems found"
    click.echo(f"{folder}: rulebook {rulebook.id} {plain(rulebook.version)}{checked}: {found} "
               f"({plural(len(rulebook.findings), 'finding rule')}, {plural(len(rulebook.questions), 'question')}, "
               f"{plural(len(rulebook.recommendations), 'recommendation')})")


Checked = list[tuple[Rulebook, Path, tuple[Path, ...]]]


def _checked_any(rules: Path, bundles: tuple[Path, ...]) -> tuple[list[Diagnostic], int, Checked]:
    """_checked of the rulebook in RULES; of each rulebook of a library, with the bundles chosen for it."""
    if not is_library(rules):
        diagnostics, code, rulebook = _checked(rules, bundles)
        return diagnostics, code, [(rulebook, rules, bundles)] if rulebook is not None else []
    try:
        library = load_library(rules)
    except InputFileError as error:
        return list(error.diagnostics), EXIT_USAGE, []
    except JudgmentError as error:
        return list(error.diagnostics), EXIT_PROBLEMS, []
    found: list[Diagnostic] = []
    code = EXIT_OK
    chosen: dict[str, list[Path]] = {r.root: [] for r in library.rulebooks}
    for bundle in bundles:
        try:
            chosen[read_for(library, bundle)[0].root].append(bundle)
        except JudgmentError as error:
            found.extend(error.diagnostics)
            code = EXIT_USAGE if isinstance(error, InputFileError) else code or EXIT_PROBLEMS
    checked: Checked = []
    for rulebook in library.rulebooks:  # each loaded once, by the library
        diagnostics, its_code, _ = _checked_loaded(rulebook, Path(rulebook.root), tuple(chosen[rulebook.root]))
        found.extend(diagnostics)
        code = code or its_code
        checked.append((rulebook, Path(rulebook.root), tuple(chosen[rulebook.root])))
    return sort_diagnostics(found), code, checked


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
    from rich.console import Console

    console = Console(stderr=True)  # a bar for a terminal; piped, it would leave a blank line behind
    with Progress(transient=True, console=console, disable=not console.is_terminal) as progress:
        task = progress.add_task("checking properties", total=examples * 4)
        report = run_properties(rulebook, examples, seed, lambda n: progress.advance(task, n), seeds)
    for failure in report.failures:
        click.echo(f"property {failure.name} fails: {failure.message}", err=True)
        if failure.bundle is not None:
            click.echo("smallest counterexample:\n" + _as_yaml(failure.bundle.to_data()).rstrip("\n"), err=True)
    held = [p for p in PROPERTIES if p not in {f.name for f in report.failures} | set(report.not_checked)]
    unchecked = "".join(f"; {name} not checked: {why}" for name, why in report.not_checked.items())
    click.echo(f"properties over {report.examples:,} generated bundles (seed {seed}): "
               f"{len(held)} of {len(PROPERTIES)} hold" + (f" ({', '.join(held)})" if held else "") + unchecked)
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


def _checked(rules: Path, bundles: tuple[Path, ...]) -> tuple[list[Diagnostic], int, Rulebook | None]:
    """Every diagnostic of the rulebook and the bundles, sorted, and the exit code they call for."""
    try:
        rulebook = load_rulebook(rules)
    except InputFileError as error:
        return list(error.diagnostics), EXIT_USAGE, None
    except JudgmentError as error:
        return list(error.diagnostics), EXIT_PROBLEMS, None
    return _checked_loaded(rulebook, rules, bundles)


def _checked_loaded(rulebook: Rulebook, rules: Path,
                    bundles: tuple[Path, ...]) -> tuple[list[Diagnostic], int, Rulebook | None]:
    found: list[Diagnostic] = list(rulebook.warnings)
    code = EXIT_OK
    engine_problems = _engine_problems(rulebook) + case_problems(rulebook, rules)
    if engine_problems:
        found.extend(engine_problems)
        code = EXIT_PROBLEMS
    for bundle in bundles:
        try:
            loaded = load_bundle(bundle, rulebook.vocabulary)
            check_fit(rulebook, loaded)
            found.extend(unread_questions(rulebook, loaded))
        except InputFileError as error:
            found.extend(error.diagnostics)
            code = EXIT_USAGE
        except JudgmentError as error:
            found.extend(error.diagnostics)
            code = code or EXIT_PROBLEMS
    return sort_diagnostics(found), code, rulebook


def _engine_problems(rulebook: Rulebook) -> list[Diagnostic]:
    """What `run` would refuse for the rulebook itself: its durable_rules ruleset is built, here, as `run`
    builds it. This is safe in this process because the compiler counts every limit of the engine that
    crashes or hangs it before the engine sees the ruleset (docs/engine.md, "Limits of the engine")."""
    from judgment._engine import durable_missing

    if durable_missing() is not None:
        return _portability(rulebook)
    from judgment._durable._ruleset import ruleset_for

    try:
        ruleset_for(rulebook)
    except JudgmentError as error:
        return list(error.diagnostics)
    return []


def _portability(rulebook: Rulebook) -> list[Diagnostic]:
    """Where durable_rules does not import, the compiled engine judges the rulebook whatever its size;
    what durable_rules would refuse where it does (its ruleset is translated and counted, without
    the engine) is a warning, so that a rulebook written here is known to judge there too."""
    from judgment._durable._compile import compile_rulebook

    try:
        compile_rulebook(rulebook)
    except JudgmentError as error:
        return [replace(d, severity="warning", hint=f"{d.hint + '; ' if d.hint else ''}durable_rules, the engine of "
                        "record where it imports (Python 3.11, 3.12), would refuse this; here the compiled engine "
                        "judges it") for d in error.diagnostics]
    return []
