"""`judgment schema`: the JSON Schemas of bundles and records."""

from __future__ import annotations

import json

import click

from judgment._bundle import bundle_json_schema
from judgment._diagnostics import excerpt
from judgment.evidence import get_vocabulary, vocabulary_ids


@click.group()
def schema() -> None:
    """Print JSON Schemas."""


@schema.command("record")
def schema_record() -> None:
    """The JSON Schema of a decision record."""
    from judgment._records._record import record_json_schema

    click.echo(json.dumps(record_json_schema(), indent=2, sort_keys=True))


@schema.command("bundle")
@click.option("--vocabulary", default="hmic-crime", show_default=True, help="The evidence vocabulary id.")
def schema_bundle(vocabulary: str) -> None:
    """The JSON Schema of an evidence bundle."""
    vocab = get_vocabulary(vocabulary)
    if vocab is None:
        raise click.UsageError(f"no vocabulary {excerpt(vocabulary)}; known: {', '.join(vocabulary_ids())}")
    click.echo(json.dumps(bundle_json_schema(vocab), indent=2, sort_keys=True))
