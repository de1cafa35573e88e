"""Figures: quantities the minutes report (percentages, caseloads, counts, durations, money).

Each number in a body passage (see concerns.passages) is kept only when its unit can be told
from the words around it: a "%" or "£", a noun that follows ("133 children", "five email
boxes"), a caseload being discussed ("a caseload of 20"), or an earlier figure of the same
sentence it is compared with ("from 14 ... reduced to one"). Dates, years, times, file sizes,
item and appendix numbers, statute years, postcodes, phone numbers and list markers are not
figures, nor counts and durations that measure no concern ("four local authorities"). The
qualifier says whether the value is a target, an earlier value, or the current one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from kg.extract.common import span
from kg.extract.concern_cues import cues
from kg.extract.concerns import Passage, passages
from kg.extract.dates import MONTH
from kg.extract.facts import Figure
from kg.extract.numbers import DIGITS, MONEY, WORD_NUMBER, digits_value, money_value, word_value
from kg.reading.document import Document
from kg.reading.segments import segments_of

_I = re.IGNORECASE
# Spans that hold numbers which are not figures.
_NOT_FIGURES = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:-|and|to|&)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
    rf"{MONTH}\b\.?(?:,?\s+\d{{4}})?"  # 6 - 7 March 2019, 4th December
    rf"|\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"  # March 14, 2017
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"  # 14/03/2017
    r"|\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|noon)\b"  # 6.00 pm
    r"|\b\d+(?:\.\d+)?\s*(?:KB|MB|GB|kb|mb|bytes)\b"  # PDF 53 KB
    r"|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s+\d[A-Z]{2}\b"  # postcode
    r"|(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b"  # phone
    r"|\b\d{4}\s*[/-]\s*\d{2,4}\b"  # 2017/18
    r"|\bper\s+(?:100|1,?000|10,?000|100,?000)\b"  # a rate's base: 128 per 10,000 children
    r"|\bage[sd]?\s+(?:of\s+|between\s+)?\d{1,2}\s*(?:-|to|and)\s*\d{1,2}\b"  # aged 18 to 21
    r"|\(\s*\d{1,3}\s*\)|\b\d{1,3}\)"  # (1) 1)
    r"|\b\d+\s+[A-Z][a-z]+\s+(?:Road|Street|Lane|Avenue|Way|Close|Drive|Place|Square)\b",
    re.IGNORECASE,
)
_LABEL_BEFORE = re.compile(
    r"\b(?:items?|appendi(?:x|ces)|annex|sections?|paragraphs?|para|pages?|minutes?|no\.?|"
    r"number|workstream|work\s+stream|priority|phase|stage|tier|level|rooms?|committee|panel|"
    r"board|act|regulation|schedule|clause|rule|recommendation|option|table|figure|chapter|"
    r"version|ward|part|article|document|year|key\s+stage|step|grade|band|ref\.?|indicator|"
    r"aged|ages?\s+of|aged\s+(?:up\s+to|under|over|below|above))\s*$",
    re.IGNORECASE,
)
# "Committee 2", "Priority Indicator 3": a capitalised word inside a sentence names a thing
_NAME_BEFORE = re.compile(r"(?<=[\w,)]\s)[A-Z][a-z]+\s*$")
_RANGE_AFTER = re.compile(r"^\s*(?:to|-|and|or)\s*(\d[\d,]*)(?=\s)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# "six-monthly updates", "a 12-month programme": a number inside a compound word counts nothing
_COMPOUND = re.compile(r"-(?!(?:one|two|three|four|five|six|seven|eight|nine)\b)[a-z]", _I)
# a value compared with one just given: "against a target of eighteen", "from one hundred"
_COMPARED = re.compile(
    r"(?:\btarget\s+(?:of\s+)?|\bagainst\s+|\bcompared\s+(?:with|to)\s+|\bfrom\s+|\bthan\s+)"
    r"(?:(?:about|around|approximately|over|nearly|almost|just|only)\s+)?$", _I)
# "within 24 hours" is a timescale to meet, not a measure
_DURATIONS = ("months", "weeks", "days")
_TIMESCALE = re.compile(r"\bwithin\s+$", _I)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")

_CHILD = (
    r"(?:(?:children|young\s+people)\s+(?:looked\s+after|in\s+care)|"
    r"(?:looked[- ]after\s+)?(?:children(?!['\u2019]s\b)|child(?!['\u2019]s\b)|young\s+people|"
    r"young\s+persons?|babies|infants|"
    r"teenagers|adolescents|youngsters|pupils|care\s+leavers|unaccompanied\s+[\w\s]{0,30}?"
    r"children|(?-i:LAC|CLA|CiC|UASC|CIN|CP)))"
)
_STAFF = (
    r"(?:(?:permanent|substantive)\s+appointments|"
    r"(?:agency\s+|newly\s+qualified\s+|experienced\s+|permanent\s+)?(?:social\s+workers?|"
    r"workers|staff|staff\s+members|practitioners|managers|team\s+managers|employees|posts|social\s+work\s+posts|"
    r"nurses|officers|advis[eo]rs|therapists|psychologists|locums|recruits|apprentices|"
    r"students|(?-i:NQSWs?|FTEs?)))"
)
# Plural senior titles count leaders: "four Directors of Children's Services", "three Heads of Service"
_SENIOR = re.compile(
    r"^[\s-]*((?:(?:permanent|interim|substantive|acting|new|different|successive)\s+)?"
    r"(?:(?:assistant|deputy|executive|strategic|corporate)\s+)?"
    r"(?:directors|heads\s+of\s+(?:service|[A-Z][\w']*)|heads\s+of\s+[A-Z][\w']*\s+services|"
    r"chief\s+executives|senior\s+managers))\b", _I)
_UNIT_NOUNS: list[tuple[str, re.Pattern[str]]] = [
    ("children", re.compile(rf"\b{_CHILD}\b", _I)),
    ("staff", re.compile(rf"\b{_STAFF}\b", _I)),
]
_STOP = {
    "in", "of", "at", "from", "to", "by", "for", "with", "on", "into", "per", "within", "across",
    "through", "who", "which", "that", "were", "was", "had", "have", "has", "is", "are", "being",
    "not", "will", "would", "could", "should", "than", "as", "since", "over", "under", "each",
    "but", "or", "this", "these", "those", "when", "where", "while", "they", "it",
}
_FIRST_STOP = _STOP | {"and", "the", "a", "an", "so", "then", "more", "less", "fewer"}
_DURATION = re.compile(r"^[\s-]*(?:(?:working|calendar)\s+)?(months?|weeks?|days?|hours?|years?)\b", _I)
_PERCENT = re.compile(r"^\s*(?:%|per\s*cent\b|percent\b)", _I)
_CASELOAD = re.compile(r"\bcase\s?loads?\b|\bwork\s?loads?\b|\bcases\s+per\b", _I)
_HIRED = re.compile(r"\b(?:taken\s+on|appointed|recruited|hired|employed)\s+$", _I)
# "only 9 had been appointed"; "18 had started in January" (when staff were being discussed)
_HIRED_AFTER = re.compile(
    r"^\s+(?:(?:had|have|has)\s+(?:now\s+|since\s+)?been|were|was)\s+(?:successfully\s+)?"
    r"(?:appointed|recruited|hired|taken\s+on|employed)\b", _I)
_JOINED_AFTER = re.compile(r"^\s+(?:had|have|has)\s+(?:now\s+|since\s+)?(?:started|joined)\b", _I)
# "some workers held as many as 28 cases": cases a worker holds are a caseload
_HOLDS = re.compile(
    r"\b(?:hold|holds|held|holding|carry|carries|carried|carrying|allocated|manag(?:e|es|ed|ing))\b"
    r"[^.;:]{0,25}$", _I)
_CHANGE_TO = re.compile(
    r"\b(?:reduc\w*|f[ae]ll\w*|dropp\w*|decreas\w*|increas\w*|r[io]se\w*|risen|grow\w*|down|up|"
    r"cut)\s+(?:[\w']+\s+){0,2}to\s+$|\binto\s+$", _I)
_LINKED = re.compile(
    r"(?:\bof\s+(?:whom|which)|\bto|\binto|\bfrom|\bof|\bwith|\bthan|\band|\bor|\bwas|\bwere|\bis|\bare|\bat|\bby)\s+"
    r"(?:(?:about|around|approximately|over|under|nearly|almost|just|only|some|a\s+further|"
    r"a\s+total\s+of)\s+)?$", _I)
_OF_THE_N = re.compile(
    rf"^\s+of\s+(?:the|these|those|our)?\s*(\d[\d,]*|{WORD_NUMBER.pattern})\s", _I)
# "nine of which were complete", "fourteen of them": a part of the things just counted
_OF_THOSE = re.compile(r"^\s+of\s+(?:which|whom|them|these|those)\b", _I)
# "16 children per social worker" is a caseload
_PER_WORKER = re.compile(
    r"^[\s-]*(?:children|cases|families)\s+(?:per|for\s+each|to\s+each|each\s+per)\s+"
    r"(?:(?:qualified|social|full[- ]time)\s+)*(?:social\s+)?(?:workers?|practitioners?)\b", _I)
# "caseloads ... ranged between eighteen and twenty-two": a word number read as a caseload
_CASELOAD_LINK = re.compile(
    r"\b(?:between|and|or|of|at|to|from|averag\w*|around|about|approximately|ranged)\s+$", _I)

_PREVIOUS_PRE = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|previously|originally|formerly)\s+"
    r"(?:(?:about|around|approximately|over|nearly|almost|just)\s+)?$", _I)
_PREVIOUS_POST = re.compile(
    r"^[^;,.]{0,25}?\b(?:at\s+the\s+time\s+of|a\s+year\s+(?:earlier|ago|before)|last\s+year|"
    r"the\s+previous\s+year|previously)", _I)
_TARGET_POST = re.compile(
    r"^\s+(?:(?:more|further|additional|new)\s+)?(?:were|was|are|is|would\s+be)\s+"
    r"(?:expected|planned|due|forecast|anticipated)\b", _I)
_QUAL_CUES = [
    ("target", re.compile(
        r"\b(?:target\w*|aim\w*|goal|ambition|would|will|should|ideally|intend\w*|plan(?:s|ned)?"
        r"\s+to|pushing|to\s+(?:reduce|increase|bring|get|cut|achieve|recruit|appoint)|reducing|"
        r"expected\s+to|forecast|proposed|wants?\s+to|seek\w*\s+to|reduce|must|required\s+to|"
        r"ha(?:s|d|ve)\s+to\s+be|needs?\s+to|(?:to|would|will)\s+fund|funding\s+for|maximum|"
        r"no\s+more\s+than)\b", _I)),
    ("actual", re.compile(r"\b(?:now|currently|current|stood\s+at|remain\w*|to\s+date)\b", _I)),
    ("previous", re.compile(
        r"\b(?:at\s+the\s+time\s+of\s+(?:the\s+)?(?:\w+\s+)?inspection|originally|previously|"
        r"formerly|last\s+year|a\s+year\s+(?:earlier|ago))\b", _I)),
]
_FIG_CUES = [  # extra cues, for figures only
    ("recruitment", re.compile(r"\bapplications\b|\bapplicants?\b", _I)),
    ("practice-quality", re.compile(r"\bchild\s+protection\s+(?:plans?|register)\b", _I)),
    ("multi-agency", re.compile(r"\b(?-i:MARAC)\b|\brisk\s+assessment\s+conference", _I)),
]
# Counts of the parts of a list ("three broad areas", "seven priorities") are not findings.
_LIST_PARTS = re.compile(
    r"\b(?:areas|priorities|themes|work\s?streams|strands|points|issues|recommendations|actions|"
    r"items|questions|headings|objectives|elements|outcomes|aims|lines\s+of\s+enquiry)$", _I)
# counts of a plan's actions are findings when the text reports their progress
_PLAN_ACTIONS = re.compile(r"\b(?:actions|recommendations)$", _I)
_PROGRESS = re.compile(
    r"\b(?:complete[ds]?|achieved|delivered|closed|on\s+track|overdue|outstanding|(?:RAG\s+)?rated|"
    r"green|amber)\b", _I)
# "31 had been completed": a count of the things just counted
_DONE_AFTER = re.compile(
    r"^\s+(?:(?:had|have|has)\s+(?:now\s+)?been|were|are|was|is)\s+(?:now\s+)?(?:fully\s+)?"
    r"(?:completed?|achieved|delivered|closed|on\s+track)\b", _I)
# a time waited: "the waiting time had reduced to 8 weeks" measures the service the paragraph is about
_WAIT = re.compile(r"\bwait(?:s|ed|ing)?\b", _I)
_GENERIC = {"practice-quality"}  # the broadest concept yields to a more specific cue nearby


def _noun_phrase(after: str) -> str:
    words = re.match(r"^[\s-]*((?:[A-Za-z][\w'-]*\s*){1,6})", after)
    if not words:
        return ""
    out: list[str] = []
    for w in words.group(1).split():
        if (w.lower() in (_FIRST_STOP if not out else _STOP)) or w[0].isdigit() or (
            WORD_NUMBER.fullmatch(w)):  # "290 twelve months earlier"
            break
        out.append(w)
    return " ".join(out)


def _unit_of(flat: str, s: int, e: int, phrase_only: bool = False) -> tuple[str, str] | None:
    """(unit, noun phrase) read from the words after a number; None if they name no unit."""
    after = flat[e : e + 80]
    if _PERCENT.match(after):
        return "percent", ""
    senior = _SENIOR.match(after)
    if senior:
        return "staff", senior.group(1)
    d = _DURATION.match(after)
    if d:
        u = d.group(1).lower().rstrip("s")
        return ({"month": "months", "week": "weeks", "day": "days", "hour": "count"}.get(u, "")), ""
    staff = re.match(r"^[\s-]*(?:members\s+of\s+(?:staff|the\s+workforce))\b", after, _I)
    if staff:  # "nine members of staff"
        return "staff", staff.group().strip(" -")
    phrase = _noun_phrase(after)
    for unit, rx in _UNIT_NOUNS:
        if phrase and rx.search(phrase):
            return unit, phrase
    words = phrase.split()
    for i, w in enumerate(words):
        if len(w) > 3 and re.search(r"[a-z][^s]s$", w) and not phrase.istitle():
            return "count", " ".join(words[: i + 1])
    return None


def _qualifier(pre: str, post: str, inherit: str | None) -> str:
    """target, previous or actual, from the words since the previous figure of the passage."""
    if _PREVIOUS_PRE.search(pre) or _PREVIOUS_POST.match(post):
        return "previous"
    if _TARGET_POST.match(post):
        return "target"
    ends_to = bool(re.search(r"\bto\s+$", pre))
    # "level of 20 for experienced social workers and 17": a value listed after another shares
    # its qualifier unless words between say otherwise
    best, where = (inherit if inherit and not ends_to else "actual"), -1
    for q, rx in _QUAL_CUES:
        if q == "previous" and (ends_to or inherit == "previous"):
            continue
        for m in rx.finditer(pre):
            if m.start() > where:
                best, where = q, m.start()
    return best


def _nearest(found: Sequence[tuple[str, int, int]], s: int, e: int) -> str | None:
    if not found:
        return None

    def dist(c: tuple[str, int, int]) -> int:
        d = s - c[2] if c[2] <= s else max(c[1] - e, 0)
        return d + (40 if c[0] in _GENERIC else 0)

    return min(found, key=dist)[0]


def _concern(
    text: str, s: int, e: int, unit: str, phrase: str, prev: str | None
) -> str | None:
    """The concept the figure measures: its own noun, else the nearest cue of its clause."""
    if unit == "cases":
        return "caseloads"
    if unit == "staff" and _SENIOR.match(phrase):
        return "leadership-capacity"
    if unit in ("children", "staff") and phrase:
        own = _nearest(cues(phrase), 0, 0)
        if own:
            return own
        if unit == "children" and re.search(r"looked|\bLAC\b|\bCLA\b|in\s+care", phrase, _I):
            return "placements-accommodation"
    found = [(c, a, b) for c, a, b in cues(text)]
    found += [(c, m.start(), m.end()) for c, rx in _FIG_CUES for m in rx.finditer(text)]
    a = max((m.end() for m in re.finditer(r"[;,]", text[:s])), default=0)
    b = next((m.start() for m in re.finditer(r"[;,]", text[e:])), len(text) - e) + e
    here = _nearest([c for c in found if a <= c[1] and c[2] <= b], s, e)
    if here:
        return here
    if prev:
        return prev
    return _nearest(found, s, e) or ("funding-resources" if unit == "gbp" else None)


def _numbers(text: str) -> Iterator[tuple[int, int, float, str | None]]:
    """(start, end, value, unit-if-known) for candidate numbers in a passage."""
    blocked = [(m.start(), m.end()) for m in _NOT_FIGURES.finditer(text)]
    taken: list[tuple[int, int]] = []
    for m in MONEY.finditer(text):
        taken.append((m.start(), m.end()))
        yield m.start(), m.end(), money_value(m), "gbp"
    for m in DIGITS.finditer(text):
        s, e = m.start(), m.end()
        if any(a <= s < b for a, b in blocked + taken) or _ORDINAL_AFTER.match(text[e:]) or (
                _COMPOUND.match(text, e)):
            continue
        if _LABEL_BEFORE.search(text[max(0, s - 20) : s]) or _NAME_BEFORE.search(text[:s]):
            continue
        if _YEAR.match(m.group()) and not _unit_of(text, s, e):
            continue
        yield s, e, digits_value(m.group()), None
    for m in WORD_NUMBER.finditer(text):
        v = word_value(m.group())
        if _COMPOUND.match(text, m.end()):
            continue
        if v is not None and not any(a <= m.start() < b for a, b in blocked):
            yield m.start(), m.end(), float(v), None


def _infer_unit(
    text: str, s: int, e: int, prev_unit: str | None, lead: str = ""
) -> tuple[str | None, str]:
    """(unit, the noun phrase it was read from) for the number at text[s:e].

    ``lead`` is the text just before the passage, where the subject of "18 had started" may be.
    """
    if _PER_WORKER.match(text[e:]):
        return "cases", ""
    got = _unit_of(text, s, e)
    if got:
        return got
    word = text[s].isalpha()
    if prev_unit and _OF_THOSE.match(text[e:]):
        return prev_unit, ""
    of_n = _OF_THE_N.match(text[e:]) or _RANGE_AFTER.match(text[e:])
    if of_n:  # "15 of the 62 social workers", "15 to 20 children"
        got = _unit_of(text, e + of_n.start(1), e + of_n.end(1))
        if got:
            return got
    pre = text[:s]
    if prev_unit == "count" and _DONE_AFTER.match(text[e:]):
        return "count", ""
    if _HIRED_AFTER.match(text[e:]):
        return "staff", ""
    if _JOINED_AFTER.match(text[e:]):
        subj = [(m.end(), u) for u, rx in _UNIT_NOUNS for m in rx.finditer(lead + " " + pre)]
        if subj and max(subj)[1] == "staff":
            return "staff", ""
    sentence = re.split(r"[.!?;]\s", pre)[-1]
    if word and _CASELOAD.search(sentence) and _CASELOAD_LINK.search(pre) and not _OF_THOSE.match(
            text[e:]) and not re.match(r"\s+of\b", text[e:]):
        return "cases", ""
    if word and prev_unit and _COMPARED.search(pre[-40:]):
        return prev_unit, ""
    if word and not (_CHANGE_TO.search(pre) or _HIRED.search(pre)):
        return None, ""  # "one of the lowest": a word is a number only in a comparison
    if not word and _CASELOAD.search(pre):
        return "cases", ""
    if _HIRED.search(pre):
        return "staff", ""
    if _LINKED.search(pre):
        nouns = [(m.end(), u, m.group()) for u, rx in _UNIT_NOUNS for m in rx.finditer(pre)]
        if prev_unit and not (prev_unit in _DURATIONS and nouns):  # "from 14 ... reduced to one"
            return prev_unit, ""  # but "children waiting over 18 weeks fell from 212" counts children
        if nouns:  # "the number of agency social workers had fallen from 31"
            _, unit, phrase = max(nouns)
            return unit, phrase
        counted = re.search(r"\bnumber\s+of\s+((?:[\w-]+\s+){0,3}?[a-z]+s)\b[^.;]*$", sentence, _I)
        if counted:  # "the number of unallocated cases had fallen from 97"
            return "count", counted.group(1)
    return None, ""


def _figures_in(doc: Document, p: Passage) -> Iterator[Figure]:
    text = doc.flat[p.start : p.end]
    lead = doc.flat[max(0, p.start - 200) : p.start]
    prev: tuple[int, str, str | None, str] | None = None  # end, unit, concern, qualifier
    for s, e, value, known in sorted(_numbers(text)):
        unit, phrase = (known, "") if known else _infer_unit(
            text, s, e, prev[1] if prev else None, lead)
        if not unit or (p.section in ("resolved", "recommended", "action") and unit in ("months", "weeks")):
            continue  # durations in decisions are due dates
        if re.match(r"[\s-]*(?:working\s+)?hours?\b", text[e:], _I) and _TIMESCALE.search(text[:s]):
            continue
        if unit == "count" and (_CASELOAD.search(phrase) or (
                re.fullmatch(r"cases(?:\s+each)?", phrase, _I) and _HOLDS.search(text[:s]))):
            unit = "cases"
        progress = unit == "count" and bool(_PLAN_ACTIONS.search(phrase)) and bool(
            _PROGRESS.search(re.split(r"(?<=[.!?])\s", text[e:], maxsplit=1)[0]))
        if unit == "count" and _LIST_PARTS.search(phrase) and not progress:
            continue
        window = text[prev[0] : s] if prev else text[:s]
        told = _PREVIOUS_POST.match(window)  # "26% at the time of the inspection": that one's
        window = window[told.end() :] if prev and told else window
        carried = not phrase and unit not in ("percent", "gbp")
        qual = _qualifier(window, text[e : e + 60], prev[3] if prev and carried else None)
        same = prev[2] if prev and unit == prev[1] else None
        if same and carried and not _CASELOAD.search(window):
            concern: str | None = same
        else:
            concern = _concern(text, s, e, unit, phrase, same)
            if progress:  # "12 of the 40 actions in the plan are complete"
                concern = "improvement-governance"
            if concern is None and unit == "staff" and not phrase:  # "18 had started": the
                concern = _nearest(cues(lead), len(lead), len(lead))  # subject's sentence says
            if concern is None and unit in _DURATIONS and _WAIT.search(text[:s]):
                para = lead[lead.rfind("\n") + 1 :]  # the sentences before it in its paragraph
                concern = _nearest(cues(para), len(para), len(para))
        prev = (e, unit, concern, qual)
        yield Figure(value, unit, span(doc, p.start, p.end), concern, qual)


def extract(doc: Document) -> Iterator[Figure]:
    """Each figure once per agenda item: a value repeated in discussion is the same figure."""
    seen: set[tuple[int, float, str]] = set()
    for p in passages(doc):
        item = segments_of(doc).item_at(p.start)
        for f in _figures_in(doc, p):
            if f.concern is None and f.unit not in ("children", "staff", "percent", "cases"):
                continue  # "four local authorities", "4 weeks": not about children's services
            key = (item.index if item else -1, f.value, f.unit)
            if key not in seen:
                seen.add(key)
                yield f
