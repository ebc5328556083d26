"""`judgment schema`: the JSON Schemas of bundles and records."""

from __future__ import annotations

import json
from pathlib import Path

import click

from judgment._bundle import bundle_json_schema
from judgment._cli._errors import reports_errors
from judgment._diagnostics import excerpt
from judgment._vocabularies._given import DATA_SUFFIXES, use_vocabulary_files
from judgment._vocabularies._hint import unknown_vocabulary_hint
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
@click.option("--vocabulary", "vocabularies", multiple=True, metavar="ID|FILE",
              help="The evidence vocabulary: an id known here, or a vocabulary file (.yaml, .yml, .json) or "
                   "Python file (.py) to load first (repeatable; default: hmic-crime).")
@reports_errors
def schema_bundle(vocabularies: tuple[str, ...]) -> None:
    """The JSON Schema of an evidence bundle of one vocabulary."""
    files = [Path(v) for v in vocabularies if Path(v).suffix in (*DATA_SUFFIXES, ".py")]
    ids = [v for v in vocabularies if Path(v).suffix not in (*DATA_SUFFIXES, ".py")]
    loaded = use_vocabulary_files(files)
    if len(ids) > 1 or (not ids and len({v.id for v in loaded}) > 1):
        raise click.UsageError("the files give several vocabularies: say which with --vocabulary ID")
    wanted = ids[0] if ids else loaded[0].id if loaded else "hmic-crime"
    vocab = get_vocabulary(wanted)
    if vocab is None:
        raise click.UsageError(f"no vocabulary {excerpt(wanted)}; "
                               f"{unknown_vocabulary_hint(wanted, vocabulary_ids())}")
    click.echo(json.dumps(bundle_json_schema(vocab), indent=2, sort_keys=True))
