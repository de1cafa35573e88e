"""kg.graph.validate on real builds: the dev corpus conforms, and each kind of damage is reported."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from kg.extract import extract_all
from kg.extract import facts as F
from kg.graph import iris
from kg.graph.ns import KG, OA
from kg.graph.quads import PREFIXES, authority_quads, document_quads, vocabulary_quads
from kg.graph.reference import official_quads
from kg.graph.store import write_graph
from kg.graph.validate import ValidationReport, Violation, validate
from kg.pipeline.build import build
from kg.reading.readers import Source, read_document
from kg.reference.ofsted import official_inspections
from kg.resources import ontology_file
from tests.conftest import DEV_CORPUS, needs_shared

pytestmark = needs_shared
XSD = "http://www.w3.org/2001/XMLSchema#"
MEDWAY = "E06000035"


@pytest.fixture(scope="module")
def dev_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dev") / "g.ttl"
    result = build([DEV_CORPUS], out)
    assert result.ok, result.errors
    return out


def _span(text: str, needle: str) -> F.Span:
    start = text.index(needle)
    return F.Span(start, start + len(needle), needle)


@pytest.fixture(scope="module")
def full_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real dev document with its extracted facts plus one fact of every other kind."""
    path = next(p for p in sorted(DEV_CORPUS.iterdir()) if "Medway" in p.read_text("utf-8"))
    doc = read_document(Source(path, path.name))
    t = doc.text
    rec = official_inspections()[MEDWAY][0]
    dcs = "Director of Children's Services"
    extra: list[F.Fact] = [
        F.MeetingInfo(_span(t, "Medway"), title="Children and Young People O&S",
                      committee="Children and Young People O&S Committee", date="2019-10-03"),
        F.Inspection("ofsted", "ilacs", _span(t, "Ofsted"), start=rec.start[:7],
                     judgement="inadequate"),
        F.Inspection("ofsted", "monitoring-visit", _span(t, "inspection"), start="2020-01",
                     ordinal=1, focus="front door", date_inferred=True),
        F.Intervention("dfe", "notice-to-improve", _span(t, "Medway Council"), date="2019"),
        F.Post(dcs, "director-childrens-services", False, _span(t, "Council"),
               holder="Jane Example", contribution="presented"),
        F.Person("Cllr John Example", _span(t, "committee"), post_title=dcs, capacity="present"),
        F.PlanElement("Improvement Plan", _span(t, "report"), workstream="Workforce",
                      component="Recruitment campaign"),
        F.PlanElement("Improvement Board", _span(t, "reports"), board=True),
        F.ConcernMention("mental-health", _span(t, "Mental")),
        F.Figure(42.5, "percent", _span(t, "noted"), concern="agency-staff"),
        F.Decision("resolution", "The committee noted the reports.",
                   _span(t, "The committee noted the reports."), number="1", owner=dcs,
                   due="2020-03"),
    ]
    found = extract_all(doc) + extra
    gss = {f.gss for f in found if isinstance(f, F.AuthorityMention)}
    assert MEDWAY in gss
    quads = [*document_quads(doc, found), *vocabulary_quads(), *authority_quads(gss),
             *official_quads(gss)]
    out = tmp_path_factory.mktemp("full") / "g.trig"
    write_graph(quads, out, PREFIXES)
    return out


def _mutate(src: Path, dst: Path, change: Callable[[list[ox.Quad]], list[ox.Quad]]) -> Path:
    store = ox.Store()
    fmt = ox.RdfFormat.TRIG if src.suffix == ".trig" else ox.RdfFormat.TURTLE
    store.bulk_load(path=str(src), format=fmt)
    write_graph(change(list(store)), dst, PREFIXES)
    return dst


def _v(term: object) -> str:
    """The IRI or lexical value of an Oxigraph term."""
    return str(getattr(term, "value", term))


def _first(quads: list[ox.Quad], pred: str, subj_prefix: str = "") -> ox.Quad:
    return next(
        q for q in quads if q.predicate.value == str(pred) and _v(q.subject).startswith(subj_prefix)
    )


def _replace(quads: list[ox.Quad], old: ox.Quad, obj: ox.NamedNode | ox.Literal) -> list[ox.Quad]:
    return [q if q != old else ox.Quad(q.subject, q.predicate, obj, q.graph_name) for q in quads]


def _hits(report: ValidationReport, needle: str, severity: str = "Violation") -> list[Violation]:
    return [v for v in report.violations if needle in v.message and v.severity == severity]


# --- conforming graphs ----------------------------------------------------------------------


def test_dev_corpus_graph_conforms_quickly(dev_graph: Path) -> None:
    validate([dev_graph])  # warm up imports and the cached shapes
    t0 = time.perf_counter()
    report = validate([dev_graph], [DEV_CORPUS])
    elapsed = time.perf_counter() - t0
    assert report.conforms, report.render()
    assert report.quotes_checked > 0 and report.quotes_unchecked == 0
    assert elapsed < 3.0, f"validation took {elapsed:.2f} s"
    assert report.render().startswith("The graph conforms")


def test_graph_with_every_fact_kind_conforms(full_graph: Path) -> None:
    report = validate([full_graph])
    assert report.conforms, report.render()
    assert not report.violations, report.render()


def test_every_class_used_in_a_build_has_a_shape(full_graph: Path) -> None:
    shapes = Graph().parse(data=ontology_file("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    targets = set(shapes.objects(None, SH.targetClass))
    store = ox.Store()
    store.bulk_load(path=str(full_graph), format=ox.RdfFormat.TRIG)
    by_node: dict[str, set[str]] = {}
    for q in store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), None):
        by_node.setdefault(_v(q.subject), set()).add(_v(q.object))
    used = set().union(*by_node.values())
    for cls in used:
        if cls.startswith(str(KG._NS)) or cls.startswith("http://www.w3.org/2004/02/skos/"):
            assert URIRef(cls) in targets, f"no shape for {cls}"
    kg_types = {c for c in used if c.startswith(str(KG._NS))}
    assert {str(KG.Figure), str(KG.Post), str(KG.Plan)} <= kg_types
    assert str(KG.Quote) not in kg_types  # a quote is one by the range of kg:evidence
    for node, types in by_node.items():
        shaped = any(URIRef(t) in targets for t in types)
        assert shaped or node.startswith("https://github.com/"), node  # the Ofsted dataset


def test_several_files_are_one_union(dev_graph: Path, tmp_path: Path) -> None:
    vocab = tmp_path / "vocab.nq"
    write_graph(vocabulary_quads(), vocab, PREFIXES)
    assert validate([dev_graph, vocab]).conforms


# --- damage is reported in plain words -----------------------------------------------------


def test_missing_quote_text_is_reported(dev_graph: Path, tmp_path: Path) -> None:
    def drop(qs: list[ox.Quad]) -> list[ox.Quad]:
        victim = _first(qs, OA.exact)
        return [q for q in qs if q != victim]

    report = validate([_mutate(dev_graph, tmp_path / "g.ttl", drop)])
    assert not report.conforms
    (v,) = _hits(report, "exactly one non-empty text")
    assert v.detail == "found 0" and v.path == "oa:exact"
    assert v.line().endswith("a Quote must have exactly one non-empty text (oa:exact) (found 0)")
    assert "#char=" in report.render()


def test_bad_gss_code_is_reported(dev_graph: Path, tmp_path: Path) -> None:
    def bad(qs: list[ox.Quad]) -> list[ox.Quad]:
        return _replace(qs, _first(qs, KG.gssCode), ox.Literal("E0600003X"))

    report = validate([_mutate(dev_graph, tmp_path / "g.ttl", bad)])
    (v,) = _hits(report, "GSS code")
    assert v.detail == "value 'E0600003X'" and v.value == "'E0600003X'"
    assert "E, W, S or N and eight digits" in report.render()


def test_judgement_from_the_wrong_scheme_is_reported(dev_graph: Path, tmp_path: Path) -> None:
    wrong = ox.NamedNode(iris.concept("concern", "caseloads"))

    def bad(qs: list[ox.Quad]) -> list[ox.Quad]:
        return _replace(qs, _first(qs, KG.judgement), wrong)

    report = validate([_mutate(dev_graph, tmp_path / "g.ttl", bad)])
    (v,) = _hits(report, "must be one of the Overall judgements")
    assert v.path == "kg:judgement" and "caseloads" in v.value


def test_tampered_quote_is_reported(dev_graph: Path, tmp_path: Path) -> None:
    def tamper(qs: list[ox.Quad]) -> list[ox.Quad]:
        return _replace(qs, _first(qs, OA.exact), ox.Literal("words nobody wrote"))

    damaged = _mutate(dev_graph, tmp_path / "g.ttl", tamper)
    assert validate([damaged]).conforms  # plain-text documents: no text to check against
    report = validate([damaged], [DEV_CORPUS])
    (v,) = _hits(report, "not the document text")
    assert v.value == "'words nobody wrote'" and "reads '" in v.detail


def test_quotes_are_checked_against_kept_text(dev_graph: Path, tmp_path: Path) -> None:
    """An HTML or PDF document keeps its text in the graph; quotes are checked against it."""
    docs = [read_document(Source(p, p.name)) for p in DEV_CORPUS.iterdir()]
    texts = {d.sha256: d.text for d in docs}
    text_of = ox.NamedNode(str(KG.text))

    def as_html(qs: list[ox.Quad]) -> list[ox.Quad]:
        out = []
        for q in qs:
            if q.predicate.value == str(KG.sha256):
                text = ox.Literal(texts[_v(q.object)])
                out.append(ox.Quad(q.subject, text_of, text, q.graph_name))
            out.append(q)
        exact = _first(out, OA.exact)
        return _replace(out, exact, ox.Literal(_v(exact.object) + "!"))

    report = validate([_mutate(dev_graph, tmp_path / "g.ttl", as_html)])
    assert report.quotes_unchecked == 0 and report.quotes_checked >= 3
    assert len(_hits(report, "not the document text")) == 1


def test_html_document_without_text_is_reported(dev_graph: Path, tmp_path: Path) -> None:
    def html(qs: list[ox.Quad]) -> list[ox.Quad]:
        return _replace(qs, _first(qs, "http://purl.org/dc/terms/format"), ox.Literal("text/html"))

    report = validate([_mutate(dev_graph, tmp_path / "g.ttl", html)])
    assert _hits(report, "must keep its extracted text")


def test_figure_without_value_and_bad_dates(full_graph: Path, tmp_path: Path) -> None:
    def bad(qs: list[ox.Quad]) -> list[ox.Quad]:
        qs = [q for q in qs if q.predicate.value != str(KG.value)]
        return _replace(qs, _first(qs, KG.due), ox.Literal("March 2020"))

    report = validate([_mutate(full_graph, tmp_path / "g.trig", bad)])
    hits = _hits(report, "a Figure must have exactly one value")
    assert hits  # every figure lost its value
    assert all(v.line().startswith("kgid:figure/") and v.line().endswith("(found 0)") for v in hits)
    (d,) = _hits(report, "due date")
    assert d.value == "'March 2020'"


def test_fact_without_provenance_and_foreign_quote(full_graph: Path, tmp_path: Path) -> None:
    other_doc = ox.NamedNode(iris.document("0" * 64))

    def bad(qs: list[ox.Quad]) -> list[ox.Quad]:
        qs = [q for q in qs if not (q.predicate.value == str(KG.evidence)
                                    and _v(q.subject).startswith(f"{iris.ID}decision/"))]
        cite = _first(qs, KG.evidence)  # a quote of a document the graph does not hold
        foreign = ox.NamedNode(f"{other_doc.value}#char=0,4")
        return _replace(qs, cite, foreign)

    report = validate([_mutate(full_graph, tmp_path / "g.trig", bad)])
    assert _hits(report, "must cite the words it was read from")
    assert _hits(report, "does not name as its source")
    assert _hits(report, "must come from a Document of the graph")


def test_warnings_do_not_break_conformance(full_graph: Path, tmp_path: Path) -> None:
    """A post mentioned as interim in one place and not in another is suspicious, not invalid."""
    def twice(qs: list[ox.Quad]) -> list[ox.Quad]:
        q = _first(qs, KG.interim)
        flipped = ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))
        return [*qs, ox.Quad(q.subject, q.predicate, flipped, q.graph_name)]

    report = validate([_mutate(full_graph, tmp_path / "g.trig", twice)])
    assert report.conforms
    assert _hits(report, "both interim and not interim", "Warning")
    assert "1 warning" in report.render()


def test_render_is_grouped_counted_and_capped(dev_graph: Path, tmp_path: Path) -> None:
    def strip(qs: list[ox.Quad]) -> list[ox.Quad]:
        return [q for q in qs if q.predicate.value != "http://www.w3.org/2004/02/skos/core#notation"]

    report = validate([_mutate(dev_graph, tmp_path / "g.ttl", strip)])
    lines = report.render().splitlines()
    assert len(report.violations) > 80
    assert len(lines) <= 52 and lines[-1].startswith("... and ")
    concept_hits = _hits(report, "a vocabulary concept")
    assert len(concept_hits) > 80  # every concept lost its notation
    head = f"Violation ({len(concept_hits)}): a vocabulary concept"
    assert any(line.startswith(head) for line in lines)
    assert report.violations == validate([tmp_path / "g.ttl"]).violations  # deterministic
