"""Does a bundle fit a rulebook? The same vocabulary, and an inspection the rulebook is in force for."""

from __future__ import annotations

from judgment._bundle import Bundle
from judgment._diagnostics import Diagnostic, excerpt, plain
from judgment._errors import BundleError
from judgment._rulebook._model import Rulebook


def check_fit(rulebook: Rulebook, bundle: Bundle, any_date: bool = False) -> None:
    """Raise :class:`BundleError` when the bundle cannot be judged by this rulebook."""
    if bundle.vocabulary != rulebook.vocabulary.id:
        raise BundleError([Diagnostic(
            "UNKNOWN_VOCABULARY", f"the bundle uses vocabulary {excerpt(bundle.vocabulary)} but the rulebook "
            f"{rulebook.id!r} reads {rulebook.vocabulary.id!r}", bundle.place("vocabulary"))])
    if any_date:
        return
    date = bundle.inspection.date
    if date < rulebook.valid_from or (rulebook.valid_to is not None and date > rulebook.valid_to):
        until = f"to {rulebook.valid_to}" if rulebook.valid_to else "with no end date"
        raise BundleError([Diagnostic(
            "NOT_IN_FORCE", f"the inspection is dated {date}, but rulebook {rulebook.id} {plain(rulebook.version)} is in "
            f"force from {rulebook.valid_from} {until}", bundle.place("inspection.date"),
            hint="use the rulebook in force on that date, or judge anyway with --any-date (any_date=True)")])
