"""``judgment vocabularies``: every vocabulary known here, where it came from, and its kinds."""

from __future__ import annotations

import json
from pathlib import Path

import click

from judgment._cli._errors import reports_errors
from judgment._vocabularies._option import uses_vocabularies


@click.command("vocabularies")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json lists them as data, for other tools.")
@click.option("--rules", "rulebooks", multiple=True, type=click.Path(path_type=Path), metavar="DIRECTORY",
              help="A rulebook folder (or a library of them) whose own vocabulary file (rulebook.yaml: "
                   "vocabulary_file) to list too; repeatable.")
@reports_errors
@uses_vocabularies
def vocabularies(output_format: str, rulebooks: tuple[Path, ...]) -> None:
    """List every vocabulary known: shipped, installed (entry-point group judgment.vocabularies),
    given with --vocabulary, and declared by the rulebook folders given with --rules; with its
    title, origin and kinds."""
    from judgment import load_library
    from judgment._vocabularies._plugins import load_entry_points
    from judgment.evidence import get_vocabulary, vocabulary_ids

    for folder in rulebooks:  # loading a rulebook registers its folder's vocabulary (each version's, for a library)
        load_library(folder)
    load_entry_points()
    known = [v for v in (get_vocabulary(i) for i in vocabulary_ids()) if v is not None]
    if output_format == "json":
        click.echo(json.dumps([{"id": v.id, "title": v.title, "origin": v.origin, "kinds": list(v.kinds)}
                               for v in known], indent=2))
        return
    for vocabulary in known:
        click.echo(f"{vocabulary.id}: {vocabulary.title}\n  origin: {vocabulary.origin}\n"
                   f"  kinds: {', '.join(vocabulary.kinds)}")
