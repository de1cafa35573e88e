"""The ontology, the generated vocabularies and reference page, and the shapes file."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS

from kg.graph import iris
from kg.graph.ns import KG, OA
from kg.graph.ontology import (
    DOCS_MD,
    KG_TTL,
    ONTOLOGY_IRI,
    VOCABULARIES_TTL,
    kg_terms,
    main,
    markdown,
    read_vocabulary_yaml,
    vocabularies_turtle,
    yaml_notations,
)
from kg.graph.quads import vocabulary_quads

ROOT = Path(__file__).resolve().parent.parent

SPEC_VOCABULARIES = ROOT.parent / "shared" / "spec" / "vocabularies.yaml"
SHAPES_TTL = ROOT / "ontology" / "shapes.ttl"
KG_NS = str(KG._NS)
PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(KG_TTL, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


def _nt_graph(quads: object) -> Graph:
    data = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES)  # type: ignore[attr-defined]
    return Graph().parse(data=data, format="nt")


def test_header_names_title_version_licence_and_attribution(onto: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, DCTERMS.title)
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo)
    assert onto.value(ONTOLOGY_IRI, DCTERMS.license)
    rights = str(onto.value(ONTOLOGY_IRI, DCTERMS.rights))
    for needle in ("mySociety", "CC-BY-4.0", "ofsted-ilacs-scrape-tool", "MIT", "Open Government"):
        assert needle in rights


def test_every_ns_term_is_declared_with_label_and_comment(onto: Graph) -> None:
    for term in kg_terms():
        iri = URIRef(KG_NS + term)
        kinds = set(onto.objects(iri, RDF.type))
        expected = {OWL.Class} if term[0].isupper() else PROPERTY_TYPES
        assert kinds & expected, f"kg:{term} is not declared in ontology/kg.ttl"
        assert onto.value(iri, RDFS.label), f"kg:{term} has no rdfs:label"
        assert onto.value(iri, RDFS.comment), f"kg:{term} has no rdfs:comment"


def test_kg_ttl_declares_nothing_beyond_ns(onto: Graph) -> None:
    declared = {str(s)[len(KG_NS):] for s in onto.subjects() if str(s).startswith(KG_NS)}
    used = {
        str(o)[len(KG_NS):]
        for o in onto.objects()
        if isinstance(o, URIRef) and str(o).startswith(KG_NS)
    }
    assert declared | used <= set(kg_terms())


def test_reuses_standard_vocabularies(onto: Graph) -> None:
    for cls, sup in [
        (KG.LocalAuthority, ORG.FormalOrganization), (KG.Post, ORG.Post),
        (KG.Committee, ORG.OrganizationalUnit), (KG.Document, PROV.Entity),
        (KG.Inspection, URIRef("https://schema.org/Event")), (KG.Meeting, URIRef("https://schema.org/Event")),
        (KG.Person, FOAF.Person),
    ]:
        assert (cls, RDFS.subClassOf, sup) in onto
    for prop in (KG.inspectorate, KG.inspectionType, KG.judgement, KG.interventionBody,
                 KG.interventionKind, KG.role, KG.concern, KG.unit, KG.qualifier, KG.decisionKind):
        assert (prop, RDFS.range, SKOS.Concept) in onto
        assert onto.value(prop, RDFS.seeAlso) is not None  # the scheme its values come from
    assert (KG.evidence, RDFS.range, KG.Quote) in onto


def test_vocabularies_ttl_is_up_to_date() -> None:
    committed = Graph().parse(VOCABULARIES_TTL, format="turtle")
    assert isomorphic(committed, Graph().parse(data=vocabularies_turtle(), format="turtle"))
    assert isomorphic(committed, _nt_graph(vocabulary_quads()))  # what every build contains


def test_docs_are_up_to_date_and_cover_every_term() -> None:
    text = DOCS_MD.read_text(encoding="utf-8")
    assert text == markdown(), "docs/ontology.md is stale: run `python -m kg.graph.ontology`"
    for term in kg_terms():
        assert f"`kg:{term}`" in text
    assert "`requires-improvement`" in text and "`vocab:judgement`" in text


def test_check_mode_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == 0, capsys.readouterr().out


@pytest.mark.skipif(not SPEC_VOCABULARIES.exists(), reason="../shared/spec is not there")
def test_every_spec_concept_is_published_with_its_notation() -> None:
    g = Graph().parse(VOCABULARIES_TTL, format="turtle")
    spec = yaml_notations(SPEC_VOCABULARIES)
    assert sum(len(v) for v in spec.values()) > 50
    for scheme, notations in spec.items():
        for notation in notations:
            node = URIRef(iris.concept(scheme, notation))
            assert (node, RDF.type, SKOS.Concept) in g, f"{scheme}/{notation} missing"
            assert (node, SKOS.inScheme, URIRef(iris.scheme(scheme))) in g
            assert set(g.objects(node, SKOS.notation)) == {Literal(notation)}


def test_yaml_with_unquoted_colon_is_read(tmp_path: Path) -> None:
    path = tmp_path / "v.yaml"
    path.write_text(
        "concerns:\n  placements-accommodation:\n    label: Placements\n"
        "    scope: Where children live: sufficiency, HMOs.\n", encoding="utf-8"
    )
    data = read_vocabulary_yaml(path)
    scope = data["concerns"]["placements-accommodation"]["scope"]
    assert scope == "Where children live: sufficiency, HMOs."


def test_shapes_parse_and_are_valid_shacl(shapes: Graph) -> None:
    from pyshacl import validate

    conforms, _, text = validate(Graph(), shacl_graph=shapes, meta_shacl=True, inference="none")
    assert conforms, text


def test_every_class_has_a_shape_with_messages(shapes: Graph) -> None:
    targets = set(shapes.objects(None, SH.targetClass))
    for term in kg_terms():
        if term[0].isupper() and term != "Committee":  # Committee is reserved, not emitted
            assert KG[term] in targets, f"no shape targets kg:{term}"
    assert SKOS.Concept in targets
    for shape in set(shapes.subjects(SH.targetClass, None)):
        for prop_shape in shapes.objects(shape, SH.property):
            assert shapes.value(prop_shape, SH.message), f"no sh:message: {prop_shape}"


def test_shapes_avoid_sh_in_over_literals(shapes: Graph) -> None:
    for lst in shapes.objects(None, SH["in"]):
        assert not any(isinstance(x, Literal) for x in shapes.items(lst))


def test_quote_terms_are_web_annotation(onto: Graph, shapes: Graph) -> None:
    paths = set(shapes.objects(None, SH.path))
    assert {OA.exact, OA.start, OA.end} <= paths
