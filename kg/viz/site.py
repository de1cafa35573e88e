"""`kg viz`: the whole site, from graph files to a folder of offline pages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.graph.stats import kinds
from kg.graph.store import load, write_atomic
from kg.viz import views
from kg.viz.model import CLASS_KEYS, RECORD, Entity, Model, load_model, sort_key
from kg.viz.page import ASSETS, CLASS_LABEL, CLASS_PLURAL, STYLE, Page, asset, render_index, render_network
from kg.viz.scale import heat_data, map_data, overview_data
from kg.viz.scalepage import render_scale

SIGMA_MIN = 1000  # an overview with more nodes is drawn with sigma.js and a force layout
EVIDENCE_IN_TABLES = 3
NAV = [("index.html", "Contents"), ("overview.html", "Overview"), ("map.html", "Map"),
       ("concerns.html", "Concerns"), ("authorities.html", "Authorities")]


@dataclass
class SiteResult:
    output: Path
    pages: list[str]
    nodes: dict[str, int]  # page file -> nodes (map: points; heat map: cells) drawn
    sigma: bool  # the overview is drawn with sigma.js

    def summary(self) -> str:
        note = " (overview drawn with sigma.js: the graph is large)" if self.sigma else ""
        return f"wrote {len(self.pages)} pages to {self.output}{note}; open {self.output / 'index.html'}"


def build_site(graphs: list[Path], output: Path, inline: bool = False,
               sigma_min: int = SIGMA_MIN) -> SiteResult:
    model = load_model(load(graphs))
    if not model.entities:
        raise KgError(f"{', '.join(map(str, graphs))}: nothing to draw; build the graph with `kg build`")
    return write_site(model, output, inline, sigma_min)


def write_site(model: Model, output: Path, inline: bool = False, sigma_min: int = SIGMA_MIN,
               authority_pages: bool = True) -> SiteResult:
    labels = {e.iri: e.label for e in model.of_class("Authority")}
    full = views.overview(model)
    big = len(full) > sigma_min
    output.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    networks: list[tuple[str, str, int, int, str]] = []
    counts: dict[str, int] = {}

    def put(name: str, html: str) -> None:
        write_atomic(output / name, html.encode("utf-8"))
        written.append(name)

    intro = ("Authorities, inspections and visits, interventions, posts, people, plans and "
             "concerns. Provenance is in the tooltips.")
    if big:
        data = overview_data(full, STYLE, CLASS_LABEL, labels)
        put("overview.html", render_scale("overview", "Overview", intro, data, NAV, inline))
    else:
        put("overview.html", render_network(Page("overview.html", "Overview", "overview", full,
                                                 intro=intro), NAV, labels, inline))
    networks.append(("overview.html", "Overview", len(full), full.number_of_edges(), intro))
    counts["overview.html"] = len(full)

    mp = map_data(model)
    in_graph = sum(1 for p in mp["points"] if "p" in p)
    intro = (f"England and Wales's children's services authorities at their places: "
             f"{in_graph} with minutes in the graph, coloured by their latest inspection "
             "judgement and sized by the documents about them; small pale dots have no minutes here.")
    put("map.html", render_scale("map", "Map", intro, mp, NAV, inline))
    networks.append(("map.html", "Map", len(mp["points"]), 0, intro))
    counts["map.html"] = len(mp["points"])

    heat = heat_data(model)
    intro = ("Which concerns the minutes of each region or authority raise, and how often; "
             "each cell opens the quotes behind it.")
    put("concerns.html", render_scale("heat", "Concerns", intro, heat, NAV, inline))
    networks.append(("concerns.html", "Concerns (heat map)", len(heat["cells"]), 0, intro))
    counts["concerns.html"] = len(heat["cells"])

    agg = Page("authorities.html", "Authorities, aggregated", "authorities", views.aggregate_view(model),
               intro="One node per authority and class of entity, and the concerns each raises.")
    put("authorities.html", render_network(agg, NAV, labels, inline))
    networks.append(("authorities.html", agg.title, len(agg.graph), agg.graph.number_of_edges(), agg.intro))
    counts["authorities.html"] = len(agg.graph)

    for a in model.of_class("Authority") if authority_pages else []:
        p = Page(views.page_of(a.iri), a.label or a.iri, "authority", views.authority_view(model, a.iri),
                 intro=_authority_intro(model, a), tables=authority_tables(model, a.iri))
        put(p.file, render_network(p, NAV, labels, inline))
        counts[p.file] = len(p.graph)
    write_atomic(output / "index.html",
                 render_index(_index(model, networks, big), NAV, inline).encode("utf-8"))
    written.insert(0, "index.html")
    if not inline:
        for name in ASSETS:
            write_atomic(output / "assets" / name, asset(name).encode("utf-8"))
    keep = set(written)
    for old in sorted(output.glob("authority-*.html")):  # pages of authorities no longer there
        if old.name not in keep:
            old.unlink()
    return SiteResult(output, written, counts, big)


def _authority_intro(m: Model, a: Entity) -> str:
    docs = sum(1 for _f, about in m.documents.values() if about == a.iri)
    code = dict(a.attrs).get("GSS code", "")
    return f"{a.label} ({code}): {docs} document{'s' if docs != 1 else ''} about it."


def _evidence(e: Entity) -> tuple[tuple[str, str], ...]:
    return tuple(e.sorted_quotes()[:EVIDENCE_IN_TABLES])


def _table(title: str, headers: list[str], rows: list[list[Any]], more: int = 0) -> dict[str, Any]:
    return {"title": title, "headers": headers, "rows": rows, "more": more}


def authority_tables(m: Model, a: str) -> list[dict[str, Any]]:
    """Timeline, posts, people, plans, concerns, figures and decisions of one authority."""
    mine = [m.entities[i] for i in m.members.get(a, []) if m.entities[i].cls != "Concern"]
    by = {c: sorted((e for e in mine if e.cls == c), key=sort_key) for c in CLASS_KEYS}
    tables = []
    events = _paired(sorted(by["Inspection"] + by["Intervention"], key=sort_key))
    tables.append(_table("Inspection timeline", ["Date", "Event", "Source", "Details", "Evidence"], [
        [e.date or "undated", e.label, _source(m, e),
         "; ".join(f"{k}: {v}" for k, v in e.attrs if k not in ("Start", "Source")), _evidence(e)]
        for e in events]))
    holders: dict[str, list[str]] = {}
    for e in by["Person"]:
        for s, o in m.links_at.get(e.iri, ()):
            if s == e.iri and "holds" in m.links[(s, o)]:
                holders.setdefault(o, []).append(m.entities[s].label)
                holders.setdefault(s, []).append(m.entities[o].label)
    tables.append(_table("Posts", ["Post", "Role", "Interim", "Held by", "Evidence"], [
        [e.label, dict(e.attrs).get("Role", ""), dict(e.attrs).get("Interim", ""),
         ", ".join(holders.get(e.iri, [])), _evidence(e)] for e in by["Post"]]))
    tables.append(_table("People", ["Name", "Posts", "Evidence"], [
        [e.label, ", ".join(holders.get(e.iri, [])), _evidence(e)] for e in by["Person"]]))
    parts = {(s, o) for e in by["Workstream"] + by["Component"] for s, o in m.links_at.get(e.iri, ())
             if m.links[(s, o)] & {"workstream", "component"}}
    tables.append(_table("Plans", ["Plan, workstream or component", "Kind", "Part of", "Evidence"], [
        [e.label, CLASS_LABEL.get(e.cls, e.cls),
         ", ".join(sorted(m.entities[s].label for s, o in parts if o == e.iri)), _evidence(e)]
        for e in by["Plan"] + by["Workstream"] + by["Component"]]))
    concerns = sorted(((m.entities[c], m.mentions[(a, c)]) for c in m.concerns_of.get(a, [])),
                      key=lambda t: (-t[1], t[0].label))
    tables.append(_table("Concerns", ["Concern", "Mentions", "Evidence"], [
        [c.label, str(n), tuple((f, q) for f, _s, q in
                                sorted(m.mention_quotes.get((a, c.iri), set()))[:EVIDENCE_IN_TABLES])]
        for c, n in concerns]))
    tables.append(_table("Figures", ["Figure", "Qualifier", "Concern", "Evidence"], [
        [e.label, dict(e.attrs).get("Qualifier", ""), dict(e.attrs).get("Concern", ""),
         _evidence(e)] for e in by["Figure"]]))
    tables.append(_table("Decisions", ["Decision", "Text", "Owner", "Due", "Evidence"], [
        [e.label, dict(e.attrs).get("Text", ""), dict(e.attrs).get("Owner", ""),
         dict(e.attrs).get("Due", ""), _evidence(e)] for e in by["Decision"]]))
    docs = sorted(f for f, about in m.documents.values() if about == a)
    tables.append(_table("Documents about this authority", ["File"], [[f] for f in docs[:500]],
                         more=max(0, len(docs) - 500)))
    return [t for t in tables if t["rows"]]


def _paired(events: list[Entity]) -> list[Entity]:
    """Each of Ofsted's records straight after the minutes' account of the same inspection."""
    iris = {e.iri for e in events}
    later = {e.iri for e in events if e.source == RECORD and e.same_as & iris}
    out: list[Entity] = []
    for e in events:
        if e.iri in later:
            continue
        out.append(e)
        out.extend(r for r in events if r.iri in later and e.iri in r.same_as
                   and r not in out)
    return out


def _source(m: Model, e: Entity) -> str:
    """Where an event comes from; for an inspection told twice, which account is the other."""
    if not e.source:
        return "minutes: " + ", ".join(sorted({f for f, _s, _q in e.quotes if f}))
    others = [m.entities[o] for o in sorted(e.same_as) if o in m.entities]
    if not others:
        return e.source
    if e.source == RECORD:
        told = sorted({f for o in others for f, _s, _q in o.quotes if f})
        return f"{RECORD}: the same inspection as in the minutes ({', '.join(told)})"
    return f"{e.source}: the same inspection as {RECORD}"


def _index(m: Model, networks: list[tuple[str, str, int, int, str]], big: bool) -> dict[str, Any]:
    counts = Counter(e.cls for e in m.entities.values())
    per: dict[str, Counter[str]] = {}
    for e in m.entities.values():
        for a in e.authorities:
            per.setdefault(a, Counter())[e.cls] += 1
    docs = Counter(about for _f, about in m.documents.values())
    mentions: Counter[str] = Counter()
    for (a, _c), n in m.mentions.items():
        mentions[a] += n
    cols = ["Inspection", "Intervention", "Post", "Person", "Plan", "Decision"]
    rows = [{"page": views.page_of(a.iri), "label": a.label, "code": dict(a.attrs).get("GSS code", ""),
             "docs": docs.get(a.iri, 0), "cells": [per.get(a.iri, Counter())[c] for c in cols],
             "mentions": mentions.get(a.iri, 0)} for a in m.of_class("Authority")]
    return {
        "documents": len(m.documents),
        "classes": [(CLASS_PLURAL.get(c, c.lower() + "s") if counts[c] != 1 else
                     CLASS_LABEL.get(c, c).lower(), counts[c]) for c in CLASS_KEYS if counts[c]],
        "all_classes": kinds(dict(m.class_counts)),
        "networks": networks,
        "columns": [CLASS_LABEL.get(c, c) for c in cols],
        "authorities": rows, "sigma": big,
    }
