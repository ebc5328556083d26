"""`judgment prove`: each property of a rulebook proved over every bundle, or refuted with a bundle."""

from __future__ import annotations

import json
from pathlib import Path

import click

from judgment._cli._errors import reports_errors
from judgment._prove._outcome import PROPERTIES, Proof
from judgment._rulebook._model import Rulebook
from judgment._vocabularies._option import uses_vocabularies


@click.command("prove")
@click.argument("rules", type=click.Path(file_okay=False, path_type=Path))
@click.option("--property", "properties", multiple=True, type=click.Choice(PROPERTIES),
              help="A property to prove (repeatable); every property when left out.")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(0.1, 86_400),
              help="Seconds the solver may spend on each question put to it; beyond, the outcome is unknown.")
@click.option("--records", type=click.IntRange(1, 1_000), default=None,
              help="Prove over bundles of at most this many records of a kind (default: as many as every bundle "
                   "needs, unless that is too costly; the report then says so and exits 8).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json prints the proof as data (format judgment.proof/1), each counterexample a bundle.")
@click.option("--counterexamples", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="Also write each counterexample bundle to this folder, as N-LABEL.yaml.")
@click.option("--verbose", is_flag=True, help="List every outcome, proved ones too.")
@click.option("--times", is_flag=True, help="Show how long each outcome took (the report then differs run to run).")
@reports_errors
@uses_vocabularies
def prove(rules: Path, properties: tuple[str, ...], timeout: float, records: int | None, output_format: str,
          folder: Path | None, verbose: bool, times: bool) -> None:
    """Prove RULES' properties over every possible bundle with the z3 solver (the judgment[prove] extra):
    every question gets exactly one outcome (totality); making a field better, or adding evidence that
    makes only positive findings, never lowers a grade (monotonicity, per field); every finding rule,
    criterion and recommendation can fire (no_dead_rule); no criterion is shadowed by those before it
    (no_shadowing); and, as warnings, findings of opposite polarity one record can make (opposite_polarity).

    Each property is proved, or refuted with a counterexample bundle in YAML that `judgment check`
    accepts and `judgment run` shows breaking it (each is judged again to confirm). Exit 0 when every
    property is proved, 1 when one is refuted, 8 when one could not be decided (a timeout, a construct
    not translated, or a proof over fewer records than every bundle needs that --records did not ask for)."""
    from judgment._prove._run import prove as run_proof
    from judgment._prove._z3 import ProveUnavailable, z3

    try:
        z3()
    except ProveUnavailable as missing:  # a usage error (exit 2), as judgment serve without its extra
        raise click.UsageError(str(missing)) from None
    for rulebook in _rulebooks(rules):
        proof = run_proof(rulebook, properties or PROPERTIES, timeout=timeout, records=records)
        _report(proof, output_format, verbose, times, folder)
        if proof.exit_code:
            raise SystemExit(proof.exit_code)


def _rulebooks(rules: Path) -> tuple[Rulebook, ...]:
    """The rulebook, or every rulebook of a library (each proved in turn)."""
    from judgment._rulebook._library import is_library, load_library
    from judgment._rulebook._loader import load_rulebook

    return load_library(rules).rulebooks if is_library(rules) else (load_rulebook(rules),)


def _report(proof: Proof, output_format: str, verbose: bool, times: bool, folder: Path | None) -> None:
    from judgment._prove._render import render_text, write_counterexamples

    if output_format == "json":
        click.echo(json.dumps(proof.to_data(times=times), indent=2, sort_keys=True, ensure_ascii=False))
    else:
        click.echo(render_text(proof, verbose=verbose, times=times), nl=False)
    if folder is not None:
        write_counterexamples(proof, folder)
