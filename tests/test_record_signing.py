"""Signed records: `judgment keygen`, `judgment run --sign`, `judgment verify --public-key`.

A seal anyone can recompute; a signature only the holder of the private key can make.
"""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DERBYSHIRE, RULES
from judgment._records._record import render_record, seal_of


def cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("keys")
    made = {}
    for name in ("ours", "theirs"):
        result = cli("keygen", folder / f"{name}.key")
        assert result.returncode == 0, result
        made[name], made[f"{name}.pub"] = folder / f"{name}.key", folder / f"{name}.key.pub"
    return made


@pytest.fixture(scope="module")
def signed(keys: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("signed") / "record.json"
    result = cli("run", DERBYSHIRE, "--rules", RULES, "--record", path, "--sign", keys["ours"])
    assert result.returncode == 0, result
    return path


def test_keygen_writes_a_private_key_only_its_owner_reads_and_a_public_key(keys: dict[str, Path]) -> None:
    assert stat.S_IMODE(keys["ours"].stat().st_mode) == 0o600
    assert keys["ours"].read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert keys["ours.pub"].read_text().startswith("-----BEGIN PUBLIC KEY-----")


def test_keygen_refuses_to_overwrite(keys: dict[str, Path], tmp_path: Path) -> None:
    before = keys["ours"].read_bytes()
    result = cli("keygen", keys["ours"], "--public", tmp_path / "new.pub")
    assert result.returncode == 2 and "already exists" in result.stderr, result
    assert keys["ours"].read_bytes() == before and not (tmp_path / "new.pub").exists()
    custom = tmp_path / "k"
    assert cli("keygen", custom, "--public", tmp_path / "elsewhere.pem").returncode == 0
    assert (tmp_path / "elsewhere.pem").is_file()


def test_a_signed_record_verifies_with_its_public_key(signed: Path, keys: dict[str, Path]) -> None:
    record = json.loads(signed.read_text(encoding="utf-8"))
    assert record["signature"]["algorithm"] == "ed25519"
    assert len(record["signature"]["key_id"]) == 64
    result = cli("verify", signed, "--public-key", keys["ours.pub"])
    assert result.returncode == 0, result
    assert result.stdout.startswith("identical") and "signed by key " in result.stdout, result.stdout


def test_without_a_public_key_the_signature_is_said_not_to_be_checked(signed: Path) -> None:
    result = cli("verify", signed)
    assert result.returncode == 0, result
    assert "signature not checked" in result.stdout, result.stdout


def test_a_record_edited_and_resealed_fails_its_signature(signed: Path, keys: dict[str, Path],
                                                          tmp_path: Path) -> None:
    record = json.loads(signed.read_text(encoding="utf-8"))
    record["timestamp"] = "1999-01-01T00:00:00+00:00"  # the one field replay cannot check
    record["seal"] = seal_of(record)
    forged = tmp_path / "forged.json"
    forged.write_text(render_record(record), encoding="utf-8")
    assert cli("verify", forged).returncode == 0  # unsigned checks cannot tell...
    result = cli("verify", forged, "--public-key", keys["ours.pub"])
    assert result.returncode == 7, result  # ...the signature can
    assert result.stdout.startswith("signature not valid: "), result.stdout


def test_another_key_is_not_accepted(signed: Path, keys: dict[str, Path]) -> None:
    result = cli("verify", signed, "--public-key", keys["theirs.pub"])
    assert result.returncode == 7, result
    assert "signed by another key" in result.stdout, result.stdout


def test_an_unsigned_record_fails_when_a_key_is_required(keys: dict[str, Path], tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    assert cli("run", DERBYSHIRE, "--rules", RULES, "--record", path).returncode == 0
    result = cli("verify", path, "--public-key", keys["ours.pub"])
    assert result.returncode == 7 and "the record is not signed" in result.stdout, result


def test_a_signature_moved_to_another_record_fails(signed: Path, keys: dict[str, Path], tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    assert cli("run", DERBYSHIRE, "--rules", RULES, "--record", other, "--any-date").returncode == 0
    record = json.loads(other.read_text(encoding="utf-8"))
    record["signature"] = json.loads(signed.read_text(encoding="utf-8"))["signature"]
    other.write_text(render_record(record), encoding="utf-8")
    result = cli("verify", other, "--public-key", keys["ours.pub"])
    assert result.returncode == 7, result


def test_a_bad_key_file_is_a_clean_error(tmp_path: Path, keys: dict[str, Path]) -> None:
    junk = tmp_path / "junk.key"
    junk.write_text("not a key\n")
    result = cli("run", DERBYSHIRE, "--rules", RULES, "--format", "json", "--sign", junk)
    assert result.returncode == 2 and "not an Ed25519 private key" in result.stderr and not result.stdout, result
    result = cli("run", DERBYSHIRE, "--rules", RULES, "--format", "json", "--sign", keys["ours.pub"])
    assert result.returncode == 2 and "not an Ed25519 private key" in result.stderr, result
    result = cli("verify", tmp_path / "none.json", "--public-key", junk)
    assert result.returncode == 2, result
    assert "internal error" not in result.stderr


def test_sign_needs_a_record_to_sign() -> None:
    result = cli("run", DERBYSHIRE, "--rules", RULES, "--sign", "whatever.key")
    assert result.returncode == 2 and "--sign" in result.stderr, result
