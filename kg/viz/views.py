"""Networks (networkx directed graphs) that the pages draw: overview, per authority, concerns.

Node attributes: label, cls, authorities (tuple of authority IRIs), quotes ((file, text), ...),
nquotes, attrs ((column, value), ...), iri (compact). Edge attributes: label, weight, quotes.
Iteration is sorted everywhere, so the same graph gives the same networks.
"""

from __future__ import annotations

import math
import re

import networkx as nx

from kg.viz.model import CLASS_KEYS, Entity, Model, compact

OVERVIEW_CLASSES = ("Authority", "Inspection", "Intervention", "Post", "Person", "Plan",
                    "Workstream", "Component", "Concern")
PLURAL = {"Authority": "authorities", "Person": "people", "Inspection": "inspections and visits"}
QUOTES_PER_NODE = 6
QUOTE_CHARS = 400


def page_of(authority_iri: str) -> str:
    """File name of an authority's page: only [A-Za-z0-9-] from the IRI's last segment."""
    code = re.sub(r"[^A-Za-z0-9-]", "", authority_iri.rstrip("/").rsplit("/", 1)[-1])
    return f"authority-{code or 'x'}.html"


def _quotes(qs: set[tuple[str, int, str]] | list[tuple[str, int, str]]) -> tuple:
    out = sorted(qs)
    return tuple((f, q if len(q) <= QUOTE_CHARS else q[: QUOTE_CHARS - 1] + "\u2026")
                 for f, _s, q in out[:QUOTES_PER_NODE])


def _add(g: nx.DiGraph, e: Entity, quotes: set[tuple[str, int, str]] | None = None,
         authorities: set[str] | None = None) -> None:
    qs = e.quotes if quotes is None else quotes
    g.add_node(e.iri, label=e.label or compact(e.iri), cls=e.cls,
               authorities=tuple(sorted(e.authorities if authorities is None else authorities)),
               quotes=_quotes(qs), nquotes=len(qs),
               attrs=tuple(e.attrs), iri=compact(e.iri), date=e.date)


def _links(g: nx.DiGraph, m: Model) -> None:
    pairs = {p for n in g for p in m.links_at.get(n, ()) if p[0] in g and p[1] in g}
    for s, o in sorted(pairs):
        g.add_edge(s, o, label=", ".join(sorted(m.links[(s, o)])), weight=1, quotes=())


def _mentions(g: nx.DiGraph, m: Model, only: str | None = None) -> None:
    pairs = sorted(m.mentions) if only is None else [(only, c) for c in m.concerns_of.get(only, [])]
    for a, c in pairs:
        n = m.mentions[(a, c)]
        if a in g and c in g:
            s = "" if n == 1 else "s"
            g.add_edge(a, c, label=f"{n} mention{s}", weight=n,
                       quotes=_quotes(m.mention_quotes.get((a, c), set())))


def overview(m: Model) -> nx.DiGraph:
    g = nx.DiGraph(name="overview")
    for iri in sorted(m.entities):
        e = m.entities[iri]
        if e.cls in OVERVIEW_CLASSES:
            _add(g, e)
    _links(g, m)
    _mentions(g, m)
    # a concern only a figure names has no link here (figures are on the authority pages)
    g.remove_nodes_from([n for n in sorted(g) if g.nodes[n]["cls"] == "Concern" and not g.degree(n)])
    return g


def authority_view(m: Model, a: str) -> nx.DiGraph:
    g = nx.DiGraph(name=f"authority {a}")
    _add(g, m.entities[a])
    for iri in m.members.get(a, []):
        if m.entities[iri].cls != "Concern":
            _add(g, m.entities[iri])
    for c in m.concerns_of.get(a, []):
        _add(g, m.entities[c], m.mention_quotes.get((a, c), set()), {a})
    for n in sorted(g):  # concerns reached only through this authority's figures
        for s, o in m.links_at.get(n, ()):
            if s == n and o not in g and m.entities[o].cls == "Concern":
                _add(g, m.entities[o], set(), {a})
    _links(g, m)
    _mentions(g, m, only=a)
    return g


def concern_view(m: Model) -> nx.DiGraph:
    g = nx.DiGraph(name="concerns by authority")
    for (a, c) in sorted(m.mentions):
        for iri in (a, c):
            if iri not in g:
                _add(g, m.entities[iri])
    _mentions(g, m)
    return g


def aggregate_view(m: Model) -> nx.DiGraph:
    """One node per authority and class ("14 posts"), plus the concerns: stays small at scale."""
    g = nx.DiGraph(name="authorities aggregated")
    counts: dict[tuple[str, str], int] = {}
    for e in m.entities.values():
        if e.cls in ("Authority", "Concern"):
            continue
        for a in e.authorities:
            counts[(a, e.cls)] = counts.get((a, e.cls), 0) + 1
    for a in sorted({a for a, _c in counts} | {a for a, _c in m.mentions}):
        _add(g, m.entities[a], set())
    for (a, cls), n in sorted(counts.items()):
        name = PLURAL.get(cls, cls.lower() + "s") if n != 1 else cls.lower()
        e = m.entities[a]
        node = f"{a}#{cls}"
        g.add_node(node, label=f"{n} {name}", cls=cls, authorities=(a,), quotes=(), nquotes=0,
                   attrs=(("Authority", e.label), ("Count", str(n))), iri=compact(a), date="")
        g.add_edge(node, a, label=f"{n} {name}", weight=n, quotes=())
    for c in sorted({c for _a, c in m.mentions}):
        _add(g, m.entities[c], set())
    _mentions(g, m)
    return g


# --- size and layout -------------------------------------------------------------------------


def sizes(g: nx.DiGraph) -> dict[str, float]:
    """Node size from weighted degree (networkx), 8 to 40 pixels."""
    deg = dict(g.degree(weight="weight"))
    top = max(deg.values(), default=0) or 1
    return {n: round(8 + 32 * math.sqrt(deg[n] / top), 1) for n in g}


def centrality(g: nx.DiGraph) -> dict[str, float]:
    return nx.degree_centrality(g) if len(g) > 1 else {n: 0.0 for n in g}


_GOLDEN = math.pi * (3 - math.sqrt(5))


def layout(g: nx.DiGraph, spacing: float = 46.0) -> dict[str, tuple[float, float]]:
    """Clusters by authority, packed in rows; each cluster a sunflower around its authority.

    Linear time and pure Python (networkx's force layouts need numpy and are quadratic), so a
    10,000-document graph lays out in about a second and the page can switch physics off.
    """
    order = {c: i for i, c in enumerate(CLASS_KEYS)}
    groups: dict[str, list[str]] = {}
    for n in g:
        d = g.nodes[n]
        auths = d["authorities"]
        key = "~concerns" if d["cls"] == "Concern" else (auths[0] if auths else "~none")
        groups.setdefault(key, []).append(n)
    discs = []
    for key, nodes in groups.items():
        nodes.sort(key=lambda n: (n != key, order.get(g.nodes[n]["cls"], 99),
                                  str(g.nodes[n]["label"]).casefold(), n))
        c = spacing * (1.8 if key == "~concerns" else 0.62)  # concerns: room for their labels
        pts = [(c * math.sqrt(j) * math.cos(j * _GOLDEN), c * math.sqrt(j) * math.sin(j * _GOLDEN))
               for j in range(len(nodes))]
        r = c * math.sqrt(len(nodes)) + spacing
        discs.append((-len(nodes), key, r, nodes, pts))
    discs.sort(key=lambda t: (t[0], t[1]))
    # the concerns, linked from every authority, sit in a row of their own above the rest
    top = [d for d in discs if d[1] == "~concerns"]
    discs = [d for d in discs if d[1] != "~concerns"]
    width = max([2 * d[2] for d in discs] + [math.sqrt(sum((2 * d[2]) ** 2 for d in discs)) * 1.3])
    pos: dict[str, tuple[float, float]] = {}
    x = y = row = 0.0
    for _n, _k, r, nodes, pts in discs:
        if x > 0 and x + 2 * r > width:
            x, y, row = 0.0, y + row, 0.0
        cx, cy = x + r, y + r
        for n, (px, py) in zip(nodes, pts, strict=True):
            pos[n] = (round(cx + px, 1), round(cy + py, 1))
        x, row = x + 2 * r, max(row, 2 * r)
    for _n, _k, r, nodes, pts in top:
        cx = width / 2 if discs else 0.0
        cy = -r - 2 * spacing if discs else 0.0
        for n, (px, py) in zip(nodes, pts, strict=True):
            pos[n] = (round(cx + px, 1), round(cy + py, 1))
    if pos:
        mx = (min(p[0] for p in pos.values()) + max(p[0] for p in pos.values())) / 2
        my = (min(p[1] for p in pos.values()) + max(p[1] for p in pos.values())) / 2
        pos = {n: (round(px - mx, 1), round(py - my, 1)) for n, (px, py) in pos.items()}
    return pos


def indexes(
    g: nx.DiGraph, authority_labels: dict[str, str]
) -> tuple[list[str], dict[str, int], list[str], dict[str, int]]:
    """The classes present (in their fixed order) and the authorities (by label), each with its
    index: the page scripts receive indices, not repeated names."""
    classes = {d["cls"] for _, d in g.nodes(data=True)}
    present = [c for c in CLASS_KEYS if c in classes]
    auths = sorted({a for n in g for a in g.nodes[n]["authorities"]},
                   key=lambda a: (str(authority_labels.get(a) or a).casefold(), a))
    return present, {c: i for i, c in enumerate(present)}, auths, {a: i for i, a in enumerate(auths)}

