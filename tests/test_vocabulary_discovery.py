"""The command line finds vocabularies without a wrapper (issue 14, point 2): a rulebook folder's own
vocabulary file, `--vocabulary FILE` (YAML data or a Python file), and installed packages' entry
points (group judgment.vocabularies); `judgment vocabularies` lists them; workers of judge_many get
the same vocabularies whatever the start method."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
FOLDER_RULES = HERE / "data" / "rulebooks" / "school-yaml"
BUNDLES = FOLDER_RULES / "tests" / "bundles"
PYTHON_VOCABULARY = HERE / "data" / "vocabularies" / "python" / "school_visits.py"


def run_cli(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", *map(str, args)], capture_output=True, text=True,
                          timeout=180, check=False, env={**os.environ, **(env or {})})


def _without_folder_vocabulary(tmp_path: Path) -> Path:
    """The test rulebook, naming the vocabulary by id only (it must come from elsewhere)."""
    rules = tmp_path / "rules"
    shutil.copytree(FOLDER_RULES, rules)
    (rules / "vocabulary.yaml").unlink()
    main = rules / "rulebook.yaml"
    main.write_text("".join(line for line in main.read_text().splitlines(keepends=True)
                            if "vocabulary_file" not in line))
    return rules


def _installed_package(tmp_path: Path) -> dict[str, str]:
    """A package installed as importlib.metadata sees one: a module and its dist-info with an entry point."""
    site = tmp_path / "site"
    (site / "schoolvocab-1.0.dist-info").mkdir(parents=True)
    shutil.copy(PYTHON_VOCABULARY, site / "schoolvocab.py")
    (site / "schoolvocab-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: schoolvocab\n"
                                                                 "Version: 1.0\n")
    (site / "schoolvocab-1.0.dist-info" / "entry_points.txt").write_text(
        "[judgment.vocabularies]\nschool = schoolvocab:vocabulary\n")
    return {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}


def _commands_work(rules: Path, tmp_path: Path, extra: tuple[str, ...] = (),
                   env: dict[str, str] | None = None) -> None:
    checked = run_cli("check", rules, BUNDLES / "oakfield.yaml", *extra, env=env)
    assert checked.returncode == 0, checked.stderr
    assert "no problems found" in checked.stdout
    ran = run_cli("run", "--rules", rules, BUNDLES / "elmside.yaml", "--format", "json", *extra, env=env)
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["questions"][0]["grade"] == "requires_improvement"
    tested = run_cli("test", rules, *extra, env=env)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "2 passed, 0 failed" in tested.stdout
    out = tmp_path / "out.jsonl"
    batched = run_cli("batch", "--rules", rules, "--workers", "2", "--out", out, BUNDLES, *extra, env=env)
    assert batched.returncode == 0, batched.stderr
    grades = {Path(line["bundle"]).name: line["grades"]["attending"]
              for line in map(json.loads, out.read_text().splitlines())}
    assert grades == {"elmside.yaml": "requires_improvement", "oakfield.yaml": "good"}


def test_a_yaml_vocabulary_in_the_rulebook_folder(tmp_path: Path) -> None:
    _commands_work(FOLDER_RULES, tmp_path)


def test_a_python_file_given_with_vocabulary(tmp_path: Path) -> None:
    rules = _without_folder_vocabulary(tmp_path)
    _commands_work(rules, tmp_path, ("--vocabulary", str(PYTHON_VOCABULARY)))


def test_a_yaml_file_given_with_vocabulary(tmp_path: Path) -> None:
    rules = _without_folder_vocabulary(tmp_path)
    ran = run_cli("run", "--rules", rules, BUNDLES / "oakfield.yaml", "--vocabulary", FOLDER_RULES / "vocabulary.yaml")
    assert ran.returncode == 0, ran.stderr
    schema = run_cli("schema", "bundle", "--vocabulary", FOLDER_RULES / "vocabulary.yaml")
    assert schema.returncode == 0, schema.stderr
    assert "attendance" in schema.stdout and "leadership" in schema.stdout


def test_an_installed_package_entry_point(tmp_path: Path) -> None:
    rules = _without_folder_vocabulary(tmp_path)
    env = _installed_package(tmp_path)
    _commands_work(rules, tmp_path, env=env)
    listed = run_cli("vocabularies", "--format", "json", env=env)
    assert listed.returncode == 0, listed.stderr
    school = next(v for v in json.loads(listed.stdout) if v["id"] == "school-visits")
    assert school == {"id": "school-visits", "title": "School visits (declared in Python)",
                      "origin": "entry point judgment.vocabularies:school", "kinds": ["attendance", "leadership"]}


def test_vocabularies_lists_id_title_origin_and_kinds() -> None:
    listed = run_cli("vocabularies", "--vocabulary", FOLDER_RULES / "vocabulary.yaml")
    assert listed.returncode == 0, listed.stderr
    assert "hmic-crime: HMIC crime inspection 2014\n  origin: module judgment.evidence.hmic_crime" in listed.stdout
    assert "school-visits: School visits (a test vocabulary declared as data)" in listed.stdout
    assert f"origin: file {FOLDER_RULES / 'vocabulary.yaml'}" in listed.stdout
    assert "kinds: attendance, leadership" in listed.stdout


def test_vocabularies_lists_a_rulebook_folders_own_vocabulary() -> None:
    """A vocabulary declared in a rulebook folder is known with that rulebook: --rules DIR shows it."""
    listed = run_cli("vocabularies", "--rules", FOLDER_RULES, "--format", "json")
    assert listed.returncode == 0, listed.stderr
    found = {v["id"]: v for v in json.loads(listed.stdout)}
    assert found["school-visits"]["kinds"] == ["attendance", "leadership"]
    assert found["school-visits"]["origin"].endswith("vocabulary.yaml")
    broken = run_cli("vocabularies", "--rules", FOLDER_RULES / "missing")
    assert broken.returncode == 2 and "FILE_NOT_FOUND" in broken.stderr and "Traceback" not in broken.stderr


def test_two_different_vocabularies_under_one_id_name_both_origins() -> None:
    clash = run_cli("check", FOLDER_RULES, "--vocabulary", PYTHON_VOCABULARY)
    assert clash.returncode != 0
    assert "DUPLICATE_ID" in clash.stderr
    assert f"python file {PYTHON_VOCABULARY}" in clash.stderr
    assert f"file {FOLDER_RULES / 'vocabulary.yaml'}" in clash.stderr
    assert "Traceback" not in clash.stderr


def test_the_same_vocabulary_twice_is_no_clash() -> None:
    same = run_cli("check", FOLDER_RULES, "--vocabulary", FOLDER_RULES / "vocabulary.yaml")
    assert same.returncode == 0, same.stderr


def test_unknown_vocabulary_hint_names_the_three_ways(tmp_path: Path) -> None:
    unknown = run_cli("check", _without_folder_vocabulary(tmp_path))
    assert unknown.returncode == 1
    assert "UNKNOWN_VOCABULARY" in unknown.stderr
    for way in ("vocabulary_file", "--vocabulary FILE", "judgment.vocabularies", "'hmic-crime'"):
        assert way in unknown.stderr


@pytest.mark.parametrize(("name", "text", "code"), [
    ("missing.yaml", None, "FILE_NOT_FOUND"),
    ("broken.py", "x = 1\nraise RuntimeError('no vocabulary here')\n", "BAD_VALUE"),
    ("notes.txt", "hello", "BAD_VALUE"),
])
def test_a_bad_vocabulary_file_is_a_located_diagnostic_exit_2(tmp_path: Path, name: str, text: str | None,
                                                              code: str) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_text(text)
    result = run_cli("check", FOLDER_RULES, "--vocabulary", path)
    assert result.returncode == 2, result.stderr
    assert f"{path}" in result.stderr and code in result.stderr
    assert "Traceback" not in result.stderr
    if name == "broken.py":
        assert f"{path}:2:1: error: BAD_VALUE" in result.stderr


def _folder_with(tmp_path: Path, vocabulary_file: str, vocabulary_id: str = "school-visits") -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(FOLDER_RULES, rules)
    main = rules / "rulebook.yaml"
    main.write_text(main.read_text().replace("vocabulary_file: vocabulary.yaml", f"vocabulary_file: {vocabulary_file}")
                    .replace("vocabulary: school-visits", f"vocabulary: {vocabulary_id}"))
    return rules


def test_a_folder_vocabulary_outside_the_folder_is_refused_unread(tmp_path: Path) -> None:
    result = run_cli("check", _folder_with(tmp_path, "../../secret.yaml"))
    assert result.returncode == 1
    assert "rulebook.yaml:8:20: error: OUTSIDE_FOLDER" in result.stderr


def test_the_folder_vocabulary_id_must_be_the_one_named(tmp_path: Path) -> None:
    result = run_cli("check", _folder_with(tmp_path, "vocabulary.yaml", "school-trips"))
    assert result.returncode == 1
    assert "rulebook.yaml:7:15: error: UNKNOWN_VOCABULARY" in result.stderr
    assert "declares 'school-visits'" in result.stderr


def test_the_folder_vocabulary_is_part_of_the_rulebook_hash(tmp_path: Path) -> None:
    from judgment import load_rulebook

    rules = _folder_with(tmp_path, "vocabulary.yaml")
    before = load_rulebook(rules)
    assert "vocabulary.yaml" in {f.path for f in before.files}
    vocabulary = rules / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text() + "# a comment changes the bytes\n")
    assert load_rulebook(rules).sha256 != before.sha256


def test_a_json_folder_vocabulary_is_read_and_hashed(tmp_path: Path) -> None:
    from ruamel.yaml import YAML

    from judgment import load_rulebook

    rules = _folder_with(tmp_path, "vocabulary.json")
    data = YAML(typ="safe", pure=True).load((rules / "vocabulary.yaml").read_text())
    (rules / "vocabulary.yaml").unlink()
    (rules / "vocabulary.json").write_text(json.dumps(data))
    rulebook = load_rulebook(rules)
    assert rulebook.vocabulary.id == "school-visits"
    assert "vocabulary.json" in {f.path for f in rulebook.files}


SPAWNED = """
import multiprocessing, pickle, sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from judgment import judge_many, load_bundle, load_rulebook
from judgment._vocabularies._given import use_vocabulary_files

rules, bundles, method = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
use_vocabulary_files([Path(p) for p in sys.argv[4:]])
rulebook = load_rulebook(rules)
paths = sorted(bundles.glob("*.yaml"))
loaded = [load_bundle(p, rulebook.vocabulary) for p in paths]
assert pickle.loads(pickle.dumps(loaded)) == loaded  # records travel, and arrive equal
if method == "default":
    results = judge_many(rulebook, [*loaded, *paths], workers=2)
else:
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context(method)) as pool:
        results = judge_many(rulebook, [*loaded, *paths], executor=pool)
for result in results:
    assert result.error is None, result.error
    print(Path(result.origin).name, result.grades["attending"], result.judgment.questions[0].grade)
"""


@pytest.mark.parametrize("method", ["spawn", "default"])
@pytest.mark.parametrize("given", ["folder", "python"])
def test_workers_get_the_same_vocabularies_whatever_the_start_method(tmp_path: Path, method: str,
                                                                    given: str) -> None:
    rules = FOLDER_RULES if given == "folder" else _without_folder_vocabulary(tmp_path)
    files = [] if given == "folder" else [str(PYTHON_VOCABULARY)]
    done = subprocess.run([sys.executable, "-c", SPAWNED, str(rules), str(BUNDLES), method, *files],
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:4] == ["elmside.yaml requires_improvement requires_improvement",
                                           "oakfield.yaml good good"] * 2


def test_a_vocabulary_file_changed_under_a_worker_is_refused(tmp_path: Path) -> None:
    import pickle

    from judgment import load_rulebook
    from judgment._vocabularies._pickling import restore_vocabulary

    rules = _folder_with(tmp_path, "vocabulary.yaml")
    vocabulary = load_rulebook(rules).vocabulary
    function, args = pickle.loads(pickle.dumps(vocabulary)).__reduce__()
    assert function is restore_vocabulary and args[0][0] == "file"
    with pytest.raises(Exception, match="could not be re-created"):
        restore_vocabulary(args[0], args[1], "0" * 64, None)


def test_explain_and_verify_take_vocabulary_too(tmp_path: Path) -> None:
    rules = _without_folder_vocabulary(tmp_path)
    given = ("--vocabulary", str(PYTHON_VOCABULARY))
    explained = run_cli("explain", "--rules", rules, BUNDLES / "oakfield.yaml", *given)
    assert explained.returncode == 0, explained.stderr
    assert "attendance_above_national" in explained.stdout or "Attendance of" in explained.stdout
    record = tmp_path / "record.json"
    ran = run_cli("run", "--rules", rules, BUNDLES / "oakfield.yaml", "--record", record, *given)
    assert ran.returncode == 0, ran.stderr
    assert run_cli("verify", record, "--rules", rules).returncode != 0  # the vocabulary is unknown without it
    verified = run_cli("verify", record, "--rules", rules, *given)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_a_broken_entry_point_is_an_error_naming_it(tmp_path: Path) -> None:
    env = _installed_package(tmp_path)
    (tmp_path / "site" / "schoolvocab-1.0.dist-info" / "entry_points.txt").write_text(
        "[judgment.vocabularies]\nschool = schoolvocab:no_such_name\n")
    result = run_cli("check", _without_folder_vocabulary(tmp_path), env=env)
    assert result.returncode == 1
    assert "entry point judgment.vocabularies:school: error: BAD_VALUE the vocabulary entry point 'school' could " \
           "not be loaded: AttributeError" in result.stderr
    assert "Traceback" not in result.stderr
