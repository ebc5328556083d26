"""judgment: a rules-based judgment engine for inspectorates.

Typed evidence, declarative rule files, and a traceable explanation for every
grade. The public API is what ``__all__`` lists; modules whose names start with
an underscore are private.

    >>> import judgment
    >>> rulebook = judgment.load_rulebook("rules/hmic-crime-2014")
    >>> bundle = judgment.load_bundle("examples/derbyshire-2014.yaml")
    >>> judgment.judge(rulebook, bundle).grades["reducing_crime"]
    'good'
"""

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
from judgment._public import adopt as _adopt
from judgment._rulebook._library import RulebookChoice, RulebookLibrary, load_library
from judgment._rulebook._loader import load_rulebook
from judgment._rulebook._model import Rulebook
from judgment._whatif._changes import AddRecord, DropRecord, SetField
from judgment._whatif._compare import what_if
from judgment._whatif._result import FindingChange, OverallChange, QuestionChange, RecommendationChange, WhatIf



def __getattr__(name: str) -> str:
    # The version is looked up when asked for: importlib.metadata costs a start-up 50 ms.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("judgment")
        except PackageNotFoundError:  # pragma: no cover - a source tree without metadata
            return "0.0.0"
    raise AttributeError(f"module 'judgment' has no attribute {name!r}")

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

_adopt(globals(), __all__, __name__)  # reprs, tracebacks and pickles name judgment.X, not its private module
