"""`--example NAME` of `judgment run` and `judgment explain`: judge a shipped example bundle with its
shipped rulebook, so an installed judgment can be tried without a checkout (see judgment.examples)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from judgment import examples
from judgment._diagnostics import excerpt

F = TypeVar("F", bound=Callable[..., object])


def example_option(function: F) -> F:
    return click.option("--example", "example", metavar="NAME",
                        help="Judge the shipped example bundle NAME (derbyshire-2014) instead of BUNDLE; its "
                             "shipped rulebook is used unless --rules is given.")(function)


def bundle_and_rules(bundle: Path | None, rules: Path | None, example: str | None) -> tuple[Path, Path]:
    """The bundle and the rulebook to judge: the ones given, or the example's (--rules still overrides)."""
    if example is None:
        if bundle is None:
            raise click.UsageError("give a BUNDLE to judge, or --example NAME")
        if rules is None:
            raise click.MissingParameter(param_type="option", param_hint="'--rules'")
        return bundle, rules
    if bundle is not None:
        raise click.UsageError("give a BUNDLE or --example NAME, not both")
    return _example_bundle(example), rules or examples.rulebook_path(example)


def _example_bundle(name: str) -> Path:
    if name not in examples.names():
        raise click.BadParameter(f"no example {excerpt(name)}; the shipped examples are: {', '.join(examples.names())}",
                                 param_hint="'--example'")
    return examples.bundle_path(name)
