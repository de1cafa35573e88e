"""`kg serve` and `kg push`: click commands, registered on the `kg` group by kg/cli.py."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.paths import DEFAULT_GRAPH

F = TypeVar("F", bound=Callable[..., Any])


def _reports_errors(fn: F) -> F:
    """kg.cli.reports_errors, looked up when the command runs (kg.cli imports this module)."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from kg.cli import reports_errors

        return reports_errors(fn)(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


@click.command()
@click.option(
    "-g",
    "--graph",
    "graphs",
    multiple=True,
    type=click.Path(path_type=Path),
    help=f"Graph file(s) to serve [default: {DEFAULT_GRAPH}].",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; the default is reachable from this machine only.",
)
@click.option(
    "--port",
    default=7070,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(0.1),
    help="Seconds a query may run before it is stopped (HTTP 503).",
)
@click.option(
    "--max-rows",
    default=100000,
    show_default=True,
    type=click.IntRange(1),
    help="Rows (or triples) an answer may have; more is an error (HTTP 422).",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not log each request.")
@_reports_errors
def serve(graphs: tuple[Path, ...], host: str, port: int, timeout: float, max_rows: int, quiet: bool) -> None:
    """Serve the graph as a read-only SPARQL endpoint (/sparql) with a query page (/)."""
    from kg.serve import serve as run_serve

    def say(line: str) -> None:
        click.echo(line, err=line.startswith("kg:"))

    run_serve(list(graphs) or [DEFAULT_GRAPH], host, port, timeout, max_rows, quiet, say)


@click.command()
@click.option(
    "--store",
    "store_url",
    required=True,
    metavar="URL",
    help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (Oxigraph), "
    "http://localhost:3030/ds/data (Fuseki).",
)
@click.option(
    "-g",
    "--graph",
    "graphs",
    multiple=True,
    type=click.Path(path_type=Path),
    help=f"Graph file(s) to push [default: {DEFAULT_GRAPH}]; .trig or .nq keep one graph per document.",
)
@click.option(
    "--graph-param",
    default="graph",
    show_default=True,
    help="Name of the URL parameter that names the graph (Virtuoso: graph-uri).",
)
@_reports_errors
def push(store_url: str, graphs: tuple[Path, ...], graph_param: str) -> None:
    """Write each named graph into a triple store (PUT: a re-push replaces, never duplicates)."""
    from kg.push import push as run_push

    for line in run_push(list(graphs) or [DEFAULT_GRAPH], store_url, graph_param):
        click.echo(line, err=line.startswith("kg:") or " is a merged graph" in line)
