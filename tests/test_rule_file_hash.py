"""The recorded hash is of the bytes parsed (issue 13, point 9).

A rule file once was hashed from a second read, so a file changed between the reads was recorded with
the hash of content that was never judged. Here the file on disk is changed right after the loader has
read it: the rulebook, and a decision record made from it, must carry the hash of what was parsed.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

import judgment
from conftest import RULES
from judgment import Bundle
from judgment._io._read import read_bounded
from judgment._records._record import build_record
from judgment._rulebook import _files
from judgment._rulebook._files import rulebook_hash
from judgment._rulebook._model import RuleFile


def test_the_hash_is_of_the_bytes_parsed_though_the_file_changes_after_the_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, derbyshire: Bundle) -> None:
    root = tmp_path / "rules"
    shutil.copytree(RULES, root)
    parsed: dict[str, bytes] = {}
    def read_then_change(path: Path | str, display: str, max_bytes: int) -> bytes:
        data = read_bounded(path, display, max_bytes)
        parsed[Path(path).relative_to(root).as_posix()] = data
        Path(path).write_bytes(data + b"\n# changed on disk after it was read\n")  # never parsed
        return data

    monkeypatch.setattr(_files, "read_bounded", read_then_change)
    rulebook = judgment.load_rulebook(root)

    assert parsed and {f.path for f in rulebook.files} == set(parsed)
    expected = {path: hashlib.sha256(data).hexdigest() for path, data in parsed.items()}
    assert {f.path: f.sha256 for f in rulebook.files} == expected
    on_disk = {path: hashlib.sha256((root / path).read_bytes()).hexdigest() for path in parsed}
    assert all(on_disk[path] != expected[path] for path in parsed)  # the change really happened
    assert rulebook.sha256 == rulebook_hash([RuleFile(p, h) for p, h in expected.items()])

    record = build_record(judgment.judge(rulebook, derbyshire), rulebook, derbyshire)
    assert record["rulebook"]["sha256"] == rulebook.sha256
    assert {f["path"]: f["sha256"] for f in record["rulebook"]["files"]} == expected


def test_a_folder_vocabulary_is_built_from_the_bytes_hashed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The vocabulary file named in rulebook.yaml is part of the rulebook hash: the vocabulary the
    rulebook judges with must be built from those same bytes, never from a second read."""
    root = tmp_path / "rules"
    shutil.copytree(Path(__file__).parent / "data" / "rulebooks" / "school-yaml", root)
    vocabulary_file = root / "vocabulary.yaml"
    original = vocabulary_file.read_bytes()
    marker = b"title: "
    assert marker in original

    def read_then_change(path: Path | str, display: str, max_bytes: int) -> bytes:
        data = read_bounded(path, display, max_bytes)
        if Path(path).name == "vocabulary.yaml":  # another title, and the id the rulebook names changed
            Path(path).write_bytes(data.replace(b"id: school-visits", b"id: school-visits-changed", 1))
        return data

    monkeypatch.setattr(_files, "read_bounded", read_then_change)
    rulebook = judgment.load_rulebook(root)
    recorded = {f.path: f.sha256 for f in rulebook.files}
    assert recorded["vocabulary.yaml"] == hashlib.sha256(original).hexdigest()
    assert vocabulary_file.read_bytes() != original  # the change really happened
    assert rulebook.vocabulary.id == "school-visits"
