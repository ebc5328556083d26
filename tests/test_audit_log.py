"""`judgment audit`: append, verify, head, show; deleted, inserted, reordered and truncated logs;
files that are not logs; a published head after more appends and after a rewrite; `run --audit`."""

from __future__ import annotations

from contextlib import closing

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from _audit_records import TINY, record, write_record
from judgment._audit._chain import entry_hash, genesis
from judgment._cli._app import cli
from judgment._records._record import canonical, render_record


def audit(*args: object) -> Result:
    return CliRunner().invoke(cli, ["audit", *map(str, args)])


@pytest.fixture()
def log(tmp_path: Path) -> Path:
    path = tmp_path / "audit.db"
    ran = audit("append", path, *(write_record(tmp_path, n) for n in range(5)))
    assert ran.exit_code == 0, ran.output
    return path


def _sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


def test_append_verify_head_and_show(log: Path, tmp_path: Path) -> None:
    ran = audit("verify", log)
    assert ran.exit_code == 0, ran.output
    assert ran.output.startswith("intact: 5 entries")
    head = audit("head", log)
    assert head.exit_code == 0 and len(head.output.strip()) == 64
    assert f"head: {head.output.strip()}" in ran.output
    more = audit("append", log, write_record(tmp_path, 5))
    assert more.output.startswith("entry 6: 2014-12-01 Dorset Police\nhead: ")
    shown = audit("show", log, "--organisation", "Kent Police")
    assert shown.exit_code == 0, shown.output
    assert [line.split()[0] for line in shown.output.splitlines()[:-1]] == ["2", "5"]
    assert "reducing_crime=" in shown.output and shown.output.endswith("2 entries (as stored: `judgment audit "
                                                                        "verify` checks them)\n")
    since = json.loads(audit("show", log, "--since", "2014-11-01", "--format", "json").output)
    assert [e["sequence"] for e in since] == [2, 3, 5, 6]
    assert since[0]["record"] == json.loads(render_record(record(1)))
    assert audit("show", log, "--since", "November").exit_code == 2


def test_append_refuses_a_broken_record_and_appends_nothing(log: Path, tmp_path: Path) -> None:
    forged = record(7)
    forged["questions"][0]["grade"] = "outstanding" if forged["questions"][0]["grade"] != "outstanding" else "good"
    path = tmp_path / "forged.json"
    path.write_text(render_record(forged), encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text('{"schema": "something else"}', encoding="utf-8")
    ran = audit("append", log, write_record(tmp_path, 8), path, other)
    assert ran.exit_code == 1
    assert "forged.json" in ran.output and "the seal does not match the record's content" in ran.output
    assert "other.json" in ran.output and "2 records refused; nothing was appended." in ran.output
    assert audit("verify", log).output.startswith("intact: 5 entries")


def test_files_that_are_not_logs_are_refused_cleanly(tmp_path: Path) -> None:
    (tmp_path / "text.db").write_text("not a database at all\n")
    (tmp_path / "empty.db").write_bytes(b"")
    (tmp_path / "short.db").write_bytes(b"SQLite")
    other = tmp_path / "other.db"
    _sql(other, "CREATE TABLE notes (body TEXT)")
    newer = tmp_path / "newer.db"
    assert audit("append", newer, write_record(tmp_path, 0)).exit_code == 0
    _sql(newer, "UPDATE meta SET value = '2' WHERE key = 'version'")
    for name, code, words in (("missing.db", 2, "FILE_NOT_FOUND"), (".", 2, "NOT_A_FILE"),
                              ("text.db", 3, "not an SQLite database"), ("empty.db", 3, "the file is empty"),
                              ("short.db", 3, "shorter than SQLite's header"),
                              ("other.db", 3, "it has no judgment log tables"),
                              ("newer.db", 2, "format version 2, written by a newer judgment")):
        ran = audit("verify", tmp_path / name)
        assert ran.exit_code == code, (name, ran.output)
        assert words in ran.output and "Traceback" not in ran.output, (name, ran.output)
        shown = audit("show", tmp_path / name)
        assert shown.exit_code == 2 and words in shown.output and "Traceback" not in shown.output, name
    refused = audit("append", other, write_record(tmp_path, 1))
    assert refused.exit_code == 2 and "it has no judgment log tables" in refused.output
    with closing(sqlite3.connect(other)) as connection:  # Python 3.13 warns of one left to the collector
        assert connection.execute("SELECT name FROM sqlite_master").fetchall() == [("notes",)]


def test_deleting_inserting_or_reordering_an_entry_is_caught(log: Path, tmp_path: Path) -> None:
    cases = {
        "delete 3": ["DELETE FROM entries WHERE sequence = 3"],
        "delete last": ["DELETE FROM entries WHERE sequence = 5"],
        "insert at the end": ["INSERT INTO entries SELECT 6, record, seal, organisation, inspection_date, "
                              "appended_at, previous_hash, lower(hex(randomblob(32))) FROM entries WHERE sequence = 2"],
        "insert in the middle": ["UPDATE entries SET sequence = sequence + 10 WHERE sequence >= 3",
                                 "UPDATE entries SET sequence = sequence - 9 WHERE sequence >= 13",
                                 "INSERT INTO entries SELECT 3, record, seal, organisation, inspection_date, "
                                 "appended_at, previous_hash, lower(hex(randomblob(32))) FROM entries "
                                 "WHERE sequence = 2"],
        "swap 2 and 4": ["UPDATE entries SET sequence = -2 WHERE sequence = 2",
                         "UPDATE entries SET sequence = 2 WHERE sequence = 4",
                         "UPDATE entries SET sequence = 4 WHERE sequence = -2"],
    }
    expected = {"delete 3": "entry 3: its place holds entry 4", "delete last": "the head counts 5 entries but the "
                "log holds 4", "insert at the end": "entry 6: its link is broken", "insert in the middle": "entry 3: its link is broken",
                "swap 2 and 4": "entry 2: its link is broken"}
    for name, statements in cases.items():
        copy = tmp_path / f"{name}.db"
        copy.write_bytes(log.read_bytes())
        _sql(copy, *statements)
        ran = audit("verify", copy)
        assert ran.exit_code == 3 and ran.output.startswith(f"broken: {expected[name]}"), (name, ran.output)


def test_truncating_the_file_is_caught_cleanly(tmp_path: Path) -> None:
    log = tmp_path / "audit.db"
    assert audit("append", log, *(write_record(tmp_path, n) for n in range(20))).exit_code == 0
    data = log.read_bytes()
    sizes = sorted({0, 1, 15, 16, 50, 99, 100, 101, 512, 4095, 4096, 4097, len(data) // 3, len(data) // 2,
                    len(data) - 4096, len(data) - 1, *range(8192, len(data), 4096 * 3)})
    for size in sizes:
        cut = tmp_path / f"cut-{size}.db"
        cut.write_bytes(data[:size])
        ran = audit("verify", cut)
        assert ran.exit_code == 3, (size, ran.output)
        assert ran.output.startswith("broken: ") or "is not an intact judgment audit log" in ran.output, size
        assert "Traceback" not in ran.output and "internal error" not in ran.output, (size, ran.output)


def test_truncating_at_a_page_with_the_header_made_to_agree_is_caught(tmp_path: Path) -> None:
    """The header's page count rewritten to the pages left: SQLite finds its own pages missing."""
    log = tmp_path / "audit.db"
    assert audit("append", log, *(write_record(tmp_path, n) for n in range(20))).exit_code == 0
    data = log.read_bytes()
    for pages in range(1, len(data) // 4096):
        cut = bytearray(data[:pages * 4096])
        cut[28:32] = pages.to_bytes(4, "big")
        path = tmp_path / f"pages-{pages}.db"
        path.write_bytes(bytes(cut))
        ran = audit("verify", path)
        assert ran.exit_code == 3 and ("damaged" in ran.output or "truncated" in ran.output), (pages, ran.output)


def test_a_truncated_log_is_refused_without_a_traceback_from_the_command(tmp_path: Path) -> None:
    log = tmp_path / "audit.db"
    assert audit("append", log, *(write_record(tmp_path, n) for n in range(8))).exit_code == 0
    log.write_bytes(log.read_bytes()[:len(log.read_bytes()) // 2])
    ran = subprocess.run([sys.executable, "-m", "judgment", "audit", "verify", str(log)], capture_output=True,
                         text=True, timeout=120, check=False)
    assert ran.returncode == 3 and "Traceback" not in ran.stderr and "internal error" not in ran.stderr
    assert "audit.db" in ran.stdout + ran.stderr


def test_a_published_head_holds_after_appends_and_fails_after_a_rewrite(log: Path, tmp_path: Path) -> None:
    published = audit("head", log).output.strip()
    assert "nothing was appended since" in audit("verify", log, "--head", published).output
    assert audit("append", log, write_record(tmp_path, 10)).exit_code == 0
    assert "the published head is entry 5 of 6: the log up to it is unchanged, and 1 entry was appended since" in \
        audit("verify", log, "--head", published).output
    assert audit("append", log, write_record(tmp_path, 11)).exit_code == 0
    ran = audit("verify", log, "--head", published)
    assert ran.exit_code == 0 and "the published head is entry 5 of 7" in ran.output
    assert "and 2 entries were appended since" in ran.output
    _rewrite(log, 3, record(30))
    assert audit("verify", log).exit_code == 0  # rebuilt by someone who can write the file: only the head shows it
    ran = audit("verify", log, "--head", published)
    assert ran.exit_code == 3 and "is not on this log's chain" in ran.output
    assert audit("verify", log, "--head", "xyz").exit_code == 2


def test_deleting_the_last_entry_and_its_head_shows_only_against_a_published_head(log: Path) -> None:
    published = audit("head", log).output.strip()
    connection = sqlite3.connect(log)
    with connection:
        last = connection.execute("SELECT entry_hash FROM entries WHERE sequence = 4").fetchone()[0]
        connection.execute("DELETE FROM entries WHERE sequence = 5")
        connection.execute("UPDATE head SET count = 4, hash = ?", (last,))
    connection.close()
    assert audit("verify", log).exit_code == 0
    assert audit("verify", log, "--head", published).exit_code == 3


def test_run_appends_its_record_to_an_audit_log(tmp_path: Path) -> None:
    log = tmp_path / "audit.db"
    bundle = Path(__file__).resolve().parents[1] / "examples" / "derbyshire-2014.yaml"
    for _ in range(2):
        ran = subprocess.run([sys.executable, "-m", "judgment", "run", str(bundle), "--rules", str(TINY), "--any-date",
                              "--audit", str(log)],
                             capture_output=True, text=True, timeout=120, check=False)
        assert ran.returncode == 0, ran.stderr
    assert audit("verify", log).output.startswith("intact: 2 entries")
    shown = json.loads(audit("show", log, "--format", "json").output)
    assert [e["organisation"] for e in shown] == ["Derbyshire Constabulary"] * 2


def _rewrite(log: Path, sequence: int, new_record: dict[str, Any]) -> None:
    """What someone who can write the file and read this code can do: replace an entry's record and
    compute every hash after it again, head included."""
    connection = sqlite3.connect(log)
    meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    rows = connection.execute("SELECT sequence, record, seal, organisation, inspection_date, appended_at "
                              "FROM entries ORDER BY sequence").fetchall()
    previous = genesis(meta)
    with connection:
        for number, data, seal, organisation, date, appended_at in rows:
            if number == sequence:
                data, seal = canonical(new_record), new_record["seal"]
                organisation, date = new_record["inspection"]["organisation"], new_record["inspection"]["date"]
            made = entry_hash(number, previous, data, seal, organisation, date, appended_at)
            connection.execute("UPDATE entries SET record = ?, seal = ?, organisation = ?, inspection_date = ?, "
                               "previous_hash = ?, entry_hash = ? WHERE sequence = ?",
                               (data, seal, organisation, date, previous, made, number))
            previous = made
        connection.execute("UPDATE head SET hash = ?", (previous,))
    connection.close()


def test_a_public_key_requires_every_record_signed_by_it(tmp_path: Path) -> None:
    from judgment._records._sign import load_private_key, sign_record, write_key_pair

    write_key_pair(tmp_path / "key", tmp_path / "key.pub")
    key = load_private_key(tmp_path / "key")
    signed = tmp_path / "signed.json"
    signed.write_text(render_record(sign_record(record(1), key)), encoding="utf-8")
    log = tmp_path / "audit.db"
    assert audit("append", log, signed, "--public-key", tmp_path / "key.pub").exit_code == 0
    refused = audit("append", log, write_record(tmp_path, 2), "--public-key", tmp_path / "key.pub")
    assert refused.exit_code == 1 and "signature not valid: the record is not signed" in refused.output
    assert audit("append", log, write_record(tmp_path, 2)).exit_code == 0
    assert audit("verify", log, "--public-key", tmp_path / "key.pub").output == (
        "broken: entry 2: its record is intact but its signature not valid: the record is not signed\n")
    assert audit("verify", log, "--public-key", tmp_path / "key.pub").exit_code == 7
    assert audit("verify", log).exit_code == 0
