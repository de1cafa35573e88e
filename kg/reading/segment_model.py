"""What the segmenter finds: agenda items, sections and blocks, with offsets into ``doc.text``."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

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

    # Items, sections and blocks each come in order and do not overlap (the segmenter ends a
    # section where the next begins), so a position is looked up by bisection: asking every one
    # of them at every position was quadratic on pages of thousands of lines.

    @cached_property
    def _item_starts(self) -> list[int]:
        return [i.start for i in self.items]

    @cached_property
    def _section_starts(self) -> list[int]:
        return [s.start for s in self.sections]

    @cached_property
    def _block_ends(self) -> list[int]:
        return [b.end for b in self.blocks]

    def item_at(self, offset: int) -> Item | None:
        k = bisect.bisect_right(self._item_starts, offset) - 1
        if k >= 0 and offset < self.items[k].end:
            return self.items[k]
        return None

    def section_at(self, offset: int) -> Section | None:
        k = bisect.bisect_right(self._section_starts, offset) - 1
        if k >= 0 and offset < self.sections[k].end:
            return self.sections[k]
        return None

    def section_after(self, offset: int) -> Section | None:
        """The first section that starts after offset."""
        k = bisect.bisect_right(self._section_starts, offset)
        return self.sections[k] if k < len(self.sections) else None

    def blocks_in(self, start: int, end: int) -> Iterator[Block]:
        """The blocks that overlap [start, end), in order."""
        for k in range(bisect.bisect_right(self._block_ends, start), len(self.blocks)):
            b = self.blocks[k]
            if b.start >= end:
                break
            yield b
