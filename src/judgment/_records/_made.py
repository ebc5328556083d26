"""How a judgment was made (its engine, cross-check and versions), as verify compares it.

A record made where durable_rules imports (durable_rules, cross-checked by the compiled engine)
replays where it does not (the compiled engine alone, Python 3.13), and the other way round: the
outcome is compared in full, and how each was made is told in a note, not reported as a difference.
Between two places alike, the engine and cross-check are compared like any field, so a record whose
claim was edited and sealed again is caught. The Python that made it is never compared.
"""

from __future__ import annotations

from typing import Any

from judgment._diagnostics import excerpt

#: (engine, cross_check) of a judgment where durable_rules imports, and where it does not.
WITH_DURABLE = ("durable_rules", "agreed")
WITHOUT_DURABLE = ("compiled", "unavailable")
_CHECKS = {"agreed": "cross-checked, the same findings", "unavailable": "durable_rules unavailable, no cross-check",
           "not made": "no cross-check"}


def comparable(record: dict[str, Any], again: dict[str, Any], left_out: tuple[str, ...]
               ) -> tuple[dict[str, Any], dict[str, Any], str | None]:
    """Both records without the fields not compared, and a note on how each was made when they differ."""
    elsewhere = {_made(record), _made(again)} == {WITH_DURABLE, WITHOUT_DURABLE}
    drop = left_out + (("engine", "cross_check") if elsewhere else ())
    before, after = ({k: v for k, v in r.items() if k not in drop} for r in (record, again))
    for side in (before, after):
        if isinstance(side.get("versions"), dict):
            side["versions"] = {k: v for k, v in side["versions"].items()
                                if k != "python" and not (elsewhere and k == "durable_rules")}
    differs = elsewhere or _python(record) != _python(again)
    return before, after, f"made by {_words(record)}; replayed by {_words(again)}" if differs else None


def _made(record: dict[str, Any]) -> tuple[object, object]:
    return record.get("engine"), record.get("cross_check")


def _python(record: dict[str, Any]) -> object:
    versions = record.get("versions")
    return versions.get("python") if isinstance(versions, dict) else None


def _words(record: dict[str, Any]) -> str:
    check = _CHECKS.get(str(record.get("cross_check")), "cross-check unknown")
    python = _python(record)
    return f"{excerpt(str(record.get('engine')))} ({check}) on Python {excerpt(str(python or 'unknown'))}"
