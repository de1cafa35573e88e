"""`kg stats`: documents, authorities and counts by class."""

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
_STATS = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class }
GROUP BY ?class ORDER BY DESC(?n) ?class
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
    lines.append("class counts:")
    for r in rows:
        iri = r["class"].value
        short = next((f"{p}:{iri[len(ns) :]}" for p, ns in PREFIXES.items() if iri.startswith(ns)), iri)
        lines.append(f"  {short:40} {r['n'].value:>8}")
    return "\n".join(lines) + "\n"
