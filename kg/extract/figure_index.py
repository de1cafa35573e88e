"""What the numbers of one passage ask about the text before them (sentence and clause bounds,
unit nouns, concern cues), found once per passage and looked up by bisection, so that the work
per number stays constant however long the passage (a 400-row table)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from kg.extract.concern_cues import cues
from kg.extract.figure_words import (
    BACK,
    CASELOAD,
    CLAUSE_MARK,
    FIG_CUES,
    GENERIC,
    SENTENCE_END,
    UNIT_NOUNS,
    WAIT,
)


def search_back(rx: re.Pattern[str], text: str, s: int) -> re.Match[str] | None:
    """rx.search(text[:s]) for a pattern anchored at the end ($), reading a bounded window."""
    return rx.search(text, max(0, s - BACK), s)


class PassageIndex:
    """What the numbers of one passage ask about the text before them, found once per passage
    and looked up by bisection (asking each number to search its whole prefix is quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentence_ends = [m.end() for m in SENTENCE_END.finditer(text)]
        self.marks = [m.start() for m in CLAUSE_MARK.finditer(text)]
        caseloads = list(CASELOAD.finditer(text))
        self.caseload_starts = [m.start() for m in caseloads]
        self.caseload_ends = [m.end() for m in caseloads]
        self.nouns = {u: [(m.end(), m.group()) for m in rx.finditer(text)] for u, rx in UNIT_NOUNS}
        self.noun_ends = {u: [e for e, _ in found] for u, found in self.nouns.items()}
        found = [(c, a, b) for c, a, b in cues(text)]
        found += [(c, m.start(), m.end()) for c, rx in FIG_CUES for m in rx.finditer(text)]
        self.found = found
        self.found_starts = sorted((c[1], i) for i, c in enumerate(found))
        self.longest = max((c[2] - c[1] for c in found), default=0)
        wait = WAIT.search(text)
        self.wait_end = wait.end() if wait else len(text) + 1

    def sentence_start(self, s: int) -> int:
        """Where the sentence holding offset s starts: after the last full stop (or ; ! ?)."""
        i = bisect_right(self.sentence_ends, s)
        return self.sentence_ends[i - 1] if i else 0

    def caseload_between(self, a: int, s: int) -> bool:
        """A caseload word within text[a:s]."""
        i = bisect_left(self.caseload_starts, a)
        return i < len(self.caseload_starts) and self.caseload_ends[i] <= s

    def last_noun(self, s: int) -> tuple[int, str, str] | None:
        """(end, unit, phrase) of the last unit noun that ends by s, as max() over them all."""
        best: tuple[int, str, str] | None = None
        for unit, ends in self.noun_ends.items():
            i = bisect_right(ends, s)
            if i:
                cand = (ends[i - 1], unit, self.nouns[unit][i - 1][1])
                best = cand if best is None or cand > best else best
        return best

    def clause(self, s: int, e: int) -> tuple[int, int]:
        """The clause around text[s:e]: after the last , or ; before it, to the next one after."""
        i = bisect_left(self.marks, s)
        a = self.marks[i - 1] + 1 if i else 0
        j = bisect_left(self.marks, e)
        b = self.marks[j] if j < len(self.marks) else len(self.text)
        return a, b

    def cues_within(self, a: int, b: int) -> list[tuple[str, int, int]]:
        """The cues inside text[a:b], in their original order."""
        lo = bisect_left(self.found_starts, (a, -1))
        hi = bisect_left(self.found_starts, (b, -1))
        idx = sorted(i for _, i in self.found_starts[lo:hi] if self.found[i][2] <= b)
        return [self.found[i] for i in idx]

    def nearest(self, a: int, b: int, s: int, e: int, reach: int = 240) -> str | None:
        """nearest_cue(self.cues_within(a, b), s, e), reading only the cues near s when one of them
        is within reach: every cue further away is further than that one."""
        lo = bisect_left(self.found_starts, (max(a, s - reach - self.longest), -1))
        hi = bisect_left(self.found_starts, (min(b, e + reach + 1), -1))
        idx = sorted(i for _, i in self.found_starts[lo:hi] if self.found[i][2] <= b)
        near = [self.found[i] for i in idx]
        if near and min(cue_distance(c, s, e) for c in near) <= reach:
            return nearest_cue(near, s, e)
        return nearest_cue(self.cues_within(a, b), s, e)


def inside(spans: list[tuple[int, int]], starts: list[int], s: int) -> bool:
    """s within one of the sorted, non-overlapping spans."""
    i = bisect_right(starts, s)
    return bool(i) and s < spans[i - 1][1]



def cue_distance(c: tuple[str, int, int], s: int, e: int) -> int:
    d = s - c[2] if c[2] <= s else max(c[1] - e, 0)
    return d + (40 if c[0] in GENERIC else 0)


def nearest_cue(found: Sequence[tuple[str, int, int]], s: int, e: int) -> str | None:
    if not found:
        return None
    return min(found, key=lambda c: cue_distance(c, s, e))[0]

