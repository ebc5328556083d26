"""Reading a record is strict and bounded: anything that is not plainly a decision record is
exit 3, "not a decision record", with a clean message and never an internal error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DERBYSHIRE, RULES
from judgment._records._read import MAX_RECORD_BYTES, NotARecord, read_record


def cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.fixture(scope="module")
def record_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("record") / "record.json"
    result = cli("run", DERBYSHIRE, "--rules", RULES, "--record", path)
    assert result.returncode == 0, result.stderr
    return path.read_bytes()


def refused(tmp_path: Path, raw: bytes, says: str) -> None:
    path = tmp_path / "record.json"
    path.write_bytes(raw)
    result = cli("verify", path)
    assert result.returncode == 3, result
    assert result.stdout.startswith("not a decision record: "), result.stdout
    assert says in result.stdout, result.stdout
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_a_duplicate_key_placed_first_is_refused(record_bytes: bytes, tmp_path: Path) -> None:
    raw = record_bytes.replace(b'"grade": "good",', b'"grade": "inadequate", "grade": "good",', 1)
    assert raw != record_bytes
    refused(tmp_path, raw, "duplicate key 'grade'")


def test_invalid_utf8_is_refused_with_its_offset(record_bytes: bytes, tmp_path: Path) -> None:
    position = record_bytes.index(b"Derbyshire")
    refused(tmp_path, record_bytes[:position] + b"\xff" + record_bytes[position + 1:], f"byte {position}")


def test_byte_flips_give_a_clean_outcome_never_an_internal_error(record_bytes: bytes, tmp_path: Path) -> None:
    from judgment._records._verify import verify

    path = tmp_path / "record.json"
    for position in range(0, len(record_bytes), len(record_bytes) // 40):
        for flipped in (0xFF, 0x80, ord("{"), ord("0")):
            raw = bytearray(record_bytes)
            if raw[position] == flipped:
                continue
            raw[position] = flipped
            path.write_bytes(bytes(raw))
            assert verify(path).exit_code == 3, (position, flipped)


def test_deep_nesting_is_refused_without_recursion(tmp_path: Path) -> None:
    refused(tmp_path, b"[" * 100_000 + b"]" * 100_000, "nested deeper than")
    refused(tmp_path, b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nested deeper than")


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    path.write_text(json.dumps({"text": "[" * 10_000 + '\\"{'}), encoding="utf-8")
    assert read_record(path) == {"text": "[" * 10_000 + '\\"{'}


@pytest.mark.parametrize("number", [b"1152921504606846976", b"9007199254740992", b"-9007199254740992", b"9" * 5000])
def test_integers_beyond_2_53_are_refused(record_bytes: bytes, tmp_path: Path, number: bytes) -> None:
    raw = record_bytes.replace(b'"incidents": 46766', b'"incidents": ' + number, 1)
    refused(tmp_path, raw, "integer")


@pytest.mark.parametrize("number", [b"NaN", b"Infinity", b"-Infinity", b"1e400"])
def test_non_finite_numbers_are_refused(record_bytes: bytes, tmp_path: Path, number: bytes) -> None:
    raw = record_bytes.replace(b'"incidents": 46766', b'"incidents": ' + number, 1)
    refused(tmp_path, raw, "number")


def test_a_lone_surrogate_is_refused(record_bytes: bytes, tmp_path: Path) -> None:
    raw = record_bytes.replace(b'"organisation": "Derbyshire', b'"organisation": "\\ud800Derbyshire', 1)
    refused(tmp_path, raw, "surrogate")


def test_json_that_is_not_an_object_or_not_json_is_refused(tmp_path: Path) -> None:
    refused(tmp_path, b"[1, 2]", "a JSON object")
    refused(tmp_path, b"{not json", "line 1")
    refused(tmp_path, b"", "line 1")


def test_a_record_that_is_too_large_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_RECORD_BYTES + 1)  # sparse: costs no disk
    result = cli("verify", path)
    assert result.returncode == 3 and "larger than" in result.stdout, result


def test_a_fifo_or_a_device_is_not_a_record(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        result = cli("verify", path)
        assert result.returncode == 3 and "not a regular file" in result.stdout, result
