"""Click command of the network pages, and the helper behind `kg export -f graphml|gexf`.

kg/cli.py registers ``viz`` with ``main.add_command(viz)``. This module does not import kg.cli
(so that registering it from there never makes an import cycle).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.errors import KgError
from kg.paths import DEFAULT_GRAPH

NETWORK_FORMATS = ("graphml", "gexf")


def _graphs(graphs: tuple[Path, ...]) -> list[Path]:
    return list(graphs) or [DEFAULT_GRAPH]


@click.command()
@click.option("-g", "--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help=f"Graph file(s) to draw [default: {DEFAULT_GRAPH}].")
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False),
              default=Path("output") / "site", show_default=True, help="Folder to write the site to.")
@click.option("--inline", is_flag=True,
              help="Put the scripts into every page (single-file pages; larger site).")
def viz(graphs: tuple[Path, ...], output: Path, inline: bool) -> None:
    """Write interactive network pages that work offline (open index.html)."""
    from kg.viz import build_site

    try:
        click.echo(build_site(_graphs(graphs), output, inline=inline).summary())
    except KgError as exc:
        click.echo(f"kg: {exc}", err=True)
        sys.exit(exc.exit_code)


def export_network(graphs: tuple[Path, ...], output: Path, fmt: str | None = None) -> str:
    """For `kg export -f graphml|gexf` (or -o NAME.graphml|.gexf): the projected network."""
    from kg.viz import export_network as run

    return run(_graphs(graphs), output, fmt)
