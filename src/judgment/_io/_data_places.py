"""Places inside data that was never a file (a bundle built in code): ``<bundle>:records[3].rate``.

Such data has no lines, so a line and column would be invented (every problem at 1:1). The path
through the data names the record and field instead, in the spot a file's line and column take."""

from __future__ import annotations

from judgment._diagnostics import Location
from judgment._io._yaml import PathKey, Positions


def data_place(origin: str, key: PathKey | str) -> Location:
    """``origin:records[3].rate`` for ("records", 3, "rate"); the origin alone for the whole data."""
    if isinstance(key, str):
        return Location(f"{origin}:{key}" if key else origin)
    dotted = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in key).lstrip(".")
    return Location(f"{origin}:{dotted}" if dotted else origin)


class DataPositions(Positions):
    """Positions of data with no source text: every key is placed by its path."""

    def of_value(self, key: PathKey) -> Location:
        return data_place(self.path, key)

    def of_key(self, key: PathKey) -> Location:
        return data_place(self.path, key)
