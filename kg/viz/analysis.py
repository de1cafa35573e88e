"""Network analysis for `kg stats` and GraphML/GEXF export for Gephi."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx

from kg.errors import KgError
from kg.graph.store import load, write_atomic
from kg.viz import views
from kg.viz.model import load_model

NETWORK_SUFFIXES = {".graphml": "graphml", ".gexf": "gexf"}
BETWEENNESS_BUDGET = 2_000_000  # (nodes + links) x sources: above it, sample sources (seeded)
SEED = 7


def projected(graphs: list[Path]) -> nx.DiGraph:
    """The overview network (provenance folded in), as analysed and exported."""
    return views.overview(load_model(load(graphs)))


def flat(g: nx.DiGraph) -> nx.DiGraph:
    """The network with plain attributes only (GraphML and GEXF hold no lists)."""
    out = nx.DiGraph()
    for n in sorted(g):
        d = g.nodes[n]
        first = d["quotes"][0] if d["quotes"] else ("", "")
        out.add_node(n, label=d["label"], cls=d["cls"], iri=d["iri"],
                     authority=" ".join(d["authorities"]), date=d["date"],
                     quotes=int(d["nquotes"]), quote=first[1], file=first[0])
    for s, t, d in sorted(g.edges(data=True)):
        out.add_edge(s, t, label=d["label"], weight=int(d["weight"]))
    return out


def export_network(graphs: list[Path], output: Path, fmt: str | None = None) -> str:
    """Write the projected network as GraphML or GEXF (by ``fmt`` or the file's suffix)."""
    kind = fmt or NETWORK_SUFFIXES.get(output.suffix.lower())
    if kind not in ("graphml", "gexf"):
        raise KgError(f"{output}: give a .graphml or .gexf file (or -f graphml|gexf)")
    g = flat(projected(graphs))
    lines = (nx.generate_graphml(g, encoding="utf-8", prettyprint=True) if kind == "graphml"
             else nx.generate_gexf(g, encoding="utf-8", prettyprint=True))
    write_atomic(output, ("\n".join(lines) + "\n").encode("utf-8"))
    return f"wrote {output} ({g.number_of_nodes()} nodes, {g.number_of_edges()} links, {kind})"


def network_stats(graphs: list[Path]) -> str:
    """Centrality and community figures of the projected network, as text."""
    return describe(projected(graphs))


def describe(g: nx.DiGraph, top: int = 10) -> str:
    lines = ["network (overview projection, provenance folded in):"]
    n, e = g.number_of_nodes(), g.number_of_edges()
    lines.append(f"  nodes {n}, links {e}, density {nx.density(g):.4f}" if n else "  empty")
    if not n:
        return "\n".join(lines) + "\n"
    by_cls = Counter(d for _n, d in g.nodes(data="cls"))
    lines.append("  nodes by class: " + ", ".join(f"{c} {k}" for c, k in sorted(by_cls.items())))
    comps = sorted(nx.weakly_connected_components(g), key=lambda c: (-len(c), min(c)))
    lines.append(f"  weakly connected components {len(comps)}, largest {len(comps[0])}")

    def name(x: str) -> str:
        return f"{g.nodes[x]['label']} ({g.nodes[x]['cls']})"

    deg = nx.degree_centrality(g) if n > 1 else {x: 0.0 for x in g}
    lines.append(f"  top {top} by degree centrality:")
    for x in sorted(g, key=lambda x: (-deg[x], x))[:top]:
        lines.append(f"    {deg[x]:.4f}  {name(x)}")
    u = g.to_undirected(as_view=False)
    sources = max(50, BETWEENNESS_BUDGET // (n + e))
    k = sources if sources < n else None
    btw = nx.betweenness_centrality(u, k=k, seed=SEED if k else None, normalized=True)
    est = f", estimated from {k} sampled sources" if k else ""
    lines.append(f"  top {top} by betweenness centrality{est}:")
    for x in sorted(g, key=lambda x: (-btw[x], x))[:top]:
        lines.append(f"    {btw[x]:.4f}  {name(x)}")
    if u.number_of_edges():
        comms = nx.community.louvain_communities(u, weight="weight", seed=SEED)
        comms = sorted(comms, key=lambda c: (-len(c), min(c)))
        q = nx.community.modularity(u, comms, weight="weight")
        lines.append(f"  communities (Louvain, seed {SEED}): {len(comms)}, modularity {q:.3f}")
        for i, c in enumerate(comms[:top], 1):
            hub = max(sorted(c), key=lambda x: deg[x])
            lines.append(f"    {i:>2}. {len(c):>6} nodes around {name(hub)}")
    return "\n".join(lines) + "\n"
