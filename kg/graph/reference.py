"""Reference data as RDF: the vocabularies and the authority register, in graphs of their own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS

from kg.graph import iris
from kg.graph.ns import GRAPHS, KG
from kg.graph.rdf import QuadSink, lit
from kg.graph.vocab import SCHEMES, vocabularies
from kg.reference.ofsted import OFSTED_DATASET, official_inspections, statistical_neighbours
from kg.reference.register import register


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


def official_quads(codes: Iterable[str]) -> Iterator[ox.Quad]:
    """The official record for the given authorities, in its own named graph."""
    g = ox.NamedNode(str(GRAPHS) + "ofsted-ilacs")
    src = ox.NamedNode(OFSTED_DATASET)

    def q(s: str, p: str, o: ox.NamedNode | ox.Literal) -> ox.Quad:
        return ox.Quad(ox.NamedNode(s), ox.NamedNode(str(p)), o, g)

    def date(v: str) -> ox.Literal:
        return ox.Literal(v, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))

    yield q(OFSTED_DATASET, RDF.type, ox.NamedNode(str(PROV.Entity)))
    yield q(OFSTED_DATASET, RDFS.label, ox.Literal("Ofsted ILACS inspection outcomes"))
    yield q(OFSTED_DATASET, DCTERMS.license, ox.NamedNode("https://opensource.org/licenses/MIT"))
    yield q(OFSTED_DATASET, DCTERMS.rights, ox.Literal("MIT; derived from Ofsted reports under the OGL"))
    records = official_inspections()
    for gss in sorted(set(codes)):
        for rec in records.get(gss, ()):
            node = iris.official_record(gss, rec.start)
            yield q(node, RDF.type, ox.NamedNode(str(KG.Inspection)))
            yield q(node, KG.authority, ox.NamedNode(iris.authority(gss)))
            yield q(node, KG.inspectorate, ox.NamedNode(iris.concept("inspectorate", "ofsted")))
            yield q(node, KG.inspectionType, ox.NamedNode(iris.concept("inspection-type", "ilacs")))
            yield q(node, KG.startDate, date(rec.start))
            if rec.end:
                yield q(node, KG.endDate, date(rec.end))
            if rec.published:
                yield q(node, KG.publishedDate, date(rec.published))
            if rec.judgement:
                yield q(node, KG.judgement, ox.NamedNode(iris.concept("judgement", rec.judgement)))
            if rec.report:
                yield q(node, DCTERMS.source, ox.NamedNode(rec.report))
            yield q(
                node,
                KG.officialRecord,
                ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")),
            )
            yield q(node, PROV.wasDerivedFrom, src)
