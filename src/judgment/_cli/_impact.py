"""`judgment impact`: judge a corpus with an old and a new rulebook, and report what the change does."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import click

from judgment._cli._errors import reports_errors
from judgment._diagnostics import Diagnostic, Location
from judgment._errors import InputFileError
from judgment._io._read import named
from judgment._vocabularies._option import uses_vocabularies


@click.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("--rules", "rules", multiple=True, required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The rulebook folder: given twice, the old rulebook first, then the new.")
@click.option("--rules-version", "versions", multiple=True, metavar="VERSION",
              help="Given twice, with --rules naming libraries of rulebook versions: the old version, then the "
                   "new (VERSION or ID@VERSION).")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown", "html"]), default="text",
              show_default=True, help="json prints the impact as data (schema judgment.impact/1); html a "
                                      "self-contained report.")
@click.option("--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of standard output.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 256), help="Processes to judge in.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Judge on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:PORT; the judgment[dask] "
                   "extra), instead of --workers. Its workers read the bundle files: they must see them at the "
                   "same paths.")
@click.option("--in-force-only", is_flag=True, help="Judge a bundle under a rulebook only if its inspection is "
              "dated within that rulebook's validity (by default every bundle is judged under both, and the "
              "report counts those dated outside each).")
@reports_errors
@uses_vocabularies
def impact(corpus: Path, rules: tuple[Path, ...], versions: tuple[str, ...], output_format: str, output: Path | None, workers: int,
           scheduler: str | None, in_force_only: bool) -> None:
    """Judge every bundle of CORPUS with the old and the new rulebook (--rules OLD --rules NEW) and
    report what the change does: how many judgments change per question and which way, the rules
    responsible, the rule files changed and the bundles affected, summary first.

    CORPUS is a folder of bundles (*.yaml, *.yml, *.json), or the JSON Lines file `judgment batch`
    wrote (each bundle is read again from the path its line names). A bundle that cannot be judged
    under either rulebook is counted and named; the rest are judged. Exit 0 when the report is made."""
    from judgment._batch._dask import connect
    from judgment._impact import impact as judge_impact
    from judgment._impact import rulebook_for
    from judgment._impact._corpus import corpus_files

    if len(rules) != 2:
        raise click.UsageError(f"give --rules twice, the old rulebook then the new (given {len(rules)} time"
                               f"{'' if len(rules) == 1 else 's'})")
    if len(versions) not in (0, 2):
        raise click.UsageError("give --rules-version twice (the old version, then the new) or not at all")
    old, new = (rulebook_for(folder, version) for folder, version in zip(rules, versions or (None, None)))
    if scheduler is not None and workers != 1:
        raise click.UsageError("--workers and --scheduler: judge in local processes, or on a Dask cluster, not both")
    files = corpus_files(corpus)
    with ExitStack() as stack:
        client = None if scheduler is None else stack.enter_context(connect(scheduler))
        advance = stack.enter_context(_progress(len(files)))
        result = judge_impact(old, new, files, workers=workers, executor=client, any_date=not in_force_only,
                              on_progress=advance)
    _write(_rendered(result, output_format), output)


def _rendered(result: object, output_format: str) -> str:
    from judgment._impact import Impact
    from judgment._impact._html import render_html
    from judgment._impact._markdown import render_markdown
    from judgment._impact._text import render_text

    assert isinstance(result, Impact)
    renderers = {"json": Impact.to_json, "markdown": render_markdown, "html": render_html, "text": render_text}
    return renderers[output_format](result)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputFileError([Diagnostic("FILE_NOT_FOUND", f"cannot write the report to {named(str(output))}: "
                                         f"{exc.strerror}", Location(str(output)))]) from None


class _progress:
    """A progress bar on standard error, drawn only in a terminal (as `judgment batch` draws one)."""

    def __init__(self, total: int) -> None:
        from rich.console import Console  # here, not at start-up
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        console = Console(stderr=True)
        self.bar = Progress(TextColumn("judging with both rulebooks"), BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), console=console, transient=True, disable=not console.is_terminal)
        self.task = self.bar.add_task("judging", total=total)

    def __enter__(self) -> _progress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(None, None, None)

    def __call__(self, judged: int) -> None:
        self.bar.advance(self.task, judged)
