"""A force-directed layout for large networks, where similar authorities sit together.

A force layout over every node of a 10,000-document overview (11,000 nodes) would cost minutes
in networkx (its ForceAtlas2 is quadratic in memory and time per iteration), and would mostly
show each authority's own star. So the forces act on a skeleton: one node per authority, one
per concern, and one per shared theme (an intervention kind, a plan, workstream or component
name). An authority is pulled towards a concern or theme by the share of its own mentions that
go to it, weighted up for what few authorities share (1 + log(authorities / sharing)): two
councils worried about the same unusual things end up neighbours. Each authority's own entities
are then placed around it in a sunflower whose radius the layout keeps clear of other clusters.

ForceAtlas2 (networkx >= 3.4) runs with a fixed seed; without it, spring_layout with a seed.
Positions are rounded, so the same graph always gives the same bytes.
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

from kg.viz.model import CLASS_KEYS

SPACING = 10.0  # between an authority's own nodes
ITERATIONS = 250
SEED = 7
_GOLDEN = math.pi * (3 - math.sqrt(5))
THEME_ATTR = {"Intervention": "Kind", "Plan": None, "Workstream": None, "Component": None}


def _theme(d: dict) -> str | None:
    cls = d["cls"]
    if cls not in THEME_ATTR:
        return None
    col = THEME_ATTR[cls]
    if col is None:
        return f"{cls}:{str(d['label']).casefold()}"
    value = dict(d["attrs"]).get(col, "")
    return f"{cls}:{value.casefold()}" if value else None


def skeleton(g: nx.DiGraph) -> tuple[nx.Graph, dict[str, list[str]]]:
    """The graph the forces act on, and each cluster's nodes (authority first)."""
    clusters: dict[str, list[str]] = defaultdict(list)
    ties: dict[tuple[str, str], float] = defaultdict(float)
    for n in sorted(g):
        d = g.nodes[n]
        if d["cls"] == "Concern":
            continue
        auths = d["authorities"]
        home = n if d["cls"] == "Authority" else (auths[0] if auths and auths[0] in g else "~none")
        clusters[home].append(n)
        theme = _theme(d)
        if theme:
            for a in auths:
                if a in g:
                    ties[(a, "~" + theme)] += 1.0
    for a, c, w in g.edges(data="weight"):
        if g.nodes[a]["cls"] == "Authority" and g.nodes[c]["cls"] == "Concern":
            ties[(a, c)] += float(w)
    total: dict[str, float] = defaultdict(float)
    sharing: dict[str, int] = defaultdict(int)
    for (a, t), w in ties.items():
        total[a] += w
        sharing[t] += 1
    n_auth = max(1, len(clusters))
    sk = nx.Graph()
    for home in sorted(clusters):
        sk.add_node(home, size=SPACING * (math.sqrt(len(clusters[home])) + 1.5))
    for c in sorted(n for n in g if g.nodes[n]["cls"] == "Concern"):
        sk.add_node(c, size=SPACING * 3)
    for (a, t), w in sorted(ties.items()):
        if t not in sk:
            sk.add_node(t, size=SPACING)
        sk.add_edge(a, t, weight=round(w / total[a] * (1 + math.log(n_auth / sharing[t])), 6))
    for home in clusters:  # the authority first, then by class and label
        order = {c: i for i, c in enumerate(CLASS_KEYS)}
        clusters[home].sort(key=lambda n: (n != home, order.get(g.nodes[n]["cls"], 99),
                                           str(g.nodes[n]["label"]).casefold(), n))
    return sk, dict(clusters)


def _forces(sk: nx.Graph) -> dict[str, tuple[float, float]]:
    if len(sk) == 0:
        return {}
    if len(sk) == 1:
        return {next(iter(sk)): (0.0, 0.0)}
    sizes = dict(sk.nodes(data="size"))
    if hasattr(nx, "forceatlas2_layout"):
        pos = nx.forceatlas2_layout(sk, max_iter=ITERATIONS, scaling_ratio=4.0, gravity=1.0,
                                    node_size=sizes, weight="weight", seed=SEED, linlog=False,
                                    strong_gravity=True)
        return {n: (float(p[0]), float(p[1])) for n, p in pos.items()}
    spread = SPACING * math.sqrt(sum(s * s for s in sizes.values()))
    pos = nx.spring_layout(sk, weight="weight", seed=SEED, iterations=ITERATIONS, scale=spread)
    return {n: (float(p[0]), float(p[1])) for n, p in pos.items()}


def _declutter(pos: dict[str, tuple[float, float]], size: dict[str, float]) -> None:
    """Push apart clusters that still overlap (seeded order, a few sweeps over a grid)."""
    keys = sorted(pos)
    cell = 2 * max(size.values(), default=SPACING)
    for _ in range(30):
        grid: dict[tuple[int, int], list[str]] = defaultdict(list)
        for k in keys:
            grid[(int(pos[k][0] // cell), int(pos[k][1] // cell))].append(k)
        moved = False
        for k in keys:
            x, y = pos[k]
            gx, gy = int(x // cell), int(y // cell)
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    for o in grid.get((gx + dx, gy + dy), ()):
                        if o <= k:
                            continue
                        ox_, oy = pos[o]
                        dist = math.hypot(ox_ - x, oy - y)
                        need = size[k] + size[o]
                        if dist >= need:
                            continue
                        if dist < 1e-9:
                            ux, uy = math.cos(len(o)), math.sin(len(o))
                        else:
                            ux, uy = (ox_ - x) / dist, (oy - y) / dist
                        push = (need - dist) / 2 + 0.01
                        pos[k] = (x - ux * push, y - uy * push)
                        pos[o] = (ox_ + ux * push, oy + uy * push)
                        x, y = pos[k]
                        moved = True
        if not moved:
            return


def force_layout(g: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Positions for every node of g: clusters at their forces' places, members around them."""
    sk, clusters = skeleton(g)
    centre = _forces(sk)
    size = {n: float(sk.nodes[n]["size"]) for n in sk}
    drawn = {n: centre[n] for n in centre if not n.startswith("~") or n == "~none"}
    _declutter(drawn, {n: size[n] for n in drawn})
    pos: dict[str, tuple[float, float]] = {}
    for home, nodes in clusters.items():
        cx, cy = drawn[home]
        for j, n in enumerate(nodes):
            r = SPACING * math.sqrt(j)
            pos[n] = (round(cx + r * math.cos(j * _GOLDEN), 1), round(cy + r * math.sin(j * _GOLDEN), 1))
    for n in g:
        if n not in pos:
            x, y = drawn.get(n, (0.0, 0.0))
            pos[n] = (round(x, 1), round(y, 1))
    return pos
