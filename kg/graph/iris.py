"""Stable IRIs: the same real thing gets the same IRI in every build."""

from __future__ import annotations

import re

from kg.extract.keys import post_key, slug
from kg.graph.ns import ID, VOCAB

__all__ = ["post_key", "slug"]  # keys come from extraction; IRIs are built on them

def document(sha256: str) -> str:
    return f"{ID}document/{sha256}"


def authority(gss: str) -> str:
    return f"{ID}authority/{gss}"


def concept(scheme: str, notation: str) -> str:
    return f"{VOCAB}{scheme}/{notation}"


def scheme(name: str) -> str:
    return f"{VOCAB}{name}"


def meeting(sha256: str, gss: str | None, committee: str | None, date: str | None) -> str:
    if gss and committee and date:
        return f"{ID}meeting/{gss}/{slug(committee)}/{date}"
    return f"{ID}meeting/doc-{sha256[:16]}"


def item(meeting_iri: str, number: str | None, title: str) -> str:
    return f"{meeting_iri}/item/{slug(number) if number else slug(title, 60)}"


def unknown_authority(sha256: str) -> str:
    """The key of the council whose minutes a document is when the text never names it: scoped
    to the document, so that two unnamed councils' inspections, posts, people and plans are never
    merged."""
    return f"doc-{sha256[:16]}"


def inspection(gss: str, inspectorate: str, type_: str, start: str | None, ordinal: int | None) -> str:
    when = start or (f"visit-{ordinal}" if ordinal else "undated")
    return f"{ID}inspection/{gss}/{inspectorate}/{type_}/{when}"


def intervention(gss: str, body: str, kind: str, date: str | None) -> str:
    return f"{ID}intervention/{gss}/{body}/{kind}/{date or 'undated'}"


def post(gss: str, title: str) -> str:
    return f"{ID}post/{gss}/{post_key(title)}"


def person(gss: str, name: str) -> str:
    n = re.sub(r"^(cllr|councillor|mr|mrs|ms|miss|dr|prof(essor)?|sir|dame)\.?\s+", "", name, flags=re.I)
    return f"{ID}person/{gss}/{slug(n)}"


def plan(gss: str, label: str) -> str:
    return f"{ID}plan/{gss}/{slug(label)}"


def part(parent: str, label: str) -> str:
    return f"{parent}/{slug(label)}"


def in_document(kind: str, sha256: str, start: int, end: int, extra: str = "") -> str:
    tail = f"/{slug(extra)}" if extra else ""
    return f"{ID}{kind}/{sha256[:16]}/{start}-{end}{tail}"


def quote(sha256: str, start: int, end: int) -> str:
    """The words at [start, end) of a document: its IRI with an RFC 5147 fragment, so that the
    quote names its document and offsets by itself (no oa:hasSource statement is needed)."""
    return f"{document(sha256)}#char={start},{end}"


def quote_document(quote_iri: str) -> str:
    """The IRI of the document a quote's IRI names (the part before its fragment)."""
    return quote_iri.partition("#")[0]


def official_record(gss: str, start: str) -> str:
    """An inspection as Ofsted's published record has it (kept apart from what minutes say)."""
    return f"{ID}ofsted-record/{gss}/{start}"
