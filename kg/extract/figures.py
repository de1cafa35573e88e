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
from bisect import bisect_left, bisect_right
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

# How far a pattern anchored at a number looks back or ahead: every such pattern matches far
# fewer characters than this, so reading a window instead of the whole passage changes no
# answer and keeps the work per number constant (the passage can be a 400-row table).
_BACK = 120
_AHEAD = 300
_SENTENCE_END = re.compile(r"[.!?;]\s")
_CLAUSE_MARK = re.compile(r"[;,]")
_NEXT_SENTENCE = re.compile(r"(?<=[.!?])\s")


def _back(rx: re.Pattern[str], text: str, s: int) -> re.Match[str] | None:
    """rx.search(text[:s]) for a pattern anchored at the end ($), reading a bounded window."""
    return rx.search(text, max(0, s - _BACK), s)


class _Index:
    """What the numbers of one passage ask about the text before them, found once per passage
    and looked up by bisection (asking each number to search its whole prefix is quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        self.marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
        caseloads = list(_CASELOAD.finditer(text))
        self.caseload_starts = [m.start() for m in caseloads]
        self.caseload_ends = [m.end() for m in caseloads]
        self.nouns = {u: [(m.end(), m.group()) for m in rx.finditer(text)] for u, rx in _UNIT_NOUNS}
        self.noun_ends = {u: [e for e, _ in found] for u, found in self.nouns.items()}
        found = [(c, a, b) for c, a, b in cues(text)]
        found += [(c, m.start(), m.end()) for c, rx in _FIG_CUES for m in rx.finditer(text)]
        self.found = found
        self.found_starts = sorted((c[1], i) for i, c in enumerate(found))
        self.longest = max((c[2] - c[1] for c in found), default=0)
        wait = _WAIT.search(text)
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
        """_nearest(self.cues_within(a, b), s, e), reading only the cues near s when one of them
        is within reach: every cue further away is further than that one."""
        lo = bisect_left(self.found_starts, (max(a, s - reach - self.longest), -1))
        hi = bisect_left(self.found_starts, (min(b, e + reach + 1), -1))
        idx = sorted(i for _, i in self.found_starts[lo:hi] if self.found[i][2] <= b)
        near = [self.found[i] for i in idx]
        if near and min(_distance(c, s, e) for c in near) <= reach:
            return _nearest(near, s, e)
        return _nearest(self.cues_within(a, b), s, e)


def _inside(spans: list[tuple[int, int]], starts: list[int], s: int) -> bool:
    """s within one of the sorted, non-overlapping spans."""
    i = bisect_right(starts, s)
    return bool(i) and s < spans[i - 1][1]


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


def _distance(c: tuple[str, int, int], s: int, e: int) -> int:
    d = s - c[2] if c[2] <= s else max(c[1] - e, 0)
    return d + (40 if c[0] in _GENERIC else 0)


def _nearest(found: Sequence[tuple[str, int, int]], s: int, e: int) -> str | None:
    if not found:
        return None
    return min(found, key=lambda c: _distance(c, s, e))[0]


def _concern(
    ix: _Index, s: int, e: int, unit: str, phrase: str, prev: str | None
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
    here = ix.nearest(*ix.clause(s, e), s, e)
    if here:
        return here
    if prev:
        return prev
    return ix.nearest(0, len(ix.text) + 1, s, e) or ("funding-resources" if unit == "gbp" else None)


def _numbers(text: str) -> Iterator[tuple[int, int, float, str | None]]:
    """(start, end, value, unit-if-known) for candidate numbers in a passage."""
    blocked = [(m.start(), m.end()) for m in _NOT_FIGURES.finditer(text)]
    blocked_at = [a for a, _ in blocked]
    taken: list[tuple[int, int]] = []
    for m in MONEY.finditer(text):
        taken.append((m.start(), m.end()))
        yield m.start(), m.end(), money_value(m), "gbp"
    taken_at = [a for a, _ in taken]
    for m in DIGITS.finditer(text):
        s, e = m.start(), m.end()
        if _inside(blocked, blocked_at, s) or _inside(taken, taken_at, s) or (
                _ORDINAL_AFTER.match(text[e : e + _AHEAD])) or _COMPOUND.match(text, e):
            continue
        if _LABEL_BEFORE.search(text[max(0, s - 20) : s]) or _back(_NAME_BEFORE, text, s):
            continue
        if _YEAR.match(m.group()) and not _unit_of(text, s, e):
            continue
        yield s, e, digits_value(m.group()), None
    for m in WORD_NUMBER.finditer(text):
        v = word_value(m.group())
        if _COMPOUND.match(text, m.end()):
            continue
        if v is not None and not _inside(blocked, blocked_at, m.start()):
            yield m.start(), m.end(), float(v), None


def _infer_unit(
    ix: _Index, s: int, e: int, prev_unit: str | None, lead: str = ""
) -> tuple[str | None, str]:
    """(unit, the noun phrase it was read from) for the number at text[s:e].

    ``lead`` is the text just before the passage, where the subject of "18 had started" may be.
    """
    text = ix.text
    after = text[e : e + _AHEAD]
    if _PER_WORKER.match(after):
        return "cases", ""
    got = _unit_of(text, s, e)
    if got:
        return got
    word = text[s].isalpha()
    if prev_unit and _OF_THOSE.match(after):
        return prev_unit, ""
    of_n = _OF_THE_N.match(after) or _RANGE_AFTER.match(after)
    if of_n:  # "15 of the 62 social workers", "15 to 20 children"
        got = _unit_of(text, e + of_n.start(1), e + of_n.end(1))
        if got:
            return got
    if prev_unit == "count" and _DONE_AFTER.match(after):
        return "count", ""
    if _HIRED_AFTER.match(after):
        return "staff", ""
    if _JOINED_AFTER.match(after):
        last = ix.last_noun(s)
        if last is None:  # the subject may be in the text before the passage
            subj = [(m.end(), u) for u, rx in _UNIT_NOUNS for m in rx.finditer(lead)]
            last_unit = max(subj)[1] if subj else None
        else:
            last_unit = last[1]
        if last_unit == "staff":
            return "staff", ""
    start = ix.sentence_start(s)
    if word and ix.caseload_between(start, s) and _back(_CASELOAD_LINK, text, s) and not (
            _OF_THOSE.match(after)) and not re.match(r"\s+of\b", after):
        return "cases", ""
    if word and prev_unit and _COMPARED.search(text[max(0, s - 40) : s]):
        return prev_unit, ""
    if word and not (_back(_CHANGE_TO, text, s) or _back(_HIRED, text, s)):
        return None, ""  # "one of the lowest": a word is a number only in a comparison
    if not word and ix.caseload_between(0, s):
        return "cases", ""
    if _back(_HIRED, text, s):
        return "staff", ""
    if _back(_LINKED, text, s):
        noun = ix.last_noun(s)
        if prev_unit and not (prev_unit in _DURATIONS and noun):  # "from 14 ... reduced to one"
            return prev_unit, ""  # but "children waiting over 18 weeks fell from 212" counts children
        if noun:  # "the number of agency social workers had fallen from 31"
            _, unit, phrase = noun
            return unit, phrase
        sentence = text[start:s]
        counted = re.search(r"\bnumber\s+of\s+((?:[\w-]+\s+){0,3}?[a-z]+s)\b[^.;]*$", sentence, _I)
        if counted:  # "the number of unallocated cases had fallen from 97"
            return "count", counted.group(1)
    return None, ""


def _end_of_sentence(text: str, e: int) -> int:
    m = _NEXT_SENTENCE.search(text, e)
    return m.start() if m else len(text)


def _figures_in(doc: Document, p: Passage) -> Iterator[Figure]:
    text = doc.flat[p.start : p.end]
    lead = doc.flat[max(0, p.start - 200) : p.start]
    ix = _Index(text)
    prev: tuple[int, str, str | None, str] | None = None  # end, unit, concern, qualifier
    for s, e, value, known in sorted(_numbers(text)):
        unit, phrase = (known, "") if known else _infer_unit(
            ix, s, e, prev[1] if prev else None, lead)
        if not unit or (p.section in ("resolved", "recommended", "action") and unit in ("months", "weeks")):
            continue  # durations in decisions are due dates
        if re.match(r"[\s-]*(?:working\s+)?hours?\b", text[e : e + _AHEAD], _I) and _back(
                _TIMESCALE, text, s):
            continue
        if unit == "count" and (_CASELOAD.search(phrase) or (
                re.fullmatch(r"cases(?:\s+each)?", phrase, _I) and _back(_HOLDS, text, s))):
            unit = "cases"
        progress = unit == "count" and bool(_PLAN_ACTIONS.search(phrase)) and bool(
            _PROGRESS.search(text, e, _end_of_sentence(text, e)))
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
            concern = _concern(ix, s, e, unit, phrase, same)
            if progress:  # "12 of the 40 actions in the plan are complete"
                concern = "improvement-governance"
            if concern is None and unit == "staff" and not phrase:  # "18 had started": the
                concern = _nearest(cues(lead), len(lead), len(lead))  # subject's sentence says
            if concern is None and unit in _DURATIONS and ix.wait_end <= s:
                para = lead[lead.rfind("\n") + 1 :]  # the sentences before it in its paragraph
                concern = _nearest(cues(para), len(para), len(para))
        prev = (e, unit, concern, qual)
        yield Figure(value, unit, span(doc, p.start, p.end), concern, qual, f"figures.{unit}")


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
