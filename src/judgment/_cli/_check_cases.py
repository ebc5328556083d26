"""The rulebook's own test cases, as `judgment check` checks them.

A case file is part of the rulebook its author ships: a YAML error or an unknown key in one must fail
`check`, not wait for `judgment test`. The cases are read by the loader `judgment test` uses, and every
bundle they start from is loaded against the rulebook's vocabulary; nothing is judged."""

from __future__ import annotations

from pathlib import Path

from judgment._bundle import load_bundle
from judgment._diagnostics import Diagnostic
from judgment._errors import JudgmentError
from judgment._fit import check_fit
from judgment._rulebook._model import Rulebook


def case_problems(rulebook: Rulebook, rules: Path) -> list[Diagnostic]:
    """What `judgment test` would refuse before judging any case: the case files, then their bundles."""
    from judgment._cases import load_cases

    try:
        cases = load_cases(rules, rulebook=rulebook)
    except JudgmentError as error:
        return list(error.diagnostics)
    found: list[Diagnostic] = []
    for bundle in sorted({b for _, _, b in cases if b is not None}):
        try:
            check_fit(rulebook, load_bundle(bundle, rulebook.vocabulary))
        except JudgmentError as error:
            found.extend(error.diagnostics)
    return found
