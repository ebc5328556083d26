"""Vocabularies as data: a YAML (or JSON) file declares a vocabulary; nothing in it is ever run.

The file is read by the bounded reader into plain data with places (`judgment._io`), its shape is
checked by pydantic models of the file (`_shape`, `_read`), its names by `_names`, its values by
`_values`, and only then are the evidence models built, with pydantic's `create_model` (`_build`).
Every problem is a located diagnostic, raised together as a :class:`~judgment.VocabularyError`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from judgment._diagnostics import Diagnostic
from judgment._errors import InputFileError, VocabularyError
from judgment._io._yaml import Document, LoadFailure, load_document
from judgment.evidence._vocabulary import Vocabulary

HINT = "see 'Vocabularies as data' in docs/evidence.md for the keys a vocabulary file may hold"


def load_vocabulary(path: str | Path) -> Vocabulary:
    """Read a vocabulary file into an unregistered :class:`Vocabulary` (``register_vocabulary`` registers it).

    Raises :class:`~judgment.InputFileError` when the file cannot be read (missing, a folder) and
    :class:`~judgment.VocabularyError` for everything else, each with located diagnostics."""
    name = str(path)
    try:
        document = load_document(Path(path), name)
    except LoadFailure as failure:
        kind = InputFileError if failure.diagnostic.code in ("FILE_NOT_FOUND", "NOT_A_FILE") else VocabularyError
        raise kind([_hinted(failure.diagnostic)]) from None
    return vocabulary_from_document(document, name, Path(path))


def vocabulary_from_document(document: Document, name: str, path: Path) -> Vocabulary:
    """The vocabulary a parsed file declares: callers that hash a file (a rulebook folder's own
    vocabulary) build it from the very bytes they hashed, never from a second read of `path`."""
    from judgment.evidence._declared._build import build  # imported when first used: they import
    from judgment.evidence._declared._names import check_names  # the rule language and the error
    from judgment.evidence._declared._read import read_declared  # wording, which import evidence
    from judgment.evidence._declared._values import check_values

    problems: list[Diagnostic] = []
    declared = read_declared(document.data, document.positions, problems)
    if declared is not None:
        problems = check_names(declared, document.positions) + check_values(declared, document.positions)
    if declared is None or problems:
        raise VocabularyError([_hinted(d) for d in problems])
    try:
        vocabulary = build(declared, f"file {name}", ("file", str(path.resolve())))
    except (TypeError, ValueError) as exc:  # what the checks above missed is still the file's, and located
        raise VocabularyError([Diagnostic("BAD_VALUE", f"the vocabulary cannot be built: {exc}",
                                          document.positions.of_value(("kinds",)), hint=HINT)]) from None
    vocabulary.place = document.positions.of_value(("vocabulary", "id"))
    return vocabulary


def _hinted(diagnostic: Diagnostic) -> Diagnostic:
    """Every diagnostic about a vocabulary file says what to do, at least where the format is described."""
    if diagnostic.hint:
        return diagnostic
    return replace(diagnostic, hint=HINT)
