"""Helpers shared by extractors: spans, sentences, and document context."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from kg.extract.dates import all_dates
from kg.extract.facts import Span
from kg.reading.document import Document
from kg.reading.segments import segments_of

_SENT_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'(]?[A-Z0-9\u2022\u00b7])|\n\s*\n|\n(?=\s*\S)")


def span(doc: Document, start: int, end: int) -> Span:
    """A span trimmed of surrounding whitespace; its quote is the exact original text."""
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def sentences(doc: Document, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Sentence-like pieces of ``doc.flat`` (hard wraps already joined), as offsets."""
    flat = doc.flat
    end = len(flat) if end is None else end
    pos = start
    for m in _SENT_END.finditer(flat, start, end):
        if m.start() > pos and flat[pos : m.start()].strip():
            yield pos, m.start()
        pos = m.end()
    if pos < end and flat[pos:end].strip():
        yield pos, end


@lru_cache(maxsize=64)
def meeting_date(doc: Document) -> str | None:
    """The meeting's day as its header gives it ("Meeting: 15/06/2023 - Cabinet" too), else the
    first full date (day, month, year) of the header, if the document has one."""
    from kg.extract import meeting  # the header's grammar lives there; it needs nothing of ours

    info = next(meeting.extract(doc), None)
    if info and info.date and len(info.date) == 10:
        return info.date
    dates = all_dates(doc.flat[: max(segments_of(doc).header_end, 0)])
    return dates[0][2] if dates else None


@lru_cache(maxsize=64)
def reference_date(doc: Document) -> str | None:
    """The meeting's date if the header gives one, else the latest full date in the text."""
    if found := meeting_date(doc):
        return found
    every = [d for _, _, d in all_dates(doc.flat)]
    return max(every) if every else None


def fold(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


class Spans:
    """Whether a position lies in any of some spans: by bisection over their starts, with the
    farthest end reached so far (asking every span at every position was quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))

    def __call__(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos)
        return k > 0 and self.reach[k - 1] > pos
