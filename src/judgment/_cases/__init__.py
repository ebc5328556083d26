"""Rulebook test cases: YAML files in a rulebook's ``tests/`` folder, run by ``judgment test``.

A case starts from a bundle, applies changes to its records, and states what the judgment must be
(grades, findings made or not, recommendations) or which error must refuse it. An agreement case
carries the grades an inspectorate published (`published:`), which are its expected grades, and may
record a known disagreement with them; the agreement figures and table sum those cases up. A coverage
report lists the finding rules, criteria and recommendations no case exercises."""

from __future__ import annotations

from judgment._cases._agreement import (
           Agreement,
           AgreementRow,
           agreement,
           agreement_lines,
)
from judgment._cases._load import load_cases
from judgment._cases._model import NOT_GRADED, Case, CaseFile, Change, Expect
from judgment._cases._outcome import Outcome
from judgment._cases._run import everything, exercised, run_case, run_cases

__all__ = ["NOT_GRADED", "Agreement", "AgreementRow", "Case", "CaseFile", "Change", "Expect", "Outcome",
           "agreement", "agreement_lines", "everything", "exercised", "load_cases", "run_case", "run_cases"]
