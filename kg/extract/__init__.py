"""The extractors, listed explicitly. Each is ``extract(doc) -> Iterator[Fact]`` and pure."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.document import Document
from kg.extract import authorities, items
from kg.facts import Fact

Extractor = Callable[[Document], Iterable[Fact]]

EXTRACTORS: tuple[Extractor, ...] = (
    authorities.extract,
    items.extract,
)


def extract_all(doc: Document) -> list[Fact]:
    facts: list[Fact] = []
    for extractor in EXTRACTORS:
        facts.extend(extractor(doc))
    return facts
