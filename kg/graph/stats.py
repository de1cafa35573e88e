"""`kg stats`: documents, authorities and one count per kind of thing an analyst knows.

The graph types most things twice (kg:Post and org:Post, kg:Person and foaf:Person) and holds
the vocabularies as SKOS concepts; analysts count our own classes, under their plain names.
"""

from __future__ import annotations

from pathlib import Path

from kg.graph.quads import PREFIXES
from kg.graph.store import load, select

_AUTHORITY_DOCS = """
PREFIX kg: <https://w3id.org/kg-minutes/def#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?gss ?name (COUNT(DISTINCT ?doc) AS ?docs) WHERE {
  ?a a kg:LocalAuthority ; kg:gssCode ?gss ; skos:prefLabel ?name .
  OPTIONAL { ?doc kg:aboutAuthority ?a }
} GROUP BY ?gss ?name ORDER BY DESC(?docs) ?gss
"""
_COUNT = """
PREFIX kg: <https://w3id.org/kg-minutes/def#>
SELECT (COUNT(DISTINCT ?d) AS ?docs) (COUNT(*) AS ?triples) WHERE {
  { ?d a kg:Document } UNION { ?s ?p ?o }
}
"""
KINDS = {  # our classes, in the order a reader meets them, with what analysts call them
    "Document": "documents", "Meeting": "meetings", "AgendaItem": "agenda items",
    "Inspection": "inspections and visits", "Intervention": "interventions", "Post": "posts",
    "Person": "people", "Contribution": "contributions", "Plan": "improvement plans",
    "Workstream": "workstreams", "PlanComponent": "plan components",
    "ConcernMention": "concern mentions", "Figure": "figures", "Decision": "decisions",
    "Quote": "supporting quotes",
}


def kinds(counts: dict[str, int]) -> list[tuple[str, int]]:
    """(plain name, count) for each of our classes among {class IRI: count}, in KINDS order."""
    ns = PREFIXES["kg"]
    ours = {iri[len(ns):]: n for iri, n in counts.items() if iri.startswith(ns) and n}
    order = list(KINDS)
    return [(KINDS.get(c, c), ours[c]) for c in sorted(ours, key=lambda c: (
        order.index(c) if c in order else len(order), c)) if c != "LocalAuthority"]


_STATS = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class }
GROUP BY ?class ORDER BY DESC(?n) ?class
"""
# Quotes are Quotes by the range of kg:evidence (they state no rdf:type), so they are counted
# as what facts cite.
_QUOTES = """
PREFIX kg: <https://w3id.org/kg-minutes/def#>
SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE { ?fact kg:evidence ?q }
"""


def stats(graphs: list[Path]) -> str:
    store = load(graphs)
    rows = select(store, _STATS)
    head = next(iter(select(store, _COUNT)))
    lines = [
        f"documents: {head['docs'].value}",
        f"statements: {int(head['triples'].value) - int(head['docs'].value)}",
    ]
    auth = list(select(store, _AUTHORITY_DOCS))
    lines.append(f"authorities: {len(auth)}")
    for r in auth:
        n = r["docs"].value
        docs = f"{n} document{'' if n == '1' else 's'} about it"
        lines.append(f"  {r['gss'].value}  {r['name'].value}  ({docs})")
    lines.append("counts:")
    counts = {r["class"].value: int(r["n"].value) for r in rows}
    counts[PREFIXES["kg"] + "Quote"] = int(next(iter(select(store, _QUOTES)))["n"].value)
    for name, n in kinds(counts):
        lines.append(f"  {name:28} {n:>8}")
    return "\n".join(lines) + "\n"
