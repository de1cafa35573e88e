"""What the pages draw of the ontology: classes, their columns, and the links between them."""

from __future__ import annotations

from kg.graph.ns import KG

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
FOAF = "http://xmlns.com/foaf/0.1/"

# class IRI -> class key; the order is the order of the legend
CLASSES: dict[str, str] = {
    str(KG.LocalAuthority): "Authority",
    str(KG.Inspection): "Inspection",
    str(KG.Intervention): "Intervention",
    str(KG.Post): "Post",
    str(KG.Person): "Person",
    str(KG.Plan): "Plan",
    str(KG.ImprovementBoard): "Plan",
    str(KG.Workstream): "Workstream",
    str(KG.PlanComponent): "Component",
    "Concern": "Concern",  # concepts named by kg:concern
    str(KG.Decision): "Decision",
    str(KG.Figure): "Figure",
}
CLASS_KEYS = list(dict.fromkeys(CLASSES.values()))
LABELS = [RDFS + "label", str(KG.title), FOAF + "name"]

# (column, predicate) shown in tables and details, per class
ATTRS: dict[str, list[tuple[str, str]]] = {
    "Authority": [("GSS code", str(KG.gssCode)), ("Nation", str(KG.nation))],
    "Inspection": [
        ("Inspectorate", str(KG.inspectorate)), ("Type", str(KG.inspectionType)),
        ("Start", str(KG.startDate)), ("End", str(KG.endDate)),
        ("Published", str(KG.publishedDate)), ("Judgement", str(KG.judgement)),
        ("Focus", str(KG.focus)), ("Date inferred", str(KG.dateInferred)),
    ],
    "Intervention": [
        ("Body", str(KG.interventionBody)), ("Kind", str(KG.interventionKind)),
        ("Date", str(KG.date)),
    ],
    "Post": [("Title", str(KG.title)), ("Role", str(KG.role)), ("Interim", str(KG.interim))],
    "Person": [("Name", FOAF + "name"), ("Capacity", str(KG.contributionKind))],
    "Plan": [("Label", RDFS + "label")],
    "Workstream": [("Label", RDFS + "label")],
    "Component": [("Label", RDFS + "label")],
    "Concern": [("Scope", SKOS + "scopeNote")],
    "Decision": [
        ("Kind", str(KG.decisionKind)), ("Number", str(KG.number)),
        ("Text", str(KG.decisionText)), ("Owner", str(KG.ownerTitle)), ("Due", str(KG.due)),
    ],
    "Figure": [
        ("Value", str(KG.value)), ("Unit", str(KG.unit)), ("Qualifier", str(KG.qualifier)),
        ("Concern", str(KG.concern)),
    ],
}

# (predicate, reversed?, edge label): links drawn between two drawn entities
LINKS: list[tuple[str, bool, str]] = [
    (str(KG.authority), False, "authority"),
    (ORG + "postIn", False, "post in"),
    (ORG + "holds", False, "holds"),
    (ORG + "heldBy", True, "holds"),
    (str(KG.hasWorkstream), False, "workstream"),
    (str(KG.hasComponent), False, "component"),
    (str(KG.respondsTo), False, "responds to"),
    (str(KG.follows), False, "follows"),
    (str(KG.owner), False, "owner"),
    (str(KG.concern), False, "concern"),
    (str(KG.matchesRecord), False, "same inspection"),
]
