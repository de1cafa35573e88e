"""Agenda items: number as printed, title with whitespace folded, truncation."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.common import span
from kg.extract.facts import AgendaItem
from kg.reading.document import Document
from kg.reading.segments import segments_of


def extract(doc: Document) -> Iterator[AgendaItem]:
    for it in segments_of(doc).items:
        yield AgendaItem(
            index=it.index,
            number=it.number,
            title=it.title,
            span=span(doc, it.title_start, it.title_end),
            start=it.start,
            end=it.end,
            truncated=it.truncated,
            rule="items.numbered" if it.number else "items.unnumbered",
        )
