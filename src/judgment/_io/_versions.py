"""The versions that files judgment reads may declare: a bundle's ``format: judgment.bundle/N`` and
a rulebook's ``language: N`` (in rulebook.yaml). Absent means 1, so every file written before
versions were declared still reads.

A version is read before anything else in its file: the rest is written by that version's rules,
so a file of a version this judgment does not know is refused for that alone, where the version is
written, rather than for the keys a newer judgment added. A version this judgment reads is then
forgotten: it changes nothing judged, and nothing hashed (a bundle's evidence hash is the same with
or without its ``format``). docs/compatibility.md states the promise these versions carry."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from judgment._diagnostics import Diagnostic, excerpt
from judgment._io._yaml import Positions

BUNDLE_FORMATS = "judgment.bundle/"
#: The newest bundle format this judgment reads; it reads every older one too.
BUNDLE_FORMAT = 1
CURRENT_BUNDLE_FORMAT = f"{BUNDLE_FORMATS}{BUNDLE_FORMAT}"
#: The newest rule language this judgment reads; it reads every older one too.
RULE_LANGUAGE = 1
UPGRADE = "made for a newer judgment; upgrade judgment (pip install -U judgment)"


def bundle_format_problem(data: Mapping[str, Any], where: Positions) -> Diagnostic | None:
    """Why this judgment cannot read a bundle of the format it declares; None when it can."""
    if "format" not in data:
        return None
    value = data["format"]
    digits = value.removeprefix(BUNDLE_FORMATS) if isinstance(value, str) and value.startswith(BUNDLE_FORMATS) else ""
    number = int(digits) if digits.isascii() and digits.isdigit() and digits[0] != "0" and len(digits) < 10 else 0
    if number > BUNDLE_FORMAT:
        return Diagnostic("BAD_VALUE", f"the bundle is in format {excerpt(value)}; this judgment reads "
                          f"{CURRENT_BUNDLE_FORMAT} and older", where.of_value(("format",)), hint=UPGRADE)
    if number < 1:
        return Diagnostic("BAD_VALUE", f"format {excerpt(value)} is not a bundle format: one is written "
                          f"{BUNDLE_FORMATS}N, N a whole number from 1", where.of_value(("format",)),
                          hint=f"write 'format: {CURRENT_BUNDLE_FORMAT}', or leave the key out "
                               f"(it means {BUNDLE_FORMATS}1)")
    return None


def rule_language_problem(data: object, where: Positions) -> Diagnostic | None:
    """Why this judgment cannot read a rulebook.yaml of the rule language it declares; None when it can."""
    if not isinstance(data, Mapping) or "language" not in data:
        return None
    value = data["language"]
    number = value if type(value) is int else 0  # not True, not 1.0, not "1": a version is a whole number
    if number > RULE_LANGUAGE:
        return Diagnostic("BAD_VALUE", f"the rulebook is written in rule language {excerpt(number)}; this judgment "
                          f"reads language {RULE_LANGUAGE} and older", where.of_value(("language",)), hint=UPGRADE)
    if number < 1:
        return Diagnostic("BAD_VALUE", f"language {excerpt(value)} is not a rule language version: one is a whole "
                          "number from 1", where.of_value(("language",)),
                          hint=f"write 'language: {RULE_LANGUAGE}', or leave the key out (it means 1)")
    return None
