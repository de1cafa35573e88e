"""The SPARQL 1.1 Protocol: library queries at a remote endpoint, answered exactly as locally;
and the media types and content negotiation that kg serve offers.

Parameters travel as VALUES blocks (kg/sparql/values.py), as they do locally.
"""

from __future__ import annotations

import urllib.parse

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.graph.ns import BASE
from kg.graph.rdf import PREFIXES
from kg.sparql import http
from kg.sparql import library as queries
from kg.sparql.formats import choose_format
from kg.sparql.values import _TOKENS, bind, first_keyword, nt_term, value_groups  # noqa: F401 - re-exported

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"


def uses_service(text: str) -> bool:
    """Whether the query has a SERVICE clause (a request to another address), in any case;
    the word inside strings, comments, IRIs and prefixed names does not count."""
    return any(
        m.lastgroup == "word" and m.group().upper() == "SERVICE" for m in _TOKENS.finditer(text)
    )


def refuse_service(text: str, allow: bool) -> None:
    if not allow and uses_service(text):
        raise QueryError(
            "the query uses SERVICE (a request to another address); pass --allow-service to run it"
        )


def with_values(query: queries.Query, bound: dict[ox.Variable, ox.NamedNode | ox.Literal]) -> str:
    """The query text with VALUES blocks binding the parameters; the text itself if none."""
    return bind(query.text, query.form, bound)


# --- content negotiation (kg serve) --------------------------------------------------------

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


# --- HTTP -----------------------------------------------------------------------------------


def post_form(endpoint: str, fields: list[tuple[str, str]], accept: str, timeout: float) -> bytes:
    body = urllib.parse.urlencode(fields).encode("ascii")
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
    status, media, data = http.request(endpoint, "POST", body, headers, timeout, "SPARQL endpoint")
    expect = (*(t.split(";")[0].strip() for t in accept.split(",")), "application/json")
    http.check(endpoint, status, media, data, "SPARQL endpoint", expect)
    return data


def _select(endpoint: str, text: str, timeout: float) -> ox.QuerySolutions | ox.QueryBoolean:
    data = post_form(endpoint, [("query", text)], RESULTS_JSON, timeout)
    try:
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    except SyntaxError as exc:
        raise StoreError(f"{endpoint} did not answer with SPARQL JSON results ({exc})") from exc


def kg_graphs(endpoint: str, timeout: float = 30.0) -> list[str]:
    """The dataset a library query needs: [] when the default graph already holds the data
    (a union default graph, or a merged load), else the store's kg named graphs."""
    ask = f"ASK {{ ?d a <{BASE}def#Document> }}"
    if bool(_select(endpoint, ask, timeout)):
        return []
    listing = f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} FILTER STRSTARTS(STR(?g), "{BASE}") }}'
    found = sorted(s["g"].value for s in _select(endpoint, listing, timeout))  # type: ignore[union-attr]
    if not found:
        raise StoreError(f"{endpoint} holds no kg graph; push one with `kg push --store URL`")
    return found


def run_remote(
    name: str, endpoint: str, fmt: str | None, params: dict[str, str], timeout: float = 30.0
) -> str:
    """Run a library query (or .rq file) at a SPARQL endpoint; format as `kg query` does."""
    q = queries.resolve(name)
    fmt = choose_format(q.form, fmt, None)
    text = with_values(queries.paged(q, params), queries.bindings(q, params))
    fields = [("query", text)] + [("default-graph-uri", g) for g in kg_graphs(endpoint, timeout)]
    if q.form in ("CONSTRUCT", "DESCRIBE"):
        data = post_form(endpoint, fields, f"{N_TRIPLES}, text/turtle;q=0.5", timeout)
        try:
            triples = [t.triple for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
        except SyntaxError:
            try:
                triples = [t.triple for t in ox.parse(data, format=ox.RdfFormat.TURTLE)]
            except SyntaxError as exc:
                raise StoreError(f"{endpoint} did not answer with RDF ({exc})") from exc
        return queries.format_result(triples, fmt, PREFIXES)
    data = post_form(endpoint, fields, RESULTS_JSON, timeout)
    try:
        result = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    except SyntaxError as exc:
        raise StoreError(f"{endpoint} did not answer with SPARQL JSON results ({exc})") from exc
    return queries.format_result(result, fmt, PREFIXES)
