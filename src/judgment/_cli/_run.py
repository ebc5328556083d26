"""`judgment run` and `judgment explain`: judge a bundle and put the judgment into words."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from judgment._api import judge
from judgment._cli._errors import (
    reports_errors,
)
from judgment._cli._example import bundle_and_rules, example_option
from judgment._vocabularies._option import uses_vocabularies
from judgment._diagnostics import Diagnostic, Location, did_you_mean, excerpt
from judgment._errors import InputFileError
from judgment._io._read import named
from judgment._render._text import render_text
from judgment._render._words import Explain
from judgment._cli._rules import RULES_HELP, choice_line, rulebook_and_bundle, rules_version_option

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


@click.command()
@click.argument("bundle", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rules", "rules", type=click.Path(file_okay=False, path_type=Path), help=RULES_HELP)
@example_option
@rules_version_option
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown", "html"]), default="text",
              show_default=True, help="json prints the sealed decision record.")
@click.option("--explain", type=click.Choice(["full", "fails", "none"]), default="fails", show_default=True,
              help="How much of the derivation to show: every test, what failed (and why not the next grade), "
                   "or none.")
@click.option("--any-date", is_flag=True,
              help="Judge even if the inspection is dated outside the rulebook's validity.")
@click.option("--record", "record_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the sealed decision record (JSON) to this file.")
@click.option("--sign", "key_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Sign the decision record with this Ed25519 private key (see `judgment keygen`).")
@click.option("--audit", "audit_log", type=click.Path(dir_okay=False, path_type=Path), metavar="LOG",
              help="Also append the sealed decision record to this audit log (see `judgment audit`).")
@reports_errors
@uses_vocabularies
def run(bundle: Path | None, rules: Path | None, example: str | None, rules_version: str | None, output_format: str,
        explain: Explain, any_date: bool, record_path: Path | None, key_path: Path | None,
        audit_log: Path | None) -> None:
    """Judge BUNDLE (YAML or JSON evidence) with the rulebook in --rules, or a shipped --example.

    The JSON output is the decision record: the judgment, its trace, the canonical
    evidence, the hashes of the evidence and of every rule file, and a seal."""
    if key_path is not None and record_path is None and output_format != "json" and audit_log is None:
        raise click.UsageError("--sign signs the decision record: give --record FILE, --audit LOG or --format json")
    bundle, rules = bundle_and_rules(bundle, rules, example)
    key = _private_key(key_path)  # before judging: a wrong key file should cost nothing
    rulebook, evidence, choice = rulebook_and_bundle(rules, bundle, rules_version)
    result = judge(rulebook, evidence, any_date=any_date)
    if record_path is not None or output_format == "json" or audit_log is not None:  # sealing hashes everything
        from judgment._records._record import build_record, render_record

        made = build_record(result, rulebook, evidence, any_date=any_date, choice=choice)
        if key is not None:
            from judgment._records._sign import sign_record

            made = sign_record(made, key)
        sealed = render_record(made)
        if record_path is not None:
            _write(record_path, sealed)
        if audit_log is not None:
            _append_to_audit(audit_log, made)
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
        if choice is not None:
            click.echo(choice_line(choice))
        render_text(result, sys.stdout, explain)


@click.command()
@click.argument("bundle", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rules", "rules", type=click.Path(file_okay=False, path_type=Path), help=RULES_HELP)
@example_option
@rules_version_option
@click.option("--question", "questions", multiple=True, help="The question to explain (repeatable; default: all).")
@click.option("--any-date", is_flag=True, help="Judge even outside the rulebook's validity.")
@reports_errors
@uses_vocabularies
def explain(bundle: Path | None, rules: Path | None, example: str | None, rules_version: str | None,
            questions: tuple[str, ...], any_date: bool) -> None:
    """Explain the grade of each question in full: every test with its values, and why not the next grade."""
    bundle, rules = bundle_and_rules(bundle, rules, example)
    rulebook, evidence, choice = rulebook_and_bundle(rules, bundle, rules_version)
    known = [q.id for q in rulebook.questions]
    for question in questions:
        if question not in known:
            raise click.BadParameter(f"no question {excerpt(question)}; " + (did_you_mean(question, known) or ""),
                                     param_hint="--question")
    result = judge(rulebook, evidence, any_date=any_date)
    if choice is not None:
        click.echo(choice_line(choice))
    render_text(result, sys.stdout, "full", questions=questions or None)


def _private_key(path: Path | None) -> Ed25519PrivateKey | None:
    if path is None:
        return None
    from judgment._records._sign import load_private_key

    return load_private_key(path)


def _append_to_audit(log: Path, record: dict[str, Any]) -> None:
    from judgment._audit._append import append, checked

    append(log, [checked(record)])


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputFileError([Diagnostic("FILE_NOT_FOUND", f"cannot write the record to {named(str(path))}: {exc.strerror}",
                                         Location(str(path)))]) from None
