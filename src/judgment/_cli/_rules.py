"""`--rules` and `--rules-version`, shared by the commands that judge: a rulebook folder, or a
library of rulebooks from which the version in force on the inspection date is chosen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from judgment._bundle import Bundle
from judgment._diagnostics import visible
from judgment._rulebook._library import RulebookChoice
from judgment._rulebook._model import Rulebook

F = TypeVar("F", bound=Callable[..., object])

RULES_HELP = ("The rulebook folder (e.g. rules/hmic-crime-2014), or a library of rulebooks (e.g. rules): "
              "the version in force on the inspection date is chosen.")


def rules_version_option(function: F) -> F:
    return click.option("--rules-version", "rules_version", metavar="VERSION",
                        help="Judge with this version of the library's rulebook (ID@VERSION when the library "
                             "holds several ids), whatever the inspection date.")(function)


def rulebook_and_bundle(rules: Path, bundle: Path,
                        version: str | None) -> tuple[Rulebook, Bundle, RulebookChoice | None]:
    from judgment._rulebook._choice import load_for_bundle

    return load_for_bundle(rules, bundle, version)


def choice_line(choice: RulebookChoice | None) -> str | None:
    """What a text output says of the choice: which library, which version, why."""
    if choice is None:
        return None
    chosen = choice.rulebook
    return visible(f"Chosen from the library {choice.library}: {chosen.id} {chosen.version}, because {choice.reason}.")
