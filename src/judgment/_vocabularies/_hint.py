"""The hint of an unknown vocabulary: the ids known, and the three ways to make one known."""

from __future__ import annotations

from judgment._diagnostics import did_you_mean

WAYS = ("name a vocabulary file in rulebook.yaml (rulebook: vocabulary_file: vocabulary.yaml), "
        "give --vocabulary FILE (a YAML vocabulary, or a Python file that registers one), "
        "or install a package that declares it in the entry-point group judgment.vocabularies")


def unknown_vocabulary_hint(name: str, known: tuple[str, ...]) -> str:
    """Which known id was meant, if one is close; else every id known; then how to add one."""
    near = did_you_mean(name, known) or f"known: {', '.join(repr(k) for k in known) or 'none'}"
    return f"{near} (to use another vocabulary, {WAYS})"
