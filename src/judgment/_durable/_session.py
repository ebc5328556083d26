"""A durable_rules session with truth maintenance: facts in, findings out, retractions honoured.

durable_rules never withdraws what an action derived when a fact it matched is
retracted. So every activation is recorded with the facts it was bound to; a
finding lives while at least one of its activations does. Facts whose truth can
change (whether a kind is present, whether a finding is made) are never updated
in place: the old fact is retracted, which kills what it supported, and a new one
is asserted, which lets the engine match afresh.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from judgment._compiled._runtime import Scope
from judgment._diagnostics import Diagnostic
from judgment._durable import _native
from judgment._durable._activation import read_activation
from judgment._durable._compile import SENTINEL_RULE, EngineRule
from judgment._durable._encode import EncodingError, encode_fact, format_string
from judgment._durable._hash import IdAllocator
from judgment._durable._lifecycle import orphan, release, take
from judgment._durable._ruleset import Ruleset
from judgment._errors import EngineLimitError, JudgmentError, UnknownRecordError
from judgment._rulebook._pairs import in_id_order
from judgment.evidence import Record

if TYPE_CHECKING:
    from judgment._bundle import Bundle

MAX_ACTIONS_PER_UPDATE = 100_000

FindingKey = tuple[str, tuple[tuple[str, str], ...]]  # (rule, ((variable, record id), ...))
_NO_SCOPE = Scope()  # residual tests read only their records: presence and findings stay in the engine


def _ignore(event: object) -> None:
    """Residual tests leave no trace: the explanation comes from the compiled engine's own run."""


Activation = tuple[str, tuple[str, ...]]  # (engine rule, bound fact ids)
_OPENING = encode_fact({"t": "o"}, {})


@lru_cache(maxsize=4096)  # a few per rulebook: (marker or status, name, on)
def _switch_body(kind: str, name: str, on: bool) -> str:
    body: dict[str, float | str] = {"t": kind, "k": name, "present": float(on)} if kind == "k" else \
        {"t": kind, "rule": name, "made": float(on)}
    return encode_fact(body, {})


class EngineSession:
    def __init__(self, ruleset: Ruleset, records: Iterable[Record] = (), bundle: Bundle | None = None,
                 *, live: bool = True) -> None:
        """A session on `ruleset`, opened with `records`, or a `bundle`'s records, if given (one round
        trip for all of them). A `live` session counts against the ruleset's quota of open sessions;
        a one-shot session (`live=False`) must be opened and closed under the ruleset's lock."""
        self._ruleset = ruleset
        self._compiled = ruleset.compiled
        self._records: dict[str, Record] = {}
        initial = list(records if bundle is None else bundle.records)
        # Before the session exists: nothing to undo if a record is refused.
        encoded = self._checked(initial) if bundle is None else self._bundle_encoded(bundle)
        self._facts = IdAllocator("f")
        self._record_of_fact: dict[str, str] = {}
        self._fact_of_record: dict[str, str] = {}
        self._switches: dict[tuple[str, str], tuple[str, bool]] = {}  # ("k"|"s", name) -> (fact id, on)
        self._activations: dict[Activation, FindingKey] = {}
        self._supporters: dict[FindingKey, int] = {}  # live activations behind each finding made
        self._made: dict[str, int] = {}  # rule -> findings it makes now
        self._dirty: set[str] = set()
        self._closed = self._broken = False
        with ruleset.lock:
            self._slot = take(ruleset, live)
            # Released when closed, or queued for release if a live session is dropped unclosed (a
            # one-shot session is closed by the call that opened it).
            self._finalizer = weakref.finalize(self, orphan, self._slot) if live else None
            if self._finalizer is not None:
                self._finalizer.atexit = False
            self._sid = self._slot.sid
            self._quoted_sid = format_string(self._sid)
            try:
                self._open(initial, encoded)
            except BaseException:
                self.close()  # never leave a session allocated behind an error
                raise

    # lifecycle --------------------------------------------------------------
    def _open(self, records: list[Record], encoded: list[str]) -> None:
        # The first fact fires a no-op rule: deleting a session in which no action ever completed
        # crashes durable_rules (C1), so the session is deleted only once that action has completed
        # (the slot says so). It goes first, in the same call as the switches (kinds present as the
        # records say) and the records: one round trip.
        opening = self._fact(_OPENING)[1]
        present = {r.kind for r in records}
        switches = [("k", kind, kind in present) for kind in sorted(self._compiled.kinds_marked)]
        switches += [("s", rule, False) for rule in sorted(self._compiled.findings_tracked)]
        self._slot.asserted = True
        facts = [opening, *(self._switch_fact(kind, name, on) for kind, name, on in switches)]
        self._assert(facts + self._stage(records, encoded))
        self._settle()

    def close(self) -> None:
        with self._ruleset.lock:
            if self._closed:
                return
            self._closed = True
            if self._finalizer is not None:
                self._finalizer.detach()
            release(self._slot)

    # updates ------------------------------------------------------------------
    # Every read and update of the session's state (its records, its findings, whether it is
    # usable) happens under the ruleset's lock, each in one piece: a check made outside the lock
    # could be stale by the time the update runs (two threads adding one record both passed the
    # duplicate check, and the record was staged twice).
    def add(self, records: Iterable[Record]) -> None:
        records = list(records)
        with self._ruleset.lock:
            self._usable()
            encoded = self._checked(records)
            self._guard(lambda: self._add_encoded(records, encoded))

    def retract(self, record_id: str) -> None:
        with self._ruleset.lock:
            self._usable()
            if record_id not in self._records:
                held = ", ".join(repr(r) for r in sorted(self._records)[:5]) + (
                    ", ..." if len(self._records) > 5 else "")
                raise UnknownRecordError([Diagnostic(
                    "UNKNOWN_REFERENCE", f"record {record_id!r} is not in the session", self._ruleset.location,
                    hint=f"the session holds {held}" if held else "the session holds no records")])
            self._guard(lambda: self._retract_record(record_id))

    def findings(self) -> set[FindingKey]:
        with self._ruleset.lock:
            return set(self._supporters)

    def snapshot(self) -> tuple[tuple[Record, ...], set[FindingKey]]:
        """The records held, by id, and the findings they make, read together: a judgment built
        from one read of the records and another of the findings could mix two updates."""
        with self._ruleset.lock:
            return tuple(sorted(self._records.values(), key=lambda r: r.id)), set(self._supporters)

    # internals ------------------------------------------------------------
    def _usable(self) -> None:
        if self._closed or self._broken:
            raise JudgmentError([Diagnostic("ENGINE_LIMIT", "this session is closed" if self._closed else
                                            "this session was abandoned after an error; open a new one",
                                            self._ruleset.location)])

    def _guard(self, update: Any) -> None:
        try:
            update()
        except BaseException:
            self._broken = True
            raise

    def _encode(self, record: Record) -> str:
        try:
            return self._compiled.encoded(record)
        except EncodingError as exc:
            raise EngineLimitError([Diagnostic("ENGINE_LIMIT", f"record {record.id!r}: {exc}",
                                               self._ruleset.location)]) from None

    def _checked(self, records: list[Record]) -> list[str]:
        """Every record checked and encoded before any is asserted."""
        seen = set(self._records)
        for record in records:
            if record.id in seen:
                raise JudgmentError([Diagnostic("DUPLICATE_ID", f"record {record.id!r} is already in the session",
                                                self._ruleset.location)])
            seen.add(record.id)
        return [self._encode(record) for record in records]

    def _bundle_encoded(self, bundle: Bundle) -> list[str]:
        """A bundle's records encoded (its ids are unique: the bundle checks that)."""
        try:
            return self._compiled.encoded_records(bundle)
        except EncodingError:
            return [self._encode(record) for record in bundle.records]  # again, to name the record refused

    def _stage(self, records: list[Record], encoded: list[str]) -> list[str]:
        """Give each record its fact id; the facts to assert."""
        batch = []
        for record, body, fact_id in zip(records, encoded, self._facts.allocate_many(len(records))):
            self._records[record.id] = record
            self._record_of_fact[fact_id] = record.id
            self._fact_of_record[record.id] = fact_id
            batch.append(self._with_identity(fact_id, body))
        return batch

    def _add_encoded(self, records: list[Record], encoded: list[str]) -> None:
        self._assert(self._stage(records, encoded))
        self._update_markers({r.kind for r in records})
        self._settle()

    def _retract_record(self, record_id: str) -> None:
        record = self._records.pop(record_id)
        fact_id = self._fact_of_record.pop(record_id)
        del self._record_of_fact[fact_id]
        self._retract([fact_id])
        self._update_markers({record.kind})
        self._settle()

    def _update_markers(self, kinds: set[str]) -> None:
        present = {r.kind for r in self._records.values()}
        changed = [k for k in sorted(kinds & self._compiled.kinds_marked)
                   if self._switches[("k", k)][1] != (k in present)]
        self._replace([("k", kind, kind in present) for kind in changed])

    def _settle(self) -> None:
        """Replace the status facts of findings made or unmade, until nothing changes."""
        while self._dirty:
            rules, self._dirty = sorted(self._dirty), set()
            changes = [("s", rule, self._made.get(rule, 0) > 0) for rule in rules]
            self._replace([c for c in changes if self._switches[("s", c[1])][1] != c[2]])

    def _replace(self, switches: list[tuple[str, str, bool]]) -> None:
        if not switches:
            return
        self._retract([self._switches[(kind, name)][0] for kind, name, _ in switches])
        self._assert([self._switch_fact(kind, name, on) for kind, name, on in switches])

    def _switch_fact(self, kind: str, name: str, on: bool) -> str:
        fact_id, text = self._fact(_switch_body(kind, name, on))
        self._switches[(kind, name)] = (fact_id, on)
        return text

    def _fact(self, body: str) -> tuple[str, str]:
        fact_id = self._facts.allocate()
        return fact_id, self._with_identity(fact_id, body)

    def _with_identity(self, fact_id: str, body: str) -> str:
        # Our own ids (a letter and digits), quoted as encode_fact would; nothing in them to escape.
        return f"{{\"id\":\"{fact_id}\",\"sid\":{self._quoted_sid},{body[1:]}"

    # the engine -----------------------------------------------------------
    def _assert(self, facts: list[str]) -> None:
        if not facts:
            return
        try:
            code, state = _native.assert_facts(self._ruleset.handle, "[" + ",".join(facts) + "]")
        except _native.NativeError as exc:
            raise EngineLimitError([Diagnostic("ENGINE_LIMIT", str(exc), self._ruleset.location, hint=(
                "a limit of durable_rules that judgment does not count yet: please report it"))]) from None
        if code == _native.OBSERVED:
            raise AssertionError("durable_rules saw a fact twice: fact ids are not distinct")
        self._drain(state)

    def _retract(self, fact_ids: list[str]) -> None:
        handle, sid = self._ruleset.handle, self._quoted_sid
        facts = ",".join(f"{{\"sid\":{sid},\"id\":{format_string(f)}}}" for f in fact_ids)
        _native.retract_facts(handle, f"[{facts}]")
        for fact_id in fact_ids:
            self._facts.release(fact_id)
        # Retractions are few (a record withdrawn, a status replaced), so the activations a fact
        # supports are looked for when it goes rather than indexed for every activation made.
        gone = set(fact_ids)
        for activation in sorted(a for a in self._activations if not gone.isdisjoint(a[1])):
            self._kill(activation)

    def _drain(self, state: int) -> None:
        handle = self._ruleset.handle
        message = _native.start_action_for_state(handle, state)
        actions = 0
        while message is not None:
            actions += 1
            try:
                if actions > MAX_ACTIONS_PER_UPDATE:
                    raise EngineLimitError([Diagnostic(
                        "ENGINE_LIMIT", f"more than {MAX_ACTIONS_PER_UPDATE:,} rule activations in one update",
                        self._ruleset.location, hint="the rulebook or the bundle makes too many combinations")])
                name, bound = read_activation(message)
                if name != SENTINEL_RULE:
                    self._activate(name, bound)
            except BaseException:
                _native.abandon_action(handle, state)
                raise
            message = _native.complete_and_start_action(handle, state)
            if name == SENTINEL_RULE:
                self._slot.opened = True  # the opening action completed: the state may be deleted

    def _activate(self, name: str, bound: dict[str, str]) -> None:
        """One activation: the engine rule `name`, and the fact id bound to each of its patterns."""
        rule: EngineRule = self._compiled.rules[name]
        record_of_fact = self._record_of_fact
        # Every fact the activation matched, not only its records': the kind markers and finding
        # statuses the rule tests are facts too, and replacing one must withdraw what it supported.
        fact_ids = tuple(bound.values())
        if len(rule.patterns) == 1:  # most rules: one record, no pairs to check or sort
            record_ids: tuple[str, ...] = (record_of_fact[bound[rule.patterns[0]]],)
            bindings: tuple[tuple[str, str], ...] = ((rule.variable_names[0], record_ids[0]),)
        else:
            record_ids = tuple([record_of_fact[bound[pattern]] for pattern in rule.patterns])
            if len(set(record_ids)) < len(record_ids):
                # Two variables never bind the same record. durable_rules 2.0.28 was not seen to bind
                # one fact to two patterns of a rule, but the semantics must not rest on that.
                return
            if rule.in_order and not in_id_order(record_ids, rule.in_order):
                return  # `unordered`: each set of records once, in id order (the engine cannot test ids)
            bindings = tuple(sorted(zip(rule.variable_names, record_ids)))
        if rule.residual_tests:
            records = tuple(self._records[record_id] for record_id in record_ids)
            for test, want in rule.residual_tests:
                if test(_NO_SCOPE, _ignore, *records) is not want:
                    return
        self._record_activation((name, fact_ids), (rule.finding, bindings))

    def _record_activation(self, activation: Activation, finding: FindingKey) -> None:
        self._activations[activation] = finding
        supporters = self._supporters.get(finding, 0)
        self._supporters[finding] = supporters + 1
        if supporters == 0:
            self._count(finding[0], +1)

    def _kill(self, activation: Activation) -> None:
        finding = self._activations.pop(activation, None)
        if finding is None:
            return
        supporters = self._supporters[finding] - 1
        if supporters:
            self._supporters[finding] = supporters
        else:
            del self._supporters[finding]
            self._count(finding[0], -1)

    def _count(self, rule: str, delta: int) -> None:
        before = self._made.get(rule, 0)
        self._made[rule] = after = before + delta
        if (after > 0) != (before > 0) and rule in self._compiled.findings_tracked:
            self._dirty.add(rule)
