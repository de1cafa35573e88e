"""Click command of the network pages, and the helper behind `kg export -f graphml|gexf`.

kg/cli.py registers ``viz`` with ``main.add_command(viz)``. This module does not import kg.cli.main
(so that registering it from there never makes an import cycle).
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import graph_option, graph_paths, open_in_browser, reports_errors

NETWORK_FORMATS = ("graphml", "gexf")


@click.command()
@graph_option("draw")
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False),
              default=Path("output") / "site", show_default=True, help="Folder to write the site to.")
@click.option("--inline", is_flag=True,
              help="Put the scripts into every page (single-file pages; larger site).")
@click.option("--open", "open_browser", is_flag=True, help="Open the index page in the web browser.")
@reports_errors
def viz(graphs: tuple[Path, ...], output: Path, inline: bool, open_browser: bool) -> None:
    """Write interactive network pages that work offline (open index.html).

    \b
    Examples:
      kg viz --open
      kg viz -g output/graph.ttl -o site --inline
    """
    from kg.viz import build_site

    click.echo(build_site(graph_paths(graphs), output, inline=inline).summary())
    if open_browser:
        open_in_browser((output / "index.html").resolve().as_uri())


def export_network(graphs: tuple[Path, ...], output: Path, fmt: str | None = None) -> str:
    """For `kg export -f graphml|gexf` (or -o NAME.graphml|.gexf): the projected network."""
    from kg.viz import export_network as run

    return run(graph_paths(graphs), output, fmt)
