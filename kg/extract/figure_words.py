"""The words around a number in minutes that tell whether it is a figure, its unit, whether it
is a target or an earlier value, and which concern it measures (kg.extract.figures)."""

from __future__ import annotations

import re

from kg.extract.dates import MONTH
from kg.extract.numbers import WORD_NUMBER

_I = re.IGNORECASE
# Spans that hold numbers which are not figures.
NOT_FIGURES = re.compile(
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
LABEL_BEFORE = re.compile(
    r"\b(?:items?|appendi(?:x|ces)|annex|sections?|paragraphs?|para|pages?|minutes?|no\.?|"
    r"number|workstream|work\s+stream|priority|phase|stage|tier|level|rooms?|committee|panel|"
    r"board|act|regulation|schedule|clause|rule|recommendation|option|table|figure|chapter|"
    r"version|ward|part|article|document|year|key\s+stage|step|grade|band|ref\.?|indicator|"
    r"aged|ages?\s+of|aged\s+(?:up\s+to|under|over|below|above))\s*$",
    re.IGNORECASE,
)
# "Committee 2", "Priority Indicator 3": a capitalised word inside a sentence names a thing
NAME_BEFORE = re.compile(r"(?<=[\w,)]\s)[A-Z][a-z]+\s*$")
RANGE_AFTER = re.compile(r"^\s*(?:to|-|and|or)\s*(\d[\d,]*)(?=\s)")
YEAR = re.compile(r"^(?:19|20)\d\d$")
# "six-monthly updates", "a 12-month programme": a number inside a compound word counts nothing
COMPOUND = re.compile(r"-(?!(?:one|two|three|four|five|six|seven|eight|nine)\b)[a-z]", _I)
# a value compared with one just given: "against a target of eighteen", "from one hundred"
COMPARED = re.compile(
    r"(?:\btarget\s+(?:of\s+)?|\bagainst\s+|\bcompared\s+(?:with|to)\s+|\bfrom\s+|\bthan\s+)"
    r"(?:(?:about|around|approximately|over|nearly|almost|just|only)\s+)?$", _I)
# "within 24 hours" is a timescale to meet, not a measure
DURATIONS = ("months", "weeks", "days")
TIMESCALE = re.compile(r"\bwithin\s+$", _I)
ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")

CHILD = (
    r"(?:(?:children|young\s+people)\s+(?:looked\s+after|in\s+care)|"
    r"(?:looked[- ]after\s+)?(?:children(?!['\u2019]s\b)|child(?!['\u2019]s\b)|young\s+people|"
    r"young\s+persons?|babies|infants|"
    r"teenagers|adolescents|youngsters|pupils|care\s+leavers|unaccompanied\s+[\w\s]{0,30}?"
    r"children|(?-i:LAC|CLA|CiC|UASC|CIN|CP)))"
)
STAFF = (
    r"(?:(?:permanent|substantive)\s+appointments|"
    r"(?:agency\s+|newly\s+qualified\s+|experienced\s+|permanent\s+)?(?:social\s+workers?|"
    r"workers|staff|staff\s+members|practitioners|managers|team\s+managers|employees|posts|social\s+work\s+posts|"
    r"nurses|officers|advis[eo]rs|therapists|psychologists|locums|recruits|apprentices|"
    r"students|(?-i:NQSWs?|FTEs?)))"
)
# Plural senior titles count leaders: "four Directors of Children's Services", "three Heads of Service"
SENIOR = re.compile(
    r"^[\s-]*((?:(?:permanent|interim|substantive|acting|new|different|successive)\s+)?"
    r"(?:(?:assistant|deputy|executive|strategic|corporate)\s+)?"
    r"(?:directors|heads\s+of\s+(?:service|[A-Z][\w']*)|heads\s+of\s+[A-Z][\w']*\s+services|"
    r"chief\s+executives|senior\s+managers))\b", _I)
UNIT_NOUNS: list[tuple[str, re.Pattern[str]]] = [
    ("children", re.compile(rf"\b{CHILD}\b", _I)),
    ("staff", re.compile(rf"\b{STAFF}\b", _I)),
]
STOP = {
    "in", "of", "at", "from", "to", "by", "for", "with", "on", "into", "per", "within", "across",
    "through", "who", "which", "that", "were", "was", "had", "have", "has", "is", "are", "being",
    "not", "will", "would", "could", "should", "than", "as", "since", "over", "under", "each",
    "but", "or", "this", "these", "those", "when", "where", "while", "they", "it",
}
FIRST_STOP = STOP | {"and", "the", "a", "an", "so", "then", "more", "less", "fewer"}
DURATION = re.compile(r"^[\s-]*(?:(?:working|calendar)\s+)?(months?|weeks?|days?|hours?|years?)\b", _I)
PERCENT = re.compile(r"^\s*(?:%|per\s*cent\b|percent\b)", _I)
CASELOAD = re.compile(r"\bcase\s?loads?\b|\bwork\s?loads?\b|\bcases\s+per\b", _I)
HIRED = re.compile(r"\b(?:taken\s+on|appointed|recruited|hired|employed)\s+$", _I)
# "only 9 had been appointed"; "18 had started in January" (when staff were being discussed)
HIRED_AFTER = re.compile(
    r"^\s+(?:(?:had|have|has)\s+(?:now\s+|since\s+)?been|were|was)\s+(?:successfully\s+)?"
    r"(?:appointed|recruited|hired|taken\s+on|employed)\b", _I)
JOINED_AFTER = re.compile(r"^\s+(?:had|have|has)\s+(?:now\s+|since\s+)?(?:started|joined)\b", _I)
# "some workers held as many as 28 cases": cases a worker holds are a caseload
HOLDS = re.compile(
    r"\b(?:hold|holds|held|holding|carry|carries|carried|carrying|allocated|manag(?:e|es|ed|ing))\b"
    r"[^.;:]{0,25}$", _I)
CHANGE_TO = re.compile(
    r"\b(?:reduc\w*|f[ae]ll\w*|dropp\w*|decreas\w*|increas\w*|r[io]se\w*|risen|grow\w*|down|up|"
    r"cut)\s+(?:[\w']+\s+){0,2}to\s+$|\binto\s+$", _I)
LINKED = re.compile(
    r"(?:\bof\s+(?:whom|which)|\bto|\binto|\bfrom|\bof|\bwith|\bthan|\band|\bor|\bwas|\bwere|\bis|\bare|\bat|\bby)\s+"
    r"(?:(?:about|around|approximately|over|under|nearly|almost|just|only|some|a\s+further|"
    r"a\s+total\s+of)\s+)?$", _I)
OF_THE_N = re.compile(
    rf"^\s+of\s+(?:the|these|those|our)?\s*(\d[\d,]*|{WORD_NUMBER.pattern})\s", _I)
# "nine of which were complete", "fourteen of them": a part of the things just counted
OF_THOSE = re.compile(r"^\s+of\s+(?:which|whom|them|these|those)\b", _I)
# "16 children per social worker" is a caseload
PER_WORKER = re.compile(
    r"^[\s-]*(?:children|cases|families)\s+(?:per|for\s+each|to\s+each|each\s+per)\s+"
    r"(?:(?:qualified|social|full[- ]time)\s+)*(?:social\s+)?(?:workers?|practitioners?)\b", _I)
# "caseloads ... ranged between eighteen and twenty-two": a word number read as a caseload
CASELOAD_LINK = re.compile(
    r"\b(?:between|and|or|of|at|to|from|averag\w*|around|about|approximately|ranged)\s+$", _I)

PREVIOUS_PRE = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|previously|originally|formerly)\s+"
    r"(?:(?:about|around|approximately|over|nearly|almost|just)\s+)?$", _I)
PREVIOUS_POST = re.compile(
    r"^[^;,.]{0,25}?\b(?:at\s+the\s+time\s+of|a\s+year\s+(?:earlier|ago|before)|last\s+year|"
    r"the\s+previous\s+year|previously)", _I)
TARGET_POST = re.compile(
    r"^\s+(?:(?:more|further|additional|new)\s+)?(?:were|was|are|is|would\s+be)\s+"
    r"(?:expected|planned|due|forecast|anticipated)\b", _I)
QUAL_CUES = [
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
FIG_CUES = [  # extra cues, for figures only
    ("recruitment", re.compile(r"\bapplications\b|\bapplicants?\b", _I)),
    ("practice-quality", re.compile(r"\bchild\s+protection\s+(?:plans?|register)\b", _I)),
    ("multi-agency", re.compile(r"\b(?-i:MARAC)\b|\brisk\s+assessment\s+conference", _I)),
]
# Counts of the parts of a list ("three broad areas", "seven priorities") are not findings.
LIST_PARTS = re.compile(
    r"\b(?:areas|priorities|themes|work\s?streams|strands|points|issues|recommendations|actions|"
    r"items|questions|headings|objectives|elements|outcomes|aims|lines\s+of\s+enquiry)$", _I)
# counts of a plan's actions are findings when the text reports their progress
PLAN_ACTIONS = re.compile(r"\b(?:actions|recommendations)$", _I)
INSPECTION_SAID = re.compile(
    r"\b(?:ofsted|inspect\w*|inspectorate|CIW|CSSIW|(?:inspection|visit)\s+(?:report|letter))\b[^.;]{0,60}"
    r"\b(?:made|makes|set\s+out|resulted\s+in|contain\w*|identified|included|gave|with)\s+$", _I)
PROGRESS = re.compile(
    r"\b(?:complete[ds]?|achieved|delivered|closed|on\s+track|overdue|outstanding|(?:RAG\s+)?rated|"
    r"green|amber)\b", _I)
# "31 had been completed": a count of the things just counted
DONE_AFTER = re.compile(
    r"^\s+(?:(?:had|have|has)\s+(?:now\s+)?been|were|are|was|is)\s+(?:now\s+)?(?:fully\s+)?"
    r"(?:completed?|achieved|delivered|closed|on\s+track)\b", _I)
# a time waited: "the waiting time had reduced to 8 weeks" measures the service the paragraph is about
WAIT = re.compile(r"\bwait(?:s|ed|ing)?\b", _I)
GENERIC = {"practice-quality"}  # the broadest concept yields to a more specific cue nearby

# How far a pattern anchored at a number looks back or ahead: every such pattern matches far
# fewer characters than this, so reading a window instead of the whole passage changes no
# answer and keeps the work per number constant (the passage can be a 400-row table).
BACK = 120
AHEAD = 300
SENTENCE_END = re.compile(r"[.!?;]\s")
CLAUSE_MARK = re.compile(r"[;,]")
NEXT_SENTENCE = re.compile(r"(?<=[.!?])\s")
