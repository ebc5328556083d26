"""FILE_NOT_FOUND says in its message which file or folder it could not read (issue 15, point 7).

The location names it too, but a message read alone (a log line, `str(error)` cut short, the JSON of a
batch line) must still say which path was meant.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import judgment
from judgment.evidence import load_vocabulary


def _diagnostic(load: Callable[[], object]) -> judgment.Diagnostic:
    with pytest.raises(judgment.InputFileError) as caught:
        load()
    (found,) = caught.value.diagnostics
    assert found.code == "FILE_NOT_FOUND"
    return found


def test_a_missing_bundle_is_named_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "absent-bundle.yaml"
    assert "absent-bundle.yaml" in _diagnostic(lambda: judgment.load_bundle(path)).message


def test_a_missing_rulebook_folder_is_named_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "absent-rules"
    assert "absent-rules" in _diagnostic(lambda: judgment.load_rulebook(path)).message


def test_a_rulebook_folder_without_its_main_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "bare-rules").mkdir()
    message = _diagnostic(lambda: judgment.load_rulebook(tmp_path / "bare-rules")).message
    assert "bare-rules" in message and "rulebook.yaml" in message


def test_a_missing_vocabulary_file_is_named_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "absent-vocabulary.yaml"
    assert "absent-vocabulary.yaml" in _diagnostic(lambda: load_vocabulary(path)).message


def test_a_missing_record_is_named_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "absent-record.json"
    assert "absent-record.json" in _diagnostic(lambda: judgment.verify_record(path)).message
