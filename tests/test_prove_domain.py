"""The domains of the SMT translation (issue 19) hold for every valid record.

Every finding rule of the shipped rulebook and of the probe rulebook (tests/test_prove_translation.py)
is translated over record slots (two per kind, ``crime_rate#0``, ``crime_rate#1``, as a symbolic bundle
names them). On generated bundles, each record is bound to a slot of its kind, every constant is fixed
to what the record holds, and the domain facts of the slots bound simplify to true: the domains never
exclude a valid record. A deliberately wrong fact is caught by the same check.
"""

from __future__ import annotations

from itertools import product
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judgment._bundle import Bundle
from judgment._prove._symbols import Symbols
from judgment._prove._translate import Translator
from judgment._prove._values import Expr
from judgment._prove._z3 import z3
from judgment._rulebook._loader import load_rulebook
from judgment._rulebook._model import Rulebook
from judgment.evidence import Record
from judgment.testing import bundles

SHIPPED = load_rulebook(Path(__file__).parent.parent / "rules" / "hmic-crime-2014")
SLOTS = 2  # judgment.testing.bundles draws at most two records of a kind


def slotted(rulebooks: list[Rulebook]) -> Symbols:
    """Every finding rule's condition, for every binding of its variables to slots of their kinds."""
    symbols = Symbols()
    for rulebook in rulebooks:
        for rule in rulebook.findings:
            variables = rule.when.variables
            models = {name: rulebook.vocabulary.models[kind] for name, kind in variables}
            for chosen in product(range(SLOTS), repeat=len(variables)):
                names = {name: f"{kind}#{index}" for (name, kind), index in zip(variables, chosen)}
                Translator(symbols, models, names).truth(rule.when.node)
    return symbols


def by_slot(bundle: Bundle) -> dict[str, Record]:
    return {f"{kind}#{index}": record for kind, records in bundle.index_by_kind().items()
            for index, record in enumerate(records)}


def violated(symbols: Symbols, records: dict[str, Record], facts: dict[str, list[Expr]]) -> list[str]:
    """The facts of the slots bound that do not simplify to true once every constant is fixed."""
    pairs = symbols.fixed(records, frozenset())
    bound = [(path, fact) for path, exprs in facts.items() if path.partition(".")[0] in records for fact in exprs]
    if z3().is_true(z3().simplify(z3().substitute(z3().And(*(fact for _, fact in bound)), *pairs))):
        return []  # the common case, at once; else each fact on its own, to name those broken
    return [f"{path}: {fact}" for path, fact in bound
            if not z3().is_true(z3().simplify(z3().substitute(fact, *pairs)))]


@pytest.fixture(scope="module")
def symbols(tmp_path_factory: pytest.TempPathFactory) -> Symbols:
    from test_prove_translation import probe_rulebook
    return slotted([SHIPPED, probe_rulebook(tmp_path_factory.mktemp("probe"))])


def test_every_kind_of_constant_has_facts(symbols: Symbols) -> None:
    roles = {(place.role, len(place.parts)) for place in symbols.places.values()}
    assert {("term", 1), ("term", 2), ("term", 3), ("stated", 1), ("stated", 2)} <= roles
    assert len(symbols.domain()) >= len(symbols.facts) > 100


@settings(max_examples=200, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_generated_records_satisfy_the_domain(symbols: Symbols, data: st.DataObject) -> None:
    records = by_slot(data.draw(bundles(SHIPPED)))
    assert violated(symbols, records, symbols.facts) == []


def test_a_wrong_fact_is_caught(symbols: Symbols) -> None:
    """Facts valid records break (a strength never above its worst member, a rate never numbered) are caught."""
    rank = symbols.constants["vulnerability#0.identification"][0]
    numbered = symbols.constants["crime_rate#0.rate.numbered"][0]
    wrong = {"vulnerability#0.identification": [z3().Implies(rank >= 0, rank < 1)],
             "crime_rate#0.rate": [z3().Not(numbered)]}
    caught: set[str] = set()

    @settings(max_examples=40, derandomize=True, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(bundles(SHIPPED))
    def catch(bundle: Bundle) -> None:
        caught.update(line.partition(":")[0] for line in violated(symbols, by_slot(bundle), wrong))

    catch()
    assert caught == set(wrong)
