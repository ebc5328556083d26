"""The five properties, each asked of the solver: proved, or refuted with the bundles that break it.

- totality: each question (and a graded overall judgment) gets exactly one outcome for every bundle;
- monotonicity: a field made better in its declared direction (per field), or a record added that
  makes only positive findings (per kind), never lowers a grade nor takes one away;
- no_dead_rule: every finding rule, criterion and recommendation fires for some bundle;
- no_shadowing: no criterion holds only where criteria before it already decide;
- opposite_polarity: finding rules of opposite sense that one record can make together (a warning).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from dataclasses import replace

from judgment._prove._abstract import ROUNDS, Concrete, blocking, concrete_kinds
from judgment._prove._better import improved
from judgment._prove._example import on_grid, written
from judgment._prove._grading import Graded, grade
from judgment._prove._model import SymbolicBundle, budgeted, complete_slots, fewest_slots, slot_name
from judgment._prove._outcome import ProofExample, ProofOutcome
from judgment._prove._pair import Pair, presence
from judgment._prove._solve import Answer, solve
from judgment._prove._values import Expr
from judgment._prove._witness import Witnesses
from judgment._prove._z3 import z3
from judgment._rulebook._model import Rulebook


class Prover:
    """Proves the properties of one rulebook over every bundle of at most `slots` records per kind."""

    def __init__(self, rulebook: Rulebook, timeout: float | None, records: int | None = None) -> None:
        self.rulebook, self.timeout, self.records = rulebook, timeout, records
        self.cut: dict[str, tuple[int, int]] = {}  # kind -> (slots built, slots every bundle needs)
        self.slots = self.bounded(complete_slots(rulebook))
        self.single = grade(SymbolicBundle.build(rulebook, self.slots))
        self.witnesses = Witnesses(rulebook)
        self._reachable: dict[str, Answer] = {}
        self._concrete: Concrete | None = None

    def bounded(self, complete: Mapping[str, int]) -> dict[str, int]:
        """The slots to build with: `complete` (enough for every bundle), within --records and the
        budget; `self.cut` records every kind left fewer than every bundle needs."""
        slots = budgeted(self.rulebook, complete, records=self.records)
        for kind, needed in complete.items():
            if slots[kind] < needed and self.cut.get(kind, (needed, 0))[0] >= slots[kind]:
                self.cut[kind] = (slots[kind], needed)
        return slots

    def reachable(self, rule_id: str) -> Answer:
        """Whether some bundle makes the finding (asked once)."""
        if rule_id not in self._reachable:
            self._reachable[rule_id] = self.ask(self.single.bundle.fired[rule_id])
        return self._reachable[rule_id]

    def dead(self) -> frozenset[str]:
        """The finding rules no bundle makes (proved so: a rule the solver gave up on is not listed)."""
        return frozenset(r.id for r in self.rulebook.findings if self.reachable(r.id).status == "unsat")

    def concrete(self, pair: Pair) -> Concrete:
        """The full symbolic bundle, enough slots for two bundles compared and at least the pair's (made
        when first needed, again only for a pair with more slots of a kind)."""
        full = self.bounded(complete_slots(self.rulebook, factor=2, extra=1))
        slots = {kind: max(n, pair.before.bundle.slots.get(kind, 0)) for kind, n in full.items()}
        if self._concrete is None or any(self._concrete.slots.get(k, 0) < n for k, n in slots.items()):
            self._concrete = Concrete(self.rulebook, slots)
        return self._concrete

    def ask(self, *facts: Expr, graded: tuple[Graded, ...] = (), ordered: bool = True,
            numbers: Sequence[Expr] = ()) -> Answer:
        """Whether the facts can hold of valid bundles (`graded`: the single bundle by default). Numbers
        range over every real, so `unsat` is a proof; a model whose numbers no decimal writes (those of
        the bundles, and `numbers`: values a change moves to) is sought again on a decimal grid, so the
        counterexample can be written down (the first one is kept when the grid has none)."""
        bundles = graded or (self.single,)
        base = [fact for g in bundles for fact in self.witnesses.domain(g, ordered and len(bundles) == 1)]
        answer = solve([*base, *facts], self.timeout)
        if answer.status != "sat" or (all(self.witnesses.decimal(answer.model, g) for g in bundles)
                                      and all(written(answer.model, n) for n in numbers)):
            return answer
        grid = [fact for g in bundles for fact in self.witnesses.grid(g)] + on_grid(numbers)
        again = solve([*base, *facts, *grid], self.timeout)
        return again if again.status == "sat" else answer

    def outcome(self, name: str, subject: str, answer: Answer, proved: str, refuted: Callable[[object], str],
                examples: Callable[[object], tuple[ProofExample, ...]] = lambda model: (),
                status: str = "refuted") -> ProofOutcome:
        if answer.status == "unsat":
            return ProofOutcome(name, subject, "proved", proved, answer.seconds)
        if answer.status == "unknown":
            return ProofOutcome(name, subject, "unknown", f"the solver gave up ({answer.reason})", answer.seconds)
        found = examples(answer.model)
        return ProofOutcome(name, subject, status, refuted(answer.model), answer.seconds, found,
                       self.witnesses.confirm(name, subject, found) if found else None)


def totality(prover: Prover) -> Iterator[ProofOutcome]:
    graded = prover.single
    chains = [(f"question {q.id}", graded.decides[q.id]) for q in prover.rulebook.questions]
    if graded.overall_decides:
        chains.append(("the overall judgment", graded.overall_decides))
    for subject, decides in chains:
        one = z3().Sum(*[z3().If(d, 1, 0) for d in decides]) == 1
        yield prover.outcome("totality", subject, prover.ask(z3().Not(one)),
                             "exactly one criterion decides, for every bundle",
                             lambda model: "no criterion, or more than one, decides",
                             lambda model: (prover.witnesses.example(model, graded, "bundle"),))


def no_dead_rule(prover: Prover) -> Iterator[ProofOutcome]:
    graded, rulebook = prover.single, prover.rulebook
    subjects: list[tuple[str, Expr]] = []
    for question in rulebook.questions:
        criteria = rulebook.grading[question.id]
        subjects += [(f"criterion {question.id}/{c.id}", d) for c, d in zip(criteria, graded.decides[question.id])]
    subjects += [(f"criterion overall/{c.id}", d) for c, d in zip(rulebook.overall.criteria, graded.overall_decides)]
    subjects += [(f"recommendation {r}", term) for r, term in graded.recommended.items()]
    answers = [(f"finding rule {r.id}", prover.reachable(r.id)) for r in rulebook.findings]
    answers += [(subject, prover.ask(term)) for subject, term in subjects]
    for subject, answer in answers:
        if answer.status == "sat":  # reachable: the witness is judged to confirm it
            witness = (prover.witnesses.example(answer.model, graded, "bundle"),)
            yield ProofOutcome("no_dead_rule", subject, "proved", "fires for some bundle", answer.seconds, witness,
                          prover.witnesses.confirm("reachable", subject, witness))
        elif answer.status == "unsat":
            yield ProofOutcome("no_dead_rule", subject, "refuted", "fires for no bundle at all", answer.seconds)
        else:
            yield ProofOutcome("no_dead_rule", subject, "unknown", f"the solver gave up ({answer.reason})", answer.seconds)


def no_shadowing(prover: Prover) -> Iterator[ProofOutcome]:
    graded, rulebook = prover.single, prover.rulebook
    for question in rulebook.questions:
        criteria, holds = rulebook.grading[question.id], graded.holds[question.id]
        for index in range(1, len(criteria)):
            subject = f"criterion {question.id}/{criteria[index].id}"
            earlier = z3().Or(*holds[:index])
            answer = prover.ask(holds[index], z3().Not(earlier))
            if answer.status == "sat":
                yield ProofOutcome("no_shadowing", subject, "proved", "decides some bundle where it holds", answer.seconds)
                continue
            if answer.status == "unknown":
                yield ProofOutcome("no_shadowing", subject, "unknown", f"the solver gave up ({answer.reason})", answer.seconds)
                continue
            yield _shadowed(prover, question.id, index, answer.seconds)


def _shadowed(prover: Prover, question: str, index: int, seconds: float) -> ProofOutcome:
    """A criterion that never decides: which earlier ones decide wherever it holds, and a bundle to show it."""
    graded = prover.single
    criteria, holds = prover.rulebook.grading[question], graded.holds[question]
    subject = f"criterion {question}/{criteria[index].id}"
    seen = prover.ask(holds[index])
    if seen.status != "sat":
        return ProofOutcome("no_shadowing", subject, "proved", "never holds (see no_dead_rule): nothing to shadow", seconds)
    covering = [criteria[i].id for i in range(index)
                if prover.ask(holds[index], z3().Not(holds[i])).status == "unsat"]
    by = f"criterion {covering[0]}" if covering else "criteria " + ", ".join(c.id for c in criteria[:index]) + " together"
    otherwise = criteria[index].when is None
    detail = (f"never reached: {by} decide every bundle" if otherwise
              else f"shadowed by {by}: wherever it holds, an earlier criterion decides")
    example = (prover.witnesses.example(seen.model, graded, "bundle"),)
    return ProofOutcome("no_shadowing", subject, "warning" if otherwise else "refuted", detail, seconds + seen.seconds,
                   example, prover.witnesses.confirm("shadowed", subject, example))


def monotonicity(prover: Prover) -> Iterator[ProofOutcome]:
    """Per field, then per kind of record added; each over a pair of bundles where what the change
    cannot touch is abstract (judgment._prove._abstract)."""
    rulebook = prover.rulebook
    full = complete_slots(rulebook, factor=2, extra=1)
    for kind in sorted(full):
        abstract = frozenset(full) - concrete_kinds(rulebook, kind)
        slots = prover.bounded({k: n for k, n in full.items() if k not in abstract})
        pair = Pair.build(rulebook, slots, abstract)
        slot = slot_name(kind, 0)
        for spec in rulebook.vocabulary.fields(kind).values():
            facts, changed = improved(pair, slot, spec) if spec.better is not None else ([], [])
            if changed:
                yield _compared(prover, pair, changed, [pair.before.bundle.present[slot], *facts],
                                f"field {kind}.{spec.name}", f"{kind}.{spec.name} made better")
        yield _added(prover, pair, kind)


def _added(prover: Prover, pair: Pair, kind: str) -> ProofOutcome:
    """A record added that makes only positive findings (and keeps every finding made) lowers no grade."""
    positive = {p.id for p in prover.rulebook.polarities if p.sense == "positive"}
    before = pair.before.bundle
    slot = slot_name(kind, before.slots[kind] - 1)
    changed = [presence(slot), *[n for n, _, _ in pair.constants() if n.startswith(slot + ".")]]
    sharing = pair.sharing(set(changed).__contains__)
    after = {r: pair.after_term(term, sharing) for r, term in pair.after.bundle.fired.items()}
    new = {r.id: z3().And(after[r.id], z3().Not(before.fired[r.id])) for r in prover.rulebook.findings}
    facts = [z3().Not(before.present[slot]), pair.after_term(pair.after.bundle.present[slot], sharing),
             *[z3().Implies(before.fired[r], after[r]) for r in before.fired],
             *[z3().Not(t) for r, t in new.items() if prover.rulebook.finding_rule(r).polarity not in positive],
             z3().Or(*[t for r, t in new.items() if prover.rulebook.finding_rule(r).polarity in positive])]
    return _compared(prover, pair, changed, facts, f"a record of kind {kind} added",
                     f"a record of kind {kind} added, making only positive findings,")


def _compared(prover: Prover, pair: Pair, changed: list[str], facts: list[Expr], subject: str,
              change: str) -> ProofOutcome:
    """Ask for an abstract pair the change lowers; make each answer concrete, or rule it out and ask again.
    A counterexample judging does not confirm is ruled out too, and kept: reported (NOT CONFIRMED) when
    no other is confirmed, never lost to a later answer."""
    sharing = pair.sharing(set(changed).__contains__)
    after = [pair.after_term(fact, sharing) for fact in prover.witnesses.domain(pair.after, False)]
    facts = [*after, *facts, *pair.before.bundle.abstract_facts(prover.dead()), pair.lowered(sharing)]
    moved = _moved_numbers(pair, changed)
    seconds, unconfirmed = 0.0, None
    for _ in range(ROUNDS):
        answer = prover.ask(*facts, graded=(pair.before,), ordered=False, numbers=moved)
        seconds += answer.seconds
        if answer.status != "sat":
            return unconfirmed or prover.outcome("monotonicity", subject, replace(answer, seconds=seconds),
                                                 "never lowers a grade", lambda model: "")
        concrete, shared = _concrete(prover, pair, answer.model, changed)
        if concrete.status == "unknown":  # undecided: never ruled out, so never a proof
            return unconfirmed or ProofOutcome("monotonicity", subject, "unknown", f"the solver gave up making a "
                                               f"counterexample concrete ({concrete.reason})", seconds + concrete.seconds)
        if concrete.status == "sat":
            found = prover.outcome(
                "monotonicity", subject, replace(concrete, seconds=seconds + concrete.seconds), "",
                lambda model: f"{change} lowers {', '.join(pair.questions_lowered(answer.model, sharing))}",
                lambda model: (prover.witnesses.example(model, prover.concrete(pair).graded, "before"),
                               prover.witnesses.example(model, prover.concrete(pair).graded, "after", shared)))
            if found.confirmed:
                return found
            unconfirmed = unconfirmed or found
        facts.append(blocking(pair.before, answer.model))
    return unconfirmed or ProofOutcome("monotonicity", subject, "unknown",
                                       f"{ROUNDS} abstract counterexamples had no concrete bundle", seconds)


def _moved_numbers(pair: Pair, changed: list[str]) -> list[Expr]:
    """The after bundle's real constants the change moves: each must be a decimal evidence holds."""
    constants = pair.after.bundle.symbols.constants
    return [constants[name][0] for name in changed if name in constants and constants[name][1] == "num"]


def _concrete(prover: Prover, pair: Pair, model: object, changed: list[str]) -> tuple[Answer, list[tuple[Expr, Expr]]]:
    """A concrete bundle for an abstract pair's `before` (the answer: sat, or unsat when none exists),
    and the constants the change moves in it."""
    concrete = prover.concrete(pair)
    answer = prover.ask(*concrete.facts(pair.before, model), graded=(concrete.graded,), ordered=False)
    return answer, concrete.changed(pair.after, model, changed) if answer.status == "sat" else []


def opposite_polarity(prover: Prover) -> Iterator[ProofOutcome]:
    rulebook = prover.rulebook
    single = grade(SymbolicBundle.build(rulebook, fewest_slots(rulebook), "one/"))
    sense = {p.id: p.sense for p in rulebook.polarities}
    kinds = {r.id: {k for _, k in r.when.variables} for r in rulebook.findings}
    for good in (r for r in rulebook.findings if sense[r.polarity] == "positive"):
        for bad in (r for r in rulebook.findings if sense[r.polarity] == "negative"):
            if not kinds[good.id] & kinds[bad.id]:
                continue
            answer = prover.ask(single.bundle.fired[good.id], single.bundle.fired[bad.id], graded=(single,))
            if answer.status != "unsat":
                yield prover.outcome(
                    "opposite_polarity", f"finding rules {good.id} and {bad.id}", answer, "",
                    lambda model: f"{good.polarity} and {bad.polarity} from the same records",
                    lambda model: (prover.witnesses.example(model, single, "bundle"),), status="warning")
