"""``--vocabulary FILE``: a vocabulary file (data) or a Python file (code the user chose to run).

A Python file named on the command line is imported as ``pytest -p`` imports a plugin: the user
named it, so its code runs, and it registers vocabularies the documented way
(``register_vocabulary``). It is imported under a name made from its absolute path, once per
process, so that a worker process importing it again gets the same module."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

from judgment._diagnostics import Diagnostic, Location
from judgment._errors import InputFileError, JudgmentError
from judgment._io._read import named
from judgment.evidence import Vocabulary

DATA_SUFFIXES = (".yaml", ".yml", ".json")
HINT = "give a vocabulary file (.yaml, .yml, .json) or a Python file (.py) that registers vocabularies"


def use_vocabulary_files(paths: tuple[Path, ...] | list[Path]) -> list[Vocabulary]:
    """Load and register every vocabulary the files give, in order; the vocabularies, in order."""
    found: list[Vocabulary] = []
    for path in paths:
        found.extend(use_vocabulary_file(path))
    return found


def use_vocabulary_file(path: Path) -> list[Vocabulary]:
    from judgment.evidence import load_vocabulary, register_vocabulary

    if path.suffix in DATA_SUFFIXES:
        return [register_vocabulary(load_vocabulary(path))]
    if path.suffix == ".py":
        return import_python_file(path)
    raise InputFileError([Diagnostic("BAD_VALUE", f"{path.suffix or 'a file with no suffix'} is not a vocabulary file",
                                     Location(str(path)), hint=HINT)])


def module_name(path: Path) -> str:
    """The same name in every process for the same file."""
    return "judgment_vocabulary_" + hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:20]


def import_python_file(path: Path) -> list[Vocabulary]:
    """Import the file (once); the vocabularies registered while it ran, marked as coming from it."""
    from judgment.evidence._vocabulary import _REGISTRY

    if not path.is_file():
        raise InputFileError([Diagnostic("FILE_NOT_FOUND", f"vocabulary file {named(str(path))} not found", Location(str(path)),
                                         hint=HINT)])
    name = module_name(path)
    if name in sys.modules:
        return [v for v in _REGISTRY.values() if getattr(v, "source", None) == ("python", str(path.resolve()))]
    before = dict(_REGISTRY)
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None  # a path ending in .py always has a spec
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except JudgmentError:
        del sys.modules[name]
        raise
    except Exception as error:  # the user's code failed: where, and what
        del sys.modules[name]
        raise InputFileError([_failed(path, error)]) from None
    made = [v for key, v in _REGISTRY.items() if before.get(key) is not v]
    for vocabulary in made:
        vocabulary.origin = f"python file {path}"
        vocabulary.source = ("python", str(path.resolve()))
    return made


def _failed(path: Path, error: Exception) -> Diagnostic:
    """The line of the user's file where its code failed, if the traceback passes through it."""
    line = 0
    trace = error.__traceback__
    while trace is not None:
        if Path(trace.tb_frame.f_code.co_filename) == path.resolve() or trace.tb_frame.f_code.co_filename == str(path):
            line = trace.tb_lineno
        trace = trace.tb_next
    if isinstance(error, SyntaxError) and error.lineno:
        line = error.lineno
    return Diagnostic("BAD_VALUE", f"importing this Python file failed: {type(error).__name__}: {error}",
                      Location(str(path), line, 1 if line else 0),
                      hint="the file is Python you chose to run: fix it, or give a YAML vocabulary instead")
