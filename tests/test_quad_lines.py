"""The build writes N-Quads lines itself (kg.graph.rdf.QuadSink) and derives the merge's lines
from them (kg.pipeline.apply.Adder): both must keep every term exactly."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.graph.rdf import QuadSink, date_lit, int_lit, lit
from kg.pipeline.apply import Adder

G = "https://example.org/graph/doc"
TRICKY = 'a "quoted" line\nwith a break, a \\ backslash, a tab\t, é and <' + G + "> .\n at the end"


def test_lines_round_trip_every_kind_of_term() -> None:
    g = QuadSink(G)
    g.add("https://example.org/s", "https://example.org/p", lit(TRICKY))
    g.add("https://example.org/s", "https://example.org/n", int_lit(7))
    g.add("https://example.org/s", "https://example.org/d", date_lit("2023-05"))
    g.add("https://example.org/s", "https://example.org/l", ox.Literal("Cymraeg", language="cy"))
    g.add(ox.NamedNode("https://example.org/s"), "https://example.org/o", "https://example.org/o")
    objects = [q.object for q in g.quads]
    assert objects == [
        ox.Literal(TRICKY), ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        ox.Literal("2023-05", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth")),
        ox.Literal("Cymraeg", language="cy"), ox.NamedNode("https://example.org/o"),
    ]
    assert {q.graph_name for q in g.quads} == {ox.NamedNode(G)}


def test_a_bad_iri_is_refused_when_written() -> None:
    with pytest.raises(ValueError):
        QuadSink(G).add("https://example.org/a b", "https://example.org/p", lit("x"))


def test_the_merge_gets_the_same_triples_even_when_a_literal_quotes_the_graph() -> None:
    g = QuadSink(G)
    g.add("https://example.org/s", "https://example.org/p", lit(TRICKY))
    g.add("https://example.org/s", "https://example.org/q", "https://example.org/o")
    store = ox.Store()
    adder = Adder(store)
    adder.add_nquads(g.nquads(), ox.NamedNode(G))
    adder.flush()
    named = {q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(G))}
    merged = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert named == merged and len(merged) == 2
