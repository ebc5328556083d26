"""The exception hierarchy: one root, each subclass also the fitting built-in.

Library callers catch :class:`JudgmentError`; each exception carries the
:class:`~judgment.Diagnostic` objects that explain it, so a tool can render
them, serialise them or act on their codes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from judgment._diagnostics import Diagnostic, Location, did_you_mean, excerpt, sort_diagnostics


class JudgmentError(Exception):
    """Root of every error `judgment` raises on purpose."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        unique = {(d.code, d.message, d.location, d.severity): d for d in diagnostics}
        self.diagnostics: tuple[Diagnostic, ...] = tuple(sort_diagnostics(unique.values()))
        first = self.diagnostics[0] if self.diagnostics else None
        summary = f"{first.location}: {first.code} {first.message}" if first else "error"
        more = len(self.diagnostics) - 1
        super().__init__(summary + (f" (and {more} more)" if more > 0 else ""))

    def render(self) -> str:
        return "\n".join(d.render() for d in self.diagnostics)

    def __reduce__(self) -> tuple[type[JudgmentError], tuple[tuple[Diagnostic, ...]]]:
        # Rebuilt from its diagnostics, so an error crosses process boundaries (batch judging) intact.
        return type(self), (self.diagnostics,)


class RuleFileError(JudgmentError, ValueError):
    """A rulebook could not be loaded: syntax, schema, references or types."""


class BundleError(JudgmentError, ValueError):
    """An evidence bundle could not be loaded or failed validation."""


class VocabularyError(JudgmentError, ValueError):
    """A vocabulary could not be declared: a vocabulary file's shape, names or types, or a
    different vocabulary already registered under its id."""


class InputFileError(JudgmentError, OSError):
    """A file could not be read at all (missing, unreadable, too large)."""


class EngineDisagreementError(JudgmentError, RuntimeError):
    """The two engines reached different results: an explanation would be wrong."""


class EngineLimitError(JudgmentError, RuntimeError):
    """The input would take the inference engine past one of its limits; nothing was judged."""


class UnknownIdError(JudgmentError, KeyError):
    """An id that is not there: a question or grade of a rulebook (``Rulebook.question``,
    ``Rulebook.grade``), a question of a judgment (``Judgment.question``). Code
    ``UNKNOWN_REFERENCE``, with the closest id as a hint."""

    __str__ = JudgmentError.__str__  # the diagnostic, not KeyError's quoted repr


class UnknownRecordError(UnknownIdError):
    """A record id that a bundle (``Bundle.record``) or a live session (``LiveSession.retract``)
    does not hold."""


def unknown_id(what: str, wanted: str, known: Iterable[str], location: Location,
               error: type[UnknownIdError] = UnknownIdError) -> UnknownIdError:
    """The error for a lookup of `wanted` among the ids of `what` (e.g. "question"), naming the closest."""
    return error([Diagnostic("UNKNOWN_REFERENCE", f"there is no {what} {excerpt(wanted)}", location,
                             hint=did_you_mean(wanted, known) or f"there are no {what}s")])
