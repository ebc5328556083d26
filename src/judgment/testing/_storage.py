"""Where Hypothesis keeps its files while `judgment check --properties` runs.

Hypothesis writes a cache of constants under ``.hypothesis/`` in the *current folder*: a user checking a
rulebook did not ask for a folder to appear wherever they stood. By default the files go to a temporary
folder removed at the end; ``--hypothesis-dir DIR`` keeps them in DIR. No example database is kept: the
searches are seeded (``--seed`` replays a run), and Hypothesis stores no examples of a seeded search.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import configuration

_HOME = "__hypothesis_home_directory"  # Hypothesis's own module global; it has no getter


@contextmanager
def hypothesis_files(directory: Path | None = None) -> Iterator[None]:
    """Hypothesis's home is `directory`, or a temporary folder removed on leaving, for the time of the
    block; what it was before is restored."""
    before = getattr(configuration, _HOME)
    with tempfile.TemporaryDirectory(prefix="judgment-hypothesis-") as scratch:
        home = directory if directory is not None else Path(scratch)
        configuration.set_hypothesis_home_dir(home)
        try:
            yield
        finally:
            configuration.set_hypothesis_home_dir(before)
