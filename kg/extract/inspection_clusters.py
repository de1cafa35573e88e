"""The inspections that mentions speak of: clusters of mentions, found by date.

What clustering asks of every cluster at every mention is kept as mentions join, and dated
clusters are looked up by date, so that a document with many mentions costs time in proportion
to them rather than to their square (issue 11: linear time on every shape of text).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from kg.extract import inspection_mentions as mn


@dataclass
class Cluster:
    """Mentions of one inspection. What clustering asks of every cluster at every mention is
    kept up to date as mentions join (reading it off the mentions each time is quadratic)."""

    type: str
    inspectorate: str
    untyped: bool = False  # no mention names a type: it is inferred from the dates
    mentions: list[mn.Mention] = field(default_factory=list)
    ordinal: int | None = None  # the first mention's that has one
    start: str | None = None  # the most precise date (the first of the longest)
    first: int = 1 << 62  # the earliest position
    positions: list[int] = field(default_factory=list)  # sorted
    items: set[int] = field(default_factory=set)
    published: str | None = None  # the earliest publication

    def add(self, m: mn.Mention) -> None:
        self.mentions.append(m)
        if self.ordinal is None and m.ordinal:
            self.ordinal = m.ordinal
        if m.start and (self.start is None or len(m.start) > len(self.start)):
            self.start = m.start
        self.first = min(self.first, m.pos)
        bisect.insort(self.positions, m.pos)
        self.items.add(m.item)
        if m.published and (self.published is None or m.published < self.published):
            self.published = m.published

    def last_before(self, pos: int) -> int | None:
        i = bisect.bisect_left(self.positions, pos)
        return self.positions[i - 1] if i else None


class Clusters:
    """The clusters in the order they were made, with the dated ones also found by date: a
    dated mention looks up the clusters its date can match instead of reading every one."""

    def __init__(self) -> None:
        self.all: list[Cluster] = []
        self.order: dict[int, int] = {}  # id -> when made
        self.prefixed: dict[str, list[Cluster]] = {}  # each prefix (year, month, day) of a start
        self.exact: dict[str, list[Cluster]] = {}  # a start as it is now
        self.month: dict[str, list[Cluster]] = {}  # "-03" -> clusters that started in March

    def make(self, c: Cluster) -> Cluster:
        self.order[id(c)] = len(self.all)
        self.all.append(c)
        return c

    def join(self, c: Cluster, m: mn.Mention) -> None:
        before = c.start
        c.add(m)
        if c.start is not None and c.start != before:  # a start only grows more precise
            if before is not None:
                self.exact[before].remove(c)
            self.exact.setdefault(c.start, []).append(c)
            had = {before[:4], before[:7], before} if before else set()
            for key in {c.start[:4], c.start[:7], c.start} - had:
                self.prefixed.setdefault(key, []).append(c)
            if before is None or before[4:7] != c.start[4:7]:
                self.month.setdefault(c.start[4:7], []).append(c)

    def dated(self, start: str) -> list[Cluster]:
        """Clusters whose start is compatible with this date and set, in the order made."""
        found = {id(c): c for k in {start[:4], start[:7]} for c in self.exact.get(k, [])}
        found.update((id(c), c) for c in self.prefixed.get(start, []))
        return sorted(found.values(), key=lambda c: self.order[id(c)])

    def in_month(self, month: str) -> list[Cluster]:
        found = {id(c): c for c in self.month.get(month, []) if c.start and c.start[4:7] == month}
        return sorted(found.values(), key=lambda c: self.order[id(c)])

    def compatible(self, start: str | None) -> list[Cluster]:
        """Every cluster a mention of this date may join: those of a compatible date, and those
        of none, in the order made."""
        if start is None:
            return self.all
        return sorted([*self.dated(start), *(c for c in self.all if c.start is None)],
                      key=lambda c: self.order[id(c)]) if self.exact else self.all
