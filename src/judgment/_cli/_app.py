"""The command line: a thin layer over the library. Library errors become
diagnostics on stderr here, and nowhere else.

Exit codes (one table for every command, see docs/reference/exit-codes.md):
0 success (clean, identical); 1 the input was checked and problems were found, or
verify: the outcome differs; 2 usage or I/O error; 3 verify: not a decision record, or
seal broken; 4 verify: rulebook changed; 5 verify: evidence changed; 6 verify: could not
replay; 7 verify --public-key: signature not valid (or missing). verify exits with the
first that applies in the order 3, 7, 4, 5, 6, 1.
"""

from __future__ import annotations

import click

from judgment._cli._audit import audit
from judgment._cli._batch import batch
from judgment._cli._check import check
from judgment._cli._counterfactuals import counterfactuals
from judgment._cli._diff import diff
from judgment._cli._impact import impact
from judgment._cli._keygen import keygen
from judgment._cli._prove import prove
from judgment._cli._run import explain, run
from judgment._cli._schema import schema
from judgment._cli._serve import serve
from judgment._cli._test import test_rulebook
from judgment._cli._verify import verify
from judgment._cli._whatif import what_if
from judgment._vocabularies._command import vocabularies


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="judgment")
def cli() -> None:
    """judgment: judge inspection evidence against a declarative rulebook."""


for _command in (run, explain, verify, check, test_rulebook, schema, batch, keygen, vocabularies, serve, what_if,
                 counterfactuals, audit, impact, diff, prove):
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="judgment")
