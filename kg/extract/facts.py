"""Plain facts read from minutes. No RDF here: kg/graph/quads.py maps these to triples.

Every fact carries the Span that supports it: ``doc.text[span.start:span.end] == span.quote``,
and ``rule``: the extractor and the named rule of it that produced the fact ("posts.head_dir"),
which the graph keeps (kg:rule) so that kg eval can report precision per rule.
Vocabulary fields hold notations from ontology/vocabularies.yaml. Dates are ISO 8601 strings at
the precision the text gives ("2013-01-07", "2018-09", "2017").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class AuthorityMention:
    gss: str
    primary: bool  # the authority whose minutes these are
    span: Span
    rule: str = ""



@dataclass(frozen=True)
class StatedAuthority:
    """Whose minutes these are, from beside the text: a manifest, or the page's own address.

    No quote: its provenance is `origin` (the manifest's file name, or "address") and `value`
    (the address, or the manifest's words)."""

    gss: str
    origin: str
    value: str
    rule: str = ""



@dataclass(frozen=True)
class MeetingInfo:
    span: Span
    title: str | None = None
    committee: str | None = None
    date: str | None = None
    venue: str | None = None
    contact: str | None = None
    rule: str = ""



@dataclass(frozen=True)
class AgendaItem:
    index: int  # position in the document, 0-based
    number: str | None  # as printed ("294"), None for a single "Agenda item" page
    title: str  # as printed, whitespace folded
    span: Span  # the title as it stands in the text
    start: int  # the item's extent in the text
    end: int
    truncated: bool = False
    rule: str = ""



@dataclass(frozen=True)
class Inspection:
    inspectorate: str
    type: str
    span: Span
    start: str | None = None
    end: str | None = None
    published: str | None = None
    judgement: str | None = None
    date_inferred: bool = False
    ordinal: int | None = None
    focus: str | None = None
    gss: str | None = None  # None: the document's own authority
    rule: str = ""



@dataclass(frozen=True)
class Intervention:
    body: str
    kind: str
    span: Span
    date: str | None = None
    gss: str | None = None
    rule: str = ""



@dataclass(frozen=True)
class Post:
    title: str  # as printed, interim prefix kept
    role: str
    interim: bool
    span: Span
    holder: str | None = None
    contribution: str | None = None  # presented | reported | answered | ... in the span's item
    gss: str | None = None
    rule: str = ""



@dataclass(frozen=True)
class Person:
    name: str
    span: Span
    post_title: str | None = None
    capacity: str | None = None  # contact | apologies | author | councillor | guest | present
    rule: str = ""



@dataclass(frozen=True)
class PlanElement:
    plan: str  # label of the plan ("Improvement Plan")
    span: Span
    workstream: str | None = None
    component: str | None = None
    responds_to: str | None = None  # inspection type notation the plan answers, if said
    board: bool = False  # an improvement board rather than a plan
    rule: str = ""



@dataclass(frozen=True)
class ConcernMention:
    concern: str
    span: Span
    rule: str = ""



@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    span: Span
    concern: str | None = None
    qualifier: str = "actual"
    rule: str = ""



@dataclass(frozen=True)
class Decision:
    kind: str  # resolution | recommendation | action
    text: str
    span: Span
    number: str | None = None
    owner: str | None = None  # post title responsible
    due: str | None = None
    rule: str = ""



Fact = (
    AuthorityMention
    | StatedAuthority
    | MeetingInfo
    | AgendaItem
    | Inspection
    | Intervention
    | Post
    | Person
    | PlanElement
    | ConcernMention
    | Figure
    | Decision
)
