"""The generated parse tables are those of the grammar, and parse exactly as a parser built from it."""

from __future__ import annotations

import hashlib

import judgment
from conftest import ROOT
from judgment._lang import _parser, _tables, _tables_build


def test_the_committed_tables_are_generated_from_the_current_grammar() -> None:
    # lark numbers its states differently from one process to the next, so the text cannot be compared;
    # the grammar's hash is, and the test below compares what the tables parse.
    grammar = _tables_build.grammar_text().encode()
    assert _tables.GRAMMAR_SHA256 == hashlib.sha256(grammar).hexdigest(), "run: python -m judgment._lang._tables_build"


def test_the_loaded_parser_parses_as_a_built_one() -> None:
    loaded, built = _parser._parser(), _tables_build.build()
    texts = [rule.when.text for folder in ("rules/hmic-crime-2014", "tests/data/rulebooks/language")
             for rule in judgment.load_rulebook(ROOT / folder).findings]
    texts += ["a.b >= 'x' and not (c.d is not in line with national within 2.5) or -x.y * 2 / 3 > 1"]
    assert len(texts) > 40
    for text in texts:
        assert loaded.parse(text) == built.parse(text), text
