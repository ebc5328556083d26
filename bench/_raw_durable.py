"""Raw durable_rules: the C extension driven directly, as a careful user would without judgment.

The same ruleset definition and the same facts as judgment's session (encoded
before timing starts: the encoder is not what is measured), asserted in one call,
every activation drained and recorded, and the status facts of the findings that
other rules test replaced until nothing changes. No fence, no residual checks, no
truth maintenance bookkeeping, no cross-check. It must record the same findings;
it can, for rulebooks (like the shipped one) whose finding() tests are all positive,
as no activation then needs withdrawing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import durable_rules_engine as engine

from judgment import Bundle, Rulebook
from judgment._durable._compile import render_definition
from judgment._durable._encode import encode_fact, read_prop
from judgment._durable._ruleset import ruleset_for

FindingKey = tuple[str, tuple[tuple[str, str], ...]]


@dataclass
class Prepared:
    """One bundle's facts, ready to assert: (fact id, JSON) per record, and the record of each fact id."""

    records: list[str]
    record_of: dict[str, str]


class RawDurable:
    def __init__(self, rulebook: Rulebook) -> None:
        compiled = ruleset_for(rulebook).compiled  # the same definition judgment loads
        self.compiled = compiled
        self.handle = engine.create_ruleset(f"raw-{rulebook.sha256[:12]}", render_definition(compiled.definition))
        self.tracked = sorted(compiled.findings_tracked)
        self.sessions = 0

    def prepare(self, bundle: Bundle) -> Prepared:
        facts, record_of = [], {}
        for index, record in enumerate(bundle.records):
            props = self.compiled.sorted_props(record.kind)
            body = encode_fact({"t": "r", "k": record.kind}, {p.name: read_prop(record, p) for p in props})
            fact_id = f"r{index}"
            record_of[fact_id] = record.id
            facts.append((fact_id, body))
        return Prepared([f"{{\"id\":\"{i}\",\"sid\":\"@SID@\",{b[1:]}" for i, b in facts], record_of)

    def findings(self, prepared: Prepared) -> set[FindingKey]:
        self.sessions += 1
        sid = f"x{self.sessions}"
        quoted = f"\"{sid}\""
        opening = f"{{\"id\":\"o\",\"sid\":{quoted},\"t\":\"o\"}}"
        status = {rule: False for rule in self.tracked}
        facts = [opening] + [f.replace("\"@SID@\"", quoted) for f in prepared.records]
        facts += [self._status(sid, rule, False, 0) for rule in self.tracked]
        fired: dict[tuple[str, tuple[tuple[str, str], ...]], str] = {}
        self._drain(engine.assert_facts(self.handle, "[" + ",".join(facts) + "]")[1], fired)
        generation = 0
        while True:  # findings that other rules test: replace their status facts until stable
            made = {self.compiled.rules[name].finding for name, _ in fired}
            changed = [rule for rule in self.tracked if (rule in made) != status[rule]]
            if not changed:
                break
            generation += 1
            retract = [json.dumps({"sid": sid, "id": f"s-{rule}-{generation - 1}"}) for rule in changed]
            engine.retract_facts(self.handle, "[" + ",".join(retract) + "]")
            for rule in changed:
                status[rule] = not status[rule]
            state = engine.assert_facts(self.handle, "[" + ",".join(
                self._status(sid, rule, status[rule], generation) for rule in changed) + "]")[1]
            self._drain(state, fired)
        engine.delete_state(self.handle, sid)
        return {self._key(name, ids, prepared) for name, ids in fired}

    def _status(self, sid: str, rule: str, made: bool, generation: int) -> str:
        return json.dumps({"id": f"s-{rule}-{generation}", "sid": sid, "t": "s", "rule": rule,
                           "made": 1.0 if made else 0.0})

    def _drain(self, state: int, fired: dict[tuple[str, tuple[tuple[str, str], ...]], str]) -> None:
        result = engine.start_action_for_state(self.handle, state)
        message = result[1] if result else None
        while message:
            ((name, bound),) = json.loads(message).items()
            if name != "open":
                fired[(name, tuple((pattern, fact["id"]) for pattern, fact in bound.items()))] = name
            message = engine.complete_and_start_action(self.handle, state)

    def _key(self, name: str, bound: Sequence[tuple[str, str]], prepared: Prepared) -> FindingKey:
        rule = self.compiled.rules[name]
        by_pattern = dict(bound)
        return rule.finding, tuple(sorted((v, prepared.record_of[by_pattern[p]]) for p, v, _ in rule.variables))
