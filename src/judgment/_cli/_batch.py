"""`judgment batch`: judge every bundle in a folder, one JSON line per bundle, with a progress bar."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from judgment._batch._dask import connect
from judgment._batch._lines import Line, judged_lines
from judgment._cli._errors import reports_errors
from judgment._vocabularies._option import uses_vocabularies
from judgment._diagnostics import Diagnostic, Location, plain
from judgment._engine import durable_missing
from judgment._errors import InputFileError
from judgment._io._read import named
from judgment._cli._rules import RULES_HELP, rules_version_option
from judgment._rulebook._library import RulebookLibrary, is_library, load_library
from judgment._rulebook._loader import load_rulebook
from judgment._rulebook._model import Rulebook

if TYPE_CHECKING:
    from distributed import Client

BUNDLE_SUFFIXES = (".yaml", ".yml", ".json")


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--rules", "rules", required=True, type=click.Path(file_okay=False, path_type=Path),
              help=RULES_HELP + " Each line then names the version that judged it.")
@rules_version_option
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the results: JSON Lines, one line per bundle, in file-name order.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Processes to judge in.")
@click.option("--cross-check", "cross_check", default=0.01, show_default=True, type=click.FloatRange(0, 1),
              help="The share of bundles that durable_rules, the engine of record, judges too; "
                   "a disagreement withholds that bundle's result.")
@click.option("--seed", default=0, show_default=True, type=int, help="Chooses which bundles are cross-checked.")
@click.option("--any-date", is_flag=True, help="Judge even outside the rulebook's validity.")
@click.option("--trace/--no-trace", default=True, show_default=True,
              help="Write each judgment whole, with its trace, or only its grades.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Judge on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:PORT; the "
                   "judgment[dask] extra), instead of --workers. Its workers read the bundle files: "
                   "they must see them at the same paths.")
@reports_errors
@uses_vocabularies
def batch(folder: Path, rules: Path, rules_version: str | None, out: Path, workers: int, cross_check: float, seed: int, any_date: bool,
          trace: bool, scheduler: str | None) -> None:
    """Judge every bundle (*.yaml, *.yml, *.json) under FOLDER with the rulebook in --rules.

    Bundles are judged by the compiled engine; the result lines say so, and say
    which were also judged by durable_rules. Exit 0 if every bundle was judged,
    1 if any was refused (its problems are printed, and its line says why)."""
    if scheduler is not None and workers != 1:
        raise click.UsageError("--workers and --scheduler: judge in local processes, or on a Dask cluster, not both")
    rulebook = load_library(rules) if is_library(rules) else load_rulebook(rules, version=rules_version)
    files = _bundle_files(folder)
    with ExitStack() as stack:
        client = None if scheduler is None else stack.enter_context(connect(scheduler))
        where = "" if client is None else f" on the Dask scheduler at {plain(client.scheduler.address)}"
        _judge(rulebook, rules_version, files, out, workers, cross_check, seed, any_date, trace, client, where)


def _judge(rulebook: Rulebook | RulebookLibrary, version: str | None, files: list[Path], out: Path, workers: int, cross_check: float, seed: int,
           any_date: bool, trace: bool, client: Client | None, where: str) -> None:
    from rich.console import (
        Console,  # here, not at start-up: only this command draws a progress bar
    )
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    started = time.perf_counter()
    console = Console(stderr=True)
    with Progress(TextColumn("judging"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("judging", total=len(files))
        judge = partial(judged_lines, workers=workers, cross_check=cross_check, seed=seed, any_date=any_date,
                        trace=trace, on_chunk=lambda n: progress.advance(task, n), executor=client)
        if isinstance(rulebook, RulebookLibrary):
            from judgment._cli._batch_library import library_lines

            written = _write_lines(out, library_lines(rulebook, files, version, judge))
        else:
            written = _write_lines(out, judge(rulebook, files))
    refused = [line.refused for line in written if line.refused is not None]
    for problems in refused:
        click.echo(problems, err=True)
    elapsed = time.perf_counter() - started
    checked = sum(line.cross_checked for line in written)
    missing = durable_missing()
    crossed = f"{checked:,} also judged by durable_rules, with the same findings" if missing is None else \
        f"none cross-checked: {missing}"
    click.echo(f"judged {len(written) - len(refused):,} of {len(written):,} bundles in {elapsed:.1f} s "
               f"({len(written) / max(elapsed, 1e-9):,.0f} a second) with the compiled engine{where}; "
               f"{crossed}; {len(refused):,} refused; results in {out}", err=True)
    sys.exit(1 if refused else 0)


def _bundle_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise InputFileError([Diagnostic("FILE_NOT_FOUND", f"no folder of bundles {named(str(folder))}", Location(str(folder)))])
    files = sorted(p for p in folder.rglob("*") if p.suffix in BUNDLE_SUFFIXES and p.is_file())
    if not files:
        raise InputFileError([Diagnostic("FILE_NOT_FOUND", f"no bundles ({', '.join(BUNDLE_SUFFIXES)}) in the folder {named(str(folder))}",
                                         Location(str(folder)))])
    return files


def _write_lines(out: Path, lines: Iterable[Line]) -> list[Line]:
    """Write each line as it comes (the results file grows with the progress bar)."""
    written = []
    try:
        with out.open("w", encoding="utf-8") as stream:
            for line in lines:
                stream.write(line.text + "\n")
                written.append(line)
    except OSError as exc:
        raise InputFileError([Diagnostic("FILE_NOT_FOUND", f"cannot write the results to {named(str(out))}: {exc.strerror}",
                                         Location(str(out)))]) from None
    return written
