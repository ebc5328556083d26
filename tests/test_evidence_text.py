"""Evidence text and what diagnostics echo of input (issue 12, points 9 and 10, the halves on input).

Control characters in evidence text (terminal escapes, C1, DEL, bidi overrides) are refused at load,
at the string; every value a diagnostic echoes is a short excerpt, so a file that is not what it
should be (a rule file that is really /etc/passwd) is never printed whole.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import judgment
from conftest import DERBYSHIRE, ROOT
from judgment._diagnostics import excerpt
from test_strict_evidence import refusal, variant

QUOTE = 'quote: "Derbyshire Constabulary uses a broad range'


@pytest.mark.parametrize("escape", ["\\e]0;owned\\a", "\\e[2J", "\\x9b2J", "\\x7f", "\\u202e", "\\u2066",
                                    "\\r", "\\0", "\\x85", "\\u2028"],
                         ids=["osc-title", "csi-clear", "c1-csi", "del", "bidi-override", "bidi-isolate",
                              "carriage-return", "nul", "c1-next-line", "line-separator"])
def test_control_characters_in_evidence_text_are_refused_at_the_string(tmp_path: Path, escape: str) -> None:
    path = variant(tmp_path, QUOTE, QUOTE.replace("uses a", f"uses {escape}a"))
    error = refusal(path)
    [diagnostic] = error.diagnostics
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "Derbyshire Constabulary uses" in text)
    assert (diagnostic.code, diagnostic.location.line) == ("BAD_VALUE", line), error.render()
    assert "control character" in diagnostic.message
    assert all(ord(c) >= 0x20 and not 0x7f <= ord(c) <= 0x9f for c in error.render().replace("\n", "")), \
        "the diagnostic itself carries no control character"


@pytest.mark.parametrize(("old", "new"), [
    ("    period: \"12 months to June 2014\"", "    period: \"12 months\\e[31m to June 2014\""),
    ("  organisation: Derbyshire Constabulary", "  organisation: \"Derbyshire\\e[8m Constabulary\""),
    ("      section: \"How effective", "      section: \"\\u202eHow effective"),
])
def test_every_text_field_is_checked_not_only_quotes(tmp_path: Path, old: str, new: str) -> None:
    path = variant(tmp_path, old, new)
    assert [d.code for d in refusal(path).diagnostics] == ["BAD_VALUE"]


def test_tabs_and_line_breaks_are_text(tmp_path: Path) -> None:
    path = variant(tmp_path, QUOTE, QUOTE.replace("uses a", "uses\\ta\\nb"))
    judgment.load_bundle(path)


def test_json_bundles_are_checked_too(tmp_path: Path) -> None:
    data = judgment.load_bundle(DERBYSHIRE).to_data()
    data["records"][0]["provenance"]["quote"] = "a \x1b]0;title\x07 b"
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    [diagnostic] = refusal(path).diagnostics
    assert diagnostic.code == "BAD_VALUE" and diagnostic.location.line > 1


def test_an_echoed_value_is_a_short_excerpt() -> None:
    long = "root:x:0:0:root:/root:/bin/bash\n" * 400
    cut = excerpt(long)
    assert len(cut) < 80 and cut.startswith("'root:x:0:0") and "(12,800 characters)" in cut
    assert excerpt("short") == "'short'"
    assert excerpt(10**5000) == "an integer of about 5,001 digits"
    assert excerpt("\x1b[2J") == "'\\x1b[2J'"
    assert len(excerpt({"k": ["v" * 10_000, 10**9000]})) < 80


def test_a_wrong_type_message_never_prints_a_whole_file(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "examples" / "rulebooks" / "tiny", rules)
    secret = "".join(f"user{i}:x:{i}:{i}::/home/user{i}:/bin/sh " for i in range(300))
    (rules / "findings.yaml").write_text(secret + "\n", encoding="utf-8")
    with pytest.raises(judgment.RuleFileError) as caught:
        judgment.load_rulebook(rules)
    rendered = caught.value.render()
    assert "user299" not in rendered, rendered
    assert all(len(d.message) < 300 for d in caught.value.diagnostics), rendered


def test_a_long_value_in_a_bundle_is_echoed_as_an_excerpt(tmp_path: Path) -> None:
    path = variant(tmp_path, "    months: 48", "    months: " + "x" * 10_000)
    error = refusal(path)
    [diagnostic] = error.diagnostics
    assert diagnostic.code == "WRONG_TYPE" and "(10,000 characters)" in diagnostic.message
    assert len(error.render()) < 1_000
