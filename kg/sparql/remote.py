"""The SPARQL 1.1 Protocol: library queries at a remote endpoint, answered exactly as locally
(the media types and content negotiation of kg serve are in kg/sparql/protocol.py).

Parameters travel as VALUES blocks (kg/sparql/values.py), as they do locally.
"""

from __future__ import annotations

import urllib.parse

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.graph.names import BASE, PREFIXES
from kg.sparql import http
from kg.sparql import library as queries
from kg.sparql.formats import choose_format
from kg.sparql.protocol import GRAPH_TYPES, SOLUTION_TYPES, negotiate, uses_service  # noqa: F401 - re-exported
from kg.sparql.values import _TOKENS, bind, first_keyword, nt_term, value_groups  # noqa: F401 - re-exported

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"


def refuse_service(text: str, allow: bool) -> None:
    if not allow and uses_service(text):
        raise QueryError(
            "the query uses SERVICE (a request to another address); pass --allow-service to run it"
        )


def with_values(query: queries.Query, bound: dict[ox.Variable, ox.NamedNode | ox.Literal]) -> str:
    """The query text with VALUES blocks binding the parameters; the text itself if none."""
    return bind(query.text, query.form, bound)


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
