"""`judgment audit`: keep sealed decision records in a tamper-evident log, and check it."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from judgment._cli._errors import EXIT_PROBLEMS, plural, reports_errors

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from judgment._audit._append import Checked

_LOG = click.argument("log", type=click.Path(dir_okay=True, path_type=Path))
_KEY = click.option("--public-key", "public_key", type=click.Path(dir_okay=False, path_type=Path),
                    help="Require every record to be signed by this key (the .pub file of `judgment keygen`).")


@click.group()
def audit() -> None:
    """Keep sealed decision records in a tamper-evident log (SQLite, hash-chained) and check it."""


@audit.command("append")
@_LOG
@click.argument("records", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@_KEY
@reports_errors
def append(log: Path, records: tuple[Path, ...], public_key: Path | None) -> None:
    """Append the sealed decision RECORDS to LOG (created if absent), all or none.

    Each record's seal and evidence hash are checked first; a broken record is refused
    and nothing is appended (exit 1)."""
    from judgment._audit._append import append as append_records

    made = append_records(log, checked_records(records, _key(public_key)))
    for entry in made:
        click.echo(f"entry {entry.sequence}: {entry.inspection_date} {_plain(entry.organisation)}")
    click.echo(f"head: {made[-1].entry_hash}")


@audit.command("verify")
@_LOG
@click.option("--head", "head", metavar="HASH", help="A head published earlier: prove the log still leads to it.")
@_KEY
@reports_errors
def verify(log: Path, head: str | None, public_key: Path | None) -> None:
    """Check every record's seal, every entry hash and link, and the head; name the first broken entry.

    Exit codes: 0 intact; 3 not intact (an entry broken, deleted, inserted or moved, the file
    damaged or truncated, not a judgment log, or the published --head not on the chain);
    7 intact, but a record is not signed by --public-key."""
    from judgment._audit._check import verify_log

    report = verify_log(log, _head(head), _key(public_key))
    click.echo(report.render(), nl=False)
    sys.exit(report.exit_code)


@audit.command("head")
@_LOG
@reports_errors
def head(log: Path) -> None:
    """Print the hash of LOG's last entry, to publish: `audit verify --head` proves the log since.

    The log is verified first; a log that is not intact has no head to publish (exit 3)."""
    from judgment._audit._check import verify_log

    report = verify_log(log)
    if report.head is None:
        click.echo(report.render(), nl=False)
        sys.exit(report.exit_code)
    click.echo(report.head)


@audit.command("show")
@_LOG
@click.option("--organisation", "organisations", multiple=True, help="Only this organisation's entries (repeatable).")
@click.option("--since", metavar="DATE", help="Only inspections dated on or after DATE (YYYY-MM-DD).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@reports_errors
def show(log: Path, organisations: tuple[str, ...], since: str | None, output_format: str) -> None:
    """List LOG's entries as stored: sequence, inspection date, organisation, grades.

    Showing does not verify: run `judgment audit verify` for that."""
    from judgment._audit._show import entries, render_json, render_text

    if since is not None:
        try:
            since = dt.date.fromisoformat(since).isoformat()
        except ValueError:
            raise click.BadParameter("a date is YYYY-MM-DD", param_hint="--since") from None
    found = list(entries(log, organisations, since))
    click.echo((render_json if output_format == "json" else render_text)(found), nl=False)


def checked_records(paths: tuple[Path, ...], public_key: Ed25519PublicKey | None) -> list[Checked]:
    """Every record read and checked before the log is touched; refused ones reported, exit 1."""
    from judgment._audit._append import checked
    from judgment._audit._chain import RecordRefused
    from judgment._diagnostics import Diagnostic, Location
    from judgment._io._read import named
    from judgment._records._read import NotARecord, read_record

    made: list[Checked] = []
    refused: list[Diagnostic] = []
    for path in paths:
        try:
            made.append(checked(read_record(path), public_key))
        except (NotARecord, RecordRefused) as error:
            refused.append(Diagnostic("BAD_VALUE", f"record {named(str(path))} is refused: {error}",
                                      Location(str(path)), hint="append only records made by `judgment run "
                                      "--record`, unchanged"))
    if refused:
        click.echo("\n".join(d.render() for d in refused), err=True)
        click.echo(f"{plural(len(refused), 'record')} refused; nothing was appended.", err=True)
        sys.exit(EXIT_PROBLEMS)
    return made


def _head(text: str | None) -> str | None:
    if text is None:
        return None
    from judgment._audit._chain import HASH

    if not HASH.match(text.strip().lower()):
        raise click.BadParameter("a head is 64 hexadecimal digits, as `judgment audit head` prints it",
                                 param_hint="--head")
    return text.strip().lower()


def _key(path: Path | None) -> Ed25519PublicKey | None:
    if path is None:
        return None
    from judgment._records._sign import load_public_key

    return load_public_key(path)


def _plain(text: str) -> str:
    from judgment._diagnostics import plain

    return plain(text, 60)
