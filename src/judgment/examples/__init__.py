"""The shipped examples: the HMIC 2014 crime rulebook and the Derbyshire bundle, without a checkout.

After ``pip install judgment`` the files are inside the installed package; from a checkout they are
the checkout's own ``rules/`` and ``examples/``. Either way the paths are regular files and folders
that :func:`judgment.load_rulebook` and :func:`judgment.load_bundle` read, and the rulebook's
sha256 is the same::

    import judgment
    from judgment import examples

    rulebook = judgment.load_rulebook(examples.rulebook_path("hmic-crime-2014"))
    bundle = judgment.load_bundle(examples.bundle_path("derbyshire-2014"))
    print(judgment.judge(rulebook, bundle).questions[0].label)

On the command line: ``judgment run --example derbyshire-2014``.
"""

from __future__ import annotations

from pathlib import Path

from judgment.examples._shipped import EXAMPLES, example, rulebook_id, shipped

__all__ = ["bundle_path", "names", "rulebook_path"]


def names() -> tuple[str, ...]:
    """The names of the shipped example bundles, sorted (``("derbyshire-2014",)``)."""
    return tuple(sorted(EXAMPLES))


def bundle_path(name: str) -> Path:
    """The path of the shipped example bundle `name` (a YAML file), e.g. ``bundle_path("derbyshire-2014")``.

    Raises :class:`judgment.UnknownIdError` for a name not in :func:`names`, TypeError for a non-str,
    and :class:`judgment.InputFileError` if judgment was installed without its shipped files."""
    return shipped(f"examples/{example(name)[0]}")


def rulebook_path(name_or_id: str) -> Path:
    """The folder of a shipped rulebook, named by its id (``"hmic-crime-2014"``) or by an example it
    judges (``"derbyshire-2014"``); pass it to :func:`judgment.load_rulebook` or ``--rules``.

    Raises :class:`judgment.UnknownIdError` for an unknown name, TypeError for a non-str, and
    :class:`judgment.InputFileError` if judgment was installed without its shipped files."""
    return shipped(f"rules/{rulebook_id(name_or_id)}")

