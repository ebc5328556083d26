"""The engine of record's cheaper path (issue 21, point 3) reads what the slower one read.

Activations are read from durable_rules' text by `read_activation` instead of being decoded as
JSON, and the cross-check keys the compiled engine's findings with each rule's variables read once
per ruleset: both must give exactly what the JSON decoder and `finding_keys` give.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

import judgment
from _engines import needs_durable
from conftest import ROOT
from judgment._compiled import derive, finding_keys, program_for
from judgment.testing import bundles

SHIPPED = judgment.load_rulebook(ROOT / "rules" / "hmic-crime-2014")
COVERAGE = judgment.load_rulebook(ROOT / "tests" / "data" / "rulebooks" / "language")
DERBYSHIRE = ROOT / "examples" / "derbyshire-2014.yaml"

pytestmark = needs_durable


def _activations(rulebook: judgment.Rulebook, bundle: judgment.Bundle, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every activation durable_rules hands back while judging `bundle`."""
    from judgment._durable import _native

    seen: list[str] = []
    first, then = _native.start_action_for_state, _native.complete_and_start_action

    def starting(handle: int, state: int) -> str | None:
        message = first(handle, state)
        seen.extend([message] if message else [])
        return message

    def continuing(handle: int, state: int) -> str | None:
        message = then(handle, state)
        seen.extend([message] if message else [])
        return message

    with monkeypatch.context() as patch:
        patch.setattr(_native, "start_action_for_state", starting)
        patch.setattr(_native, "complete_and_start_action", continuing)
        judgment.judge(rulebook, bundle, any_date=True)
    return seen


def _assert_read_as_decoded(messages: list[str]) -> None:
    from judgment._durable._activation import decode_activation, read_activation

    for message in messages:
        assert read_activation(message) == decode_activation(message), message


def test_activations_of_derbyshire_are_read_as_json_decodes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = _activations(SHIPPED, judgment.load_bundle(DERBYSHIRE), monkeypatch)
    assert len(messages) > 10
    _assert_read_as_decoded(messages)


@pytest.mark.parametrize("rulebook", [SHIPPED, COVERAGE], ids=["shipped", "coverage"])
def test_activations_of_generated_bundles_are_read_as_json_decodes_them(rulebook: judgment.Rulebook) -> None:
    monkeypatch = pytest.MonkeyPatch()

    @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(bundles(rulebook))
    def check(bundle: judgment.Bundle) -> None:
        _assert_read_as_decoded(_activations(rulebook, bundle, monkeypatch))

    check()


@pytest.mark.parametrize("text", ['x\\"id\\":\\"f9\\"', '\\":{\\"v9\\":{', "ends in a backslash\\\\", "{}", ":{"])
def test_strings_that_look_like_keys_are_not_read_as_keys(text: str) -> None:
    """Strings in facts (escaped as the encoder escapes them) holding what looks like a key."""
    fact = f'{{"id":"f3","sid":"s1","t":"r","f_a":"{text}","f_b":1.0}}'
    other = f'{{"id":"f7","sid":"s1","t":"k","k":"{text}","present":1.0}}'
    json.loads(fact)
    later = f'{{"sid":"s1","t":"r","f_a":"{text}","id":"f8"}}'  # an identity not first: decoded as JSON
    _assert_read_as_decoded([f'{{"rule#0":{{"v0":{fact}}}}}', f'{{"rule#1":{{"v1":{fact},"k0":{other}}}}}',
                             f'{{"rule#2":{{"v0":{later}}}}}', f'{{"rule#3":{{"v1":{fact},"v0":{later}}}}}'])


@pytest.mark.parametrize("rulebook", [SHIPPED, COVERAGE], ids=["shipped", "coverage"])
def test_the_cross_check_keys_the_compiled_findings_as_finding_keys_does(rulebook: judgment.Rulebook) -> None:
    from judgment._compiled import keys_of as compiled_keys
    from judgment._durable._ruleset import ruleset_for

    variables, program = ruleset_for(rulebook).variables, program_for(rulebook)

    @settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(bundles(rulebook))
    def check(bundle: judgment.Bundle) -> None:
        fired = derive(program, bundle)
        assert compiled_keys(variables, fired) == finding_keys(rulebook, fired)

    check()

