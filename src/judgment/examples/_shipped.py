"""Where the shipped rulebook and example bundle are: in the installed package, or in the checkout.

A wheel carries copies of `rules/hmic-crime-2014/` and `examples/derbyshire-2014.yaml` in
`judgment/_shipped/` (setup.py puts them there, byte for byte, so the rulebook's sha256 is the same).
An editable install from a checkout has no such copy: the checkout's own files are used then.
"""

from __future__ import annotations

from pathlib import Path

from judgment._diagnostics import Diagnostic, Location
from judgment._errors import InputFileError, unknown_id

#: Each example: its bundle file in examples/, and the id of the rulebook that judges it in rules/.
EXAMPLES = {"derbyshire-2014": ("derbyshire-2014.yaml", "hmic-crime-2014")}
RULEBOOKS = ("hmic-crime-2014",)

_PACKAGE = Path(__file__).resolve().parents[1]
_INSTALLED = _PACKAGE / "_shipped"
_CHECKOUT = _PACKAGE.parents[1]  # src/judgment -> the checkout


def shipped(relative: str) -> Path:
    """The shipped file or folder `relative` (e.g. "rules/hmic-crime-2014"): the package's copy, else the checkout's."""
    for root in (_INSTALLED, _CHECKOUT):
        if (root / relative).exists():
            return root / relative
    raise InputFileError([Diagnostic("FILE_NOT_FOUND", f"the shipped {relative} is not installed", Location(relative),
                                     hint="install judgment from its wheel or sdist, or from a checkout")])


def example(name: str) -> tuple[str, str]:
    """The bundle file and the rulebook id of the example `name`."""
    _check_str(name)
    if name not in EXAMPLES:
        raise unknown_id("example", name, EXAMPLES, Location("judgment.examples"))
    return EXAMPLES[name]


def rulebook_id(name_or_id: str) -> str:
    """The id of a shipped rulebook, named by itself or by an example it judges."""
    _check_str(name_or_id)
    if name_or_id in RULEBOOKS:
        return name_or_id
    if name_or_id in EXAMPLES:
        return EXAMPLES[name_or_id][1]
    raise unknown_id("rulebook or example", name_or_id, (*RULEBOOKS, *EXAMPLES), Location("judgment.examples"))


def _check_str(name: object) -> None:
    if not isinstance(name, str):
        raise TypeError(f"a shipped example or rulebook is named by a str, not {type(name).__name__}")
