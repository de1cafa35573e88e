"""`kg serve` and `kg push`: click commands, registered on the `kg` group by kg/cli.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kg.cli.common import graph_option, graph_paths, open_in_browser, reports_errors


@click.command()
@graph_option("serve")
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
@click.option("--max-bytes", default=64, show_default=True, type=click.IntRange(1),
              help="Megabytes an answer may have; more is an error (HTTP 422).")
@click.option("--max-memory", default=1024, show_default=True, type=click.IntRange(64),
              help="Megabytes of memory one query may use; more stops it (HTTP 503).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Query worker processes, each with its own copy of the store's caches.")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 16),
              help="Queries each worker process answers at once, sharing its store: less memory per "
              "query, but a query past the memory limit stops the others in its process (--threads 1 "
              "keeps each alone).")
@click.option("--queue", "max_queue", default=16, show_default=True, type=click.IntRange(0),
              help="Queries that may wait for a worker; past that, HTTP 503 with Retry-After.")
@click.option("--idle-timeout", default=30, show_default=True, type=click.IntRange(1),
              help="Seconds before an idle or slow client is disconnected.")
@click.option("--cache", "cache", default=8, show_default=True, type=click.IntRange(0),
              help="Megabytes of answers kept for repeated queries (the graph does not change while "
              "kg serve runs); 0 keeps none.")
@click.option("--allow-service", is_flag=True,
              help="Allow SERVICE (federated queries make this machine fetch other addresses).")
@click.option("-q", "--quiet", is_flag=True, help="Do not log each request.")
@click.option("--open", "open_browser", is_flag=True, help="Open the query page in the web browser.")
@reports_errors
def serve(
    graphs: tuple[Path, ...], host: str, port: int, timeout: float, max_rows: int, max_bytes: int,
    max_memory: int, workers: int, threads: int, max_queue: int, idle_timeout: int, cache: int,
    allow_service: bool,
    quiet: bool, open_browser: bool,
) -> None:
    """Serve the graph as a read-only SPARQL endpoint (/sparql) with a query page (/).

    \b
    Examples:
      kg serve --open
      kg serve -g output/graph.trig --port 8080
      curl 'http://127.0.0.1:7070/sparql?query=ASK{?s?p?o}'
    """
    from kg.cli import common
    from kg.sparql import endpoint

    options: dict[str, Any] = dict(
        host=host, port=port, timeout=timeout, max_rows=max_rows, quiet=quiet, allow_service=allow_service,
        workers=workers, max_memory_mb=max_memory, max_bytes=max_bytes << 20, max_queue=max_queue,
        idle_timeout=idle_timeout, threads=threads, cache_bytes=cache << 20,
    )
    if common.OWN_PROCESS:  # hand the process over to a lighter interpreter
        endpoint.exec_server(graph_paths(graphs), open_browser, **options)

    def say(line: str) -> None:
        click.echo(line, err=line.startswith("kg:"))

    endpoint.serve(graph_paths(graphs), say=say, ready=open_in_browser if open_browser else None, **options)


@click.command()
@click.option(
    "--store",
    "store_url",
    required=True,
    metavar="URL",
    help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (Oxigraph), "
    "http://localhost:3030/ds/data (Fuseki).",
)
@graph_option("push (a store folder, .trig or .nq keep one graph per document)", store=False)
@click.option(
    "--graph-param",
    default="graph",
    show_default=True,
    help="Name of the URL parameter that names the graph (Virtuoso: graph-uri).",
)
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds for each request to the store, all of its answer included.")
@reports_errors
def push(store_url: str, graphs: tuple[Path, ...], graph_param: str, timeout: float) -> None:
    """Write each named graph into a triple store (PUT: a re-push replaces, never duplicates).

    \b
    Examples:
      kg push --store http://127.0.0.1:7878/store -g output/graph.trig
      kg push --store http://localhost:3030/ds/data
    """
    import sys

    from kg.sparql.push import push as run_push

    def progress(line: str) -> None:
        if sys.stderr.isatty():
            click.echo(f"kg: {line}", err=True)

    for line in run_push(graph_paths(graphs), store_url, graph_param, progress, timeout):
        click.echo(line, err=line.startswith("kg:") or " is a merged graph" in line)
