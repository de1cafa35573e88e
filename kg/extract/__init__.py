"""The extractors, listed explicitly. Each is ``extract(doc) -> Iterator[Fact]`` and pure."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.extract import (
    authorities,
    concerns,
    decisions,
    figures,
    inspections,
    interventions,
    items,
    meeting,
    people,
    plans,
    posts,
)
from kg.extract.facts import Fact
from kg.reading.document import Document

Extractor = Callable[[Document], Iterable[Fact]]

EXTRACTORS: tuple[Extractor, ...] = (
    authorities.extract,
    items.extract,
    meeting.extract,
    posts.extract,
    people.extract,
    inspections.extract,
    interventions.extract,
    concerns.extract,
    figures.extract,
    plans.extract,
    decisions.extract,
)


def extract_all(doc: Document) -> list[Fact]:
    facts: list[Fact] = []
    for extractor in EXTRACTORS:
        facts.extend(extractor(doc))
    return facts
