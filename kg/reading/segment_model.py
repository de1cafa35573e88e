"""What the segmenter finds: agenda items, sections and blocks, with offsets into ``doc.text``."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

__all__ = ["Block", "Item", "Section", "Segments"]


@dataclass(frozen=True)
class Item:
    index: int
    number: str | None
    title: str
    title_start: int
    title_end: int
    start: int
    end: int
    truncated: bool


@dataclass(frozen=True)
class Section:
    kind: str  # minutes | resolved | recommended | action | summary | documents
    start: int  # start of the heading
    body_start: int  # first character after the heading word and its colon or dash
    end: int


@dataclass(frozen=True)
class Block:
    kind: str  # bullet | para
    start: int
    end: int
    marker: str | None


@dataclass(frozen=True)
class Segments:
    items: tuple[Item, ...]
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...]
    header_end: int  # text before the first item: meeting header, if any

    def item_at(self, offset: int) -> Item | None:
        starts = [i.start for i in self.items]
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and offset < self.items[k].end:
            return self.items[k]
        return None

    def section_at(self, offset: int) -> Section | None:
        found = None
        for s in self.sections:
            if s.start <= offset < s.end:
                found = s
        return found
