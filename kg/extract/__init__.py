"""The extractors, listed explicitly. Each is ``extract(doc) -> Iterator[Fact]`` and pure.

They are imported on first use, not with the package: the graph and the endpoint import
kg.extract.keys and kg.extract.facts and need none of the extractors' grammars, which take over
a second and about 20 MB to load in each process of `kg serve`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.facts import Fact
    from kg.reading.document import Document

Extractor = Callable[["Document"], Iterable["Fact"]]


@lru_cache(maxsize=1)
def extractors() -> tuple[Extractor, ...]:
    """Every extractor, in the order they run."""
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

    return (
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
    for extractor in extractors():
        facts.extend(extractor(doc))
    return facts
