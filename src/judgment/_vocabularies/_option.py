"""The ``--vocabulary FILE`` option every command that reads rulebooks or bundles takes."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from judgment._vocabularies._given import use_vocabulary_files

F = TypeVar("F", bound=Callable[..., Any])

HELP = ("A vocabulary to know, besides those shipped, installed or named by the rulebook: a vocabulary "
        "file (.yaml, .yml, .json: data), or a Python file (.py) that registers vocabularies, imported as "
        "code you chose to run. Repeatable.")


def uses_vocabularies(command: F) -> F:
    """Add ``--vocabulary FILE`` and load the files before the command runs; put it under
    ``@reports_errors`` so that a bad file is a diagnostic with the contract's exit code."""

    @wraps(command)
    def wrapper(*args: Any, vocabulary_files: tuple[Path, ...] = (), **kwargs: Any) -> Any:
        use_vocabulary_files(vocabulary_files)
        return command(*args, **kwargs)

    option = click.option("--vocabulary", "vocabulary_files", multiple=True, metavar="FILE",
                          type=click.Path(dir_okay=False, path_type=Path), help=HELP)
    return option(wrapper)  # type: ignore[return-value]
