"""`judgment verify`: replay a decision record."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from judgment._cli._errors import (
    reports_errors,
)
from judgment._vocabularies._option import uses_vocabularies


@click.command()
@click.argument("record", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rules", type=click.Path(file_okay=False, path_type=Path),
              help="The rulebook to replay with (default: the folder named in the record).")
@click.option("--bundle", type=click.Path(dir_okay=False, path_type=Path),
              help="Evidence to compare with the record's (default: the evidence in the record).")
@click.option("--public-key", "public_key", type=click.Path(dir_okay=False, path_type=Path),
              help="Require a valid signature by this key (the .pub file of `judgment keygen`).")
@reports_errors
@uses_vocabularies
def verify(record: Path, rules: Path | None, bundle: Path | None, public_key: Path | None) -> None:
    """Replay RECORD: judge its evidence again and compare every field of the record it makes.

    Exit codes, the first that applies in this order: 3 not a decision record or seal
    broken, 7 signature not valid (with --public-key), 4 rulebook changed, 5 evidence
    changed, 6 could not replay, 1 outcome differs; 0 identical."""
    from judgment._records._sign import load_public_key
    from judgment._records._verify import verify as verify_record

    key = load_public_key(public_key) if public_key is not None else None
    found = verify_record(record, rules, bundle, key)
    click.echo(found.render(), nl=False)
    sys.exit(found.exit_code)
