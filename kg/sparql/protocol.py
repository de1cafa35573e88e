"""What kg serve's server process and query workers share, kept light (no rdflib, no query
library): the media types it offers, content negotiation, the SERVICE check, and ASK answers."""

from __future__ import annotations

import json

import pyoxigraph as ox

from kg.sparql.values import _TOKENS

SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


def negotiate(accept: str, offers: list[str]) -> str | None:
    """The offer the Accept header prefers (ties go to the earlier offer); None: nothing fits."""
    ranges: list[tuple[str, float]] = []
    for part in (accept or "*/*").split(","):
        media, *opts = [x.strip() for x in part.split(";")]
        q = 1.0
        for o in opts:
            key, _, val = o.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(val)
                except ValueError:
                    q = 0.0
        if media:
            ranges.append((media.lower(), q))

    def quality(offer: str) -> float:
        best, score = -1, 0.0
        for media, q in ranges:
            kind = offer.split("/")[0]
            spec = 2 if media == offer else 1 if media == f"{kind}/*" else 0 if media == "*/*" else -1
            if spec > best:
                best, score = spec, q
        return score if best >= 0 else 0.0

    scored = [(quality(o), -i, o) for i, o in enumerate(offers)]
    q, _, offer = max(scored)
    return offer if q > 0 else None


def uses_service(text: str) -> bool:
    """Whether the query has a SERVICE clause (a request to another address), in any case;
    the word inside strings, comments, IRIs and prefixed names does not count."""
    return any(
        m.lastgroup == "word" and m.group().upper() == "SERVICE" for m in _TOKENS.finditer(text)
    )


def encode_boolean(value: bool, fmt: str) -> bytes:
    """An ASK answer in a SPARQL 1.1 results format (json, xml, csv or tsv)."""
    if fmt == "xml":
        return (
            f'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>"
        ).encode()
    if fmt in ("csv", "tsv"):
        return ("_askResult\n" + ("true" if value else "false") + "\n").encode()
    return json.dumps({"head": {}, "boolean": value}).encode()
