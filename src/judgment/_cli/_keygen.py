"""`judgment keygen`: a key pair to sign decision records with."""

from __future__ import annotations

from pathlib import Path

import click

from judgment._cli._errors import reports_errors


@click.command()
@click.argument("private_key", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--public", "public_key", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the public key (default: PRIVATE_KEY.pub).")
@reports_errors
def keygen(private_key: Path, public_key: Path | None) -> None:
    """Write a new Ed25519 key pair: PRIVATE_KEY (PEM, readable by you only) and its public key.

    Sign records with `judgment run --sign PRIVATE_KEY`; whoever holds the public key
    checks them with `judgment verify --public-key`. Existing files are never overwritten."""
    from judgment._records._sign import write_key_pair

    public = public_key if public_key is not None else private_key.with_name(private_key.name + ".pub")
    identity = write_key_pair(private_key, public)
    click.echo(f"private key: {private_key} (keep it secret)\npublic key:  {public}\nkey id:      {identity}")
