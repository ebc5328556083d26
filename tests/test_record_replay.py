"""`verify` regenerates the whole record: a forged record, resealed, is never "identical".

The seal is an unkeyed SHA-256, so anyone can edit a record and seal it again. What
verify can still promise is that "identical" means: this record is exactly what
`judgment run` makes of the evidence it embeds and the rulebook, apart from the
timestamp (and the seal, and a signature). Each forgery below recomputes the
evidence hash and the seal, as a forger would.
"""

from __future__ import annotations

import copy
import shutil
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import judgment
from _engines import DURABLE, ENGINE_HERE
from conftest import DERBYSHIRE, RULES
from judgment._records import _verify
from judgment._records._record import build_record, canonical, render_record, seal_of, sha256

STAMP = "2026-01-01T00:00:00+00:00"
Path_ = tuple[str | int, ...]


def cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.fixture(scope="module")
def original(rulebook: judgment.Rulebook, derbyshire: judgment.Bundle) -> dict[str, Any]:
    made = build_record(judgment.judge(rulebook, derbyshire), rulebook, derbyshire, timestamp=STAMP)
    return dict(json.loads(render_record(made)))


@pytest.fixture(autouse=True, scope="module")
def rulebook_loaded_once(rulebook: judgment.Rulebook) -> Iterator[None]:
    """The shipped rulebook is never edited here: load it once, so that hundreds of replays stay fast."""
    from judgment._rulebook._loader import load_rulebook as real

    def cached(path: str | Path) -> judgment.Rulebook:
        return rulebook if Path(path) == RULES else real(path)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_verify, "load_rulebook", cached)
        yield


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("forged")


def reseal(record: dict[str, Any]) -> dict[str, Any]:
    """What a forger does after editing: the evidence hash and the seal made to match again."""
    record["evidence"]["sha256"] = sha256(canonical(record["evidence"]["bundle"]))
    record["seal"] = seal_of(record)
    return record


def forged(original: dict[str, Any], edit: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    record = copy.deepcopy(original)
    edit(record)
    return reseal(record)


def write(tmp_path: Path, record: dict[str, Any], name: str = "record.json") -> Path:
    path = tmp_path / name
    path.write_text(render_record(record), encoding="utf-8")
    return path


def leaves(value: Any, where: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    if isinstance(value, dict):
        for key in sorted(value):
            yield from leaves(value[key], (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, (*where, index))
    else:
        yield where, value


def set_at(record: dict[str, Any], where: Path_, value: Any) -> None:
    container: Any = record
    for step in where[:-1]:
        container = container[step]
    container[where[-1]] = value


def all_inadequate(record: dict[str, Any]) -> None:
    for question in record["questions"]:
        question["grade"], question["label"], question["findings"] = "inadequate", "Inadequate", []
    record["recommendations"] = []
    record["rulebook"]["path"] = ""


def test_all_grades_inadequate_with_no_rulebook_path_could_not_be_replayed(original: dict[str, Any],
                                                                            tmp_path: Path) -> None:
    result = cli("verify", write(tmp_path, forged(original, all_inadequate)))
    assert result.returncode == 6, result
    assert result.stdout.startswith("could not replay: the record names no rulebook folder"), result.stdout
    assert "identical" not in result.stdout


def test_all_grades_inadequate_verified_with_rules_names_every_difference(original: dict[str, Any],
                                                                         tmp_path: Path) -> None:
    result = cli("verify", write(tmp_path, forged(original, all_inadequate)), "--rules", RULES)
    assert result.returncode == 1, result
    for question in original["questions"]:
        assert f'questions[{question["id"]}].grade: "inadequate" -> "good"' in result.stdout, result.stdout
    assert "recommendations: [] -> [" in result.stdout


def test_an_embedded_record_of_an_unknown_kind_could_not_be_replayed(original: dict[str, Any],
                                                                    tmp_path: Path) -> None:
    def bad_kind(record: dict[str, Any]) -> None:
        record["evidence"]["bundle"]["records"][0]["kind"] = "no_such_kind"

    path = write(tmp_path, forged(original, bad_kind))
    for extra in ((), ("--rules", RULES)):
        result = cli("verify", path, *extra)
        assert result.returncode == 6, result
        assert result.stdout.startswith("could not replay: the evidence in the record is not valid"), result.stdout


def test_a_missing_rulebook_folder_could_not_be_replayed(original: dict[str, Any], tmp_path: Path) -> None:
    def elsewhere(record: dict[str, Any]) -> None:
        record["rulebook"]["path"] = str(tmp_path / "gone")

    found = _verify.verify(write(tmp_path, forged(original, elsewhere)))
    assert found.exit_code == _verify.COULD_NOT_REPLAY
    assert "cannot read the rulebook" in found.render()


OTHER_ENGINE = "compiled" if DURABLE else "durable_rules"


@pytest.mark.parametrize(("where", "value", "code", "shown"), [
    (("questions", 0, "findings", 0, "text"), "A forged text.", 1, "questions[reducing_crime].findings[0].text"),
    (("questions", 1, "findings", 0, "polarity"), "area_for_improvement", 1, ".findings[0].polarity"),
    (("quotes", 0, "quote"), "Never said.", 1, "quotes[asb-incidents].quote"),
    # the other engine's name, with this one's cross-check: no judgment anywhere makes that pair
    (("engine",), OTHER_ENGINE, 1, f'engine: "{OTHER_ENGINE}" -> "{ENGINE_HERE[0]}"'),
    (("inspection", "organisation"), "Nowhere Police", 1, "inspection.organisation"),
    (("rulebook", "version"), "9.9", 4, "rulebook.version"),
    (("versions", "judgment"), "0.0.1", 1, "versions.judgment"),
])
def test_a_single_resealed_edit_is_reported_at_its_place(original: dict[str, Any], tmp_path: Path,
                                                        where: Path_, value: Any, code: int, shown: str) -> None:
    found = _verify.verify(write(tmp_path, forged(original, lambda r: set_at(r, where, value))))
    assert found.exit_code == code, found.render()
    assert shown in found.render()


def test_an_untouched_record_is_identical_and_a_flipped_any_date_is_what_run_makes(
        original: dict[str, Any], rulebook: judgment.Rulebook, derbyshire: judgment.Bundle, tmp_path: Path) -> None:
    assert _verify.verify(write(tmp_path, original)).exit_code == 0
    flipped = forged(original, lambda r: set_at(r, ("options", "any_date"), True))
    made = build_record(judgment.judge(rulebook, derbyshire, any_date=True), rulebook, derbyshire,
                        any_date=True, timestamp=STAMP)
    assert flipped == json.loads(render_record(made))  # so "identical" is the truth for this one
    assert _verify.verify(write(tmp_path, flipped)).exit_code == 0


def replacement(value: Any) -> st.SearchStrategy[Any]:
    """Another value of the same JSON type (a change of type is refused earlier, as not a record)."""
    if isinstance(value, bool):
        return st.just(not value)
    if isinstance(value, int):
        return st.integers(-(2**53) + 1, 2**53 - 1).filter(lambda v: v != value)
    if isinstance(value, float):
        return st.floats(allow_nan=False, allow_infinity=False).filter(lambda v: v != value)
    if isinstance(value, str):
        return st.text(max_size=20).filter(lambda v: v != value)
    return st.one_of(st.text(max_size=5), st.integers(0, 9))  # None: anything else


def editable(record: dict[str, Any]) -> list[Path_]:
    """Every leaf but the timestamp (by design not compared), the seal and the evidence hash (which
    `reseal` computes again, undoing any edit); `options.any_date` is tested above: flipped, the
    record is what `run --any-date` makes."""
    fixed = {("timestamp",), ("seal",), ("evidence", "sha256"), ("options", "any_date")}
    return [where for where, _ in leaves(record) if where not in fixed]


@given(data=st.data())
def test_no_single_resealed_edit_anywhere_verifies_as_identical(original: dict[str, Any], scratch: Path,
                                                               data: st.DataObject) -> None:
    where = data.draw(st.sampled_from(editable(original)), label="where")
    value = data.draw(replacement(dict(leaves(original))[where]), label="value")
    path = write(scratch, forged(original, lambda r: set_at(r, where, value)))
    found = _verify.verify(path, bundle=DERBYSHIRE)
    assert found.exit_code != 0, (where, value, found.render())
    if where[:2] != ("evidence", "bundle"):  # outside the evidence, the record alone is enough to tell
        assert _verify.verify(path).exit_code != 0, (where, value)


@pytest.mark.slow
def test_every_leaf_of_the_derbyshire_record_edited_and_resealed_is_caught(original: dict[str, Any],
                                                                          tmp_path: Path) -> None:
    missed = []
    values = dict(leaves(original))
    for where in editable(original):
        old = values[where]
        new = (not old if isinstance(old, bool) else old + 1 if isinstance(old, (int, float))
               else old + "x" if isinstance(old, str) else "x")
        path = write(tmp_path, forged(original, lambda r: set_at(r, where, new)))
        if _verify.verify(path, bundle=DERBYSHIRE).exit_code == 0:
            missed.append(where)
    assert not missed


def test_a_moved_rulebook_is_no_difference_but_a_changed_line_is(original: dict[str, Any], tmp_path: Path) -> None:
    moved = tmp_path / "moved"
    shutil.copytree(RULES, moved)
    path = write(tmp_path, original)
    for rules in (moved, f"{moved}/", f"{tmp_path}/./moved"):
        found = _verify.verify(path, rules=rules)
        assert found.exit_code == 0, (rules, found.render())
    grading = moved / "grading.yaml"
    grading.write_text("\n" + grading.read_text(encoding="utf-8"), encoding="utf-8")  # every line one lower
    found = _verify.verify(path, rules=moved)
    assert found.exit_code == 4 and "changed: grading.yaml" in found.render()
    assert 'questions[reducing_crime].decided_by.source: ' in found.render()
