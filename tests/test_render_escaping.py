"""Output injection (issue 12, point 10): whatever the judgment holds, the renderers print it as text.

Load-time checks refuse control characters in evidence, but a judgment can also be built from data
through the API, so each renderer escapes on its own: the text renderer shows control characters as
visible escapes (no terminal sequence reaches the terminal, no rich markup is read from data), the
Markdown renderer leaves no raw HTML, link or image, and the HTML renderer escapes everything.
Hostile judgments are built from a real one by replacing data fields, without going through loading."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from io import StringIO
from typing import Any

import pytest
from markdown_it import MarkdownIt

import judgment
from conftest import DERBYSHIRE, RULES
from judgment._judgment import Judgment
from judgment._render._html import render_html
from judgment._render._markdown import render_markdown
from judgment._render._safe import visible
from judgment._render._text import render_text

TERMINAL = "\x1b]0;owned\x07\x1b[2J\x9b31m\x7f\x00\x08\r"
MARKUP = ("<script>alert(1)</script> [x](javascript:alert(1)) ![x](http://example.com/x.png) "
          "<img src=x onerror=alert(1)> <javascript:alert(1)> &lt;b&gt; `code` [bold]loud[/bold] ")
HOSTILE = MARKUP + TERMINAL
RAW_CONTROLS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0))]


@pytest.fixture(scope="module")
def plain() -> Judgment:
    return judgment.judge(judgment.load_rulebook(RULES), judgment.load_bundle(DERBYSHIRE))


def hostile(result: Judgment, payload: str = HOSTILE) -> Judgment:
    """`result` with the payload in every field that comes from data: quotes, sections, record ids,
    finding and recommendation texts, the organisation's name and the inspection's title."""
    data: dict[str, Any] = result.model_dump(mode="json")
    renamed = {q["id"]: q["id"] + payload for q in data["quotes"]}
    for quote in data["quotes"]:
        quote.update(id=renamed[quote["id"]], quote=quote["quote"] + payload, section=payload)
    for question in data["questions"]:
        question["title"] += payload
        for finding in question["findings"]:
            finding.update(text=finding["text"] + payload, evidence=[renamed.get(e, e) for e in finding["evidence"]])
    for recommendation in data["recommendations"]:
        recommendation["text"] += payload
    data["inspection"].update(organisation=payload, title=payload)
    data["overall"]["narrative"] = payload
    return Judgment.model_validate(data)


def text_of(result: Judgment, **options: Any) -> str:
    stream = StringIO()
    render_text(result, stream, "full", **options)
    return stream.getvalue()


def test_visible_replaces_every_control_character_and_keeps_lines_and_tabs() -> None:
    assert visible("a\x1b[2Jb\x07\x9b\x7f\x00") == "a\\x1b[2Jb\\x07\\x9b\\x7f\\x00"
    assert visible("line\n\tnext \u201cquoted\u201d") == "line\n\tnext \u201cquoted\u201d"
    assert not set(visible("".join(RAW_CONTROLS))) & set(RAW_CONTROLS)


def test_text_output_sends_no_control_character_to_the_terminal(plain: Judgment) -> None:
    out = text_of(hostile(plain))
    assert not set(out) & set(RAW_CONTROLS)
    assert "\\x1b]0;owned\\x07\\x1b[2J\\x9b31m" in out
    assert "[bold]loud[/bold]" in out  # rich markup in data is printed, not read


def test_coloured_text_output_escapes_data_but_keeps_its_own_styles(plain: Judgment) -> None:
    out = text_of(hostile(plain), color=True)
    assert "\x1b]" not in out and "\x1b[2J" not in out and "\x07" not in out and "\x9b" not in out
    assert "\x1b[1m" in out  # the renderer's own bold


def html_of_markdown(text: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).render(text)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.add(tag)
        self.found.update(f"{tag}[{name}]" for name, _ in attrs)


def tags(html: str) -> set[str]:
    """Every element and attribute in `html`, as a browser's parser sees them."""
    parser = _Tags()
    parser.feed(html)
    return parser.found


MARKDOWN_TAGS = {"h1", "h2", "p", "em", "strong", "ul", "li", "code", "blockquote"}


def test_markdown_leaves_no_raw_html_link_or_image(plain: Judgment) -> None:
    markdown = render_markdown(hostile(plain), "full")
    html = html_of_markdown(markdown)
    assert tags(html) <= MARKDOWN_TAGS
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[x](javascript:alert(1))" in html  # shown as the text it is
    assert not set(markdown) & set(RAW_CONTROLS)


def test_markdown_of_a_plain_judgment_reads_as_before(plain: Judgment) -> None:
    markdown = render_markdown(plain, "fails")
    assert "- **Area for improvement:** The force's ability to measure the impact of its activities is limited." \
        in markdown
    assert "\u201cHMIC found that the constabulary" in markdown


def test_html_escapes_every_hostile_field(plain: Judgment) -> None:
    html = render_html(hostile(plain), "full")
    assert not tags(html) & {"script", "img", "a"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not set(html) & set(RAW_CONTROLS) - {"\n"}


def bundle_quoting(payload: str) -> judgment.Bundle:
    data = json.loads(json.dumps(judgment.load_bundle(DERBYSHIRE).to_data()))
    for record in data["records"]:
        record["provenance"]["quote"] = record["provenance"].get("quote", "") + payload
    data["inspection"]["organisation"] += payload
    return judgment.bundle_from_data(data)


def test_markup_in_quotes_from_data_is_judged_and_rendered_as_text() -> None:
    # End to end through the public API: markup is printable text, so evidence may hold it.
    result = judgment.judge(judgment.load_rulebook(RULES), bundle_quoting(MARKUP))
    html = html_of_markdown(render_markdown(result, "full"))
    assert tags(html) <= MARKDOWN_TAGS
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not tags(render_html(result, "full")) & {"script", "img", "a"}
    assert "[bold]loud[/bold]" in text_of(result)


def test_a_terminal_sequence_in_a_quote_from_data_is_refused_or_rendered_harmless() -> None:
    try:
        bundle = bundle_quoting(TERMINAL)
    except judgment.BundleError as error:
        assert {d.code for d in error.diagnostics} == {"BAD_VALUE"}
        return
    result = judgment.judge(judgment.load_rulebook(RULES), bundle)
    assert not set(text_of(result)) & set(RAW_CONTROLS)


#: Bidirectional embeddings, overrides, isolates and marks, and the line and paragraph separators: what
#: makes a reader see text in another order than it is ("Trojan source"), or a line break that is not one.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029"


def test_bidirectional_controls_are_shown_in_every_output(plain: Judgment) -> None:
    """Evidence refuses these when it is loaded; a renderer must not depend on that (a Judgment built
    in code, a rule text, a record read back): each is shown as \\uNNNN in text, Markdown and HTML."""
    assert visible("pay \u202egnp.exe") == "pay \\u202egnp.exe"
    result = hostile(plain, "x" + BIDI + "y")
    for out in (text_of(result), render_markdown(result, "full"), render_html(result, "full")):
        assert not set(out) & set(BIDI)
        assert "\\u202e" in out
