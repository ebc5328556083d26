"""`judgment serve`: the live workbench on a local web page (needs the `serve` extra)."""

from __future__ import annotations

from pathlib import Path

import click

from judgment._cli._rules import RULES_HELP, rules_version_option
from judgment._cli._errors import reports_errors
from judgment._vocabularies._option import uses_vocabularies


@click.command()
@click.argument("bundle", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rules", "rules", required=True, type=click.Path(file_okay=False, path_type=Path),
              help=RULES_HELP)
@rules_version_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The loopback address to listen on (127.0.0.1, ::1 or localhost; no other).")
@click.option("--port", default=0, show_default=True, type=click.IntRange(0, 65535),
              help="The port; 0 chooses a free one. The address is printed.")
@click.option("--any-date", is_flag=True, help="Judge even if the inspection is dated outside the rulebook's validity.")
@reports_errors
@uses_vocabularies
def serve(bundle: Path | None, rules: Path, rules_version: str | None, host: str, port: int, any_date: bool) -> None:
    """Serve a live workbench for BUNDLE judged by --rules: edit the evidence in the browser and
    see grades, findings and why-not change at once. Without BUNDLE it starts from no records (an
    unnamed inspection on the rulebook's first valid day). Local only (see docs/workbench.md);
    Ctrl-C stops it."""
    try:
        from judgment._serve._run import address, bind, is_loopback, server_for
    except ImportError as missing:
        raise click.UsageError(f"judgment serve needs the serve extra ({missing.name} is not installed): "
                               "pip install 'judgment[serve]'") from None
    from judgment._cli._rules import rulebook_and_bundle
    from judgment._rulebook._loader import load_rulebook
    from judgment._serve._app import create_app

    if not is_loopback(host):
        raise click.BadParameter(f"{host!r} is not a loopback address: the workbench serves this machine only",
                                 param_hint="--host")
    if bundle is None:  # no inspection date to choose by: a library needs --rules-version, or holds one
        from judgment._serve._empty import empty_bundle
        rulebook = load_rulebook(rules, version=rules_version)
        evidence = empty_bundle(rulebook)
    else:
        rulebook, evidence, _ = rulebook_and_bundle(rules, bundle, rules_version)
    try:
        sock = bind(host, port)
    except OSError as error:
        raise click.UsageError(f"cannot listen on {host} port {port}: {error.strerror}") from None
    app = create_app(rulebook, evidence, port=sock.getsockname()[1], any_date=any_date)
    click.echo(f"judgment workbench: {address(sock)} (Ctrl-C stops it)")
    server_for(app).run(sockets=[sock])
