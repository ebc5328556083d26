"""The formats of decision records this judgment writes and reads.

It writes ``judgment.decision-record/3``. It reads /3 and /2 (written before the judgment stated its
cross-check): a /2 record, once its seal is checked, is read as /3, its ``cross_check`` what /2 always
meant: ``agreed`` when durable_rules made the findings (the compiled engine checked every one), else
``not made``. A newer format is not read: its fields may mean other things (docs/compatibility.md).
"""

from __future__ import annotations

from typing import Any

SCHEMA = "judgment.decision-record/3"
PREFIX = "judgment.decision-record/"
#: Older formats read, each with how a record of it is read as the current one.
OLDER = ("judgment.decision-record/2",)


def readable(schema: object) -> bool:
    return schema == SCHEMA or schema in OLDER


def as_current(record: dict[str, Any]) -> dict[str, Any]:
    """A record of a readable format as the current format (a copy when it changes); its seal and
    signature stay those of the record as made, and are checked against it, never against this."""
    if record.get("schema") not in OLDER:
        return record
    made_by_durable = record.get("engine") == "durable_rules"
    return {**record, "schema": SCHEMA, "cross_check": "agreed" if made_by_durable else "not made"}
