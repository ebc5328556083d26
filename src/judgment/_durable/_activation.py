"""Reading an activation durable_rules hands back: its engine rule and the fact bound to each pattern.

An activation is the JSON text ``{"<engine rule>":{"<pattern>":{<fact>},...}}``, and it carries
every property of every fact it bound, while judgment needs only the rule and the facts' ids.
Decoding it all as JSON cost about as much as the engine's matching, so the names are cut from the
text instead (about 5x faster), which is sound because of what judgment asserts: every fact opens
with its identity, ``{"id":"f12",`` (``EngineSession._with_identity``), and durable_rules hands a
fact back as it was written; "id" is a key no other property has (``_encode``); and in JSON text a
quote inside a string is always escaped, so ``:{"id":"`` is only ever a pattern's fact opening,
right after the pattern's name. When the text has another shape (an identity not first in its
fact), it is decoded as JSON. Names judgment never made (a wrong cut) fail the look-up of the rule
or the pattern loudly; tests/test_engine_path.py compares both readings on every activation of
many judgments.
"""

from __future__ import annotations

import json

_OPENING = ':{"id":"'
_decode = json.JSONDecoder().decode  # json.loads, without its per-call argument handling


def read_activation(message: str) -> tuple[str, dict[str, str]]:
    """(engine rule, {pattern: fact id}), the patterns in the order durable_rules wrote them."""
    parts = message.split(_OPENING)
    if len(parts) - 1 != message.count('"id":"') or not message.startswith('{"'):
        return decode_activation(message)
    bound = {}
    for before, after in zip(parts, parts[1:]):  # before ends with "<pattern>"; after opens with <fact id>"
        bound[before[before.rindex('"', 0, -1) + 1:-1]] = after[:after.index('"')]
    return message[2:message.index('"', 2)], bound


def decode_activation(message: str) -> tuple[str, dict[str, str]]:
    """The same, from the text decoded as JSON: what `read_activation` must agree with."""
    ((rule, bound),) = _decode(message).items()
    return rule, {pattern: fact["id"] for pattern, fact in bound.items()}
