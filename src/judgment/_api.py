"""The library's front door: judge a bundle against a rulebook."""

from __future__ import annotations

import weakref

from judgment._bundle import Bundle
from judgment._durable._engine import DurableEngine
from judgment._fit import check_fit
from judgment._judgment import Judgment
from judgment._rulebook._model import Rulebook

# One engine per loaded rulebook, released with the rulebook (the compiled durable_rules
# ruleset itself is shared by every rulebook with the same files, for the life of the process).
_ENGINES: weakref.WeakKeyDictionary[Rulebook, DurableEngine] = weakref.WeakKeyDictionary()


def judge(rulebook: Rulebook, bundle: Bundle, *, any_date: bool = False) -> Judgment:
    """Judge `bundle` against `rulebook`: a grade per question, the overall judgment,
    the findings and the recommendations, each naming the rules that produced it.

    durable_rules makes the findings; the compiled engine must make exactly the
    same (else :class:`EngineDisagreementError`), then grades them and explains.
    The inspection must be dated while the rulebook is in force, unless `any_date`.
    """
    check_fit(rulebook, bundle, any_date)
    return engine_for(rulebook).judge(bundle)


def engine_for(rulebook: Rulebook) -> DurableEngine:
    engine = _ENGINES.get(rulebook)
    if engine is None:
        engine = _ENGINES[rulebook] = DurableEngine(rulebook)
    return engine
