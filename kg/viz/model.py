"""What the network pages draw, read from the RDF graph.

Entities of the drawn classes, the links between them, and their provenance folded in: every
entity keeps the quotes (with their document's file name) that support it. kg:Quote and
kg:Document nodes become attributes, never nodes; a kg:ConcernMention becomes a weighted link
from its authority to the concern it names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import pyoxigraph as ox

from kg.graph.iris import quote_document
from kg.graph.ns import KG, OA
from kg.graph.quads import PREFIXES
from kg.viz.schema import ATTRS, CLASS_KEYS, CLASSES, LABELS, LINKS, ORG, RDF, SKOS

__all__ = ["ATTRS", "CLASSES", "CLASS_KEYS", "Entity", "Model", "compact", "load_model"]


@dataclass
class Entity:
    iri: str
    cls: str
    label: str = ""
    attrs: list[tuple[str, str]] = field(default_factory=list)
    authorities: set[str] = field(default_factory=set)
    quotes: set[tuple[str, int, str]] = field(default_factory=set)  # (file, start, exact)
    date: str = ""  # for timelines
    raw: dict[str, list[str]] = field(default_factory=dict)  # column -> values as in the graph
    source: str = ""  # inspections: "minutes: <file names>" or "Ofsted's published record"
    same_as: set[str] = field(default_factory=set)  # an inspection's other account (kg:matchesRecord)

    def sorted_quotes(self) -> list[tuple[str, str]]:
        return [(f, q) for f, _s, q in sorted(self.quotes)]


@dataclass
class Model:
    entities: dict[str, Entity]
    links: dict[tuple[str, str], set[str]]  # (source, target) -> edge labels
    mentions: dict[tuple[str, str], int]  # (authority, concern) -> number of mentions
    mention_quotes: dict[tuple[str, str], set[tuple[str, int, str]]]
    documents: dict[str, tuple[str, str]]  # document IRI -> (file name, authority IRI or "")
    class_counts: list[tuple[str, int]]  # every rdf:type in the graph (full IRI) and its count

    def of_class(self, cls: str) -> list[Entity]:
        return sorted((e for e in self.entities.values() if e.cls == cls), key=sort_key)

    @cached_property
    def members(self) -> dict[str, list[str]]:
        """Authority IRI -> the IRIs of the entities that belong to it, sorted."""
        out: dict[str, list[str]] = defaultdict(list)
        for iri in sorted(self.entities):
            for a in self.entities[iri].authorities:
                if a != iri:
                    out[a].append(iri)
        return dict(out)

    @cached_property
    def links_at(self) -> dict[str, list[tuple[str, str]]]:
        """Node IRI -> the links that start or end there, sorted."""
        out: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for s, o in sorted(self.links):
            out[s].append((s, o))
            out[o].append((s, o))
        return dict(out)

    @cached_property
    def concerns_of(self) -> dict[str, list[str]]:
        """Authority IRI -> the concerns its minutes mention, sorted."""
        out: dict[str, list[str]] = defaultdict(list)
        for a, c in sorted(self.mentions):
            out[a].append(c)
        return dict(out)


def sort_key(e: Entity) -> tuple[str, str, str]:
    return (e.date or "9999", e.label.casefold(), e.iri)


@lru_cache(maxsize=65536)
def compact(iri: str) -> str:
    best = max((p for p, ns in PREFIXES.items() if iri.startswith(ns)),
               key=lambda p: len(PREFIXES[p]), default="")
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else iri


def _value(t: object) -> str:
    if isinstance(t, ox.NamedNode | ox.Literal | ox.BlankNode):
        return t.value
    return str(t)


class _Reader:
    """One index scan per predicate (cached): subject -> objects, over every named graph."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._cache: dict[str, dict[str, set[str]]] = {}

    def pairs(self, pred: str) -> dict[str, set[str]]:
        if pred not in self._cache:
            out: dict[str, set[str]] = defaultdict(set)
            for q in self.store.quads_for_pattern(None, ox.NamedNode(pred), None, None):
                try:
                    out[q.subject.value].add(q.object.value)  # type: ignore[union-attr]
                except AttributeError:  # an RDF-star triple term
                    out[_value(q.subject)].add(_value(q.object))
            self._cache[pred] = out
        return self._cache[pred]


def _short(labels: set[str]) -> str:
    return min(labels, key=lambda s: (len(s), s)) if labels else ""


def _brief(label: str, alts: set[str]) -> str:
    """A name short enough for a node: "ILACS" for "Inspection of ... (ILACS)"."""
    m = re.search(r"\(([^()]{2,12})\)$", label)
    if m:
        return m.group(1)
    if len(label) <= 20 or not alts:
        return label
    return min((a for a in alts if len(a) > 2), key=lambda a: (len(a), a.isupper(), a), default=label)


def load_model(store: ox.Store) -> Model:
    r = _Reader(store)
    types = r.pairs(RDF + "type")
    ents: dict[str, Entity] = {}
    for s in sorted(types):
        cls = next((CLASSES[t] for t in CLASSES if t in types[s]), None)
        if cls:
            ents[s] = Entity(s, cls)
    concern = r.pairs(str(KG.concern))
    for c in sorted({c for cs in concern.values() for c in cs}):
        ents.setdefault(c, Entity(c, "Concern"))

    # concept labels: the prefLabel in tables, the shortest label in node names
    pref = r.pairs(SKOS + "prefLabel")
    alt = r.pairs(SKOS + "altLabel")
    concept_label = {c: _short(v) if len(v) > 1 else next(iter(v)) for c, v in pref.items()}
    concept_short = {c: _brief(concept_label[c], alt.get(c, set())) for c in pref}

    def show(v: str) -> str:
        return concept_label.get(v, v)

    for pred in LABELS:
        for s, vals in r.pairs(pred).items():
            if s in ents and not ents[s].label:
                ents[s].label = _short(vals)
    for cls, spec in ATTRS.items():
        cols = {p: r.pairs(p) for _c, p in spec}
        for e in (e for e in ents.values() if e.cls == cls):
            for col, p in spec:
                vals = cols[p].get(e.iri, set())
                if vals:
                    e.raw[col] = sorted(vals)
                    e.attrs.append((col, "; ".join(sorted(show(v) for v in vals))))
    for e in ents.values():
        if e.cls == "Concern":
            e.label = concept_label.get(e.iri, e.iri.rsplit("/", 1)[-1])
    _name_events(ents, concept_short)

    # authorities of every entity
    auth = r.pairs(str(KG.authority))
    post_in = r.pairs(ORG + "postIn")
    for e in ents.values():
        if e.cls == "Authority":
            e.authorities.add(e.iri)
        e.authorities |= {a for a in auth.get(e.iri, set()) | post_in.get(e.iri, set()) if a in ents}
    for pred in (str(KG.hasWorkstream), str(KG.hasComponent)):  # parts inherit from their plan
        for _ in range(2):
            for s, os_ in r.pairs(pred).items():
                for o in os_:
                    if s in ents and o in ents:
                        ents[o].authorities |= ents[s].authorities

    # provenance
    files = {d: min(v) for d, v in r.pairs(str(KG.fileName)).items()}
    about = {d: min(v) for d, v in r.pairs(str(KG.aboutAuthority)).items()}
    exact, start = r.pairs(str(OA.exact)), r.pairs(str(OA.start))
    quotes: dict[str, tuple[str, int, str]] = {}
    for q, texts in exact.items():
        doc = quote_document(q)
        st = min(start.get(q, {"0"}))
        quotes[q] = (files.get(doc, compact(doc) if doc else ""), int(st) if st.isdigit() else 0,
                     min(texts))
    evidence = r.pairs(str(KG.evidence))
    mentions: dict[tuple[str, str], int] = defaultdict(int)
    mention_quotes: dict[tuple[str, str], set[tuple[str, int, str]]] = defaultdict(set)
    for m in sorted(s for s, ts in types.items() if str(KG.ConcernMention) in ts):
        qs = {quotes[q] for q in evidence.get(m, ()) if q in quotes}
        for c in concern.get(m, ()):
            ents[c].quotes |= qs
            for a in auth.get(m, ()):
                if a in ents:
                    mentions[(a, c)] += 1
                    mention_quotes[(a, c)] |= qs
                    ents[c].authorities.add(a)
    for s, ev in evidence.items():
        if s in ents:
            ents[s].quotes |= {quotes[q] for q in ev if q in quotes}

    _inspection_sources(r, ents)
    links = _links(r, ents)
    counts: dict[str, int] = defaultdict(int)
    for ts in types.values():
        for t in ts:
            counts[t] += 1
    docs = {d: (files.get(d, ""), about.get(d, "")) for d in types if str(KG.Document) in types[d]}
    return Model(ents, links, dict(mentions), dict(mention_quotes), docs,
                 sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _name_events(ents: dict[str, Entity], short: dict[str, str]) -> None:
    """Inspections and interventions: "Ofsted ILACS 2019-03-11"; decisions and figures too."""

    def sh(e: Entity, col: str) -> str:
        return "/".join(short.get(v, v) for v in e.raw.get(col, []))

    for e in ents.values():
        a = dict(e.attrs)
        if e.cls == "Inspection":
            e.date = a.get("Start", "")
            parts = (sh(e, "Inspectorate"), sh(e, "Type"), e.date or "undated")
            e.label = " ".join(x for x in parts if x)
        elif e.cls == "Intervention":
            e.date = a.get("Date", "")
            parts = (sh(e, "Body"), sh(e, "Kind").lower(), e.date or "undated")
            e.label = " ".join(x for x in parts if x)
        elif e.cls == "Decision":
            e.date = a.get("Due", "")
            fallback = f"{a.get('Kind', 'Decision')} {a.get('Number', '')}".strip()
            e.label = first_words(a.get("Text", "")) or fallback
        elif e.cls == "Figure":
            unit = next(iter(e.raw.get("Unit", [])), "").rsplit("/", 1)[-1]
            e.label = figure_label(a.get("Value", ""), unit, sh(e, "Unit"))


RECORD = "Ofsted's published record"


def _inspection_sources(r: _Reader, ents: dict[str, Entity]) -> None:
    """Say where each inspection comes from, and pair the minutes' account with Ofsted's record
    of the same inspection (kg:matchesRecord)."""
    official = r.pairs(str(KG.officialRecord))
    for e in ents.values():
        if e.cls != "Inspection":
            continue
        if "true" in official.get(e.iri, ()):
            e.source = RECORD
            e.label = f"{e.label}, published record"
        else:
            files = sorted({f for f, _s, _q in e.quotes if f})
            e.source = "minutes: " + ", ".join(files) if files else "minutes"
        e.attrs.append(("Source", e.source))
    for s, records in r.pairs(str(KG.matchesRecord)).items():
        for rec in records:
            if s in ents and rec in ents:
                ents[s].same_as.add(rec)
                ents[rec].same_as.add(s)


def first_words(text: str, most: int = 40) -> str:
    """The start of a decision's text, cut at a word: "That the Improvement Plan be endorsed."."""
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    cut = text[:most].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2026"


def figure_label(value: str, unit: str, unit_label: str) -> str:
    """A figure as analysts write it: "£1.3m", "£750,000", "30%", "35 cases per worker"."""
    try:
        v = float(value)
    except ValueError:
        return f"{value} {unit_label}".strip()
    num = f"{v:,.0f}" if v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")
    if unit == "gbp":
        for size, suffix in ((1e9, "bn"), (1e6, "m")):
            if abs(v) >= size:
                return f"\u00a3{v / size:.1f}".removesuffix(".0") + suffix
        return f"\u00a3{num}"
    if unit == "percent":
        return f"{num}%"
    return f"{num} {unit_label}".strip()


def _links(r: _Reader, ents: dict[str, Entity]) -> dict[tuple[str, str], set[str]]:
    links: dict[tuple[str, str], set[str]] = defaultdict(set)
    holds = r.pairs(ORG + "holds")
    owner = r.pairs(str(KG.owner))
    concern = r.pairs(str(KG.concern))
    for pred, rev, label in LINKS:
        for s, os_ in r.pairs(pred).items():
            if s not in ents:
                continue
            e = ents[s]
            if pred == str(KG.authority) and (
                (e.cls == "Person" and any(p in ents for p in holds.get(s, ())))
                or (e.cls == "Decision" and owner.get(s)) or (e.cls == "Figure" and concern.get(s))
                or e.cls == "Concern"
            ):
                continue  # reached through its post, owner or concern
            for o in os_:
                if o in ents and o != s:
                    links[(o, s) if rev else (s, o)].add(label)
    return dict(links)
