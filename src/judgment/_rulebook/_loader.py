"""Load a rulebook folder in named stages; each stage runs only if the one before it was clean.

1. files:      find, bound, hash and parse the YAML files            (_files);
               a rule language this judgment cannot read stops here (_io._versions)
2. shape:      validate each file against the rule-file schema       (_schema)
3. names:      vocabulary, scale, polarities, questions, duplicates  (_names)
4. conditions: parse and type-check conditions and texts             (_assemble)
5. order:      derived findings form no cycle; evaluation order      (_order)
6. analysis:   criteria that never hold or are shadowed, unreachable
               grades, unused findings: warnings, not refusals        (_analysis,
               run when Rulebook.warnings is first read)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from judgment._diagnostics import Diagnostic, Location, excerpt, plain
from judgment._errors import InputFileError, RuleFileError
from judgment._pydantic_errors import diagnostics_from_validation
from judgment._rulebook._assemble import assemble
from judgment._rulebook._files import MAIN_FILE, SourceFiles, read_rulebook_files
from judgment._rulebook._library import is_library, load_library
from judgment._rulebook._model import Rulebook
from judgment._rulebook._schema import RulebookFileSpec, RulesFileSpec
from judgment._io._versions import rule_language_problem
from judgment._io._yaml import Document
from judgment._vocabularies._folder import folder_vocabulary

if TYPE_CHECKING:
    from judgment._bundle import Bundle

MAX_DIAGNOSTICS = 100


@dataclass
class Shapes:
    main: RulebookFileSpec
    main_document: Document
    rules: list[tuple[RulesFileSpec, Document]]


def load_rulebook(path: str | Path, *, on: dt.date | Bundle | None = None, version: str | None = None) -> Rulebook:
    """Load and check a rulebook folder; raise :class:`RuleFileError` listing every problem found.

    `path` may also be a library of rulebooks (see :func:`load_library`): the rulebook in force on
    `on` (a date, or a bundle's inspection date) is chosen, or the one `version` pins. A `version`
    a single rulebook does not have is refused (VERSION_NOT_FOUND)."""
    if is_library(path):
        return load_library(path).choose(on, version=version).rulebook
    rulebook = _load_folder(path)
    if version is not None and version not in (rulebook.version, f"{rulebook.id}@{rulebook.version}"):
        raise RuleFileError([Diagnostic("VERSION_NOT_FOUND", f"the rulebook at {plain(str(path))} is {plain(rulebook.id)} "
                                        f"{plain(rulebook.version)}, not version {excerpt(version)}", Location(str(path)),
                                        hint="give the folder of that version, or a library holding it")])
    return rulebook


def _load_folder(path: str | Path) -> Rulebook:
    problems: list[Diagnostic] = []
    sources = read_rulebook_files(Path(path), str(path), problems)
    if problems and all(p.code == "FILE_NOT_FOUND" for p in problems):
        raise InputFileError(problems)
    _stop_if(problems)
    assert sources is not None
    main = sources.documents[MAIN_FILE]
    unreadable = rule_language_problem(main.data, main.positions)  # before anything the language shapes
    if unreadable is not None:
        raise RuleFileError([unreadable])
    declared = folder_vocabulary(sources, problems)  # out of the rule files before their shapes
    _stop_if(problems)
    shapes = _validate_shapes(sources, problems)
    _stop_if(problems)
    assert shapes is not None
    rulebook = assemble(sources, shapes.main, shapes.main_document, shapes.rules, problems, declared)
    _stop_if(problems)
    assert rulebook is not None
    return rulebook  # stage 6 (analysis) runs when its warnings are first asked for


def _stop_if(problems: list[Diagnostic]) -> None:
    if any(p.severity == "error" for p in problems):
        raise RuleFileError(problems[:MAX_DIAGNOSTICS])


def _validate_shapes(sources: SourceFiles, problems: list[Diagnostic]) -> Shapes | None:
    main: RulebookFileSpec | None = None
    rules: list[tuple[RulesFileSpec, Document]] = []
    for relative, document in sorted(sources.documents.items()):
        model = RulebookFileSpec if relative == MAIN_FILE else RulesFileSpec
        data = document.data if document.data is not None else {}
        try:
            spec = model.model_validate(data)
        except ValidationError as exc:
            problems.extend(diagnostics_from_validation(exc, (), document.positions, model=model))
            continue
        if isinstance(spec, RulebookFileSpec):
            main = spec
        else:
            rules.append((spec, document))
    if main is None:
        return None
    return Shapes(main, sources.documents[MAIN_FILE], rules)
