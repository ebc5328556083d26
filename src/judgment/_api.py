"""The library's front door: judge a bundle against a rulebook."""

from __future__ import annotations

from collections.abc import Sequence

from judgment._bundle import Bundle
from judgment._engine import engine_for
from judgment._fit import check_fit
from judgment._judgment import Judgment
from judgment._rulebook._model import Rulebook
from judgment.evidence import Record


def judge(rulebook: Rulebook, bundle: Bundle, *, any_date: bool = False) -> Judgment:
    """Judge `bundle` against `rulebook`: a grade per question, the overall judgment,
    the findings and the recommendations, each naming the rules that produced it.

    durable_rules makes the findings; the compiled engine must make exactly the
    same (else :class:`EngineDisagreementError`), then grades them and explains.
    Where durable_rules does not import (Python 3.13), the compiled engine alone
    makes them, and the judgment says so (``engine``, ``cross_check``).
    The inspection must be dated while the rulebook is in force, unless `any_date`.
    """
    check_fit(rulebook, bundle, any_date)
    return engine_for(rulebook).judge(bundle)


def judge_in_order(rulebook: Rulebook, bundle: Bundle, order: Sequence[Record], *,
                   any_date: bool = False) -> Judgment:
    """Judge `bundle` with its records presented to the engines in `order` (each record once):
    asserted into durable_rules, and bound by the compiled engine, in that order.

    Private, for the order-independence checks (``judgment.testing``'s determinism): a Bundle
    keeps its records sorted by id, so a shuffled bundle never reaches the engines shuffled.
    The judgment is still the bundle's, canonical; only the order the engines see changes."""
    if tuple(sorted(order, key=_record_id)) != bundle.records:
        raise ValueError("the order must hold each of the bundle's records once, and nothing else")
    check_fit(rulebook, bundle, any_date)
    return engine_for(rulebook).judge(bundle, order=tuple(order))


def _record_id(record: Record) -> str:
    return record.id
