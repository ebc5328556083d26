"""``judgment vocabularies``: every vocabulary known here, where it came from, and its kinds."""

from __future__ import annotations

import json

import click

from judgment._cli._errors import reports_errors
from judgment._vocabularies._option import uses_vocabularies


@click.command("vocabularies")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json lists them as data, for other tools.")
@reports_errors
@uses_vocabularies
def vocabularies(output_format: str) -> None:
    """List every vocabulary known: shipped, installed (entry-point group judgment.vocabularies)
    and given with --vocabulary; with its title, origin and kinds."""
    from judgment._vocabularies._plugins import load_entry_points
    from judgment.evidence import get_vocabulary, vocabulary_ids

    load_entry_points()
    known = [v for v in (get_vocabulary(i) for i in vocabulary_ids()) if v is not None]
    if output_format == "json":
        click.echo(json.dumps([{"id": v.id, "title": v.title, "origin": v.origin, "kinds": list(v.kinds)}
                               for v in known], indent=2))
        return
    for vocabulary in known:
        click.echo(f"{vocabulary.id}: {vocabulary.title}\n  origin: {vocabulary.origin}\n"
                   f"  kinds: {', '.join(vocabulary.kinds)}")
