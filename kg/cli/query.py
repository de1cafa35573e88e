"""`kg query`, `kg queries` and `kg show`: asking the graph, and tracing an answer to its quote."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
from click.shell_completion import CompletionItem

from kg.cli.common import graph_option, graph_paths, reports_errors
from kg.errors import KgError
from kg.sparql.formats import ALL_FORMATS


def complete_query_name(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Shell completion: library query names (and .rq files, which the shell completes itself)."""
    from kg.sparql.library import library

    return [CompletionItem(n, help=q.title) for n, q in library().items() if n.startswith(incomplete)]


@click.command()
@click.argument("name", shell_complete=complete_query_name)
@graph_option("query")
@click.option("-f", "--format", "fmt", default=None, type=click.Choice(ALL_FORMATS),
              help="SELECT: table csv tsv json jsonl md; ASK: table json; CONSTRUCT/DESCRIBE: ttl nt "
              "jsonld [default: from -o's extension, else table or ttl].")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the answer to FILE (.csv .tsv .json .jsonl .md .txt .ttl .nt .jsonld).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE: an authority as GSS code, IRI or name; a notation, date, "
              "number or text. Repeatable.")
@click.option("--endpoint", metavar="URL", help="Run at a SPARQL endpoint instead of on -g files.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds for each request to --endpoint, all of its answer included.")
@click.option("--allow-service", is_flag=True,
              help="Run a query that uses SERVICE (it makes this machine fetch other addresses).")
@reports_errors
def query(
    name: str, graphs: tuple[Path, ...], fmt: str | None, output: Path | None,
    params: tuple[str, ...], endpoint: str | None, timeout: float, allow_service: bool,
) -> None:
    """Run a library query (a name from `kg queries`) or a .rq file.

    In the terminal, authorities, posts, people and documents show by name; csv, tsv, json and
    jsonl keep full IRIs. Paste any IRI into `kg show`.

    \b
    Examples:
      kg query inspections
      kg query figures -p authority=Middlesbrough -o figures.csv
      kg query authority_card -p authority=E06000002 -f nt
    """
    from kg.sparql.library import resolve
    from kg.sparql.remote import refuse_service

    refuse_service(resolve(name).text, allow_service)
    width = None if output else shutil.get_terminal_size((100, 24)).columns
    if endpoint:
        if graphs:
            raise KgError("give either --endpoint or -g, not both")
        from kg.sparql.remote import run_remote

        if fmt is None and output is not None:
            from kg.sparql.formats import choose_format

            fmt = choose_format(resolve(name).form, None, output)
        text = run_remote(name, endpoint, fmt, _params(params), timeout)
    else:
        from kg.sparql.library import run_query

        text = run_query(name, graph_paths(graphs), fmt, _params(params), output, width)
    if output is None:
        click.echo(text, nl=False)
        return
    from kg.graph.store import write_atomic

    write_atomic(output, text.encode("utf-8"))
    click.echo(f"wrote {output}", err=True)


def _params(params: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for p in params:
        key, sep, value = p.partition("=")
        if not sep or not key.strip():
            raise KgError(f"parameter {p!r} is not NAME=VALUE; write e.g. --param authority=E06000058")
        out[key.strip().lstrip("?$")] = value
    return out


@click.command("queries")
@reports_errors
def list_queries() -> None:
    """List the query library with descriptions and parameters.

    \b
    Examples:
      kg queries
      kg queries | grep -A2 concern
    """
    from kg.sparql.library import library

    for q in library().values():
        click.echo(f"{q.name}\n    {q.title}" + (f": {q.description}" if q.description else ""))
        for p in q.params:
            click.echo(f"    --param {p.name}=...  {p.help}")


@click.command()
@click.argument("iri")
@graph_option("read")
@click.option("-s", "--sources", multiple=True, type=click.Path(path_type=Path, exists=True),
              help="The minutes files or folders, to show the lines around quotes of .txt documents.")
@reports_errors
def show(iri: str, graphs: tuple[Path, ...], sources: tuple[Path, ...]) -> None:
    """Show a fact or entity: type, properties with labels, and each supporting quote in context.

    IRI is any IRI kg prints (with or without <>), a prefixed name such as authority:E06000002,
    or an authority's GSS code or name.

    \b
    Examples:
      kg show https://w3id.org/kg-minutes/id/authority/E06000002
      kg show Middlesbrough
      kg show '<https://w3id.org/kg-minutes/id/decision/f3fa7cccf592c1a5/1944-2082>' -s examples
    """
    from kg.sparql.show import show as run_show

    click.echo(run_show(graph_paths(graphs), iri, sources), nl=False)
