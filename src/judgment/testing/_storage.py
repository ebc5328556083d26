"""Where Hypothesis keeps its files while `judgment check --properties` runs.

Hypothesis writes a cache of constants and, with an example database, the failing examples it found,
under ``.hypothesis/`` in the *current folder*: a user checking a rulebook did not ask for a folder to
appear wherever they stood. By default the files go to a temporary folder removed at the end and no
example database is kept (the seed replays a run); ``--example-db DIR`` keeps both in DIR instead.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from hypothesis import configuration
from hypothesis.database import DirectoryBasedExampleDatabase, ExampleDatabase

EXAMPLE_DATABASE: ContextVar[ExampleDatabase | None] = ContextVar("judgment_example_database", default=None)
_HOME = "__hypothesis_home_directory"  # Hypothesis's own module global; it has no getter


@contextmanager
def hypothesis_files(directory: Path | None = None) -> Iterator[None]:
    """Hypothesis's home is `directory` (with an example database in it), or a temporary folder removed
    on leaving, for the time of the block; what it was before is restored."""
    before = getattr(configuration, _HOME)
    with tempfile.TemporaryDirectory(prefix="judgment-hypothesis-") as scratch:
        home = directory if directory is not None else Path(scratch)
        database = DirectoryBasedExampleDatabase(home / "examples") if directory is not None else None
        token = EXAMPLE_DATABASE.set(database)
        configuration.set_hypothesis_home_dir(home)
        try:
            yield
        finally:
            configuration.set_hypothesis_home_dir(before)
            EXAMPLE_DATABASE.reset(token)
