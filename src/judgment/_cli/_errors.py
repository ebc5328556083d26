"""How every command turns library errors into diagnostics on stderr and the contract's exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from judgment._errors import InputFileError, JudgmentError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turn library exceptions into rendered diagnostics and the contract's exit codes."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputFileError as error:
            click.echo(error.render(), err=True)
            sys.exit(EXIT_USAGE)
        except JudgmentError as error:
            click.echo(error.render(), err=True)
            click.echo(f"{plural(len(error.diagnostics), 'problem')} found; nothing was judged.", err=True)
            sys.exit(EXIT_PROBLEMS)
        except click.ClickException:
            raise  # usage errors: click prints them and exits with 2
        except Exception as error:  # a bug: one clear line, the traceback only on request
            if os.environ.get("JUDGMENT_DEBUG"):
                raise
            click.echo(f"judgment: internal error: {type(error).__name__}: {error} "
                       "(this is a bug; set JUDGMENT_DEBUG=1 to see the traceback)", err=True)
            sys.exit(EXIT_USAGE)

    return wrapper  # type: ignore[return-value]




def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
