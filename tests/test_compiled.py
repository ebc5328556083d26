"""The compiled engine: generated code holds no rulebook text, and reading by type changes nothing."""

from __future__ import annotations

import io
import json
import keyword
import re
import tokenize

import pytest
from hypothesis import HealthCheck, given, note, settings

import judgment
from conftest import ROOT
from judgment import Bundle, Rulebook
from judgment._compiled import compile_conditions, derive, program_for
from judgment._compiled._runtime import NAMES, Scope
from judgment.testing import bundles

SHIPPED = judgment.load_rulebook(ROOT / "rules" / "hmic-crime-2014")
COVERAGE = judgment.load_rulebook(ROOT / "tests" / "data" / "rulebooks" / "language")
GENERATED_NAME = re.compile(r"^(c|f|v|r|t)\d+$|^k\d+_\d+$|^(S|add|out|K)$|^(rank|kinds|fired|append)$")  # last: attributes


@pytest.mark.parametrize("book", [SHIPPED, COVERAGE], ids=["shipped", "language"])
def test_generated_source_holds_no_rulebook_text(book: Rulebook) -> None:
    """Only keywords, runtime names, generated names and integers: no strings, no rulebook names."""
    source = program_for(book).source
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING:
            pytest.fail(f"a string literal in generated code: {token.string}")
        if token.type == tokenize.NUMBER:
            assert token.string.isdigit(), token.string
        if token.type == tokenize.NAME:
            assert keyword.iskeyword(token.string) or token.string in NAMES \
                or GENERATED_NAME.match(token.string), f"unexpected name {token.string!r} in generated code"


def test_generated_code_runs_without_builtins() -> None:
    function = program_for(SHIPPED).strata[0].shared[0][1]
    assert function.__globals__["__builtins__"] == {}
    assert {n for n in function.__globals__ if not GENERATED_NAME.match(n)} == {"__builtins__", *NAMES}


def test_a_hostile_string_is_data_not_code() -> None:
    from judgment._lang._parser import parse_expression

    text = "finding(x) == '__import__(\"os\").system(\"false\")'"
    node = parse_expression(text)
    (function,), tables, source = compile_conditions([(text, node, ())])
    assert "__import__" not in source and "os" not in re.findall(r"[a-z]+", source)
    events: list[object] = []
    assert function(Scope(), events.append) is False
    assert '__import__("os").system("false")' in tables.constants


def _all_conditions(book: Rulebook, typed: bool) -> list:
    conditions = [r.when for r in book.findings]
    functions, tables, _ = compile_conditions(
        [(c.text, c.node, c.variables) for c in conditions], "<test>", book.vocabulary if typed else None)
    return list(zip(book.findings, functions))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(bundles(COVERAGE))
def test_reading_fields_by_declared_type_changes_no_outcome_and_no_trace(bundle: Bundle) -> None:
    """The typed readers are an optimisation: every finding condition, every binding, same result."""
    note(json.dumps(bundle.to_data(), sort_keys=True))
    fired = derive(program_for(COVERAGE), bundle)
    scope = Scope(kinds=bundle.kinds, fired=fired)
    typed, untyped = _all_conditions(COVERAGE, True), _all_conditions(COVERAGE, False)
    for (rule, fast), (_, slow) in zip(typed, untyped):
        pools = [bundle.by_kind(kind) for _, kind in rule.when.variables]
        for records in _product(pools):
            fast_events: list[object] = []
            slow_events: list[object] = []
            assert fast(scope, fast_events.append, *records) is slow(scope, slow_events.append, *records), rule.id
            assert [e[1:] for e in fast_events] == [e[1:] for e in slow_events], rule.id  # type: ignore[index]


def _product(pools: list[tuple[judgment.Record, ...]]) -> list[tuple[judgment.Record, ...]]:
    import itertools

    return list(itertools.product(*pools))
