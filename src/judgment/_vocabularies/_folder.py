"""A rulebook folder's own vocabulary: ``rulebook: vocabulary_file: vocabulary.yaml``.

The file is data, confined to the folder like every rule file; its bytes are part of the rulebook
hash (they change what is judged). It is taken out of the rule files before their shapes are
checked, and registered, so that bundles, workers and ``judgment vocabularies`` know it."""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path

from judgment._diagnostics import Diagnostic, Location
from judgment._errors import JudgmentError
from judgment._io._read import LoadFailure, decode_utf8, inside, outside_folder
from judgment._io._yaml import Document, parse_document
from judgment._rulebook._files import MAIN_FILE, SourceFiles, read_rule_file, rulebook_hash
from judgment._rulebook._model import RuleFile
from judgment.evidence import Vocabulary

KEY = ("rulebook", "vocabulary_file")


def folder_vocabulary(sources: SourceFiles, problems: list[Diagnostic]) -> Vocabulary | None:
    """The vocabulary the rulebook's folder declares (None if it names none, or on a problem)."""
    main = sources.documents.get(MAIN_FILE)
    meta = main.data.get("rulebook") if main is not None and isinstance(main.data, dict) else None
    name = meta.get("vocabulary_file") if isinstance(meta, dict) else None
    if main is None or not isinstance(name, str) or not name:
        return None  # absent, or a wrong type the shape stage reports
    where = main.positions.of_value(KEY)
    relative = posixpath.normpath(name)
    path = sources.root / relative
    display = f"{str(sources.root).rstrip('/')}/{relative}"
    if posixpath.isabs(relative) or relative.startswith("..") or not inside(path, sources.root):
        problems.append(outside_folder(display, f"the rulebook folder {sources.root}", "the vocabulary file",
                                       "put the vocabulary file inside the rulebook folder", where))
        return None
    document = sources.documents.pop(relative, None)  # data, not rules: never checked as a rule file
    if relative in {f.path for f in sources.files}:
        if document is None:
            return None  # read but not parsed: the rule files' stage has reported why
    else:  # a .json file, not read with the rule files
        try:
            data = read_rule_file(path, sources.root, display, str(sources.root))
            document = parse_document(decode_utf8(data, display), display)
        except LoadFailure as failure:
            problems.append(_at(failure.diagnostic, where))
            return None
        sources.files = (*sources.files, RuleFile(relative, hashlib.sha256(data).hexdigest()))
        sources.sha256 = rulebook_hash(sources.files)
    return _load(document, Path(path), display, problems)


def _load(document: Document, path: Path, display: str, problems: list[Diagnostic]) -> Vocabulary | None:
    """The vocabulary built from the document parsed from the bytes hashed (never a second read)."""
    from judgment.evidence import register_vocabulary
    from judgment.evidence._declared import vocabulary_from_document

    try:
        return register_vocabulary(vocabulary_from_document(document, display, path))
    except JudgmentError as error:
        problems.extend(error.diagnostics)
        return None


def _at(diagnostic: Diagnostic, where: Location) -> Diagnostic:
    """A file that cannot be read is reported where rulebook.yaml names it."""
    from dataclasses import replace

    return replace(diagnostic, location=where)
