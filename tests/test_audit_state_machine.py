"""A stateful test of the audit log: any sequence of appends, published heads, single-byte tampering
(then undone) and deletions of the last entry with its head rewritten. After every step the log
verifies with as many entries as were appended and kept; a tampered byte is caught at its own entry;
each published head is accepted at its place while the history up to it stands, and rejected once
an entry it covered is gone."""

from __future__ import annotations

from contextlib import closing

import shutil
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from _audit_records import record
from _audit_tamper import ENTRY_FIELDS
from judgment._audit._append import append, checked
from judgment._audit._chain import genesis
from judgment._audit._check import verify_log


class AuditLogMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="audit-machine-"))
        self.log = self.folder / "log.db"
        self.count = 0
        self.made = 0
        self.heads: list[tuple[str, int]] = []

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    @rule(how_many=st.integers(1, 3))
    def append(self, how_many: int) -> None:
        append(self.log, [checked(record(self.made + n)) for n in range(how_many)])
        self.made += how_many
        self.count += how_many

    @precondition(lambda self: self.log.exists())
    @rule()
    def publish(self) -> None:
        report = verify_log(self.log)
        assert report.head is not None
        self.heads.append((report.head, self.count))

    @precondition(lambda self: self.count > 0)
    @rule(data=st.data())
    def tamper(self, data: st.DataObject) -> None:
        sequence = data.draw(st.integers(1, self.count), label="entry")
        column = data.draw(st.sampled_from(ENTRY_FIELDS), label="field")
        with closing(sqlite3.connect(self.log)) as connection:  # `with` a connection alone never closes it
            before = bytes(connection.execute(f"SELECT CAST({column} AS BLOB) FROM entries WHERE sequence = ?",
                                              (sequence,)).fetchone()[0])
        position = data.draw(st.integers(0, len(before) - 1), label="position")
        byte = data.draw(st.integers(0, 255).filter(lambda b: b != before[position]), label="byte")
        changed = before[:position] + bytes([byte]) + before[position + 1:]
        self._set(column, sequence, changed)
        report = verify_log(self.log)
        assert report.broken is not None and report.broken[0] == sequence, report
        self._set(column, sequence, before)

    @precondition(lambda self: self.count > 0)
    @rule()
    def delete_the_last_entry_and_rewrite_the_head(self) -> None:
        connection = sqlite3.connect(self.log)
        with connection:
            connection.execute("DELETE FROM entries WHERE sequence = ?", (self.count,))
            last = connection.execute("SELECT entry_hash FROM entries WHERE sequence = ?", (self.count - 1,)).fetchone()
            meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
            head = last[0] if last else genesis(meta)  # the first entry gone: back to the genesis hash
            connection.execute("UPDATE head SET count = ?, hash = ?", (self.count - 1, head))
        connection.close()
        self.count -= 1
        for head, at in self.heads:
            if at > self.count:  # the published head covered the deleted entry: the rewrite shows
                assert verify_log(self.log, head).broken is not None
        self.heads = [(head, at) for head, at in self.heads if at <= self.count]

    @invariant()
    def the_log_verifies(self) -> None:
        if not self.log.exists():
            return
        report = verify_log(self.log)
        assert report.broken is None and report.entries == self.count, report
        for head, at in self.heads[-3:]:
            assert verify_log(self.log, head).published_at == at

    def _set(self, column: str, sequence: int, value: bytes) -> None:
        cast = "?" if column == "record" else "CAST(? AS TEXT)"
        connection = sqlite3.connect(self.log)
        with connection:
            connection.execute(f"UPDATE entries SET {column} = {cast} WHERE sequence = ?", (value, sequence))
        connection.close()


AuditLogMachine.TestCase.settings = settings(max_examples=max(settings().max_examples // 4, 10),
                                             stateful_step_count=20)
TestAuditLog = AuditLogMachine.TestCase
