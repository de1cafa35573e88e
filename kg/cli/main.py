"""The `kg` command: parses options and calls one library function per command."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from kg.cli.common import graph_option, graph_paths, reports_errors
from kg.errors import KgError
from kg.resources import DEFAULT_STORE

# `kg --help` lists the commands in the order of the README's tour.
TOUR = ("build", "query", "queries", "show", "viz", "serve", "export", "stats", "validate", "push", "eval")


class TourGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self.commands, key=lambda n: (TOUR.index(n) if n in TOUR else len(TOUR), n))


def run() -> None:
    """The `kg` program (its console script, and `python -m kg`)."""
    from kg.cli import common

    common.OWN_PROCESS = True
    main()


@click.group(cls=TourGroup)
@click.version_option(package_name="kg")
def main() -> None:
    """Knowledge graphs from council minutes about children's services inspections.

    \b
    A first session:
      kg build examples                  # minutes -> output/graph.ttl
      kg query inspections               # ask a question of the graph
      kg show Middlesbrough              # one entity, its facts and quotes
      kg viz --open                      # network pages in the browser
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", "store", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_STORE,
              show_default=True,
              help="Store folder: kept between builds, only changed minutes are read again.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the graph to a file; format by extension (.ttl .trig .nq .nt .jsonld).",
)
@click.option("--changes", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the statements this build added and removed (TriG, one graph each).")
@click.option("--partial", is_flag=True, help="Write the graph even if some inputs failed.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for large builds [default: number of CPUs].")
@click.option("--manifest", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="CSV or TSV with columns file,url,authority,committee,date: what the texts leave out.")
@reports_errors
def build(
    paths: tuple[Path, ...], store: Path, output: Path | None, changes: Path | None, partial: bool,
    jobs: int | None, manifest: Path | None,
) -> None:
    """Read minutes (files or folders of .txt, .html, .pdf) into the store (and a file with -o).

    \b
    Examples:
      kg build examples
      kg build minutes/ -o output/graph.trig -j 2
      kg build new_minutes/ --changes output/changes.trig --manifest sources.csv
    """
    from kg.pipeline.incremental import build_store

    def progress(items: Iterable[Any], length: int) -> Iterator[Any]:
        if length < 50 or not sys.stderr.isatty():
            yield from items
            return
        with click.progressbar(items, length=length, label="Reading minutes", file=sys.stderr) as bar:
            yield from bar

    if output is not None:
        from kg.graph.store import FORMATS

        if output.suffix.lower() not in FORMATS:
            raise KgError(f"output format {output.suffix or '(none)'} is not known; "
                          f"use one of {', '.join(sorted(FORMATS))}")
    result = build_store(list(paths), store, output, partial=partial, progress=progress, jobs=jobs,
                         changes=changes, sources_manifest=manifest)
    for line in result.notices:
        click.echo(f"kg: note: {line}", err=True)
    for line in result.errors:
        click.echo(f"kg: {line}", err=True)
    n = result.documents
    if result.committed:
        again = " (extraction changed: every document read again)" if result.reextracted else ""
        click.echo(f"{result.summary()}{again}")
        click.echo(f"Read {n} document{'s' if n != 1 else ''}; {result.statements} statements in {store}"
                   + (f", written to {output}" if output else ""))
        if result.changes is not None:
            click.echo(f"{result.changes[0]} statements added, {result.changes[1]} removed: {changes}")
    if result.errors:
        failed = len(result.errors)
        tail = "wrote the rest" if result.committed else (
            f"{store} left unchanged (fix them, or pass --partial)")
        click.echo(f"kg: {failed} input{'s' if failed != 1 else ''} failed; {tail}", err=True)
        sys.exit(3)


@main.command()
@graph_option("convert")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Output file; format by extension (.ttl .trig .nq .nt .jsonld .graphml .gexf).")
@click.option("-f", "--format", "fmt", default=None,
              type=click.Choice(["ttl", "trig", "nq", "nt", "jsonld", "graphml", "gexf"]),
              help="Format, when the extension does not say it.")
@reports_errors
def export(graphs: tuple[Path, ...], output: Path, fmt: str | None) -> None:
    """Convert the graph to another format, or project it to a network for Gephi.

    \b
    Examples:
      kg export -o network.gexf              # open in Gephi
      kg export -o graph.nq                  # for a triple store
      kg export -g output/graph.ttl -o graph.jsonld
    """
    if fmt in ("graphml", "gexf") or output.suffix.lower() in (".graphml", ".gexf"):
        from kg.viz import export_network

        click.echo(export_network(graph_paths(graphs), output, fmt))
        return
    from kg.graph.store import export as run_export

    if fmt and output.suffix.lower() != f".{fmt}":
        output = output.with_name(output.name + f".{fmt}")
    click.echo(run_export(graph_paths(graphs), output))


@main.command()
@graph_option("count")
@click.option("--network", is_flag=True, help="Add centrality and community figures of the network.")
@reports_errors
def stats(graphs: tuple[Path, ...], network: bool) -> None:
    """Counts of each kind of thing, documents and authorities (and, with --network, centrality).

    \b
    Examples:
      kg stats
      kg stats --network
    """
    from kg.graph.stats import stats as run_stats

    click.echo(run_stats(graph_paths(graphs)), nl=False)
    if network:
        from kg.viz import network_stats

        click.echo(network_stats(graph_paths(graphs)), nl=False)


@main.command("eval")
@click.argument("gold_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("corpus_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("-v", "--details", is_flag=True, help="List every missed and extra fact, per document.")
@click.option("--manifest", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="Read the documents with what this manifest states about them (as kg build does).")
@reports_errors
def evaluate(gold_dir: Path, corpus_dir: Path, details: bool, manifest: Path | None) -> None:
    """Score extraction against hand annotations: P/R/F1 per category, attributes, quotes.

    \b
    Examples:
      kg eval tests/data/gold tests/data/minutes
      kg eval tests/data/heldout tests/data/minutes -v
    """
    from kg.evaluate.score import evaluate as run_eval

    click.echo(run_eval(gold_dir, corpus_dir, manifest).render(details), nl=False)


@main.command()
@graph_option("validate")
@click.option("-s", "--sources", multiple=True, type=click.Path(path_type=Path, exists=True),
              help="The minutes files or folders, to check quotes of .txt documents too.")
@reports_errors
def validate(graphs: tuple[Path, ...], sources: tuple[Path, ...]) -> None:
    """Check the graph against the SHACL shapes; exit 1 when it does not conform.

    \b
    Examples:
      kg validate
      kg validate -g output/graph.ttl -s examples
    """
    from kg.errors import ValidationFailed
    from kg.graph.validate import validate as run_validate

    report = run_validate(graph_paths(graphs), list(sources))
    click.echo(report.render().rstrip("\n"))
    if not report.conforms:
        raise ValidationFailed("the graph does not conform to ontology/shapes.ttl; see the lines above")


def _register_extras() -> None:
    """Commands that live in their own modules (kept out of this file to keep it thin)."""
    from kg.cli.query import list_queries, query, show
    from kg.cli.viz import viz

    main.add_command(query)
    main.add_command(list_queries)
    main.add_command(show)
    main.add_command(viz)
    from kg.cli.sparql import push, serve

    main.add_command(serve)
    main.add_command(push)


_register_extras()


if __name__ == "__main__":
    main()
