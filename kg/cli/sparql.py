"""`kg serve` and `kg push`: click commands, registered on the `kg` group by kg/cli.py."""

from __future__ import annotations

from pathlib import Path

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
@click.option("-q", "--quiet", is_flag=True, help="Do not log each request.")
@click.option("--open", "open_browser", is_flag=True, help="Open the query page in the web browser.")
@reports_errors
def serve(
    graphs: tuple[Path, ...], host: str, port: int, timeout: float, max_rows: int, quiet: bool,
    open_browser: bool,
) -> None:
    """Serve the graph as a read-only SPARQL endpoint (/sparql) with a query page (/).

    \b
    Examples:
      kg serve --open
      kg serve -g output/graph.trig --port 8080
      curl 'http://127.0.0.1:7070/sparql?query=ASK{?s?p?o}'
    """
    from kg.sparql.endpoint import serve as run_serve

    def say(line: str) -> None:
        click.echo(line, err=line.startswith("kg:"))

    run_serve(graph_paths(graphs), host, port, timeout, max_rows, quiet, say,
              open_in_browser if open_browser else None)


@click.command()
@click.option(
    "--store",
    "store_url",
    required=True,
    metavar="URL",
    help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (Oxigraph), "
    "http://localhost:3030/ds/data (Fuseki).",
)
@graph_option("push (.trig or .nq keep one graph per document)")
@click.option(
    "--graph-param",
    default="graph",
    show_default=True,
    help="Name of the URL parameter that names the graph (Virtuoso: graph-uri).",
)
@reports_errors
def push(store_url: str, graphs: tuple[Path, ...], graph_param: str) -> None:
    """Write each named graph into a triple store (PUT: a re-push replaces, never duplicates).

    \b
    Examples:
      kg push --store http://127.0.0.1:7878/store -g output/graph.trig
      kg push --store http://localhost:3030/ds/data
    """
    from kg.sparql.push import push as run_push

    for line in run_push(graph_paths(graphs), store_url, graph_param):
        click.echo(line, err=line.startswith("kg:") or " is a merged graph" in line)
