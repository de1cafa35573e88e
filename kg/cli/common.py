"""What every `kg` command shares: the error mapping and the graph option."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.errors import KgError, one_line
from kg.resources import DEFAULT_GRAPH, DEFAULT_STORE

F = TypeVar("F", bound=Callable[..., Any])

# True when this process was started to run the command line (`kg`, `python -m kg`): a command
# may then hand the process over to another program (kg serve does), which it must not do when
# called from other code (tests, notebooks) that expects to get its process back.
OWN_PROCESS = False


def reports_errors(fn: F) -> F:
    """Map every KgError to its one-line message and exit code, in one place."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KgError as exc:
            click.echo(f"kg: {one_line(str(exc))}", err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


def _remember_store(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.meta["kg.store"] = value


def graph_option(verb: str, store: bool = True) -> Callable[[F], F]:
    """`-g/--graph FILE` (repeatable) and `--store DIR`; by default the store `output/store`
    when it exists, else the file `output/graph.ttl`. A store folder may also be given as -g."""
    graph = click.option(
        "-g",
        "--graph",
        "graphs",
        multiple=True,
        type=click.Path(path_type=Path),
        help=f"Graph file(s) or a store folder to {verb} "
        f"[default: {DEFAULT_STORE} if it exists, else {DEFAULT_GRAPH}].",
    )
    if not store:
        return graph
    folder = click.option(
        "--store", type=click.Path(path_type=Path, file_okay=False), default=None, expose_value=False,
        callback=_remember_store, is_eager=True,
        help=f"Store folder built by `kg build` [default: {DEFAULT_STORE}].",
    )
    return lambda fn: folder(graph(fn))


def open_in_browser(url: str) -> None:
    """Open a page in the user's web browser (a no-op where there is none)."""
    import webbrowser

    if not webbrowser.open(url):
        click.echo(f"kg: note: no web browser found; open {url}", err=True)


def graph_paths(graphs: tuple[Path, ...]) -> list[Path]:
    ctx = click.get_current_context(silent=True)
    store = ctx.meta.get("kg.store") if ctx is not None else None
    if store is not None:
        if graphs:
            raise KgError("give either --store or -g, not both")
        return [store]
    if graphs:
        return list(graphs)
    from kg.graph.disk import is_store

    return [DEFAULT_STORE] if is_store(DEFAULT_STORE) else [DEFAULT_GRAPH]
