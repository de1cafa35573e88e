"""Namespaces and ontology terms. Terms are a DefinedNamespace, so a typo fails at import."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.graph.names import BASE

ID = Namespace(BASE + "id/")
VOCAB = Namespace(BASE + "vocab/")
GRAPHS = Namespace(BASE + "graph/")
OA = Namespace("http://www.w3.org/ns/oa#")


class KG(DefinedNamespace):
    """The project's own ontology (ontology/kg.ttl)."""

    _NS = Namespace(BASE + "def#")
    _fail = True

    # classes
    LocalAuthority: URIRef
    Document: URIRef
    Committee: URIRef
    Meeting: URIRef
    AgendaItem: URIRef
    Inspection: URIRef
    Intervention: URIRef
    Post: URIRef
    Person: URIRef
    Plan: URIRef
    Workstream: URIRef
    PlanComponent: URIRef
    ImprovementBoard: URIRef
    ConcernMention: URIRef
    Figure: URIRef
    Decision: URIRef
    Quote: URIRef
    Contribution: URIRef

    # document
    fileName: URIRef
    sha256: URIRef
    sourceAddress: URIRef
    rule: URIRef
    authorityFrom: URIRef
    text: URIRef
    aboutAuthority: URIRef
    mentionsAuthority: URIRef

    # authority
    gssCode: URIRef
    nation: URIRef
    laCode: URIRef
    statisticalNeighbour: URIRef

    # meeting and items
    committee: URIRef
    venue: URIRef
    date: URIRef
    itemNumber: URIRef
    itemIndex: URIRef
    truncated: URIRef
    item: URIRef
    attendee: URIRef
    apologyFrom: URIRef
    declaration: URIRef

    # common links
    authority: URIRef
    evidence: URIRef

    # inspections and interventions
    inspectorate: URIRef
    inspectionType: URIRef
    startDate: URIRef
    endDate: URIRef
    publishedDate: URIRef
    judgement: URIRef
    dateInferred: URIRef
    ordinal: URIRef
    focus: URIRef
    officialRecord: URIRef
    matchesRecord: URIRef
    interventionBody: URIRef
    interventionKind: URIRef
    follows: URIRef

    # posts and people
    role: URIRef
    interim: URIRef
    title: URIRef
    contributor: URIRef
    contributionKind: URIRef

    # plans
    respondsTo: URIRef
    hasWorkstream: URIRef
    hasComponent: URIRef

    # concerns, figures, decisions
    concern: URIRef
    value: URIRef
    unit: URIRef
    qualifier: URIRef
    decisionKind: URIRef
    decisionText: URIRef
    owner: URIRef
    ownerTitle: URIRef
    due: URIRef
    number: URIRef
