"""Interactive, offline network pages of the graph, and its network analysis and export.

- ``build_site(graphs, output)``: the site `kg viz` writes (index, overview, concerns,
  authorities aggregated, one page per authority).
- ``export_network(graphs, output)``: the projected network as GraphML or GEXF.
- ``network_stats(graphs)``: centrality and community figures, as text for `kg stats`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from kg.viz.site import SiteResult

__all__ = ["build_site", "export_network", "network_stats"]


def build_site(graphs: list[Path], output: Path, inline: bool = False, **kw: Any) -> SiteResult:
    from kg.viz.site import build_site as run

    return run(graphs, output, inline=inline, **kw)


def export_network(graphs: list[Path], output: Path, fmt: str | None = None) -> str:
    from kg.viz.analysis import export_network as run

    return run(graphs, output, fmt)


def network_stats(graphs: list[Path]) -> str:
    from kg.viz.analysis import network_stats as run

    return run(graphs)
