"""Concerns raised in minutes: each passage that discusses a topic of the concerns vocabulary.

A passage is a sentence of the body of an item (bullets included, markers left out). The meeting
header, item titles, headings, lists of documents and procedural items (apologies, declarations,
approval of the previous minutes) are not passages: a word there is a name, not a discussion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.common import sentences, span
from kg.extract.concern_cues import cues
from kg.extract.facts import ConcernMention
from kg.reading.document import Document
from kg.reading.segments import segments_of

# Leading list markers: bullets in any glyph, "(1)", "1)", "1.", "a)", "(iv)".
MARKER = re.compile(
    r"\s*(?:[\u00b7\u2022\u25cf\u25aa\u25a0\u2023\u2043\u2219\u00d8\u00a7\u27a2\u2713\u2714"
    r"\u25e6\uf0b7\uf0a7\uf0d8*>-]+\s*|o\s{2,}|o\s(?=[a-zA-Z])|\(?\d{1,3}[.)](?!\d)\s*"
    r"|\d{1,2}\.\d{1,2}\.?\s+(?=[A-Z])"  # a report's paragraph number: "2.1 Note the outcome"
    r"|\(\d{1,3}\)\s*|\(?[a-z]{1,2}\)\s+|\(?[ivx]{1,4}\)\s+|[ivx]{1,4}\.\s+|\(?[A-H][.)]\s+(?=[A-Z]))"
)
PROCEDURAL = re.compile(
    r"^\W*(?:apologies|declarations?|(?:approval\s+of\s+)?(?:the\s+)?minutes\b|urgent\s+"
    r"(?:items|business)|exclusion\s+of|date\s+of\s+(?:the\s+)?next|any\s+other\s+business|"
    r"chair(?:man)?'?s?\s+announcements|(?:public\s+)?questions\s+from|substitut)",
    re.IGNORECASE,
)
_FILE_LINE = re.compile(r"\b(?:PDF|DOCX?|XLSX?)\s+\d+\s*[KM]B\b|^\s*view\s+the\s+full", re.I)
# Who attended is not what was discussed.
_ATTENDANCE = re.compile(
    r"\s*(?:(?:members\s+)?present|also\s+(?:present|in\s+attendance)|in\s+attendance|attendance|"
    r"apologies(?:\s+for\s+absence)?|officers(?:\s+in\s+attendance)?|councillors|invitees|"
    r"contact|venue)\s*:",
    re.IGNORECASE,
)
_SMALL = {"and", "of", "the", "for", "to", "in", "on", "&", "a", "an", "at", "with", "by", "-"}


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    section: str | None  # kind of the section it sits in, if any
    bullet: bool


def _heading_like(text: str) -> bool:
    """A short line of title-case words without a verb's lower-case run: a heading or a name."""
    t = text.strip().rstrip(":")
    if not t or t.endswith((".", "?", ";")):
        return False
    words = re.findall(r"[A-Za-z][\w'-]*", t)
    if not words or len(words) > 14:
        return False
    if not re.search(r"[a-z]", t):
        return True
    return all(w[0].isupper() or w.lower() in _SMALL for w in words)


def passages(doc: Document) -> tuple[Passage, ...]:
    """Sentence-like passages of the body of each item, as offsets into doc.text.

    Cached per document: the concerns and figures extractors both walk them.
    """
    return _passages(doc)


@lru_cache(maxsize=16)
def _passages(doc: Document) -> tuple[Passage, ...]:
    return tuple(_walk(doc))


def _walk(doc: Document) -> Iterator[Passage]:
    seg = segments_of(doc)
    flat = doc.flat
    titles = [(it.title_start, it.title_end) for it in seg.items]
    skip_items = [(it.start, it.end) for it in seg.items if PROCEDURAL.match(it.title)]
    for b in seg.blocks:
        if b.start < seg.header_end:
            continue
        if any(s <= b.start < e or b.start <= s < b.end for s, e in titles):
            continue
        if any(s <= b.start < e for s, e in skip_items):
            continue
        sec = seg.section_at(b.start)
        kind = sec.kind if sec else None
        if kind == "documents":
            continue
        start = b.start
        if sec and sec.start == b.start:  # the heading line: its text after "Resolved -"
            start = sec.body_start
        m = MARKER.match(flat, start, b.end) if b.end > start else None
        bullet = bool(m and m.end() > start)
        if m:
            start = m.end()
        text = flat[start : b.end]
        if not text.strip() or _FILE_LINE.search(text) or _ATTENDANCE.match(text):
            continue
        if not bullet and _heading_like(text):
            continue
        for s, e in sentences(doc, start, b.end):
            if len(flat[s:e].strip()) > 2:
                yield Passage(s, e, kind, bullet)


def extract(doc: Document) -> Iterator[ConcernMention]:
    flat = doc.flat
    for p in passages(doc):
        seen: set[str] = set()
        for concept, _, _ in cues(flat[p.start : p.end]):
            if concept not in seen:
                seen.add(concept)
                where = "bullet" if p.bullet else (p.section or "prose")
                yield ConcernMention(concept, span(doc, p.start, p.end), f"concerns.cue_in_{where}")
