"""The command line: a thin layer over the library. Library errors become
diagnostics on stderr here, and nowhere else.

Exit codes (one table for every command, see docs/reference/exit-codes.md):
0 success (clean, identical); 1 the input was checked and problems were found, or
verify: the outcome differs; 2 usage or I/O error; 3 verify: not a decision record, or
seal broken; 4 verify: rulebook changed; 5 verify: evidence changed; 6 verify: could not
replay; 7 verify --public-key: signature not valid (or missing). verify exits with the
first that applies in the order 3, 7, 4, 5, 6, 1.

Each command's module is imported when that command is run (or listed, by ``--help``): ``judgment
run`` does not pay for the solver, the workbench, impact or counterfactuals (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from importlib import import_module

import click

#: Each command's name, and the module and function that make it.
COMMANDS = {
    "run": ("judgment._cli._run", "run"),
    "explain": ("judgment._cli._run", "explain"),
    "verify": ("judgment._cli._verify", "verify"),
    "check": ("judgment._cli._check", "check"),
    "test": ("judgment._cli._test", "test_rulebook"),
    "schema": ("judgment._cli._schema", "schema"),
    "batch": ("judgment._cli._batch", "batch"),
    "keygen": ("judgment._cli._keygen", "keygen"),
    "vocabularies": ("judgment._vocabularies._command", "vocabularies"),
    "serve": ("judgment._cli._serve", "serve"),
    "what-if": ("judgment._cli._whatif", "what_if"),
    "counterfactuals": ("judgment._cli._counterfactuals", "counterfactuals"),
    "audit": ("judgment._cli._audit", "audit"),
    "impact": ("judgment._cli._impact", "impact"),
    "diff": ("judgment._cli._diff", "diff"),
    "prove": ("judgment._cli._prove", "prove"),
}


class LazyCommands(MutableMapping[str, click.Command]):
    """The group's commands by name, each imported from its module when first looked up."""

    def __init__(self, where: dict[str, tuple[str, str]]) -> None:
        self._where = dict(where)
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            module, attribute = self._where[name]  # a KeyError for an unknown name, as a dict's
            self._loaded[name] = getattr(import_module(module), attribute)
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._where.pop(name, None)
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self._where.pop(name, None)
        self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter({**self._where, **self._loaded})

    def __len__(self) -> int:
        return len({**self._where, **self._loaded})


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, commands=LazyCommands(COMMANDS))
@click.version_option(package_name="judgment")
def cli() -> None:
    """judgment: judge inspection evidence against a declarative rulebook."""


def main() -> None:
    cli(prog_name="judgment")
