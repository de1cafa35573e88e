"""The dates of the inspections a sentence mentions: fieldwork and published dates, read against
the meeting date or the latest date before them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate

from kg.extract.common import meeting_date
from kg.extract.dates import find_dates
from kg.extract.inspection_mentions import (
    Mention,
)
from kg.extract.inspection_phrases import (
    BREAK,
    CLAUSE_BREAK,
    ELSEWHEN,
    INSPECTORATE,
    NOT_FIELDWORK,
    PUBLISHED,
    YEAR_OK_AFTER,
    YEAR_OK_BEFORE,
)
from kg.reading.document import Document


def _nearest(ms: list[Mention], a: int, b: int, flat: str, back: int, ahead: int,
             brk: re.Pattern[str]) -> Mention | None:
    before = [m for m in ms if m.end <= a and a - m.end <= back and not brk.search(flat[m.end : a])]
    if before:
        return max(before, key=lambda m: m.end)
    after = [m for m in ms if m.pos >= b and m.pos - b <= ahead and not brk.search(flat[b : m.pos])]
    return min(after, key=lambda m: m.pos) if after else None


@lru_cache(maxsize=64)
def year_dates(doc: Document) -> tuple[tuple[int, str], ...]:
    """(offset, ISO date) of every date in the text that gives its year, to the month at least."""
    out = []
    for d in find_dates(doc.flat):
        iso = d.resolve()[0] if not d.year_missing else None
        if iso:
            out.append((d.start, iso))
    return tuple(out)


def anchor_before(doc: Document, pos: int) -> str | None:
    """The nearest date before pos that gives its year: where a narrative without a meeting date
    stands when it names a day without one ("since the January 2016 meeting: ... on 12 April").
    A day read against the latest date in the text cannot fall before it."""
    prior = [iso for p, iso in year_dates(doc) if p < pos]
    return prior[-1] if prior else None


def _later(date: str, than: str | None) -> bool:
    n = min(len(date), len(than or ""))
    return bool(than) and date[:n] > (than or "")[:n]


class _Gaps:
    """Characters between two offsets of a sentence, not counting the names of inspectorates
    ("carried out by Ofsted, the Care Quality Commission and HM Inspectorate of Probation
    between ..."). The names are found once per sentence, not once per pair of offsets."""

    def __init__(self, flat: str, a: int, b: int) -> None:
        found = [(m.start(), m.end()) for m in INSPECTORATE.finditer(flat, a, b)]
        self.starts = [x for x, _ in found]
        self.ends = [y for _, y in found]
        self.total = [0, *accumulate(y - x for x, y in found)]

    def __call__(self, a: int, b: int) -> int:
        if b - a <= 160:
            return b - a
        i, j = bisect_left(self.starts, a), bisect_right(self.ends, b)
        return b - a - (self.total[j] - self.total[i] if j > i else 0)


def read_dates(doc: Document, s: int, e: int, ms: list[Mention], ref: str | None,
               text: str | None = None) -> list[str]:
    """Give each mention in the sentence its fieldwork and published dates; return orphan published.

    A date after the meeting is a plan ("a report back in March"), not the fieldwork of an inspection
    the minutes report on."""
    flat, orphans, meeting = doc.flat if text is None else text, [], meeting_date(doc)
    fieldwork: list[tuple[int, int, str, str | None, bool]] = []
    mention_starts = sorted(m.pos for m in ms)
    for d in find_dates(flat[s:e], years=True):
        a, b = s + d.start, s + d.end
        before = flat[max(s, a - 45) : a]
        if d.first[1] is None and not (YEAR_OK_BEFORE.search(before) or YEAR_OK_AFTER.match(flat, b, e)):
            continue
        first, last, inferred = d.resolve(ref)
        anchor = anchor_before(doc, a) if d.year_missing and not meeting else None
        if anchor and anchor != ref and (first is None or first < anchor):
            # without a meeting date, a day named after "since the January 2016 meeting" is later
            first, last, inferred = d.resolve(None, anchor)
        if first is None:
            continue
        if PUBLISHED.search(before):
            m = _nearest(ms, a, b, flat, 200, 80, CLAUSE_BREAK)
            if m is None:
                orphans.append(first)
            elif m.published is None:
                m.published = first
            continue
        # "actions from the September 2022 focused visit": a date that names the visit after it
        k = bisect_left(mention_starts, b)
        gap = flat[b : mention_starts[k]] if k < len(mention_starts) else "."
        names_next = re.fullmatch(r"[ \t]{1,3}(?:[A-Z]\w+[ \t]{1,3})?", gap) is not None  # "... Ofsted visit"
        if (names_next or not NOT_FIELDWORK.search(before)) and not _later(first, meeting):
            fieldwork.append((a, b, first, last, inferred))
    used: set[int] = set()
    _gap = _Gaps(flat, min([s, *(m.end for m in ms)]), e)
    def _joined(x: int, y: int) -> bool:  # only words between: "2018 Ofsted inspection", not "2017, the"
        between = flat[x:y]
        return re.fullmatch(r"[\s\w']*", between) is not None and not re.search(r"\b(?:and|or)\b", between)

    d_starts, d_ends = [d[0] for d in fieldwork], [d[1] for d in fieldwork]  # in text order
    by_pos = sorted(ms, key=lambda o: o.pos)
    starts = [o.pos for o in by_pos]
    # "the 2019 focused visit": a date just before a mention is that mention's own
    owner: dict[int, Mention] = {}
    for a, b, *_ in fieldwork:
        k = bisect_left(starts, b)
        if k < len(by_pos) and starts[k] - b <= 12 and not by_pos[k].listed and _joined(b, starts[k]):
            owner[a] = by_pos[k]

    def others_between(x: int, y: int, m: Mention) -> bool:
        inside = bisect_left(starts, y) - bisect_left(starts, x)
        return inside - int(x <= m.pos < y) > 0

    for m in ms:  # the first date after the mention in its clause, else one just before it
        def clear(x: int, y: int, m: Mention = m) -> bool:
            return not BREAK.search(flat[x:y]) and not others_between(x, y, m)

        def owned(d: tuple[int, int, str, str | None, bool], m: Mention = m) -> bool:
            return owner.get(d[0], m) is not m

        after = []
        for fw in fieldwork[bisect_left(d_starts, m.end) :]:
            # each test only fails more as dates lie further on: stop at the first that fails
            if _gap(m.end, fw[0]) > 160 or not clear(m.end, fw[0]) or ELSEWHEN.search(flat, m.end, fw[0]):
                break
            if not owned(fw):
                after.append(fw)
        near = fieldwork[bisect_left(d_ends, m.pos - 45) : bisect_right(d_ends, m.pos)]
        close = [fw for fw in near if clear(fw[1], m.pos)]
        # "the 2018 Ofsted inspection": a year right before the mention is its own
        tight = [fw for fw in close if m.pos - fw[1] <= 12 and _joined(fw[1], m.pos)] if not m.listed else []
        pick = next((fw for fw in tight[::-1] + after + close[::-1] if fw[0] not in used), None)
        if pick:
            used.add(pick[0])
            m.start, m.end_date, m.inferred = pick[2], pick[3], pick[4]
    return orphans
