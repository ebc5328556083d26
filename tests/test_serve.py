"""The workbench over HTTP (issue 17, point 3): Starlette's TestClient against the app itself.

What a browser does through the page, done here request by request: the page and its security
headers, an edit that moves a grade, a bad edit that judges nothing, undo and reset, and the two
downloads, which the command line must accept (`judgment check`, `judgment verify`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

import judgment
from conftest import ROOT
from judgment._cli._app import cli
from judgment._serve._app import create_app

RULES = ROOT / "rules" / "hmic-crime-2014"
BUNDLE = ROOT / "examples" / "derbyshire-2014.yaml"
LOCAL = "http://127.0.0.1:8765"
RAISE = {"op": "set", "record": "evaluation-crime-prevention", "path": "level", "value": "developing"}


@pytest.fixture(scope="module")
def rulebook() -> judgment.Rulebook:
    return judgment.load_rulebook(RULES)


@pytest.fixture
def client(rulebook: judgment.Rulebook) -> TestClient:
    app = create_app(rulebook, judgment.load_bundle(BUNDLE, rulebook.vocabulary), port=8765)
    with TestClient(app, base_url=LOCAL) as made:
        yield made


def token(client: TestClient) -> str:
    found = re.search(r'name="workbench-token" content="([^"]+)"', client.get("/").text)
    assert found is not None
    return found.group(1)


def post(client: TestClient, route: str, body: dict[str, Any] | None = None, **headers: str) -> Any:
    return client.post(route, content=json.dumps(body or {}),
                       headers={"content-type": "application/json", "x-workbench-token": token(client), **headers})


def grade(html: str, question: str) -> str:
    found = re.search(rf'<section class="question" id="{question}">.*?<span class="grade (\w+)"', html, re.S)
    assert found is not None, question
    return found.group(1)


def test_page_shows_the_judgment_and_evidence_forms(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert grade(page.text, "reducing_crime") == "good"
    select = re.search(r'<select[^>]*data-record="evaluation-crime-prevention"[^>]*data-path="level"[^>]*>(.*?)</select>',
                       page.text, re.S)
    assert select is not None
    assert re.search(r'<option value="limited" selected>', select.group(1))
    assert "<script src=\"/static/workbench.js\"></script>" in page.text
    assert "<script>" not in page.text and "style=" not in page.text


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example:8765",
                                  "localhost:9999", ""])
def test_a_request_for_another_host_is_refused(client: TestClient, host: str) -> None:
    assert client.get("/", headers={"host": host}).status_code == 421
    assert client.post("/edit", content=json.dumps(RAISE), headers={"host": host}).status_code == 421


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "[::1]:8765"])
def test_local_hosts_are_served(client: TestClient, host: str) -> None:
    assert client.get("/", headers={"host": host}).status_code == 200


def test_security_headers(client: TestClient) -> None:
    for route in ("/", "/static/workbench.js", "/bundle.yaml"):
        headers = client.get(route).headers
        policy = headers["content-security-policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "script-src 'self'" in policy
        assert headers["x-content-type-options"] == "nosniff"


def test_an_edit_moves_the_grade_and_lists_the_change(client: TestClient) -> None:
    answer = post(client, "/edit", RAISE)
    assert answer.status_code == 200, answer.text
    fragments = answer.json()["fragments"]
    assert grade(fragments["judgment"], "reducing_crime") == "outstanding"
    assert "evaluation-crime-prevention.level" in fragments["changes"]
    assert "Good" in fragments["changes"] and "Outstanding" in fragments["changes"]
    assert grade(client.get("/").text, "reducing_crime") == "outstanding"  # the page is the session's


def test_an_edit_needs_the_token_and_json(client: TestClient) -> None:
    assert post(client, "/edit", RAISE, **{"x-workbench-token": "wrong"}).status_code == 403
    plain = client.post("/edit", content=json.dumps(RAISE),
                        headers={"content-type": "text/plain", "x-workbench-token": token(client)})
    assert plain.status_code == 415
    assert post(client, "/edit", RAISE, origin="http://evil.example").status_code == 403
    assert grade(client.get("/").text, "reducing_crime") == "good"


@pytest.mark.parametrize("edit, expected", [
    ({"op": "set", "record": "evaluation-crime-prevention", "path": "level", "value": "brilliant"}, "level"),
    ({"op": "set", "record": "evaluation-crime-prevention", "path": "level", "value": 3}, "level"),
    ({"op": "set", "record": "no-such-record", "path": "level", "value": "developing"}, "no record"),
    ({"op": "set", "record": "evaluation-crime-prevention", "path": "kind", "value": "x"}, "not a field path"),
    ({"op": "explode"}, "op"),
    ({"op": "set", "record": ["x"], "path": "level", "value": "developing"}, "record"),
])
def test_a_bad_edit_is_located_and_judges_nothing(client: TestClient, edit: dict[str, Any], expected: str) -> None:
    before = client.get("/").text
    answer = post(client, "/edit", edit)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert expected in error["message"]
    assert "<" not in error["message"].replace("&lt;", "")  # escaped, ready to show
    assert client.get("/").text == before


def test_undo_and_reset(client: TestClient) -> None:
    post(client, "/edit", RAISE)
    post(client, "/edit", {"op": "set", "record": "evaluation-crime-prevention", "path": "improving", "value": False})
    undone = post(client, "/undo").json()["fragments"]
    assert grade(undone["judgment"], "reducing_crime") == "outstanding"
    assert "improving" not in undone["changes"]
    reset = post(client, "/reset").json()["fragments"]
    assert grade(reset["judgment"], "reducing_crime") == "good"
    assert post(client, "/undo").status_code == 200  # nothing to undo: nothing happens


def test_drop_a_record(client: TestClient) -> None:
    answer = post(client, "/edit", {"op": "drop", "record": "evaluation-crime-prevention"})
    assert answer.status_code == 200
    assert 'data-record="evaluation-crime-prevention"' not in client.get("/").text


def test_downloaded_bundle_passes_check(client: TestClient, tmp_path: Path) -> None:
    post(client, "/edit", RAISE)
    download = client.get("/bundle.yaml")
    assert download.status_code == 200
    assert "attachment" in download.headers["content-disposition"]
    edited = tmp_path / "edited.yaml"
    edited.write_bytes(download.content)
    result = CliRunner().invoke(cli, ["check", str(RULES), str(edited)])
    assert result.exit_code == 0, result.output
    run = CliRunner().invoke(cli, ["run", str(edited), "--rules", str(RULES), "--format", "json"])
    record = json.loads(run.output)
    assert {q["id"]: q["grade"] for q in record["questions"]}["reducing_crime"] == "outstanding"


def test_downloaded_record_verifies(client: TestClient, tmp_path: Path) -> None:
    post(client, "/edit", RAISE)
    download = client.get("/record.json")
    assert download.status_code == 200
    sealed = tmp_path / "record.json"
    sealed.write_bytes(download.content)
    assert {q["id"]: q["grade"] for q in json.loads(download.content)["questions"]}["reducing_crime"] == "outstanding"
    result = CliRunner().invoke(cli, ["verify", str(sealed), "--rules", str(RULES)])
    assert result.exit_code == 0, result.output


def test_no_path_is_served_from_a_request(client: TestClient) -> None:
    for route in ("/static/../_app.py", "/static/%2e%2e/_app.py", "/static/workbench.py", "/rules/rulebook.yaml"):
        assert client.get(route).status_code == 404


def test_serve_refuses_an_address_that_is_not_loopback() -> None:
    result = CliRunner().invoke(cli, ["serve", str(BUNDLE), "--rules", str(RULES), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "not a loopback address" in result.output


@pytest.mark.parametrize("given, first_grade", [((str(BUNDLE),), "good"), ((), "ungraded")])
def test_serve_prints_its_address_and_serves(given: tuple[str, ...], first_grade: str) -> None:
    """With BUNDLE, its judgment; without, the workbench starts from no records (every question not graded)."""
    import subprocess
    import sys
    import urllib.request

    with subprocess.Popen([sys.executable, "-m", "judgment", "serve", *given, "--rules", str(RULES)],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as server:
        try:
            assert server.stdout is not None
            line = server.stdout.readline()
            found = re.match(r"judgment workbench: (http://127\.0\.0\.1:\d+/) ", line)
            assert found is not None, line
            with urllib.request.urlopen(found.group(1), timeout=30) as answer:
                assert grade(answer.read().decode(), "reducing_crime") == first_grade
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_analysis_gives_the_what_if_and_the_counterfactuals(client: TestClient) -> None:
    first = client.get("/analysis").json()
    assert "changes" not in first  # nothing changed yet: the edit's own list stands
    assert "evaluation-crime-prevention.level" in first["counterfactuals"]  # reducing crime up, one step
    assert "Outstanding" in first["counterfactuals"]
    edited = post(client, "/edit", RAISE)
    analysis = client.get("/analysis").json()
    assert analysis["version"] == edited.json()["version"]
    assert "Good \u2192 Outstanding (up)" in analysis["changes"]
    assert "evaluation_limited" in analysis["changes"]  # the finding lost, with its reason
    assert "reducing_crime" in analysis["counterfactuals"]


def test_add_a_record(client: TestClient) -> None:
    data = {"id": "evaluation-extra", "kind": "evaluation_capability", "area": "investigation", "level": "developing",
            "provenance": {"document": "a note", "section": "s", "quote": "what the note says",
                           "collector": "the workbench test"}}
    answer = post(client, "/edit", {"op": "add", "data": data})
    assert answer.status_code == 200, answer.text
    assert 'data-record="evaluation-extra"' in answer.json()["forms"]
    again = post(client, "/edit", {"op": "add", "data": data})
    assert again.status_code == 422 and "DUPLICATE_ID" in again.json()["error"]["message"]
    assert again.json()["error"]["path"] == "add"  # shown beside the add form
    assert '<textarea id="new-record"' in client.get("/").text


def test_started_without_a_bundle_the_workbench_builds_one_from_nothing(rulebook: judgment.Rulebook) -> None:
    """`judgment serve --rules DIR` with no BUNDLE: no records, every question not graded, records added."""
    from judgment._serve._empty import empty_bundle

    app = create_app(rulebook, empty_bundle(rulebook), port=8765)
    with TestClient(app, base_url=LOCAL) as empty:
        assert "Not graded" in empty.get("/").text
        data = {"id": "evaluation-crime-prevention", "kind": "evaluation_capability", "area": "crime_prevention",
                "level": "systematic", "provenance": {"document": "d", "section": "s", "quote": "q"}}
        answer = post(empty, "/edit", {"op": "add", "data": data})
        assert answer.status_code == 200, answer.text
        assert grade(empty.get("/").text, "reducing_crime") == "good"  # one strength, read from the one record
        download = empty.get("/bundle.yaml")
        assert download.status_code == 200 and "evaluation-crime-prevention" in download.text
