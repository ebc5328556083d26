"""judgment: a rules-based judgment engine for inspectorates.

Typed evidence, declarative rule files, and a traceable explanation for every
grade. The public API is what ``__all__`` lists; modules whose names start with
an underscore are private. ``judgment.__version__`` follows semantic versioning:
what a patch, a minor and a major release may change is in docs/compatibility.md.

    >>> import judgment
    >>> rulebook = judgment.load_rulebook("rules/hmic-crime-2014")
    >>> bundle = judgment.load_bundle("examples/derbyshire-2014.yaml")
    >>> judgment.judge(rulebook, bundle).grades["reducing_crime"]
    'good'

Each public name is imported when first asked for (PEP 562), so that ``import judgment`` costs
next to nothing and a tool that imports it pays only for what it uses (docs/performance.md).
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # true for type checkers, which read it by its name; importing typing costs 8 ms

if TYPE_CHECKING:  # what the type checker reads; at run time _FROM says the same
    from judgment._api import judge
    from judgment._batch._many import judge_many
    from judgment._batch._result import BatchResult
    from judgment._counterfactual import Counterfactual, Counterfactuals, GradeMove, QuestionCounterfactuals, counterfactuals
    from judgment._bundle import Bundle, Inspection, Period, bundle_from_data, bundle_json_schema, load_bundle
    from judgment._diagnostics import CODES, Diagnostic, Location
    from judgment._errors import (
        BundleError,
        EngineDisagreementError,
        EngineLimitError,
        InputFileError,
        JudgmentError,
        RuleFileError,
        UnknownIdError,
        UnknownRecordError,
        VocabularyError,
    )
    from judgment._judgment import (
        Check,
        CriterionAnalysis,
        Decision,
        EvidenceUsed,
        Finding,
        GradeAnalysis,
        Judgment,
        OverallJudgment,
        QuestionJudgment,
        Recommendation,
        RulebookIdentity,
        WhyNot,
    )
    from judgment._impact import Impact, impact
    from judgment._live import LiveSession, open_session
    from judgment._recdiff._api import diff_records
    from judgment._recdiff._model import DecisionDiff
    from judgment._prove._outcome import Proof, ProofExample, ProofOutcome
    from judgment._prove._public import prove
    from judgment._records._api import decision_record, verify_record
    from judgment._records._outcome import Verification
    from judgment._rulebook._library import RulebookChoice, RulebookLibrary, load_library
    from judgment._rulebook._loader import load_rulebook
    from judgment._rulebook._model import Rulebook
    from judgment._whatif._changes import AddRecord, DropRecord, SetField
    from judgment._whatif._compare import what_if
    from judgment._whatif._result import FindingChange, OverallChange, QuestionChange, RecommendationChange, WhatIf

    __version__: str

#: Where each public name is written, as the imports above say it.
_FROM: dict[str, tuple[str, ...]] = {
    "judgment._api": ("judge",),
    "judgment._batch._many": ("judge_many",),
    "judgment._batch._result": ("BatchResult",),
    "judgment._counterfactual": (
        "Counterfactual", "Counterfactuals", "GradeMove", "QuestionCounterfactuals", "counterfactuals",
    ),
    "judgment._bundle": ("Bundle", "Inspection", "Period", "bundle_from_data", "bundle_json_schema", "load_bundle"),
    "judgment._diagnostics": ("CODES", "Diagnostic", "Location"),
    "judgment._errors": (
        "BundleError", "EngineDisagreementError", "EngineLimitError", "InputFileError", "JudgmentError",
        "RuleFileError", "UnknownIdError", "UnknownRecordError", "VocabularyError",
    ),
    "judgment._judgment": (
        "Check", "CriterionAnalysis", "Decision", "EvidenceUsed", "Finding", "GradeAnalysis", "Judgment",
        "OverallJudgment", "QuestionJudgment", "Recommendation", "RulebookIdentity", "WhyNot",
    ),
    "judgment._impact": ("Impact", "impact"),
    "judgment._live": ("LiveSession", "open_session"),
    "judgment._recdiff._api": ("diff_records",),
    "judgment._recdiff._model": ("DecisionDiff",),
    "judgment._prove._outcome": ("Proof", "ProofExample", "ProofOutcome"),
    "judgment._prove._public": ("prove",),
    "judgment._records._api": ("decision_record", "verify_record"),
    "judgment._records._outcome": ("Verification",),
    "judgment._rulebook._library": ("RulebookChoice", "RulebookLibrary", "load_library"),
    "judgment._rulebook._loader": ("load_rulebook",),
    "judgment._rulebook._model": ("Rulebook",),
    "judgment._whatif._changes": ("AddRecord", "DropRecord", "SetField"),
    "judgment._whatif._compare": ("what_if",),
    "judgment._whatif._result": (
        "FindingChange", "OverallChange", "QuestionChange", "RecommendationChange", "WhatIf",
    ),
}

#: Imported with any name, since every feature's results hold them: judging, loading, errors.
_CORE = ("_api", "_bundle", "_diagnostics", "_errors", "_judgment", "_rulebook")


def __getattr__(name: str) -> object:
    if name == "__version__":  # importlib.metadata costs a start-up 50 ms: looked up when asked for
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("judgment")
        except PackageNotFoundError:  # pragma: no cover - a source tree without metadata
            return "0.0.0"
    home = next((module for module, names in _FROM.items() if name in names), None)
    if home is None:
        raise AttributeError(f"module 'judgment' has no attribute {name!r}")
    _load((*_CORE, _feature(home)))
    return globals()[name]


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _feature(module: str) -> str:
    return module.split(".")[1]


def _load(features: tuple[str, ...]) -> None:
    """Import every public name of these features at once, and adopt them all.

    A name is adopted with its neighbours, not one by one: a `Judgment` returned by `judge` must
    already report `judgment.Judgment` (in reprs, tracebacks and pickles) before anyone asks for
    that name.
    """
    from judgment._public import adopt

    loaded = {name: getattr(import_module(module), name)
              for module, names in _FROM.items() if _feature(module) in features for name in names}
    globals().update(loaded)
    adopt(loaded, loaded, __name__)


__all__ = [
    "AddRecord",
    "BatchResult",
    "Bundle",
    "BundleError",
    "CODES",
    "Check",
    "Counterfactual",
    "Counterfactuals",
    "CriterionAnalysis",
    "Decision",
    "DecisionDiff",
    "Diagnostic",
    "DropRecord",
    "EngineDisagreementError",
    "EngineLimitError",
    "EvidenceUsed",
    "Finding",
    "FindingChange",
    "GradeAnalysis",
    "GradeMove",
    "Impact",
    "InputFileError",
    "Inspection",
    "Judgment",
    "JudgmentError",
    "LiveSession",
    "Location",
    "OverallChange",
    "OverallJudgment",
    "Period",
    "Proof",
    "ProofExample",
    "ProofOutcome",
    "QuestionChange",
    "QuestionCounterfactuals",
    "QuestionJudgment",
    "Recommendation",
    "RecommendationChange",
    "RuleFileError",
    "Rulebook",
    "RulebookChoice",
    "RulebookIdentity",
    "RulebookLibrary",
    "SetField",
    "UnknownIdError",
    "UnknownRecordError",
    "Verification",
    "VocabularyError",
    "WhatIf",
    "WhyNot",
    "__version__",
    "bundle_from_data",
    "bundle_json_schema",
    "counterfactuals",
    "decision_record",
    "diff_records",
    "impact",
    "judge",
    "judge_many",
    "load_bundle",
    "load_library",
    "load_rulebook",
    "open_session",
    "prove",
    "verify_record",
    "what_if",
]
