"""The public API is small and explicit; nothing private leaks through it."""

from __future__ import annotations

import importlib
import pkgutil

from _engines import DURABLE, needs_durable
import judgment
import judgment.evidence
import judgment.examples
import judgment.testing

PUBLIC_MODULES = {"judgment", "judgment.evidence", "judgment.evidence.hmic_crime", "judgment.examples",
                  "judgment.testing"}


EXPORTING = (judgment, judgment.evidence, judgment.examples, judgment.testing)


def test_all_names_resolve_and_are_sorted_and_public() -> None:
    for module in EXPORTING:
        for name in module.__all__:
            assert hasattr(module, name), f"{module.__name__}.{name} is in __all__ but missing"
            assert not name.startswith("_") or name == "__version__"
        assert len(set(module.__all__)) == len(module.__all__)
        assert module.__all__ == sorted(module.__all__), f"{module.__name__}.__all__ is not sorted"


def test_public_objects_do_not_expose_private_module_names() -> None:
    # A class or function reports the module it may be imported from (in reprs, tracebacks,
    # pickles and help()), never the private module it happens to be written in.
    for module in EXPORTING:
        for name in module.__all__:
            value = getattr(module, name)
            reported = getattr(value, "__module__", None)
            if reported is None:  # a plain value (a tuple, a string) names no module
                continue
            assert reported.split(".")[0] == "judgment", (module.__name__, name, reported)
            assert not any(part.startswith("_") for part in reported.split(".")), (module.__name__, name, reported)
            if isinstance(value, type):
                assert getattr(importlib.import_module(reported), value.__qualname__) is value, (name, reported)


def test_public_classes_pickle_by_their_public_name() -> None:
    import pickle

    for module in EXPORTING:
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, type):
                assert pickle.loads(pickle.dumps(value)) is value, (module.__name__, name)


def test_every_module_is_private_unless_listed() -> None:
    names = {m.name for m in pkgutil.walk_packages(judgment.__path__, "judgment.")}
    public = {n for n in names if not any(part.startswith("_") for part in n.split(".")[1:])}
    assert public | {"judgment"} == PUBLIC_MODULES
    for name in names:
        if DURABLE or not name.startswith("judgment._durable."):  # the fence imports durable_rules
            importlib.import_module(name)


def test_package_is_typed() -> None:
    assert importlib.resources.files("judgment").joinpath("py.typed").is_file()


def test_exceptions_have_one_root_and_the_fitting_builtin() -> None:
    assert issubclass(judgment.RuleFileError, judgment.JudgmentError)
    assert issubclass(judgment.RuleFileError, ValueError)
    assert issubclass(judgment.BundleError, ValueError)
    assert issubclass(judgment.InputFileError, OSError)
    assert issubclass(judgment.EngineDisagreementError, RuntimeError)
