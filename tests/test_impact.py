"""`judgment impact`: what a rule change does to every judgment of a corpus.

The shipped rulebook is compared with a copy where one finding rule's threshold and one grading
criterion's threshold were moved. Every count the impact reports is checked against judging each
bundle with `judgment.judge` (durable_rules, the engine of record) under both rulebooks."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, seed, settings

import judgment
from conftest import DERBYSHIRE, RULES
from judgment._cli._app import cli
from judgment._impact import impact
from judgment.testing import bundles as bundle_strategy

FORCES = sorted((RULES / "tests" / "forces").glob("*.yaml"))
#: The two moves made in the new rulebook: a finding's threshold and a grading threshold.
FINDING_MOVE = ("findings/reducing-crime.yaml", "crime_change.months >= 36\n      and crime_change.change is below",
                "crime_change.months >= 49\n      and crime_change.change is below")
CRITERION_MOVE = ("grading.yaml", "and count(strength) >= 3 and count(area_for_improvement) <= 1",
                  "and count(strength) >= 2 and count(area_for_improvement) <= 1")


def generated(count: int) -> list[judgment.Bundle]:
    """`count` bundles drawn by judgment.testing's strategy, the same ones every run."""
    made: list[judgment.Bundle] = []

    @seed(18)
    @settings(max_examples=count, database=None, phases=[Phase.generate], deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(bundle_strategy(judgment.load_rulebook(RULES)))
    def collect(bundle: judgment.Bundle) -> None:
        made.append(bundle)

    collect()
    return made[:count]


@pytest.fixture(scope="module")
def new_rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rules") / "hmic-crime-2014"
    shutil.copytree(RULES, folder)
    for name, old, new in (FINDING_MOVE, CRITERION_MOVE):
        text = (folder / name).read_text(encoding="utf-8")
        assert text.count(old) >= 1, old
        (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 13 real bundles (Derbyshire and twelve forces) and 40 generated ones, as files."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in [DERBYSHIRE, *FORCES]:
        shutil.copy(path, folder / path.name)
    for number, bundle in enumerate(generated(40)):
        (folder / f"generated-{number:03}.json").write_text(json.dumps(bundle.to_data()), encoding="utf-8")
    return folder


def findings_of(result: judgment.Judgment) -> set[tuple[str, tuple[tuple[str, str], ...]]]:
    return {(f.rule, tuple(sorted(f.bindings.items()))) for q in result.questions for f in q.findings}


def expected(old: judgment.Rulebook, new: judgment.Rulebook, files: list[Path]) -> dict[str, Any]:
    """What the impact must report, from judgment.judge run twice on every bundle."""
    transitions: dict[str, Counter[tuple[str | None, str | None]]] = {q.id: Counter() for q in old.questions}
    changed, sides = set(), {"old_only": Counter[str](), "new_only": Counter[str]()}
    for path in files:
        before = judgment.judge(old, judgment.load_bundle(path, old.vocabulary))
        after = judgment.judge(new, judgment.load_bundle(path, new.vocabulary))
        for question in old.questions:
            pair = (before.grades[question.id], after.grades[question.id])
            transitions[question.id][pair] += 1
            if pair[0] != pair[1]:
                changed.add(str(path))
        made_before, made_after = findings_of(before), findings_of(after)
        sides["old_only"].update({rule for rule, _ in made_before - made_after})
        sides["new_only"].update({rule for rule, _ in made_after - made_before})
    return {"transitions": transitions, "changed": changed, "sides": sides}


def reported_transitions(data: dict[str, Any]) -> dict[str, Counter[tuple[str | None, str | None]]]:
    return {q["id"]: Counter({(t["old"], t["new"]): t["count"] for t in q["transitions"]}) for q in data["questions"]}


@pytest.mark.parametrize("workers", [1, 2])
def test_transitions_match_judging_each_bundle_twice(corpus: Path, new_rules: Path, workers: int) -> None:
    old, new = judgment.load_rulebook(RULES), judgment.load_rulebook(new_rules)
    files = sorted(corpus.iterdir())
    truth = expected(old, new, files)
    assert truth["changed"], "the moved thresholds change some judgments of this corpus"
    data = impact(old, new, files, workers=workers).to_data()
    assert data["schema"] == "judgment.impact/1"
    assert reported_transitions(data) == truth["transitions"]
    assert data["summary"]["bundles"] == data["summary"]["judged"] == len(files)
    assert data["summary"]["changed"] == len(truth["changed"])
    assert {b["path"] for b in data["bundles"]} == truth["changed"]
    for question in data["questions"]:
        moved = sum(n for (a, b), n in truth["transitions"][question["id"]].items() if a != b)
        assert question["changed"] == moved
    found = {(r["rule"], r["side"]): r["bundles"] for r in data["responsible"] if r["kind"] == "finding"}
    assert found == {(rule, side): n for side, counts in truth["sides"].items() for rule, n in counts.items()}
    assert ("crime_reduction_greater_than_national", "old_only") in found
    changed_rules = {(r["kind"], r["id"], r["status"]) for r in data["rule_changes"]["rules"]}
    assert changed_rules == {("finding", "crime_reduction_greater_than_national", "changed"),
                             ("criterion", "reducing_crime/exceeds-the-standard", "changed")}
    assert {f["path"] for f in data["rule_changes"]["files"]} == {FINDING_MOVE[0], CRITERION_MOVE[0]}


def test_identical_rulebooks_change_nothing(corpus: Path, tmp_path: Path) -> None:
    copy = tmp_path / "same"
    shutil.copytree(RULES, copy)
    data = impact(judgment.load_rulebook(RULES), judgment.load_rulebook(copy), sorted(corpus.iterdir())).to_data()
    assert data["summary"]["changed"] == 0 and data["bundles"] == [] and data["responsible"] == []
    assert data["rule_changes"] == {"files": [], "rules": []}
    assert all(t["old"] == t["new"] for q in data["questions"] for t in q["transitions"])


def run_cli(*args: object) -> Any:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_a_jsonl_of_batch_results_is_a_corpus(corpus: Path, new_rules: Path, tmp_path: Path) -> None:
    """The lines `judgment batch` writes name each bundle; impact reads each again."""
    results = tmp_path / "results.jsonl"
    batch = run_cli("batch", corpus, "--rules", RULES, "--out", results, "--no-trace")
    assert batch.exit_code == 0, batch.output
    from_lines = run_cli("impact", results, "--rules", RULES, "--rules", new_rules, "--format", "json")
    from_folder = run_cli("impact", corpus, "--rules", RULES, "--rules", new_rules, "--format", "json")
    assert from_lines.exit_code == 0, from_lines.output
    lines, folder = json.loads(from_lines.stdout), json.loads(from_folder.stdout)
    assert lines["summary"] == folder["summary"] and lines["questions"] == folder["questions"]
    assert lines["summary"]["bundles"] == len(list(corpus.iterdir()))


def test_a_malformed_line_of_results_is_located(tmp_path: Path, new_rules: Path) -> None:
    results = tmp_path / "results.jsonl"
    results.write_text(json.dumps({"bundle": str(DERBYSHIRE)}) + "\n{not json\n", encoding="utf-8")
    outcome = run_cli("impact", results, "--rules", RULES, "--rules", new_rules)
    assert outcome.exit_code == 2
    assert f"{results}:2:1: error: BAD_VALUE" in outcome.stderr


def test_a_bad_bundle_is_named_and_the_rest_judged(tmp_path: Path, new_rules: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(DERBYSHIRE, folder / "derbyshire.yaml")
    (folder / "broken.yaml").write_text("vocabulary: hmic-crime\n", encoding="utf-8")
    outcome = run_cli("impact", folder, "--rules", RULES, "--rules", new_rules, "--format", "json")
    assert outcome.exit_code == 0, outcome.output
    data = json.loads(outcome.stdout)
    assert data["summary"] == {"bundles": 2, "judged": 1, "failed": 1, "changed": 0, "unchanged": 1,
                               "outside_old": 0, "outside_new": 0}
    (failed,) = data["failed"]
    assert failed["path"] == str(folder / "broken.yaml") and failed["side"] == "both"
    assert "inspection" in failed["problem"]
    text = run_cli("impact", folder, "--rules", RULES, "--rules", new_rules).stdout
    assert "1 bundle could not be judged" in text and str(folder / "broken.yaml") in text


def test_rules_is_given_exactly_twice(tmp_path: Path) -> None:
    outcome = run_cli("impact", tmp_path, "--rules", RULES)
    assert outcome.exit_code == 2 and "--rules twice" in outcome.output


#: Loading refuses control characters in evidence: they come in the file's name instead.
HOSTILE = "Evil <script>alert(1)</script> & *bold* [link](http://x)"


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    name = "evil <b>\x1b[31m\x1b]0;owned\x07.yaml"
    text = DERBYSHIRE.read_text(encoding="utf-8").replace("organisation: Derbyshire Constabulary",
                                                          f"organisation: {json.dumps(HOSTILE)}")
    assert json.dumps(HOSTILE) in text
    (folder / name).write_text(text, encoding="utf-8")
    (folder / f"{name}.broken.yaml").write_text("vocabulary: hmic-crime\n", encoding="utf-8")
    return folder


def test_hostile_strings_are_escaped(hostile_corpus: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer"
    shutil.copytree(RULES, newer)
    grading = newer / CRITERION_MOVE[0]  # every reducing_crime grade becomes Inadequate: Derbyshire's moves
    condition = "count(cause_of_concern) >= 1 and count(strength) == 0\n          and count(notable_practice) == 0"
    text = grading.read_text(encoding="utf-8")
    assert condition in text
    grading.write_text(text.replace(condition, "count(strength) >= 0", 1), encoding="utf-8")
    for output_format in ("text", "markdown", "html"):
        out = run_cli("impact", hostile_corpus, "--rules", RULES, "--rules", newer, "--format", output_format).stdout
        assert "\x1b" not in out and "\x07" not in out, output_format
        assert "Evil" in out, f"{output_format}: the organisation of the changed bundle is shown"
        if output_format == "html":
            assert "<script>" not in out and "<b>" not in out and "&lt;script&gt;" in out
        if output_format == "markdown":
            assert "<script>" not in out and "\\*bold\\*" in out


def test_the_html_report_in_a_browser(corpus: Path, new_rules: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    report = tmp_path / "impact.html"
    outcome = run_cli("impact", corpus, "--rules", RULES, "--rules", new_rules, "--format", "html", "--output", report)
    assert outcome.exit_code == 0, outcome.output
    html = report.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html and "https://" not in html
    data = json.loads(run_cli("impact", corpus, "--rules", RULES, "--rules", new_rules, "--format", "json").stdout)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(report.as_uri())
            assert page.locator("h1").inner_text().startswith("Impact of")
            summary = page.locator("#summary").inner_text()
            assert f"{data['summary']['changed']} of {data['summary']['bundles']} bundles" in summary
            table = page.locator("#question-reducing_crime table")
            assert table.is_visible()
            question = data["questions"][0]
            text = page.locator("#question-reducing_crime").inner_text()
            assert f"{question['changed']} of {question['judged']} judgments changed" in text
            grades = [g["id"] for g in data["grades"]]  # the table: old grades down, new across, every count
            shown = [[int(c) for c in row.locator("td").all_inner_texts()] for row in table.locator("tbody tr").all()]
            counts = {(t["old"], t["new"]): t["count"] for t in question["transitions"]}
            assert shown == [[counts.get((a, b), 0) for b in grades] for a in grades]
            rows = page.locator("#bundles tbody tr")
            assert rows.count() == min(len(data["bundles"]), 200)
            assert page.locator("#responsible").get_by_text("crime_reduction_greater_than_national").first.is_visible()
        finally:
            browser.close()


def test_versions_in_force_at_different_dates_are_compared_on_every_bundle(tmp_path: Path) -> None:
    """A revision is in force from another date than the rules it revises: to ask what it would
    change, every bundle is judged under both whatever its date, and the report says how many are
    dated outside each version's validity. --in-force-only judges a bundle only where it is in force."""
    earlier = tmp_path / "earlier"
    shutil.copytree(RULES, earlier)
    meta = earlier / "rulebook.yaml"
    text = meta.read_text(encoding="utf-8")
    start, end = (line.split(":", 1)[1].strip() for line in text.splitlines()
                  if line.strip().startswith(("valid_from:", "valid_to:")))
    meta.write_text(text.replace(f"valid_from: {start}", "valid_from: 2010-01-01")
                    .replace(f"valid_to: {end}", "valid_to: 2010-12-31"), encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in [DERBYSHIRE, *FORCES[:3]]:
        shutil.copy(path, folder / path.name)
    data = json.loads(run_cli("impact", folder, "--rules", earlier, "--rules", RULES, "--format", "json").stdout)
    assert data["summary"] == {"bundles": 4, "judged": 4, "failed": 0, "changed": 0, "unchanged": 4,
                               "outside_old": 4, "outside_new": 0}
    assert data["old"]["valid_from"] == "2010-01-01" and data["old"]["valid_to"] == "2010-12-31"
    text_report = run_cli("impact", folder, "--rules", earlier, "--rules", RULES).stdout
    assert "4 of 4 bundles are dated outside the old version's validity (2010-01-01 to 2010-12-31)" in text_report
    strict = json.loads(run_cli("impact", folder, "--rules", earlier, "--rules", RULES, "--format", "json",
                                "--in-force-only").stdout)
    assert strict["summary"]["failed"] == 4 and {f["side"] for f in strict["failed"]} == {"old"}
    assert all("NOT_IN_FORCE" in f["problem"] for f in strict["failed"])


def test_the_progress_bar_is_for_terminals_only(tmp_path: Path, new_rules: Path) -> None:
    """Piped, `impact` writes its report and nothing else: no progress bar, no blank line on stderr."""
    import subprocess
    import sys

    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(DERBYSHIRE, folder / "a.yaml")
    done = subprocess.run([sys.executable, "-m", "judgment", "impact", str(folder), "--rules", str(RULES), "--rules",
                           str(new_rules), "--workers", "2"], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout.startswith("Impact of")


def test_two_versions_of_a_library(tmp_path: Path) -> None:
    """`--rules LIBRARY` twice, each pinned by its `--rules-version`, compares two versions of the
    library: the same impact as naming the two version folders."""
    library = RULES.parent
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in [DERBYSHIRE, *FORCES[:4]]:
        shutil.copy(path, folder / path.name)
    old, new = judgment.load_rulebook(library, version="1.0.0"), judgment.load_rulebook(library, version="2.0.0")
    pinned = run_cli("impact", folder, "--rules", library, "--rules", library, "--rules-version", "1.0.0",
                     "--rules-version", "2.0.0", "--format", "json")
    assert pinned.exit_code == 0, pinned.output
    named = run_cli("impact", folder, "--rules", old.root, "--rules", new.root, "--format", "json")
    first, second = json.loads(pinned.stdout), json.loads(named.stdout)
    assert first["summary"] == second["summary"] and first["questions"] == second["questions"]
    assert (first["old"]["version"], first["new"]["version"]) == ("1.0.0", "2.0.0")
    once = run_cli("impact", folder, "--rules", library, "--rules", library, "--rules-version", "1.0.0")
    assert once.exit_code == 2 and "--rules-version" in once.output


def test_on_a_dask_cluster(corpus: Path, new_rules: Path) -> None:
    """`--scheduler` judges the chunks on a Dask cluster (a real LocalCluster of two worker
    processes): the same impact as judging here."""
    import distributed

    local = json.loads(run_cli("impact", corpus, "--rules", RULES, "--rules", new_rules, "--format", "json").stdout)
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0",
                                  silence_logs=50) as cluster:
        remote = run_cli("impact", corpus, "--rules", RULES, "--rules", new_rules, "--format", "json",
                         "--scheduler", cluster.scheduler_address)
        both = run_cli("impact", corpus, "--rules", RULES, "--rules", new_rules, "--workers", "2",
                       "--scheduler", cluster.scheduler_address)
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.stdout) == local
    assert both.exit_code == 2 and "--scheduler" in both.output


class _LosingExecutor:
    """An executor whose every other chunk is lost with its worker (what a Dask cluster or a process
    pool reports when a worker dies for good): its future raises."""

    def __init__(self) -> None:
        self.calls = 0

    def submit(self, function: Any, *args: Any) -> Any:
        from concurrent.futures import Future

        future: Future[Any] = Future()
        self.calls += 1
        if self.calls % 2 == 0:
            future.set_exception(RuntimeError("worker tcp://127.0.0.1:1234 died"))
        else:
            future.set_result(function(*args))
        return future


def test_a_chunk_lost_with_its_worker_names_its_bundles_and_the_rest_is_judged() -> None:
    rulebook = judgment.load_rulebook(RULES)
    sources = [DERBYSHIRE] * 130  # three chunks of 64: the second is lost
    result = impact(rulebook, rulebook, sources, executor=_LosingExecutor())  # type: ignore[arg-type]
    summary = result.to_data()["summary"]
    assert (summary["bundles"], summary["judged"], summary["failed"]) == (130, 66, 64)
    failed = result.to_data()["failed"]
    assert all("WORKER_LOST" in entry["problem"] for entry in failed), failed[:1]
