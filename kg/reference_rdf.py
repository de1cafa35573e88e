"""Reference data as RDF: the vocabularies and the authority register, in graphs of their own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib.namespace import ORG, RDF, RDFS, SKOS

from kg import iris
from kg.authorities import register
from kg.ns import GRAPHS, KG
from kg.rdf import QuadSink, lit
from kg.reference import statistical_neighbours
from kg.vocab import SCHEMES, vocabularies


def vocabulary_quads() -> Iterator[ox.Quad]:
    g = QuadSink(str(GRAPHS) + "vocabularies")
    for key, (name, title) in SCHEMES.items():
        s = iris.scheme(name)
        g.add(s, RDF.type, SKOS.ConceptScheme)
        g.add(s, SKOS.prefLabel, ox.Literal(title, language="en"))
        for c in vocabularies()[name].values():
            node = iris.concept(name, c.notation)
            g.add(node, RDF.type, SKOS.Concept)
            g.add(node, SKOS.inScheme, s)
            g.add(node, SKOS.notation, lit(c.notation))
            g.add(node, SKOS.prefLabel, ox.Literal(c.label, language="en"))
            for a in c.alt:
                g.add(node, SKOS.altLabel, ox.Literal(str(a), language="en"))
            if c.scope:
                g.add(node, SKOS.scopeNote, ox.Literal(c.scope, language="en"))
        del key
    yield from g.quads


def authority_quads(codes: Iterable[str]) -> Iterator[ox.Quad]:
    reg = register()
    g = QuadSink(str(GRAPHS) + "register")
    codes = set(codes)
    for gss in sorted(codes):
        a = reg.by_gss.get(gss)
        if not a:
            continue
        node = iris.authority(gss)
        g.add(node, RDF.type, KG.LocalAuthority)
        g.add(node, RDF.type, ORG.FormalOrganization)
        g.add(node, SKOS.prefLabel, lit(a.name))
        g.add(node, RDFS.label, lit(a.nice_name))
        g.add(node, KG.gssCode, lit(gss))
        g.add(node, KG.nation, lit(a.nation))
        if a.la_code:
            g.add(node, KG.laCode, lit(a.la_code))
        # DfE statistical neighbours, between authorities the build describes
        for other in statistical_neighbours().get(gss, ()):
            if other in codes and other != gss:
                g.add(node, KG.statisticalNeighbour, iris.authority(other))
    yield from g.quads

