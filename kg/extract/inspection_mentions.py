"""Mentions of inspections in a sentence (typed, named or generic), visits listed by ordinal
("the first, on ..."), and sentences of PDF text joined up again across page footers."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.common import Spans, sentences
from kg.extract.dates import month_number
from kg.extract.inspection_phrases import (
    FRAMEWORK_AFTER,
    FUTURE_AFTER,
    FUTURE_BEFORE,
    GENERIC,
    INLINE_ITEM,
    INSPECTORATE,
    LIST_ITEM,
    MONTH_BEFORE,
    OFSTED_ONLY,
    PLURAL_VISITS,
    SETTING_AFTER,
    SETTING_BEFORE,
    SETTING_NEAR,
    TYPES,
    UNDER,
    VISITS,
    ordinal_number,
)
from kg.reading.document import Document

_I = re.IGNORECASE


@dataclass
class Mention:
    pos: int
    end: int
    sent: tuple[int, int]
    kind: str  # typed | named | generic
    type: str | None
    inspectorate: str | None
    ordinal: int | None = None
    start: str | None = None
    end_date: str | None = None
    inferred: bool = False
    month: int | None = None
    published: str | None = None
    judgement: str | None = None
    overall: bool = False
    focus: str | None = None
    item: int = -1
    fallback: str | None = None  # the inspectorate the item speaks of, if the sentence names none
    listed: bool = False  # "the second, on ...": an item of a list of visits


@dataclass
class VisitList:
    """Visits spoken of in the plural, then listed by ordinal: "the first, on ...", "the second, ..."."""

    type: str
    inspectorate: str
    next: int = 1
    until: int = 0  # the list is over if no item follows by here

    def item(self, m: re.Match[str], s: int, e: int) -> Mention | None:
        if ordinal_number(m.group("ord")) != self.next:
            return None
        self.next, self.until = self.next + 1, e + 600
        return Mention(m.start("ord"), m.end(), (s, e), "typed", self.type, self.inspectorate, self.next - 1,
                        listed=True)


Listed = tuple[list[Mention], VisitList | None]


def listed_visits(flat: str, s: int, e: int, open_list: VisitList | None) -> Listed:
    """Mentions of visits that are items of a list, and the list still open after this sentence."""
    out: list[Mention] = []
    if open_list and s <= open_list.until and (m := LIST_ITEM.match(flat, s, e)):
        out += [x for x in [open_list.item(m, s, e)] if x]
    plural = PLURAL_VISITS.search(flat, s, e)
    if plural and not FUTURE_BEFORE.search(clause_before(flat, plural.start(), s, 40)):
        named = {str(x.lastgroup) for x in INSPECTORATE.finditer(flat, s, e)}
        if named <= {"ofsted"}:
            kind = "monitoring-visit" if plural.group("kind").lower() == "monitoring" else "focused-visit"
            open_list = VisitList(kind, "ofsted", until=e + 600)
            for m in INLINE_ITEM.finditer(flat, plural.end(), e):
                out += [x for x in [open_list.item(m, s, e)] if x]
    return out, open_list



# A page footer that interrupts a sentence in text taken from a PDF: the sentence stops without its
# full stop, blank lines, footer lines (a page number, "Page 2 of 4", a running title with a date like
# "22.06.16", a form feed), and it goes on in lower case.
_FOOTER_LINE = (r"[ \t\x0c]*(?:\d{1,4}|Page\s+\d+(?:\s+of\s+\d+)?"
                r"|[^\n]{0,100}?\b\d{1,2}[./]\d{1,2}[./]\d{2,4}"
                r"|[^\n]{0,100}?\bPage\s+\d+(?:\s+of\s+\d+)?)?[ \t\x0c]*\n")
FOOTER = re.compile(rf"(?<=[A-Za-z,])[ \t]*\n(?:{_FOOTER_LINE}){{1,8}}[ \t\x0c]*(?=[a-z])")


@lru_cache(maxsize=64)
def unfooted(doc: Document) -> tuple[str, tuple[tuple[int, int], ...]]:
    """doc.flat with page footers inside sentences blanked (same length), and where they were."""
    flat = doc.flat
    gaps = tuple((m.start(), m.end()) for m in FOOTER.finditer(flat)
                 if re.search(r"\S", flat[m.start() : m.end()]))
    if not gaps:
        return flat, gaps
    out = list(flat)
    for a, b in gaps:
        out[a:b] = " " * (b - a)
    return "".join(out), gaps


def joined_sentences(doc: Document) -> list[tuple[int, int]]:
    """Sentences of doc.flat, with a sentence that a page footer interrupts joined up again."""
    _, gaps = unfooted(doc)
    pieces = list(sentences(doc))
    if not gaps:
        return pieces
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        if any(a <= s and e <= b for a, b in gaps):
            continue  # the footer itself
        if out and any(abs(out[-1][1] - a) <= 2 and abs(s - b) <= 2 for a, b in gaps):
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


def clause_before(flat: str, pos: int, lo: int, width: int) -> str:
    text = flat[max(lo, pos - width) : pos]
    cut = max(text.rfind(c) for c in ".;:!?")
    return text[cut + 1 :]


def _nearest(insp: list[tuple[int, str]], a: int) -> str | None:
    """The inspectorate named nearest to position a (the earlier one on a tie): min((|p - a|,
    name)) over the sorted positions, by bisection instead of over every one."""
    i = bisect.bisect_left(insp, (a, ""))
    near = insp[max(0, i - 1) : i + 1]
    return min((abs(p - a), name) for p, name in near)[1] if near else None


def mentions_in(doc: Document, s: int, e: int, flat: str | None = None) -> list[Mention]:
    flat = doc.flat if flat is None else flat
    insp = [(m.start(), str(m.lastgroup).replace("_", "-")) for m in INSPECTORATE.finditer(flat, s, e)]
    raw: list[tuple[int, int, str | None, int | None, str]] = []
    inspection_talk: bool | None = None  # asked once per sentence, when an LSCB review is named
    for name, rx in TYPES:
        for m in rx.finditer(flat, s, e):
            if name == "lscb-review" and inspection_talk is None:
                inspection_talk = bool(re.search(r"inspection|ofsted|framework", flat[s:e], _I))
            if name == "lscb-review" and not inspection_talk:
                continue
            o = m.groupdict().get("ord")
            ordinal = ordinal_number(o) if o else None
            raw.append((m.start(), m.end(), name, ordinal, "typed"))
    in_typed = Spans([(a, b + 3) for a, b, *_ in raw])
    generic_reach = -1
    for m in GENERIC.finditer(flat, s, e):
        # inside a phrase already found, or just after it: a typed one, or the generic phrase
        # found last (they come in order)
        if not in_typed(m.start()) and generic_reach <= m.start():
            raw.append((m.start(), m.end(), None, None, "generic"))
            generic_reach = m.end() + 3
    raw.sort(key=lambda r: r[:2])
    # "ILACS focused visit": a typed phrase that only qualifies the next one
    nxt = [*raw[1:], (len(flat) + 9, 0, None, None, "")] if raw else []
    raw = [r for r, n in zip(raw, nxt, strict=True) if not (n[2] and r[2] != n[2] and n[0] - r[1] <= 3)]
    has_visit = any(t in VISITS for _, _, t, _, _ in raw)
    out: list[Mention] = []
    for a, b, t, ordinal, kind in raw:
        text, before = flat[a:b], clause_before(flat, a, s, 30)
        low = text.lower()
        talk = FRAMEWORK_AFTER.match(flat, b) or ("framework" in low and not low.endswith("inspection"))
        # "... Children's Services Framework (ILACS)": the framework's acronym, not an inspection
        talk = talk or bool(re.search(r"\bframework\s*\($", flat[max(s, a - 15) : a], _I))
        if talk and (has_visit or not UNDER.search(flat[max(s, a - 30) : a])):
            continue
        if FUTURE_BEFORE.search(before) or FUTURE_AFTER.match(flat, b, e):
            continue
        if SETTING_AFTER.match(flat, b, e) or SETTING_BEFORE.search(flat[max(s, a - 40) : a]):
            continue
        explicit = re.search(r"ILAC|SIF|JTAI|children|protection|looked|targeted|evaluation", text, _I)
        if not explicit and SETTING_NEAR.search(clause_before(flat, a, s, 80)):  # "the home was inspected"
            continue
        if low == "inspected" and not (insp or re.search(r"\b(?:was|were|been)\s+(?:last\s+)?$", before, _I)):
            continue
        inspectorate = _nearest(insp, a)
        if t in OFSTED_ONLY and inspectorate == "ciw":
            t = "ciw-inspection"
        elif t in OFSTED_ONLY:
            inspectorate = "ofsted"
        elif t == "ciw-inspection":
            inspectorate = "ciw"
        if kind == "generic" and inspectorate:
            kind = "named"
        out.append(Mention(a, b, (s, e), kind, t, inspectorate, ordinal))
        mb = MONTH_BEFORE.search(flat[max(s, a - 25) : a])
        out[-1].month = month_number(mb.group(1)) if mb else None
    return out
