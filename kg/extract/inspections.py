"""Inspections and visits of the authority's children's services, one fact per inspection.

Mentions are found sentence by sentence: a typed phrase ("ILACS", "monitoring visit"), an
inspectorate's inspection ("Ofsted inspection"), or a bare "the inspection". Dates, published
dates, judgements and a visit's focus are read next to the mention they belong to; then mentions
of the same inspection are merged, and a bare mention refers back to a typed one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.dates import find_dates, month_number
from kg.document import Document
from kg.extract.common import fold, reference_date, sentences, span
from kg.facts import Inspection

_I = re.IGNORECASE
_INSPECTORATE = re.compile(
    r"(?P<ciw>\bC?SSIW\b|\bCIW\b|Care\s+(?:and\s+Social\s+Services\s+)?Inspectorate\s+(?:for\s+)?Wales)"
    r"|(?P<ofsted>\bOfsted\b|Office\s+for\s+Standards\s+in\s+Education)"
    r"|(?P<care_inspectorate>\bCare\s+Inspectorate\b)|(?P<cqc>\bCQC\b|Care\s+Quality\s+Commission)"
    r"|(?P<hmicfrs>\bHMIC(?:FRS)?\b|Inspectorate\s+of\s+Constabulary)"
    r"|(?P<hmip>\bHMIP\b|Inspectorate\s+of\s+Probation)|(?P<estyn>\bEstyn\b)"
    r"|(?P<rqia>\bRQIA\b|Regulation\s+and\s+Quality\s+Improvement\s+Authority)",
    _I,
)
_LA = r"local\s+authorit(?:y|ies)(?:'s|s')?"
_ORD = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
_TYPES: list[tuple[str, re.Pattern[str]]] = [
    (t, re.compile(p, _I)) for t, p in [
        ("protection-of-children", rf"inspection\s+of\s+(?:the\s+)?(?:{_LA}\s+)?arrangements\s+for\s+"
         r"(?:the\s+)?protection\s+of\s+children|arrangements\s+for\s+the\s+protection\s+of\s+children"
         r"\s+inspection"),
        ("looked-after-children", rf"inspection\s+of\s+(?:the\s+)?(?:{_LA}\s+)?(?:services\s+for\s+)?"
         r"(?:safeguarding\s+and\s+)?looked[\s-]+after\s+children(?:'s)?(?:\s+\(LAC\))?(?:\s+services)?"
         r"|(?:safeguarding\s+and\s+)?looked[\s-]+after\s+children(?:'s)?(?:\s+\(LAC\))?\s+(?:services\s+)?"
         r"inspection|\bLAC\s+inspection"),
        ("sif", r"(?:inspection\s+of\s+services\s+for\s+)?children\s+in\s+need\s+of\s+help\s+and\s+protection"
         r"(?:,?\s+children\s+looked\s+after\s+and\s+care\s+leavers)?|single\s+inspection\s+framework"
         r"(?:\s+\(SIF\))?(?:\s+inspection)?|single\s+inspection\b|\bSIF\b(?:\s+inspection)?"),
        ("ilacs", rf"(?:(?:full|standard|short)\s+)?\bILACS?\b(?:\s+inspection)?|\b(?:short|standard)\s+"
         rf"inspection|inspect(?:ion|ing)\s+(?:of\s+)?{_LA}\s+children'?s\s+(?:social\s+care\s+)?services?"),
        ("monitoring-visit", rf"(?:\b(?P<ord>{'|'.join(_ORD)}|\d{{1,2}}(?:st|nd|rd|th))\s+)?(?:Ofsted\s+)?"
         r"monitoring\s+visit\b(?!s)"),
        ("focused-visit", r"\bfocus+ed\s+visit\b(?!s)"),
        ("jtai", r"joint\s+targeted\s+area\s+inspection|\bJTAI\b"),
        ("lscb-review", r"review\s+of\s+(?:the\s+)?(?:effectiveness\s+of\s+(?:the\s+)?)?(?:[\w']+\s+){0,3}"
         r"safeguarding\s+children(?:'s)?\s+board|\bLSCB\s+review"),
        ("ciw-inspection", r"performance\s+evaluation\s+inspection|\b(?:improvement|assurance)\s+check\b|"
         r"joint\s+inspection\s+of\s+child\s+protection\s+arrangements|\bJICPA\b"),
    ]
]
_VISITS = {"monitoring-visit", "focused-visit"}
_OFSTED_ONLY = {t for t, _ in _TYPES} - {"ciw-inspection"}
_GENERIC = re.compile(r"(?<![\w-])(?:re-?)?inspection\b(?!-)|\binspected\b", _I)
_FRAMEWORK_AFTER = re.compile(
    r"\s*(?:\(\w+\)\s*)?(?:[\w']+\s+)?(?:frameworks?|regime|handbook|methodology|guidance|criteria|cycle|"
    r"programme|readiness|preparation|self[\s-]*(?:evaluation|assessment)|annual\s+conversation|toolkit|"
    r"standards?)\b", _I)
_UNDER = re.compile(r"\bunder\s+(?:the\s+)?(?:new\s+)?(?:ofsted'?s?\s+|its\s+)?$", _I)
_FUTURE_BEFORE = re.compile(
    r"\b(?:next|future|forthcoming|upcoming|expected|anticipated|mock|pending|potential|possible|planned|"
    r"imminent|another|any|each|every|will|would|could|should|might|prepar\w*|readiness|ready\s+for|"
    r"neighbour\w*|other|comparator)\b", _I)
_FUTURE_AFTER = re.compile(r"[^.;]{0,40}\b(?:is|are)\s+(?:due|expected|scheduled|planned|likely)\b|"
                           r"[^.;]{0,30}\bwill\s+(?:take\s+place|be\s+(?:carried|undertaken|held))", _I)
# Inspections of something other than the authority's children's services.
_SETTING = (r"(?:children'?s\s+homes?|schools?|academ(?:y|ies)|nurser(?:y|ies)|providers?|colleges?|"
            r"hospitals?|fostering\s+(?:agency|service)|adoption\s+(?:agency|service)|residential\s+\w+|secure\s+\w+|"
            r"care\s+homes?|GP|adults?'?\s+(?:social\s+)?(?:care|services)|older\s+people|domiciliary|SEND|"
            r"special\s+educational\s+needs|local\s+area|police|constabulary|prisons?|children'?s\s+centres?)\b")
_SETTING_AFTER = re.compile(rf"\s*(?:[\w']+\s+)?(?:of|at|for|into)\s+(?:the\s+|a\s+|an\s+|its\s+|\w+'s\s+)?"
                            rf"(?:[\w']+\s+){{0,3}}?{_SETTING}", _I)
_SETTING_NEAR = re.compile(_SETTING, _I)
_SETTING_BEFORE = re.compile(rf"{_SETTING}'?s?\s+(?:\w+\s+)?$", _I)
_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[\w']+\s+){0,2}$", _I)
_MONTH_BEFORE = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                           r"December)\s+(?:(?:Ofsted|OFSTED)\s+)?$")
_PUBLISHED = re.compile(r"\b(?:published|publication)\b[^.;]{0,25}$", _I)
_NOT_FIELDWORK = re.compile(
    r"\b(?:by|until|before|since|after|from)\s+(?:the\s+)?$|\b(?:meeting|committee|panel|cabinet)\s+"
    r"(?:held\s+)?(?:on|of|in)\s+(?:the\s+)?(?:\w+day,?\s+)?$|\b(?:issued|served|imposed|dated|received|given)"
    r"\b[^.;]{0,40}$", _I)
_YEAR_OK_BEFORE = re.compile(r"\b(?:in|of|during)\s+$", _I)
_YEAR_OK_AFTER = re.compile(r"\s+(?:[\w']+\s+)?(?:inspection|ILACS|SIF|monitoring|focused|Ofsted|C?SSIW|CIW)",
                            _I)
_BREAK = re.compile(r";|\b(?:found|finding|identified|highlighted|showed|reported|published|publication|"
                    r"issued|notice|direction|meeting|committee|cabinet|since|compared|target|deadline|"
                    r"resolved|agreed|noted)\b", _I)
_CLAUSE_BREAK = re.compile(r";|\b(?:issued|notice|direction|meeting)\b", _I)
_FOCUS = re.compile(r"[^.;]{0,60}?\b(?:specifically\s+)?(?:focus+ed|focus+ing|looked|looking|considered|"
                    r"examined|reviewed)\s+(?:at|on|upon)?\s*(.+?)(?=\s+which\b|\s+where\b|,\s+(?:and\s+)?"
                    r"(?:inspectors|it|they|which|where|found)\b|[.;]|$)", _I)
_J = r"(outstanding|good|requir(?:es|ing|ed|e)\s+improvement(?:\s+to\s+be\s+good)?|adequate|inadequate)\b"
_JUDGEMENT = re.compile(
    rf"\b(?:rated|judged|graded)\s+(?:overall\s+)?(?:(?:as|to\s+be|to|at)\s+(?:being\s+)?)?['\"]?{_J}"
    rf"|\b(?:found|assessed|deemed)\s+(?:overall\s+)?(?:as|to\s+be)\s+(?:being\s+)?['\"]?{_J}"
    rf"|\b(?:rated|judged|graded)\s+(?:\w+(?:'s|s')?\s+){{1,5}}?(?:as|to\s+be)\s+['\"]?{_J}"
    rf"|\b(?:rated|judged)\s+(?:the\s+)?(?:council|authority|local\s+authority|it|them|us)\s+['\"]?{_J}"
    rf"|\b(?:rated|judged|graded)\s+(?:[\w']+\s+){{1,4}}?['\"]{_J}['\"]"
    rf"|\b(?:rated|judged)\s+(?:the\s+)?(?:[\w']+\s+)?services?\s+['\"]?{_J}"
    rf"|\b(?:judge?ment|rating|grade|grading|effectiveness)\s*(?:of\s+(?:the\s+)?(?:[\w']+\s+){{1,3}}?"
    rf"(?=was|is|were|remains?))?(?:(?:of|was|as|is|being|remains?|were)\s+|:\s*)"
    rf"(?:judged\s+|rated\s+|as\s+)?['\"]?{_J}"
    rf"|(?<![\w'])['\"]?{_J}['\"]?\s+(?:overall\s+)?(?:judge?ment|rating|grade|outcome)",
    _I,
)
_J_OTHER = re.compile(r"\b(?:neighbour\w*|other|authorities|councils|comparator|statistical|those|"
                      r"nationally|national|england|regional|proportion|number|aim|ambition|aspir\w*|target|"
                      r"want|hope|strive|achiev\w*|would|could|should|might|(?-i:may)|if|become|becoming|move|"
                      r"moving|towards|until|will)\b|%|\bto\s+be\s+$", _I)
_J_SUB = re.compile(r"\b(?:adoption|care\s+leavers?|leadership|leaders|children\s+in\s+care|children\s+looked"
                    r"\s+after|help\s+and\s+protection|experiences?|fostering|schools?|academy|providers?|"
                    r"homes?|partnership|board|LSCB)\b", _I)
_J_SUB_AFTER = re.compile(r"\s*(?:for|in)\s+(?:its\s+|the\s+)?(?:adoption|care\s+leavers|leader|help)", _I)
_J_YEAR = re.compile(r"\s*(?:judge?ment|rating)?\s*(?:of|in|from)\s+(20\d\d)\b", _I)
_REPORTED = re.compile(r"\b(?:outcomes?|results?|findings?|report|letter|judge?ment|judged|rated|found|"
                       r"took\s+place|carried\s+out|undertaken|conducted|following|recent|received|published|response|"
                       r"recommendations?|areas?\s+for\s+(?:improvement|development))\b", _I)
# Cheap tests that a sentence may hold a mention, or a judgement or published date.
_TRIGGER_CUE = re.compile(r"inspect|visit|ILAC|\bSIF\b|JTAI|JICPA|review|check|\bLAC\b|help\s+and\s+"
                          r"protection|protection\s+of\s+children|looked[\s-]+after", _I)
_CUE = re.compile(rf"{_TRIGGER_CUE.pattern}|rated|judged|graded|judge?ment|rating|grade|effectiveness|found|"
                  r"assessed|deemed|publi", _I)
# A bare "inspection" is of children's services only in a sentence that speaks of them.
_CONTEXT = re.compile(r"\b(?:child\w*|social\s+(?:care|services|work\w*)|safeguarding|looked\s+after|"
                      r"care\s+leavers|council'?s\s+services|full\s+inspection)", _I)
_BOARD = re.compile(r"\b(?:board|LSCB)\b", _I)


@dataclass
class _Mention:
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


@dataclass
class _Cluster:
    type: str
    inspectorate: str
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def ordinal(self) -> int | None:
        return next((m.ordinal for m in self.mentions if m.ordinal), None)

    @property
    def start(self) -> str | None:
        dated = [m.start for m in self.mentions if m.start]
        return max(dated, key=len) if dated else None


def _clause_before(flat: str, pos: int, lo: int, width: int) -> str:
    text = flat[max(lo, pos - width) : pos]
    cut = max(text.rfind(c) for c in ".;:!?")
    return text[cut + 1 :]


def _mentions_in(doc: Document, s: int, e: int) -> list[_Mention]:
    flat = doc.flat
    insp = [(m.start(), str(m.lastgroup).replace("_", "-")) for m in _INSPECTORATE.finditer(flat, s, e)]
    raw: list[tuple[int, int, str | None, int | None, str]] = []
    for name, rx in _TYPES:
        for m in rx.finditer(flat, s, e):
            if name == "lscb-review" and not re.search(r"inspection|ofsted|framework", flat[s:e], _I):
                continue
            o = m.groupdict().get("ord")
            ordinal = (_ORD.index(o.lower()) + 1 if o.lower() in _ORD else int(o[:-2])) if o else None
            raw.append((m.start(), m.end(), name, ordinal, "typed"))
    for m in _GENERIC.finditer(flat, s, e):
        if not any(a <= m.start() < b + 3 for a, b, *_ in raw):
            raw.append((m.start(), m.end(), None, None, "generic"))
    raw.sort(key=lambda r: r[:2])
    # "ILACS focused visit": a typed phrase that only qualifies the next one
    nxt = [*raw[1:], (len(flat) + 9, 0, None, None, "")] if raw else []
    raw = [r for r, n in zip(raw, nxt, strict=True) if not (n[2] and r[2] != n[2] and n[0] - r[1] <= 3)]
    has_visit = any(t in _VISITS for _, _, t, _, _ in raw)
    out: list[_Mention] = []
    for a, b, t, ordinal, kind in raw:
        text, before = flat[a:b], _clause_before(flat, a, s, 30)
        low = text.lower()
        talk = _FRAMEWORK_AFTER.match(flat, b) or ("framework" in low and not low.endswith("inspection"))
        if talk and (has_visit or not _UNDER.search(flat[max(s, a - 30) : a])):
            continue
        if _FUTURE_BEFORE.search(before) or _FUTURE_AFTER.match(flat, b, e):
            continue
        if _SETTING_AFTER.match(flat, b, e) or _SETTING_BEFORE.search(flat[max(s, a - 40) : a]):
            continue
        explicit = re.search(r"ILAC|SIF|JTAI|children|protection|looked|targeted|evaluation", text, _I)
        if not explicit and _SETTING_NEAR.search(_clause_before(flat, a, s, 80)):  # "the home was inspected"
            continue
        if low == "inspected" and not (insp or re.search(r"\b(?:was|were|been)\s+(?:last\s+)?$", before, _I)):
            continue
        inspectorate = min((abs(p - a), name) for p, name in insp)[1] if insp else None
        if t in _OFSTED_ONLY and inspectorate == "ciw":
            t = "ciw-inspection"
        elif t in _OFSTED_ONLY:
            inspectorate = "ofsted"
        elif t == "ciw-inspection":
            inspectorate = "ciw"
        if kind == "generic" and inspectorate:
            kind = "named"
        out.append(_Mention(a, b, (s, e), kind, t, inspectorate, ordinal))
        mb = _MONTH_BEFORE.search(flat[max(s, a - 25) : a])
        out[-1].month = month_number(mb.group(1)) if mb else None
    return out


def _nearest(ms: list[_Mention], a: int, b: int, flat: str, back: int, ahead: int,
             brk: re.Pattern[str]) -> _Mention | None:
    before = [m for m in ms if m.end <= a and a - m.end <= back and not brk.search(flat[m.end : a])]
    if before:
        return max(before, key=lambda m: m.end)
    after = [m for m in ms if m.pos >= b and m.pos - b <= ahead and not brk.search(flat[b : m.pos])]
    return min(after, key=lambda m: m.pos) if after else None


def _read_dates(doc: Document, s: int, e: int, ms: list[_Mention], ref: str | None) -> list[str]:
    """Give each mention in the sentence its fieldwork and published dates; return orphan published."""
    flat, orphans = doc.flat, []
    fieldwork: list[tuple[int, int, str, str | None, bool]] = []
    for d in find_dates(flat[s:e], years=True):
        a, b = s + d.start, s + d.end
        before = flat[max(s, a - 45) : a]
        if d.first[1] is None and not (_YEAR_OK_BEFORE.search(before) or _YEAR_OK_AFTER.match(flat, b, e)):
            continue
        first, last, inferred = d.resolve(ref)
        if first is None:
            continue
        if _PUBLISHED.search(before):
            m = _nearest(ms, a, b, flat, 200, 80, _CLAUSE_BREAK)
            if m is None:
                orphans.append(first)
            elif m.published is None:
                m.published = first
            continue
        if not _NOT_FIELDWORK.search(before):
            fieldwork.append((a, b, first, last, inferred))
    used: set[int] = set()
    for m in ms:  # the first date after the mention in its clause, else one just before it
        def clear(x: int, y: int, m: _Mention = m) -> bool:
            return not _BREAK.search(flat[x:y]) and not any(x <= o.pos < y for o in ms if o is not m)

        after = [d for d in fieldwork if d[0] >= m.end and d[0] - m.end <= 160 and clear(m.end, d[0])]
        close = [d for d in fieldwork if d[1] <= m.pos and m.pos - d[1] <= 45 and clear(d[1], m.pos)]
        pick = next((d for d in after + close[::-1] if d[0] not in used), None)
        if pick:
            used.add(pick[0])
            m.start, m.end_date, m.inferred = pick[2], pick[3], pick[4]
    return orphans


@dataclass(frozen=True)
class _Judgement:
    pos: int
    notation: str
    overall: bool
    year: str | None
    board: bool  # of the safeguarding children board, not the authority
    relative: bool  # "..., which was rated": may be some other body


def _read_judgements(flat: str, s: int, e: int) -> Iterator[_Judgement]:
    lo = s
    for m in _JUDGEMENT.finditer(flat, s, e):
        word = next(g for g in m.groups() if g).lower()
        window = _clause_before(flat, m.start(), lo, 90)
        lo = m.end()
        everyday = m.group(0)[:1] in "ga" or (m.group(0)[:1] in "GA" and not flat[s : m.start()].strip())
        if everyday or _J_OTHER.search(window):  # "good judgement" in its everyday sense
            continue
        subject = window[window.rfind(",") + 1 :][-40:]
        board = bool(_BOARD.search(subject))
        if not board and (_J_SUB.search(subject) or _J_SUB_AFTER.match(flat, m.end(), e)):
            continue
        yj = _J_YEAR.match(flat, m.end(), e)
        yield _Judgement(
            m.start(), "requires-improvement" if word.startswith("requir") else word,
            "overall" in flat[max(s, m.start() - 60) : m.end()].lower(), yj.group(1) if yj else None,
            board, bool(re.search(r"\b(?:which|who|whose|partner\w*)\b", window, _I)),
        )


def _infer_type(inspectorate: str, start: str | None) -> str:
    if inspectorate == "ciw":
        return "ciw-inspection"
    return "ilacs" if inspectorate == "ofsted" and start and start >= "2018" else "other"


# Years in which each framework's inspections took place.
_ERA = {"ilacs": ("2018", "9999"), "sif": ("2013", "2018"), "protection-of-children": ("2012", "2013"),
        "looked-after-children": ("2000", "2013"), "ciw-inspection": ("2000", "9999"),
        "other": ("2000", "9999")}


def _in_era(type_: str, start: str) -> bool:
    lo, hi = _ERA.get(type_, ("9999", "0"))
    return lo <= start[:4] <= hi


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _typed_target(clusters: list[_Cluster], m: _Mention) -> _Cluster | None:
    same = [c for c in clusters if c.type == m.type and c.inspectorate == m.inspectorate]
    fit = [c for c in same if _compatible(c.start, m.start) and c.ordinal in (None, m.ordinal or c.ordinal)]
    if m.start is None and m.ordinal is None:  # "the monitoring visit": the one last spoken of
        prior = [c for c in fit if min(x.pos for x in c.mentions) < m.pos]
        return prior[-1] if prior else (fit[0] if fit else None)
    return fit[0] if fit else None


def _bare_target(clusters: list[_Cluster], m: _Mention) -> _Cluster | None:
    cands = [c for c in clusters if c.type not in _VISITS and m.inspectorate in (None, c.inspectorate)]
    if m.start or m.month:
        month = f"-{m.month:02d}" if m.month else ""
        dated = [c for c in cands if c.start and (_compatible(c.start, m.start) if m.start else
                                                  c.start[4:7] == month)]
        undated = [c for c in cands if not c.start and m.start and _in_era(c.type, m.start)
                   and any(x.item == m.item for x in c.mentions)]
        return next(iter(dated + undated), None)
    prior = [c for c in cands if min(x.pos for x in c.mentions) < m.pos]
    if prior:
        return max(prior, key=lambda c: max(x.pos for x in c.mentions if x.pos < m.pos))
    return cands[0] if cands else None


def _cluster(ms: list[_Mention], flat: str, ref: str) -> list[_Cluster]:
    """Typed mentions first, dated ones before undated; then bare mentions refer back to them."""
    clusters: list[_Cluster] = []
    visit_sents = {m.sent for m in ms if m.type in _VISITS}
    for m in sorted((m for m in ms if m.type), key=lambda m: (m.start is None and m.ordinal is None, m.pos)):
        target = _typed_target(clusters, m)
        if target is None:
            target = _Cluster(str(m.type), str(m.inspectorate))
            clusters.append(target)
        target.mentions.append(m)
    for m in sorted((m for m in ms if not m.type), key=lambda m: m.pos):
        target = _bare_target(clusters, m)
        inspectorate = m.inspectorate or m.fallback
        said = flat[m.sent[0] : m.sent[1]]
        if m.kind == "generic" and not _about_children(said):
            inspectorate = None
        if target is None and inspectorate and not (m.month and not m.start):
            reported = m.kind == "named" and _REPORTED.search(said) and m.sent not in visit_sents
            if m.start or m.judgement or m.published or reported:
                recent = not m.start and ref >= "2018-09" and re.search(r"\brecent", said, _I)
                target = _Cluster(_infer_type(inspectorate, ref[:4] if recent else m.start), inspectorate)
                clusters.append(target)
        if target is not None:
            target.mentions.append(m)
    return clusters


def _about_children(sentence: str) -> bool:
    return bool(_CONTEXT.search(sentence)) and not _SETTING_NEAR.search(sentence)


def _attach_judgements(flat: str, s: int, e: int, ms: list[_Mention], earlier: list[_Mention],
                       item: int, default: str | None) -> None:
    """Give each judgement to the inspection it is stated of, in this sentence or just before."""
    last_main = next((m for m in reversed(earlier) if m.type not in _VISITS), None)
    boards = [m for m in earlier if m.type == "lscb-review"]
    for j in _read_judgements(flat, s, e):
        pool = [m for m in ms if (m.type == "lscb-review") == j.board and m.type not in _VISITS]
        before = [m for m in pool if m.pos < j.pos]
        target: _Mention | None
        if pool:  # the mention just before the judgement, else the one just after it
            target = before[-1] if before else pool[0]
        elif j.board:
            target = boards[-1] if boards else None
        else:
            target = None if j.relative else last_main
        named = _INSPECTORATE.search(flat, s, e)
        if target is None and named and not (j.board or j.relative) and _about_children(flat[s:e]):
            inspectorate = str(named.lastgroup).replace("_", "-")  # "Ofsted rated services good"
            target = _Mention(j.pos, j.pos, (s, e), "named", None, inspectorate, start=j.year, item=item)
            ms.append(target)
        if target is None:
            continue
        if j.year and target.start and not target.start.startswith(j.year):  # "the judgement of 2013"
            target = _Mention(j.pos, j.pos, (s, e), "named", None, default, start=j.year, item=item)
            ms.append(target)
        if target.judgement is None or (j.overall and not target.overall):
            target.judgement, target.overall = j.notation, j.overall


def _main_inspectorate(found: list[str]) -> str | None:
    found = [f for f in found if f in ("ofsted", "ciw")] or found
    return max(sorted(set(found)), key=found.count) if found else None


def extract(doc: Document) -> Iterator[Inspection]:
    flat, ref = doc.flat, reference_date(doc)
    mentions: list[_Mention] = []
    by_item: dict[int, list[_Mention]] = {}
    defaults: dict[int, str | None] = {}
    every = [(m.start(), str(m.lastgroup).replace("_", "-")) for m in _INSPECTORATE.finditer(flat)]
    for s, e in sentences(doc):
        said = flat[s:e]
        if not _CUE.search(said):
            continue
        ms = _mentions_in(doc, s, e) if _TRIGGER_CUE.search(said) else []
        orphans = _read_dates(doc, s, e, ms, ref) if ms or "publi" in said.lower() else []
        sif = next((m for m in ms if m.type == "sif" and m.start), None)
        for m in ms:  # the LSCB review ran alongside the SIF inspection it is reported with
            if sif and m.type == "lscb-review" and not m.start:
                m.start, m.end_date, m.published = sif.start, sif.end_date, sif.published
        item = doc.segments.item_at(s)
        key = item.index if item else -1
        if key not in defaults:
            lo, hi = (item.start, item.end) if item else (0, len(flat))
            defaults[key] = _main_inspectorate([name for p, name in every if lo <= p < hi])
        for m in ms:
            m.item, m.fallback = key, defaults[key]
        earlier = by_item.setdefault(key, [])
        if orphans and earlier and re.search(r"\b(?:report|letter|outcome|findings)\b", said, _I):
            if earlier[-1].published is None:
                earlier[-1].published = orphans[0]
        _attach_judgements(flat, s, e, ms, earlier, key, defaults[key])
        # "an inspection" without a date is hypothetical more often than not
        ms = [m for m in ms if m.start or m.judgement or not _INDEFINITE.search(flat, m.pos - 25, m.pos)]
        for m in ms:
            fm = _FOCUS.match(flat, m.end, e) if m.type in _VISITS else None
            if fm:
                m.focus = fold(doc.text[fm.start(1) : fm.end(1)]).strip(" ,") or None
        ms.sort(key=lambda m: m.pos)
        mentions.extend(ms)
        earlier.extend(ms)
    for c in _cluster(mentions, flat, ref or ""):
        yield _fact(doc, c)


def _window(flat: str, m: _Mention, width: int = 400) -> tuple[int, int]:
    """The mention's sentence, or the words around the mention in a run-on one."""
    s, e = m.sent
    if e - s <= width:
        return s, e
    lo = max(s, m.pos - width // 3)
    lo = flat.find(" ", lo, m.pos) + 1 if lo > s else s
    hi = min(e, lo + width)
    hi = flat.rfind(" ", m.end, hi) if hi < e and flat.rfind(" ", m.end, hi) > 0 else hi
    return lo, hi


def _fact(doc: Document, c: _Cluster) -> Inspection:
    def score(m: _Mention) -> tuple[int, int]:
        return (4 * bool(m.start) + 2 * (m.kind == "typed") + bool(m.ordinal) + bool(m.published)
                + bool(m.judgement), -m.pos)

    best = max(c.mentions, key=score)
    dated = max((m for m in c.mentions if m.start), key=lambda m: len(m.start or ""), default=None)
    start = dated.start if dated else None
    published = next((m.published for m in c.mentions if m.published), None)
    if published and start and published < start[:7]:
        published = None
    judgement = None
    if c.type not in _VISITS and c.type != "jtai":  # visits and JTAIs are not graded
        overall = [m.judgement for m in c.mentions if m.judgement and m.overall]
        judgement = overall[0] if overall else next((m.judgement for m in c.mentions if m.judgement), None)
    return Inspection(
        inspectorate=c.inspectorate,
        type=c.type,
        span=span(doc, *_window(doc.flat, best)),
        start=start,
        end=dated.end_date if dated else None,
        published=published,
        judgement=judgement,
        date_inferred=bool(dated and dated.inferred),
        ordinal=c.ordinal,
        focus=next((m.focus for m in c.mentions if m.focus), None),
    )
