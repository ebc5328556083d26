"""`judgment verify`: replay a decision record."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from judgment._cli._errors import (
    reports_errors,
)


@click.command()
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
    from judgment._records._verify import verify as verify_record

    found = verify_record(record, rules, bundle)
    click.echo(found.render(), nl=False)
    sys.exit(found.exit_code)
