"""The library's front door: judge a bundle against a rulebook."""

from __future__ import annotations

import weakref

from judgment._bundle import Bundle
from judgment._evaluator._judge import ReferenceEvaluator
from judgment._fit import check_fit
from judgment._judgment import Judgment
from judgment._rulebook._model import Rulebook

# One evaluator per loaded rulebook, released with the rulebook.
_EVALUATORS: weakref.WeakKeyDictionary[Rulebook, ReferenceEvaluator] = weakref.WeakKeyDictionary()


def judge(rulebook: Rulebook, bundle: Bundle, *, any_date: bool = False) -> Judgment:
    """Judge `bundle` against `rulebook`: a grade per question, the overall judgment,
    the findings and the recommendations, each naming the rules that produced it.

    The inspection must be dated while the rulebook is in force, unless `any_date`.
    """
    check_fit(rulebook, bundle, any_date)
    evaluator = _EVALUATORS.get(rulebook)
    if evaluator is None:
        evaluator = _EVALUATORS[rulebook] = ReferenceEvaluator(rulebook)
    return evaluator.judge(bundle)
