"""Every fact traced to its own sentence (issue 14, point 5).

A field of a record may carry its own provenance; each finding's explanation shows, for each field
its condition read, the quote behind that field (the record's, where the field has none), in every
format and in the sealed record."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import judgment
from conftest import DERBYSHIRE, RULES
from judgment._judgment import Judgment
from judgment._lang import _ast as ast
from judgment._records._record import build_record, render_record
from judgment._records._verify import IDENTICAL, verify
from judgment._render._html import render_html
from judgment._render._markdown import render_markdown
from judgment._render._text import render_text
from test_render_escaping import MARKDOWN_TAGS, html_of_markdown, tags

STAMP = "2026-01-01T00:00:00+00:00"
UNCLEAR = ("Neighbourhood officers stated that they were unclear on the methods for recording or investigating "
           "anti-social behaviour")


def fields_read(rule: Any) -> list[tuple[str, str]]:
    """(variable, field) for each field path the rule's condition reads, in source order."""
    names = {name for name, _ in rule.when.variables}
    found: list[tuple[str, str]] = []
    for node in ast.walk(rule.when.node):
        if isinstance(node, ast.Path) and len(node.parts) > 1 and node.parts[0] in names:
            if (node.parts[0], node.parts[1]) not in found:
                found.append((node.parts[0], node.parts[1]))
    return found


def quote_for(record: judgment.evidence.Record, field: str) -> str:
    own = (record.provenance.fields or {}).get(field)
    return own.quote if own is not None else record.provenance.quote


def without_field_provenance(bundle: judgment.Bundle) -> judgment.Bundle:
    data = json.loads(json.dumps(bundle.to_data()))
    for record in data["records"]:
        record["provenance"].pop("fields", None)
    return judgment.bundle_from_data(data)


@pytest.fixture(scope="module")
def result() -> Judgment:
    return judgment.judge(judgment.load_rulebook(RULES), judgment.load_bundle(DERBYSHIRE))


def test_every_derbyshire_finding_is_explained_by_the_quotes_of_the_fields_it_read(result: Judgment) -> None:
    rulebook, bundle = judgment.load_rulebook(RULES), judgment.load_bundle(DERBYSHIRE)
    findings = {f.rule: f for q in result.questions for f in q.findings}
    assert findings
    for finding in findings.values():
        expected = set()
        for variable, field in fields_read(rulebook.finding_rule(finding.rule)):
            record = bundle.record(finding.bindings[variable])
            expected.add((record.id, field, quote_for(record, field)))
        for rested_on in finding.derived_from:
            expected |= {(s.record, s.field, s.quote) for s in findings[rested_on].sources}
        assert {(s.record, s.field, s.quote) for s in finding.sources} == expected, finding.rule
        for source in finding.sources:
            record = bundle.record(source.record)
            assert source.own == (source.field in (record.provenance.fields or {}))


def test_the_shipped_bundle_gives_its_assessed_fields_their_own_sentences() -> None:
    bundle = judgment.load_bundle(DERBYSHIRE)
    fields = bundle.record("neighbourhood-policing").provenance.fields or {}
    assert set(fields) == {"community_engagement", "asb_recording"}
    assert fields["asb_recording"].quote.startswith(UNCLEAR)
    assert fields["asb_recording"].section == ("How effective is the force at tackling anti-social behaviour? > "
                                               "Improving services to the public")


def test_asb_recording_unclear_is_explained_by_the_officers_sentence(result: Judgment) -> None:
    finding = next(f for f in result.question("tackling_asb").findings if f.rule == "asb_recording_unclear")
    assert [(s.record, s.field, s.own) for s in finding.sources] == [("neighbourhood-policing", "asb_recording", True)]
    assert finding.sources[0].quote.startswith(UNCLEAR)
    assert "strong commitment" not in finding.sources[0].quote
    used = {(q.id, q.field): q for q in result.quotes}
    assert used[("neighbourhood-policing", "asb_recording")].quote.startswith(UNCLEAR)
    assert ("neighbourhood-policing", None) in used  # the record's own quote is still listed


def test_the_derbyshire_judgment_is_unchanged_apart_from_the_provenance(result: Judgment) -> None:
    before = judgment.judge(judgment.load_rulebook(RULES), without_field_provenance(judgment.load_bundle(DERBYSHIRE)))
    assert before.outcome() == result.outcome()
    assert before.grades == result.grades
    strip = {"questions": {"__all__": {"findings": {"__all__": {"sources"}}}}, "quotes": True}
    assert before.model_dump(mode="json", exclude=strip) == result.model_dump(mode="json", exclude=strip)


def test_every_format_shows_the_fields_own_sentence(result: Judgment) -> None:
    stream = StringIO()
    render_text(result, stream, "full")
    for shown in (stream.getvalue(), render_markdown(result, "full"), render_html(result, "full")):
        assert "asb_recording" in shown and UNCLEAR in shown


def test_the_sealed_record_carries_the_sources_and_replays(result: Judgment, tmp_path: Path) -> None:
    rulebook, bundle = judgment.load_rulebook(RULES), judgment.load_bundle(DERBYSHIRE)
    record = build_record(result, rulebook, bundle, timestamp=STAMP)
    tackling = next(q for q in record["questions"] if q["id"] == "tackling_asb")
    unclear = next(f for f in tackling["findings"] if f["rule"] == "asb_recording_unclear")
    assert unclear["sources"][0]["quote"].startswith(UNCLEAR) and unclear["sources"][0]["field"] == "asb_recording"
    assert record["evidence"]["bundle"]["records"][16]["provenance"].get("fields") or any(
        r["provenance"].get("fields") for r in record["evidence"]["bundle"]["records"])
    path = tmp_path / "record.json"
    path.write_text(render_record(record), encoding="utf-8")
    found = verify(path, RULES)
    assert found.exit_code == IDENTICAL, found.render()


def test_a_changed_field_quote_in_a_record_is_a_difference(result: Judgment, tmp_path: Path) -> None:
    from judgment._records._record import seal_of

    rulebook, bundle = judgment.load_rulebook(RULES), judgment.load_bundle(DERBYSHIRE)
    record = build_record(result, rulebook, bundle, timestamp=STAMP)
    for question in record["questions"]:
        for finding in question["findings"]:
            for source in finding["sources"]:
                source["quote"] = "something else"
    record["seal"] = seal_of(record)
    path = tmp_path / "record.json"
    path.write_text(render_record(record), encoding="utf-8")
    assert verify(path, RULES).exit_code != IDENTICAL


def test_a_field_name_not_of_the_kind_is_located_with_a_did_you_mean(tmp_path: Path) -> None:
    text = DERBYSHIRE.read_text(encoding="utf-8").replace("        asb_recording:\n", "        asb_recordin:\n")
    assert "asb_recordin:" in text
    path = tmp_path / "bundle.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(judgment.BundleError) as raised:
        judgment.load_bundle(path)
    [problem] = raised.value.diagnostics
    line = text.splitlines().index("        asb_recordin:") + 1
    assert problem.code == "UNKNOWN_FIELD" and "asb_recordin" in problem.message
    assert (problem.location.line, problem.location.column) == (line, 9)
    assert problem.hint is not None and "asb_recording" in problem.hint


def test_a_field_name_not_of_the_kind_is_refused_in_code_too() -> None:
    record = judgment.load_bundle(DERBYSHIRE).record("neighbourhood-policing")
    data = record.model_dump(mode="json", exclude_none=True)
    data["provenance"]["fields"] = {"provenance": {"quote": "x"}}
    with pytest.raises(ValidationError, match="no field 'provenance'"):
        type(record).model_validate(data)


def test_a_field_provenance_needs_a_quote_and_nothing_unknown() -> None:
    record = judgment.load_bundle(DERBYSHIRE).record("neighbourhood-policing")
    data = record.model_dump(mode="json", exclude_none=True)
    for bad in ({"section": "s"}, {"quote": "q", "collector": "x"}, {"quote": ""}):
        data["provenance"]["fields"] = {"asb_recording": bad}
        with pytest.raises(ValidationError):
            type(record).model_validate(data)


HOSTILE = "<script>alert(1)</script> [x](javascript:alert(1)) \x1b]0;owned\x07[bold]loud[/bold]"


def test_renderers_escape_field_quotes(result: Judgment) -> None:
    data = result.model_dump(mode="json")
    for question in data["questions"]:
        for finding in question["findings"]:
            for source in finding["sources"]:
                source.update(quote=HOSTILE, section=HOSTILE, field=HOSTILE, record=HOSTILE)
    hostile = Judgment.model_validate(data)
    html = render_html(hostile, "full")
    assert "<script>" not in html and "&lt;script&gt;" in html
    markdown_html = html_of_markdown(render_markdown(hostile, "full"))
    assert tags(markdown_html) <= MARKDOWN_TAGS and "&lt;script&gt;" in markdown_html
    stream = StringIO()
    render_text(hostile, stream, "full")
    assert "\x1b" not in stream.getvalue() and "[bold]loud[/bold]" in stream.getvalue()
