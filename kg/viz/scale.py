"""What the pages drawn at scale embed: the sigma.js overview, the map and the heat map.

Each function returns plain lists and dicts, sorted, so that the page JSON is the same bytes
for the same graph. Text from minutes stays text here; kg.viz.safe escapes it on the way out.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Any

import networkx as nx

from kg.viz import views
from kg.viz.forcelayout import force_layout
from kg.viz.geo import place_of, places
from kg.viz.model import Model
from kg.viz.outline import outline

TIP_QUOTES = 1  # quotes per node in the overview's tooltip (the rest are on the pages)
CELL_QUOTES = 3  # quotes per heat-map cell and authority
JUDGEMENTS = [  # key, label, colour (blue good, red bad: a diverging, colour-blind safe scale)
    ("outstanding", "Outstanding", "#2166ac"),
    ("good", "Good", "#67a9cf"),
    ("requires-improvement", "Requires improvement", "#ef8a62"),
    ("inadequate", "Inadequate", "#b2182b"),
]


def concern_anchor(iri: str) -> str:
    return "concern-" + (re.sub(r"[^A-Za-z0-9-]", "", iri.rstrip("/").rsplit("/", 1)[-1]) or "x")


def _trim(q: tuple[str, str]) -> list[str]:
    f, text = q
    return [f, text if len(text) <= 300 else text[:299] + "\u2026"]


def overview_data(g: nx.DiGraph, style: dict[str, tuple[str, str]],
                  class_label: dict[str, str], authority_labels: dict[str, str]) -> dict[str, Any]:
    """Nodes as columns (one list per field, index = node), force-directed positions, sizes by
    degree, and the links as one flat list [source, target, weight, ...]: compact to send and
    to parse, with nothing for the browser to lay out."""
    order = sorted(g)
    ids = {n: i for i, n in enumerate(order)}
    pos = force_layout(g)
    deg = dict(g.degree())  # links, not mentions: concerns would dwarf the rest
    top = max((v for n, v in deg.items() if g.nodes[n]["cls"] != "Concern"), default=0) or 1
    topc = max((v for n, v in deg.items() if g.nodes[n]["cls"] == "Concern"), default=0) or 1
    present, cidx, auths, aidx = views.indexes(g, authority_labels)
    cols: dict[str, list[Any]] = {k: [] for k in ("l", "c", "a", "s", "x", "y", "q", "n", "k")}
    pages: dict[str, str] = {}  # nodes whose page is not their first authority's
    for n in order:
        d = g.nodes[n]
        concern = d["cls"] == "Concern"
        if concern:
            pages[str(ids[n])] = f"concerns.html#{concern_anchor(n)}"
        for k, v in (("l", d["label"]), ("c", cidx[d["cls"]]), ("a", [aidx[a] for a in d["authorities"]]),
                     ("s", round(4 + 6 * math.sqrt(deg[n] / topc) if concern
                                 else 2 + 14 * math.sqrt(deg[n] / top), 2)),
                     ("x", pos[n][0]), ("y", pos[n][1]),
                     ("q", [_trim(q) for q in d["quotes"][:TIP_QUOTES]]), ("n", d["nquotes"]),
                     ("k", d["iri"])):
            cols[k].append(v)
    edges = [x for s, t, w in sorted(g.edges(data="weight"), key=lambda e: (ids[e[0]], ids[e[1]]))
             for x in (ids[s], ids[t], w)]
    classes = [{"k": c, "l": class_label.get(c, c), "color": style[c][0],
                "n": sum(1 for x in cols["c"] if x == cidx[c])} for c in present]
    return {"nodes": cols, "pages": pages, "edges": edges, "classes": classes,
            "authorities": [{"l": authority_labels.get(a, a), "p": views.page_of(a)} for a in auths]}


def overview_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The overview's nodes as one dict each (with "i" and "p"), for tests and tools."""
    cols, auths = data["nodes"], data["authorities"]
    out = []
    for i in range(len(cols["l"])):
        row = {k: v[i] for k, v in cols.items()}
        row["i"] = i
        row["p"] = data["pages"].get(str(i)) or (auths[row["a"][0]]["p"] if row["a"] else "")
        out.append(row)
    return out


def _concerns(m: Model) -> list[str]:
    """Concerns that minutes mention, most mentioned first."""
    total: dict[str, int] = defaultdict(int)
    for (_a, c), n in m.mentions.items():
        total[c] += n
    return sorted(total, key=lambda c: (-total[c], m.entities[c].label.casefold(), c))


def _documents(m: Model) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for _f, about in m.documents.values():
        if about:
            out[about] += 1
    return dict(out)


def judgements(m: Model) -> dict[str, list[list[str]]]:
    """Authority -> [date, judgement key, source ("minutes" or "record"), file], by date."""
    out: dict[str, list[list[str]]] = defaultdict(list)
    for e in m.entities.values():
        if e.cls != "Inspection":
            continue
        keys = [v.rstrip("/").rsplit("/", 1)[-1] for v in e.raw.get("Judgement", [])]
        date = e.date or dict(e.attrs).get("Published", "")
        if len(keys) != 1 or keys[0] not in {k for k, _l, _c in JUDGEMENTS} or not date:
            continue
        record = "true" in e.raw.get("Official record", [])
        first = e.sorted_quotes()[:1]
        for a in e.authorities:
            out[a].append([date, keys[0], "record" if record else "minutes",
                           "" if record or not first else first[0][0]])
    return {a: sorted(v) for a, v in out.items()}


def map_data(m: Model) -> dict[str, Any]:
    """Every children's services authority with coordinates; the graph's ones carry data."""
    concerns = _concerns(m)
    cidx = {c: i for i, c in enumerate(concerns)}
    docs = _documents(m)
    judged = judgements(m)
    mine: dict[str, dict[int, int]] = defaultdict(dict)
    for (a, c), n in m.mentions.items():
        mine[a][cidx[c]] = n
    in_graph = {e.iri: e for e in m.of_class("Authority")}
    by_gss = {iri.rstrip("/").rsplit("/", 1)[-1]: iri for iri in in_graph}
    points, missing = [], []
    for gss, pl in sorted(places().items()):
        iri = by_gss.get(gss)
        xy = pl.xy
        if xy is None:
            if iri:
                missing.append(in_graph[iri].label or pl.name)
            continue
        if iri is None and not pl.current:
            continue
        p: dict[str, Any] = {"g": gss, "l": pl.name, "r": pl.region, "x": xy[0], "y": xy[1]}
        if iri:
            p.update(p=views.page_of(iri), d=docs.get(iri, 0), j=judged.get(iri, []),
                     m=[[c, n] for c, n in sorted(mine.get(iri, {}).items())])
        points.append(p)
    years = sorted({int(j[0][:4]) for js in judged.values() for j in js if j[0][:4].isdigit()})
    return {"points": points, "concerns": [m.entities[c].label for c in concerns],
            "judgements": [{"k": k, "l": lab, "color": col} for k, lab, col in JUDGEMENTS],
            "years": [years[0], years[-1]] if years else [], "missing": sorted(missing),
            "outline": outline()}


def heat_data(m: Model) -> dict[str, Any]:
    """Concern x authority mentions with their first quotes; regions are summed in the page."""
    concerns = _concerns(m)
    cidx = {c: i for i, c in enumerate(concerns)}
    docs = _documents(m)
    auths = sorted({a for a, _c in m.mentions},
                   key=lambda a: (m.entities[a].label.casefold(), a))
    aidx = {a: i for i, a in enumerate(auths)}
    cells = []
    for (a, c), n in sorted(m.mentions.items(), key=lambda kv: (cidx[kv[0][1]], aidx[kv[0][0]])):
        qs = sorted(m.mention_quotes.get((a, c), set()))[:CELL_QUOTES]
        cells.append([cidx[c], aidx[a], n, [_trim((f, q)) for f, _s, q in qs]])
    authorities = []
    for a in auths:
        pl = place_of(a)
        authorities.append({"l": m.entities[a].label, "p": views.page_of(a), "d": docs.get(a, 0),
                            "r": pl.region if pl else "Unknown region"})
    return {"concerns": [{"l": m.entities[c].label, "id": concern_anchor(c)} for c in concerns],
            "authorities": authorities, "cells": cells}
