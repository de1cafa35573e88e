"""What every `kg` command shares: the error mapping and the graph option."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.errors import KgError
from kg.resources import DEFAULT_GRAPH

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(fn: F) -> F:
    """Map every KgError to its one-line message and exit code, in one place."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KgError as exc:
            click.echo(f"kg: {exc}", err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


def graph_option(verb: str) -> Callable[[F], F]:
    """`-g/--graph FILE`, repeatable; the default graph when none is given."""
    return click.option(
        "-g",
        "--graph",
        "graphs",
        multiple=True,
        type=click.Path(path_type=Path),
        help=f"Graph file(s) to {verb} [default: {DEFAULT_GRAPH}].",
    )


def open_in_browser(url: str) -> None:
    """Open a page in the user's web browser (a no-op where there is none)."""
    import webbrowser

    if not webbrowser.open(url):
        click.echo(f"kg: note: no web browser found; open {url}", err=True)


def graph_paths(graphs: tuple[Path, ...]) -> list[Path]:
    return list(graphs) or [DEFAULT_GRAPH]
