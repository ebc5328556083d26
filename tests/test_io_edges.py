"""Reading at the edges (issue 12, points 7 and 9): every file is read through one bounded reader that
accepts only regular files, never blocks on a FIFO, never reads a device for ever, and a rulebook reads
nothing outside its own folder (links that leave it, test-case bundles elsewhere) unless the user allows it.

Commands that would hang or grow without bound on the old code run in a subprocess with a timeout and a
cap on their address space, so a regression fails the test instead of taking the machine down."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import judgment
from conftest import DERBYSHIRE, ROOT, RULES
from judgment._cases import run_cases
from judgment._io import read_bounded
from judgment._io._yaml import LoadFailure

TINY = ROOT / "examples" / "rulebooks" / "tiny"
LIMITED = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "
           "sys.argv[0] = 'judgment'; from judgment.__main__ import main; main()")


def cli(*args: object) -> subprocess.CompletedProcess[str]:
    """The command line, with 2 GiB of address space and 60 seconds at most."""
    return subprocess.run([sys.executable, "-c", LIMITED, *map(str, args)], capture_output=True, text=True,
                          timeout=60, check=False)


def test_a_device_is_not_read_as_a_bundle() -> None:
    result = cli("run", "/dev/zero", "--rules", RULES)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "/dev/zero: error: NOT_A_FILE" in result.stderr


def test_a_fifo_bundle_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "bundle.yaml"
    os.mkfifo(fifo)
    result = cli("run", fifo, "--rules", RULES)
    assert result.returncode == 2
    assert f"{fifo}: error: NOT_A_FILE" in result.stderr


def test_a_link_to_a_device_is_refused_for_what_it_points_at(tmp_path: Path) -> None:
    link = tmp_path / "bundle.json"
    link.symlink_to("/dev/urandom")
    result = cli("run", link, "--rules", RULES)
    assert result.returncode == 2 and "NOT_A_FILE" in result.stderr


def test_a_regular_file_that_stat_calls_empty_is_read_only_to_the_limit() -> None:
    # /proc files are regular files whose stat size is 0: the limit must hold for what is read.
    with pytest.raises(LoadFailure) as caught:
        read_bounded(Path("/proc/self/maps"), "maps", max_bytes=10)
    assert caught.value.diagnostic.code == "FILE_TOO_LARGE"
    assert caught.value.diagnostic.message == "file is more than 10 bytes; the limit is 10"


def test_the_reader_returns_the_bytes_of_a_file_within_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 10)
    assert read_bounded(path, "a.yaml", max_bytes=10) == b"x" * 10
    with pytest.raises(LoadFailure) as caught:
        read_bounded(path, "a.yaml", max_bytes=9)
    assert caught.value.diagnostic.code == "FILE_TOO_LARGE"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(LoadFailure) as caught:
        read_bounded(tmp_path, "here", max_bytes=10)
    assert caught.value.diagnostic.code == "NOT_A_FILE"


def tiny_copy(tmp_path: Path) -> Path:
    rules = tmp_path / "tiny"
    shutil.copytree(TINY, rules)
    return rules


def test_a_rule_file_linked_outside_the_rulebook_is_refused_unread(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:the secret line\n", encoding="utf-8")
    rules = tiny_copy(tmp_path)
    (rules / "leak.yaml").symlink_to(secret)
    with pytest.raises(judgment.RuleFileError) as caught:
        judgment.load_rulebook(rules)
    rendered = caught.value.render()
    assert [d.code for d in caught.value.diagnostics] == ["OUTSIDE_FOLDER"]
    assert f"{rules}/leak.yaml: error: OUTSIDE_FOLDER" in rendered
    assert "secret line" not in rendered


def test_check_does_not_print_a_linked_system_file(tmp_path: Path) -> None:
    rules = tiny_copy(tmp_path)
    (rules / "passwd.yaml").symlink_to("/etc/passwd")
    result = cli("check", rules)
    assert result.returncode == 1
    assert "OUTSIDE_FOLDER" in result.stderr and "root:" not in result.stderr + result.stdout


def test_a_link_inside_the_rulebook_is_followed(tmp_path: Path) -> None:
    rules = tiny_copy(tmp_path)
    (rules / "kept").mkdir()
    (rules / "findings.yaml").rename(rules / "kept" / "findings.txt")
    (rules / "findings.yaml").symlink_to(Path("kept") / "findings.txt")
    assert judgment.load_rulebook(rules).findings


def test_a_rulebook_reached_through_a_link_is_read(tmp_path: Path) -> None:
    rules = tiny_copy(tmp_path)
    (tmp_path / "linked").symlink_to(rules)
    assert judgment.load_rulebook(tmp_path / "linked").findings


def cases_copy(tmp_path: Path, bundle: str) -> Path:
    """The shipped rulebook with one test case that starts from `bundle`."""
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    shutil.rmtree(rules / "tests")
    (rules / "tests").mkdir()
    (rules / "tests" / "cases.yaml").write_text(
        f"bundle: {bundle}\ncases:\n  - name: one\n    expect: {{overall: null}}\n", encoding="utf-8")
    return rules


@pytest.mark.parametrize("bundle", ["/dev/zero", "/etc/passwd"])
def test_a_case_bundle_outside_the_rulebook_is_refused(tmp_path: Path, bundle: str) -> None:
    result = cli("test", cases_copy(tmp_path, bundle))
    assert result.returncode == 1, result.stderr[-2000:]
    assert "tests/cases.yaml:1:9: error: OUTSIDE_FOLDER" in result.stderr
    assert "root:" not in result.stderr + result.stdout


def test_allow_outside_lets_a_case_start_from_any_regular_file(tmp_path: Path) -> None:
    rules = cases_copy(tmp_path, str(DERBYSHIRE))
    assert cli("test", rules, "--allow-outside").returncode == 0
    outcomes, _ = run_cases(judgment.load_rulebook(rules), rules, allow_outside=True)
    assert [o.problems for o in outcomes] == [[]]
    devices = cli("test", cases_copy(tmp_path / "again", "/dev/zero"), "--allow-outside")
    assert devices.returncode == 1 and "refused with NOT_A_FILE" in devices.stdout


def test_a_fifo_case_file_or_case_bundle_does_not_block(tmp_path: Path) -> None:
    rules = cases_copy(tmp_path, "waiting.yaml")
    os.mkfifo(rules / "tests" / "waiting.yaml")
    result = cli("test", rules)
    assert result.returncode in (1, 2)
    assert "NOT_A_FILE" in result.stderr + result.stdout
