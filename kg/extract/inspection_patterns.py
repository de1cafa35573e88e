"""The phrase lexicon of kg.extract.inspections (inspectorates, inspection types, and the cues that
tell a reported inspection from a framework, a future plan or another setting's inspection), and the
sentence readers that apply it: mentions of inspections, visits listed by ordinal, and their dates."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from kg.extract.common import meeting_date, sentences
from kg.extract.dates import find_dates, month_number
from kg.reading.document import Document

_I = re.IGNORECASE
INSPECTORATE = re.compile(  # the lookahead lets the scan skip quickly past other letters
    r"(?=[CcOoHhEeRrSsIi])(?:(?P<ciw>\bC?SSIW\b|\bCIW\b|Care\s+(?:and\s+Social\s+Services\s+)?Inspectorate\s+(?:for\s+)?Wales)"
    r"|(?P<ofsted>\bOfsted\b|Office\s+for\s+Standards\s+in\s+Education)"
    r"|(?P<care_inspectorate>\bCare\s+Inspectorate\b)|(?P<cqc>\bCQC\b|Care\s+Quality\s+Commission)"
    r"|(?P<hmicfrs>\bHMIC(?:FRS)?\b|Inspectorate\s+of\s+Constabulary)"
    r"|(?P<hmip>\bHMIP\b|Inspectorate\s+of\s+Probation)|(?P<estyn>\bEstyn\b)"
    r"|(?P<rqia>\bRQIA\b|Regulation\s+and\s+Quality\s+Improvement\s+Authority))",
    _I,
)
LA = r"local\s+authorit(?:y|ies)(?:'s|s')?"
# Whose arrangements: "the local authority", "the Council's", "its", "Anytown's".
OWNER = rf"(?:the\s+)?(?:{LA}\s+|\w+(?:'s|s')\s+|its\s+)?"
ORD = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
TYPES: list[tuple[str, re.Pattern[str]]] = [
    (t, re.compile(p, _I)) for t, p in [
        ("protection-of-children", rf"inspection\s+of\s+{OWNER}arrangements\s+for\s+"
         r"(?:the\s+)?protection\s+of\s+children|arrangements\s+for\s+the\s+protection\s+of\s+children"
         rf"\s+inspection|(?<!joint\s)inspection\s+of\s+{OWNER}child\s+protection\s+(?:arrangements|services)"
         r"|(?<!joint\s)\bchild\s+protection\s+inspection"),
        ("looked-after-children", rf"inspection\s+of\s+{OWNER}(?:services\s+for\s+)?"
         r"(?:safeguarding\s+and\s+)?looked[\s-]+after\s+children(?:'s)?(?:\s+\(LAC\))?(?:\s+services)?"
         r"|(?:safeguarding\s+and\s+)?looked[\s-]+after\s+children(?:'s)?(?:\s+\(LAC\))?\s+(?:services\s+)?"
         r"inspection|\bLAC\s+inspection"),
        ("sif", r"(?:inspection\s+of\s+services\s+for\s+)?children\s+in\s+need\s+of\s+help\s+and\s+protection"
         r"(?:,?\s+children\s+looked\s+after\s+and\s+care\s+leavers)?|single\s+inspection\s+framework"
         r"(?:\s+\(SIF\))?(?:\s+inspection)?|single\s+inspection\b|\bSIF\b(?:\s+inspection)?"),
        ("ilacs", rf"(?:(?:full|standard|short)\s+)?\bILACS?\b(?:\s+inspection)?|\b(?:short|standard)\s+"
         rf"inspection|inspect(?:ion|ing)\s+(?:of\s+)?{LA}\s+children'?s\s+(?:social\s+care\s+)?services?"),
        ("monitoring-visit", rf"(?:\b(?P<ord>{'|'.join(ORD)}|\d{{1,2}}(?:st|nd|rd|th))\s+)?(?:Ofsted\s+)?"
         r"monitoring\s+visit\b(?!s)"),
        ("focused-visit", r"\bfocus+ed\s+(?:(?:Ofsted|OFSTED)\s+)?(?:visit|inspection)\b(?!s)"),
        ("jtai", r"joint\s+targeted\s+area\s+inspection|\bJTAI\b"),
        ("lscb-review", r"review\s+of\s+(?:the\s+)?(?:effectiveness\s+of\s+(?:the\s+)?)?(?:[\w']+\s+){0,3}"
         r"safeguarding\s+children(?:'s)?\s+board|\bLSCB\s+review"),
        ("ciw-inspection", r"performance\s+evaluation\s+inspection|\b(?:improvement|assurance)\s+check\b|"
         r"joint\s+inspection\s+of\s+child\s+protection\s+arrangements|\bJICPA\b"),
    ]
]
VISITS = {"monitoring-visit", "focused-visit"}
UNGRADED = VISITS | {"jtai"}
OFSTED_ONLY = {t for t, _ in TYPES} - {"ciw-inspection"}
GENERIC = re.compile(r"(?<![\w-])(?:re-?)?inspection\b(?!-)|\binspected\b", _I)
FRAMEWORK_AFTER = re.compile(
    r"\s*(?:\(\w+\)\s*)?(?:[\w']+\s+)?(?:frameworks?|regime|handbook|methodology|guidance|criteria|cycle|"
    r"programme|readiness|preparation|self[\s-]*(?:evaluation|assessment)|annual\s+conversation|toolkit|"
    r"standards?)\b", _I)
UNDER = re.compile(r"\bunder\s+(?:the\s+)?(?:new\s+)?(?:ofsted'?s?\s+|its\s+)?$", _I)
FUTURE_BEFORE = re.compile(
    r"\b(?:next|future|forthcoming|upcoming|expected|anticipated|mock|pending|potential|possible|planned|"
    r"imminent|another|any|each|every|will(?!\s+(?:recall|remember|know|note|be\s+aware))|would|could|should|"
    r"might|prepar(?:e|es|ing|ation)\b|prepared\s+for|readiness|ready\s+for|"
    r"neighbour\w*|other|comparator)\b", _I)
FUTURE_AFTER = re.compile(r"[^.;]{0,40}\b(?:is|are)\s+(?:due|expected|scheduled|planned|likely)\b|"
                           r"[^.;]{0,30}\bwill\s+(?:take\s+place|be\s+(?:carried|undertaken|held))", _I)
# Inspections of something other than the authority's children's services.
SETTING = (r"(?:children'?s\s+homes?|schools?|academ(?:y|ies)|nurser(?:y|ies)|providers?|colleges?|"
            r"hospitals?|fostering\s+(?:agency|service)|adoption\s+(?:agency|service)|residential\s+\w+|secure\s+\w+|"
            r"care\s+homes?|GP|adults?'?\s+(?:social\s+)?(?:care|services)|older\s+people|domiciliary|SEND|"
            r"special\s+educational\s+needs|local\s+area|police|constabulary|prisons?|children'?s\s+centres?)\b")
SETTING_AFTER = re.compile(rf"\s*(?:[\w']+\s+)?(?:of|at|for|into)\s+(?:the\s+|a\s+|an\s+|its\s+|\w+'s\s+)?"
                            rf"(?:[\w']+\s+){{0,3}}?{SETTING}", _I)
SETTING_NEAR = re.compile(SETTING, _I)
SETTING_BEFORE = re.compile(rf"{SETTING}'?s?\s+(?:\w+\s+)?$", _I)
INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[\w']+\s+){0,2}$", _I)
MONTH_BEFORE = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                           r"December)\s+(?:(?:Ofsted|OFSTED)\s+)?$")
# "published on ...", and the date of a letter or report in its title: "inspection letter, 5 May 2019".
PUBLISHED = re.compile(
    r"\b(?:published|publication)\b[^.;]{0,25}$|\b(?:letter|report)\s*(?:,\s*|\s+dated\s+)$", _I)
NOT_FIELDWORK = re.compile(
    r"\b(?:by|until|before|since|after|from)\s+(?:the\s+)?$|\b(?:meeting|committee|panel|cabinet)\s+"
    r"(?:held\s+)?(?:on|of|in)\s+(?:the\s+)?(?:\w+day,?\s+)?$|\b(?:issued|served|imposed|dated|received|given)"
    r"\b[^.;]{0,40}$|\b(?:came|come|comes|coming)\s+into\s+(?:force|effect|operation)\s+(?:on|in|from)\s+"
    r"(?:the\s+)?$|\b(?:took|take|takes)\s+effect\s+(?:on|in|from)\s+(?:the\s+)?$", _I)
# "the inspection took place weeks before the Act came into force on ...": a date of something else.
ELSEWHEN = re.compile(r"\b(?:before|after|prior\s+to|ahead\s+of)\s+(?:the|a|an|its|their)\b", _I)
YEAR_OK_BEFORE = re.compile(r"\b(?:in|of|during)\s+$", _I)
YEAR_OK_AFTER = re.compile(r"\s+(?:[\w']+\s+)?(?:inspection|ILACS|SIF|monitoring|focused|Ofsted|C?SSIW|CIW)",
                            _I)
BREAK = re.compile(r";|\b(?:found|finding|identified|highlighted|showed|reported|published|publication|"
                    r"issued|notice|direction|meeting|committee|cabinet|since|compared|target|deadline|"
                    r"resolved|agreed|noted)\b", _I)
CLAUSE_BREAK = re.compile(r";|\b(?:issued|notice|direction|meeting)\b", _I)
FOCUS = re.compile(r"[^.;]{0,60}?\b(?:specifically\s+)?(?:focus+ed|focus+ing|looked|looking|considered|"
                    r"examined|reviewed)\s+(?:at|on|upon)?\s*(.+?)(?=\s+which\b|\s+where\b|,\s+(?:and\s+)?"
                    r"(?:inspectors|it|they|which|where|found)\b|[.;]|$)", _I)
J = r"(outstanding|good|requir(?:es|ing|ed|e)\s+improvement(?:\s+to\s+be\s+good)?|adequate|inadequate)\b"
JUDGEMENT = re.compile(
    rf"\b(?:rated|judged|graded)\s+(?:overall\s+)?(?:(?:as|to\s+be|to|at)\s+(?:being\s+)?)?['\"]?{J}"
    rf"|\b(?:found|assessed|deemed)\s+(?:overall\s+)?(?:as|to\s+be)\s+(?:being\s+)?['\"]?{J}"
    rf"|\b(?:rated|judged|graded)\s+(?:\w+(?:'s|s')?\s+){{1,5}}?(?:as|to\s+be)\s+['\"]?{J}"
    rf"|\bfound\s+(?:the\s+|its\s+)?(?:council'?s?\s+|authority'?s?\s+)?(?:[\w']+\s+){{0,2}}?services\s+"
    rf"(?:as|to\s+be)\s+(?:being\s+)?['\"]?{J}"
    rf"|\b(?:rated|judged|graded|found)\s+(?:the\s+)?overall\s+effectiveness\s+(?:of\s+(?:[\w']+\s+){{1,6}}?)?"
    rf"(?:as|to\s+be)\s+['\"]?{J}"
    rf"|\b(?:rated|judged)\s+(?:the\s+)?(?:council|authority|local\s+authority|it|them|us)\s+['\"]?{J}"
    rf"|\b(?:rated|judged|graded)\s+(?:[\w']+\s+){{1,4}}?['\"]{J}['\"]"
    rf"|\b(?:rated|judged)\s+(?:the\s+)?(?:[\w']+\s+)?services?\s+['\"]?{J}"
    rf"|\b(?:judge?ment|rating|grade|grading|effectiveness)\s*(?:of\s+(?:the\s+)?(?:[\w']+\s+){{1,3}}?"
    rf"(?=was|is|were|remains?))?(?:(?:of|was|as|is|being|remains?|were)\s+|:\s*)"
    rf"(?:judged\s+|rated\s+|as\s+)?['\"]?{J}"
    rf"|(?<![\w'])['\"]?{J}['\"]?\s+(?:overall\s+)?(?:judge?ment|rating|grade|outcome)"
    # "found that the Board required improvement", "found that services were inadequate"
    rf"|\bfound\s+that\s+(?:the\s+)?(?:[\w']+\s+){{1,4}}?(?:(?:was|were|is|are|remained|remains|"
    rf"(?:had|has|have)\s+been)\s+['\"]?{J}|(requir(?:es|ed)\s+improvement)\b)",
    _I,
)
J_OTHER = re.compile(r"\b(?:neighbour\w*|other|authorities|councils|comparator|statistical|those|"
                      r"nationally|national|england|regional|proportion|number|aim|ambition|aspir\w*|target|"
                      r"want|hope|strive|achiev\w*|would|could|should|might|(?-i:may)|if|become|becoming|move|"
                      r"moving|towards|until|will)\b|%|\bto\s+be\s+$", _I)
J_SUB = re.compile(r"\b(?:adoption|care\s+leavers?|leadership|leaders|children\s+in\s+care|children\s+looked"
                    r"\s+after|help\s+and\s+protection|experiences?|fostering|schools?|academy|providers?|"
                    r"homes?|partnership|board|LSCB)\b", _I)
J_SUB_AFTER = re.compile(r"\s*(?:for|in)\s+(?:its\s+|the\s+)?(?:adoption|care\s+leavers|leader|help)", _I)
J_YEAR = re.compile(r"\s*(?:judge?ment|rating)?\s*(?:of|in|from)\s+(20\d\d)\b", _I)
REPORTED = re.compile(r"\b(?:outcomes?|results?|findings?|report|letter|judge?ment|judged|rated|found|"
                       r"took\s+place|carried\s+out|undertaken|conducted|following|recent|received|published|response|"
                       r"recommendations?|areas?\s+for\s+(?:improvement|development))\b", _I)
# Cheap tests that a sentence may hold a mention, or a judgement or published date.
TRIGGER_CUE = re.compile(r"inspect|visit|ILAC|\bSIF\b|JTAI|JICPA|review|check|\bLAC\b|help\s+and\s+"
                          r"protection|protection\s+of\s+children|looked[\s-]+after", _I)
CUE = re.compile(rf"{TRIGGER_CUE.pattern}|rated|judged|graded|judge?ment|rating|grade|effectiveness|found|"
                  r"assessed|deemed|publi", _I)
# A bare "inspection" is of children's services only in a sentence that speaks of them.
CONTEXT = re.compile(r"\b(?:child\w*|social\s+(?:care|services|work\w*)|safeguarding|looked\s+after|"
                      r"care\s+leavers|council'?s\s+services|full\s+inspection)", _I)
BOARD = re.compile(r"\b(?:board|LSCB)\b", _I)
# Visits listed one by one: "Ofsted has made three monitoring visits:" then "- the first, on ...".
PLURAL_VISITS = re.compile(r"\b(?:(?:Ofsted|OFSTED)\s+)?(?P<kind>monitoring|focus+ed)\s+visits\b", _I)
_ORDINAL = rf"(?P<ord>{'|'.join(ORD)}|\d{{1,2}}(?:st|nd|rd|th))"
_ITEM_TAIL = (r"(?:\s+(?:(?:monitoring|focus+ed)\s+)?visit\b|\s+one\b)?"
              r"(?=\s*[,:(\-]|\s+(?:on|in|took|was|held|between|during|from|visit)\b)")
LIST_ITEM = re.compile(rf"\s*(?:[-*\u2022\u00b7\u25cf\u25aa]\s*|\(?(?:\d{{1,2}}|[a-z]|[ivx]{{1,4}})[.)]\s*)?"
                       rf"(?:the\s+)?{_ORDINAL}\b{_ITEM_TAIL}", _I)
INLINE_ITEM = re.compile(rf"\b(?:the\s+)?{_ORDINAL}\b{_ITEM_TAIL}", _I)


def ordinal_number(word: str) -> int:
    """1 for "first" or "1st"."""
    return ORD.index(word.lower()) + 1 if word.lower() in ORD else int(word[:-2])


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


def mentions_in(doc: Document, s: int, e: int, flat: str | None = None) -> list[Mention]:
    flat = doc.flat if flat is None else flat
    insp = [(m.start(), str(m.lastgroup).replace("_", "-")) for m in INSPECTORATE.finditer(flat, s, e)]
    raw: list[tuple[int, int, str | None, int | None, str]] = []
    for name, rx in TYPES:
        for m in rx.finditer(flat, s, e):
            if name == "lscb-review" and not re.search(r"inspection|ofsted|framework", flat[s:e], _I):
                continue
            o = m.groupdict().get("ord")
            ordinal = ordinal_number(o) if o else None
            raw.append((m.start(), m.end(), name, ordinal, "typed"))
    for m in GENERIC.finditer(flat, s, e):
        if not any(a <= m.start() < b + 3 for a, b, *_ in raw):
            raw.append((m.start(), m.end(), None, None, "generic"))
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
        inspectorate = min((abs(p - a), name) for p, name in insp)[1] if insp else None
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
        if not NOT_FIELDWORK.search(before) and not _later(first, meeting):
            fieldwork.append((a, b, first, last, inferred))
    used: set[int] = set()
    _gap = _Gaps(flat, min([s, *(m.end for m in ms)]), e)
    def _joined(x: int, y: int) -> bool:  # only words between: "2018 Ofsted inspection", not "2017, the"
        between = flat[x:y]
        return re.fullmatch(r"[\s\w']*", between) is not None and not re.search(r"\b(?:and|or)\b", between)

    for m in ms:  # the first date after the mention in its clause, else one just before it
        def clear(x: int, y: int, m: Mention = m) -> bool:
            return not BREAK.search(flat[x:y]) and not any(x <= o.pos < y for o in ms if o is not m)

        def owned(d: tuple[int, int, str, str | None, bool], m: Mention = m) -> bool:
            # "the 2019 focused visit": a date just before another mention is that mention's own
            return any(o is not m and not o.listed and 0 <= o.pos - d[1] <= 12 and _joined(d[1], o.pos)
                       for o in ms)

        after = [d for d in fieldwork if d[0] >= m.end and _gap(m.end, d[0]) <= 160
                 and clear(m.end, d[0]) and not ELSEWHEN.search(flat, m.end, d[0]) and not owned(d)]
        close = [d for d in fieldwork if d[1] <= m.pos and m.pos - d[1] <= 45 and clear(d[1], m.pos)]
        # "the 2018 Ofsted inspection": a year right before the mention is its own
        tight = [d for d in close if m.pos - d[1] <= 12 and _joined(d[1], m.pos)] if not m.listed else []
        pick = next((d for d in tight[::-1] + after + close[::-1] if d[0] not in used), None)
        if pick:
            used.add(pick[0])
            m.start, m.end_date, m.inferred = pick[2], pick[3], pick[4]
    return orphans
