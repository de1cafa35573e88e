"""Facts to RDF: the only module that knows how facts become triples.

Each source document gets one named graph (its document IRI). Reference data (the authority
register, the vocabularies, Ofsted's published record) go into graphs of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pyoxigraph as ox
from rdflib import namespace as rns

from kg.extract import facts as F
from kg.graph import iris, ns
from kg.graph.rdf import (  # noqa: F401 - PREFIXES is re-exported for callers
    PREFIXES,
    N,
    QuadSink,
    Term,
    Terms,
    bool_lit,
    concept,
    date_lit,
    int_lit,
    lit,
    num_lit,
    uri_lit,
)
from kg.graph.reference import authority_quads, vocabulary_quads  # noqa: F401 - re-exported
from kg.reading.document import Document
from kg.reading.segments import segments_of
from kg.reference.ofsted import OfficialInspection, official_inspections

# the terms as plain strings, looked up once each (see Terms)
KG, OA = Terms(ns.KG), Terms(ns.OA)
DCTERMS, FOAF, ORG, PROV = Terms(rns.DCTERMS), Terms(rns.FOAF), Terms(rns.ORG), Terms(rns.PROV)
RDF, RDFS, SDO = Terms(rns.RDF), Terms(rns.RDFS), Terms(rns.SDO)


def document_quads(doc: Document, found: Iterable[F.Fact]) -> list[ox.Quad]:
    """All quads read from one document, in its own named graph."""
    return _document(doc, found).quads


def document_nquads(doc: Document, found: Iterable[F.Fact]) -> bytes:
    """The same, as N-Quads bytes, every line in the document's graph (what the build stores)."""
    return _document(doc, found).nquads()


def _document(doc: Document, found: Iterable[F.Fact]) -> QuadSink:
    facts = list(found)
    d = iris.document(doc.sha256)
    g = QuadSink(d)
    g.add(d, RDF.type, KG.Document)
    g.add(d, RDF.type, PROV.Entity)
    g.add(d, KG.fileName, lit(doc.name))
    g.add(d, KG.sha256, lit(doc.sha256))
    g.add(d, DCTERMS.format, lit(doc.media_type))
    if doc.is_extracted_text:
        g.add(d, KG.text, lit(doc.text))

    mentions = [f for f in facts if isinstance(f, F.AuthorityMention)]
    stated = next((f for f in facts if isinstance(f, F.StatedAuthority)), None)
    primary = stated.gss if stated else next((m.gss for m in mentions if m.primary), None)
    if doc.source and doc.source.url:
        g.add(d, KG.sourceAddress, uri_lit(doc.source.url))
    if stated and not any(m.gss == stated.gss for m in mentions):
        g.add(d, KG.authorityFrom, lit(stated.origin))
    for gss in sorted({m.gss for m in mentions}):
        g.add(d, KG.mentionsAuthority, iris.authority(gss))
    if primary:
        g.add(d, KG.aboutAuthority, iris.authority(primary))
    ctx = _Context(doc, d, g, primary, facts)
    for f in facts:
        _EMIT[type(f)](ctx, f)
    return g


class _Context:
    def __init__(self, doc: Document, d: str, g: QuadSink, primary: str | None, facts: list[F.Fact]) -> None:
        self.doc, self.d, self.g, self.primary = doc, d, g, primary
        info = next((f for f in facts if isinstance(f, F.MeetingInfo)), None)
        self.info = info
        self.meeting = iris.meeting(
            doc.sha256, primary, info.committee if info else None, info.date if info else None
        )
        self.items = {f.index: f for f in facts if isinstance(f, F.AgendaItem)}
        # the inspection of each type this document reports, for plans that answer one
        self.inspections: dict[str, str] = {}
        self.meeting_emitted = False

    def scope(self, gss: str | None) -> str:
        """The authority key of a fact's IRI: its council, or, when the minutes never name one,
        their document (two unnamed councils' inspections or posts are never merged)."""
        return gss or iris.unknown_authority(self.doc.sha256)

    def authority(self, gss: str | None) -> str | None:
        gss = gss or self.primary
        return iris.authority(gss) if gss else None

    def item_iri(self, offset: int) -> str | None:
        it = segments_of(self.doc).item_at(offset)
        if it is None or it.index not in self.items:
            return None
        f = self.items[it.index]
        return iris.item(self.meeting, f.number, f.title)

    def evidence(self, node: str, span: F.Span, rule: str = "") -> None:
        """The fact's provenance: its document, the quote at its offsets and the rule that read it.

        The quote's IRI is the document's with a #char=START,END fragment: it names its source
        itself, and its class follows from kg:evidence's range, so neither is stated again.
        """
        g, q = self.g, iris.quote(self.doc.sha256, span.start, span.end)
        g.add(node, PROV.wasDerivedFrom, self.d)
        if rule:
            g.add(node, KG.rule, lit(rule))
        g.add(node, KG.evidence, q)
        g.add(q, OA.exact, lit(span.quote))
        g.add(q, OA.start, int_lit(span.start))
        g.add(q, OA.end, int_lit(span.end))

    def ensure_meeting(self) -> None:
        if self.meeting_emitted:
            return
        self.meeting_emitted = True
        g, m = self.g, self.meeting
        g.add(m, RDF.type, KG.Meeting)
        g.add(m, RDF.type, SDO.Event)
        g.add(m, PROV.wasDerivedFrom, self.d)
        g.opt(m, KG.authority, self.authority(None) and N(self.authority(None)))  # type: ignore[arg-type]
        info = self.info
        if info:
            g.opt(m, KG.committee, lit(info.committee) if info.committee else None)
            g.opt(m, KG.date, date_lit(info.date) if info.date else None)
            g.opt(m, KG.venue, lit(info.venue) if info.venue else None)
            g.opt(m, RDFS.label, lit(info.title) if info.title else None)
            self.evidence(m, info.span, info.rule)


def _stated(ctx: _Context, f: F.StatedAuthority) -> None:
    pass  # recorded on the document (kg:aboutAuthority, kg:authorityFrom)


def _authority(ctx: _Context, f: F.AuthorityMention) -> None:
    pass  # recorded on the document (kg:mentionsAuthority); register facts are reference data


def _meeting(ctx: _Context, f: F.MeetingInfo) -> None:
    ctx.ensure_meeting()


def _item(ctx: _Context, f: F.AgendaItem) -> None:
    ctx.ensure_meeting()
    g, i = ctx.g, iris.item(ctx.meeting, f.number, f.title)
    g.add(i, RDF.type, KG.AgendaItem)
    g.add(i, DCTERMS.isPartOf, ctx.meeting)
    g.add(i, DCTERMS.title, lit(f.title))
    g.add(i, KG.itemIndex, int_lit(f.index))
    g.opt(i, KG.itemNumber, lit(f.number) if f.number else None)
    g.add(i, KG.truncated, bool_lit(f.truncated))
    ctx.evidence(i, f.span, f.rule)


def _inspection(ctx: _Context, f: F.Inspection) -> None:
    # Minutes that never name their council still report its inspections: the node is then
    # scoped to the document and has no kg:authority (a manifest or the page's address gives one).
    gss = f.gss or ctx.primary
    g = ctx.g
    record = official_match(gss, f) if gss else None
    # A matched inspection takes the record's start date for its IRI, so that every document
    # that mentions it, at whatever precision, names the same node.
    start = record.start if record else f.start
    node = iris.inspection(ctx.scope(gss), f.inspectorate, f.type, start, f.ordinal)
    ctx.inspections.setdefault(f.type, node)
    if gss and record:
        g.add(node, KG.matchesRecord, iris.official_record(gss, record.start))
    g.add(node, RDF.type, KG.Inspection)
    g.opt(node, KG.authority, N(iris.authority(gss)) if gss else None)
    g.add(node, KG.inspectorate, concept("inspectorate", f.inspectorate))
    g.add(node, KG.inspectionType, concept("inspection-type", f.type))
    g.opt(node, KG.startDate, date_lit(f.start) if f.start else None)
    g.opt(node, KG.endDate, date_lit(f.end) if f.end else None)
    g.opt(node, KG.publishedDate, date_lit(f.published) if f.published else None)
    g.opt(node, KG.judgement, concept("judgement", f.judgement) if f.judgement else None)
    if f.date_inferred:
        g.add(node, KG.dateInferred, bool_lit(True))
    g.opt(node, KG.ordinal, int_lit(f.ordinal) if f.ordinal else None)
    g.opt(node, KG.focus, lit(f.focus) if f.focus else None)
    ctx.evidence(node, f.span, f.rule)


def _intervention(ctx: _Context, f: F.Intervention) -> None:
    gss = f.gss or ctx.primary  # as for inspections: no kg:authority when the text names none
    g, node = ctx.g, iris.intervention(ctx.scope(gss), f.body, f.kind, f.date)
    g.add(node, RDF.type, KG.Intervention)
    g.opt(node, KG.authority, N(iris.authority(gss)) if gss else None)
    g.add(node, KG.interventionBody, concept("intervention-body", f.body))
    g.add(node, KG.interventionKind, concept("intervention-kind", f.kind))
    g.opt(node, KG.date, date_lit(f.date) if f.date else None)
    ctx.evidence(node, f.span, f.rule)


def _post(ctx: _Context, f: F.Post) -> None:
    known = f.gss or ctx.primary
    gss = ctx.scope(known)
    g, node = ctx.g, iris.post(gss, f.title)
    g.add(node, RDF.type, KG.Post)
    g.add(node, RDF.type, ORG.Post)
    if known:
        g.add(node, ORG.postIn, iris.authority(known))
    g.add(node, KG.title, lit(f.title))
    g.add(node, KG.role, concept("role", f.role))
    g.add(node, KG.interim, bool_lit(f.interim))
    if f.holder:
        person = iris.person(gss, f.holder)
        g.add(node, ORG.heldBy, person)
        g.add(person, RDF.type, KG.Person)
        g.add(person, FOAF.name, lit(f.holder))
        g.add(person, ORG.holds, node)
        if ctx.primary:
            g.add(person, KG.authority, iris.authority(ctx.primary))
        ctx.evidence(person, f.span, f.rule)
    ctx.evidence(node, f.span, f.rule)
    item = ctx.item_iri(f.span.start)
    if f.contribution and item:
        c = iris.in_document("contribution", ctx.doc.sha256, f.span.start, f.span.end)
        g.add(c, RDF.type, KG.Contribution)
        g.add(c, KG.contributor, node)
        g.add(c, KG.item, item)
        g.add(c, KG.contributionKind, lit(f.contribution))
        ctx.evidence(c, f.span, f.rule)


def _person(ctx: _Context, f: F.Person) -> None:
    gss = ctx.scope(ctx.primary)
    g, node = ctx.g, iris.person(gss, f.name)
    g.add(node, RDF.type, KG.Person)
    g.add(node, RDF.type, FOAF.Person)
    g.add(node, FOAF.name, lit(f.name))
    if ctx.primary:
        g.add(node, KG.authority, iris.authority(ctx.primary))
    if f.post_title:
        post = iris.post(gss, f.post_title)
        g.add(node, ORG.holds, post)
        g.add(post, ORG.heldBy, node)
    if f.capacity:
        g.add(node, KG.contributionKind, lit(f.capacity))
    ctx.evidence(node, f.span, f.rule)


def _plan(ctx: _Context, f: F.PlanElement) -> None:
    gss = ctx.scope(ctx.primary)
    g, plan = ctx.g, iris.plan(gss, f.plan)
    g.add(plan, RDF.type, KG.ImprovementBoard if f.board else KG.Plan)
    g.add(plan, RDFS.label, lit(f.plan))
    if ctx.primary:
        g.add(plan, KG.authority, iris.authority(ctx.primary))
    parent = plan
    if f.workstream:
        ws = iris.part(plan, f.workstream)
        g.add(ws, RDF.type, KG.Workstream)
        g.add(ws, RDFS.label, lit(f.workstream))
        g.add(plan, KG.hasWorkstream, ws)
        parent = ws
    if f.component:
        c = iris.part(parent, f.component)
        g.add(c, RDF.type, KG.PlanComponent)
        g.add(c, RDFS.label, lit(f.component))
        g.add(parent, KG.hasComponent, c)
    if f.responds_to and f.responds_to in ctx.inspections:
        g.add(plan, KG.respondsTo, ctx.inspections[f.responds_to])
    ctx.evidence(parent if not f.component else iris.part(parent, f.component), f.span, f.rule)


def _concern(ctx: _Context, f: F.ConcernMention) -> None:
    g = ctx.g
    node = iris.in_document("mention", ctx.doc.sha256, f.span.start, f.span.end, f.concern)
    g.add(node, RDF.type, KG.ConcernMention)
    g.add(node, KG.concern, concept("concern", f.concern))
    g.opt(node, KG.authority, N(ctx.authority(None)) if ctx.primary else None)
    g.opt(node, KG.item, N(ctx.item_iri(f.span.start)) if ctx.item_iri(f.span.start) else None)
    ctx.evidence(node, f.span, f.rule)


def _figure(ctx: _Context, f: F.Figure) -> None:
    g = ctx.g
    extra = f"{f.value:g}-{f.unit}"
    node = iris.in_document("figure", ctx.doc.sha256, f.span.start, f.span.end, extra)
    g.add(node, RDF.type, KG.Figure)
    g.add(node, KG.value, num_lit(f.value))
    g.add(node, KG.unit, concept("unit", f.unit))
    g.add(node, KG.qualifier, concept("qualifier", f.qualifier))
    g.opt(node, KG.concern, concept("concern", f.concern) if f.concern else None)
    g.opt(node, KG.authority, N(ctx.authority(None)) if ctx.primary else None)
    g.opt(node, KG.item, N(ctx.item_iri(f.span.start)) if ctx.item_iri(f.span.start) else None)
    ctx.evidence(node, f.span, f.rule)


def _decision(ctx: _Context, f: F.Decision) -> None:
    g = ctx.g
    node = iris.in_document("decision", ctx.doc.sha256, f.span.start, f.span.end)
    g.add(node, RDF.type, KG.Decision)
    g.add(node, KG.decisionKind, concept("decision-kind", f.kind))
    g.add(node, KG.decisionText, lit(f.text))
    g.opt(node, KG.number, lit(f.number) if f.number else None)
    g.opt(node, KG.ownerTitle, lit(f.owner) if f.owner else None)
    if f.owner and ctx.primary:
        g.add(node, KG.owner, iris.post(ctx.primary, f.owner))
    g.opt(node, KG.due, date_lit(f.due) if f.due else None)
    g.opt(node, KG.authority, N(ctx.authority(None)) if ctx.primary else None)
    g.opt(node, KG.item, N(ctx.item_iri(f.span.start)) if ctx.item_iri(f.span.start) else None)
    ctx.evidence(node, f.span, f.rule)


_EMIT: dict[type, Callable[[_Context, Any], None]] = {
    F.AuthorityMention: _authority,
    F.StatedAuthority: _stated,
    F.MeetingInfo: _meeting,
    F.AgendaItem: _item,
    F.Inspection: _inspection,
    F.Intervention: _intervention,
    F.Post: _post,
    F.Person: _person,
    F.PlanElement: _plan,
    F.ConcernMention: _concern,
    F.Figure: _figure,
    F.Decision: _decision,
}



# --- reference data the mapping consults ---------------------------------------------------


def official_match(gss: str, f: F.Inspection) -> OfficialInspection | None:
    """Ofsted's published ILACS inspection that this one is, when the dates agree."""
    if f.inspectorate != "ofsted" or f.type != "ilacs" or not f.start:
        return None
    for rec in official_inspections().get(gss, ()):
        if rec.start.startswith(f.start) or f.start.startswith(rec.start):
            return rec
    return None
