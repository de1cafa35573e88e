"""Who owns a decision and when it is due: "the Director to report back by March 2025".

Owners are post titles before an action verb; due dates are dates after a cue ("by", "before",
"end of") or relative to the meeting ("in six months"). decisions.py finds the decisions.
"""

from __future__ import annotations

import datetime
import re

from kg.extract.common import fold
from kg.extract.dates import DAY_MONTH_YEAR, MONTH, MONTH_YEAR, iso, month_number
from kg.extract.numbers import word_value
from kg.reading.document import Document

_I = re.IGNORECASE

_HEAD = (
    r"(?:director|head|manager|officer|executive|member|leader|chair(?:man|person|woman)?|"
    r"advis[eo]r|commissioner|lead|clerk|principal\s+social\s+worker|social\s+worker)"
)
_TITLE = (
    r"(?:(?:interim|acting|deputy|assistant|executive|corporate|strategic|chief|senior|principal|"
    r"cabinet|lead|service|group|team|programme|democratic|scrutiny|monitoring|services|business|"
    rf"committee|governance|finance|performance|quality)\s+)*{_HEAD}\b"
    r"(?:\s*(?:,|-|of\b|for\b)\s*[^,;.()]{0,70}?){0,2}(?:\s*\([^()]{1,50}\))?"
)
_VERB = (
    r"(?:reports?|provides?|circulates?|shares?|brings?|presents?|updates?|writes?|arranges?|"
    r"submits?|prepares?|investigates?|liaises?|ensures?|reviews?|considers?|agrees?|completes?|"
    r"drafts?|develops?|produces?|contacts?|monitors?|seeks?|responds?|meets?|attends?|"
    r"continues?|circulate|looks?|explores?|confirms?|informs?|advises?|feeds?|adds?|sends?|"
    r"organises?|invites?|follows?|checks?|clarif(?:y|ies)|obtains?|includes?|schedules?|"
    r"forwards?|distributes?|identif(?:y|ies)|raises?|establishes?|sets?|writes?)"
)
_OWNER = re.compile(
    rf"(?:^|\b(?:that|and|asks?|requests?(?:\s+that)?|instructs?|authori[sz]es?|invites?)\s+)"
    rf"(?:the\s+)?(?P<t>{_TITLE})\s*(?:,\s*in\s+consultation\s+with[^,]+,)?\s+"
    rf"(?:be\s+(?:authori[sz]ed|asked|requested|instructed|invited)\s+to\s+|to\s+|would\s+|will\s+|"
    rf"should\s+)?{_VERB}\b",
    _I,
)
_DUE_CUE = re.compile(
    r"(?:\bby|\bbefore|\bon|\bin|\bat|\bfor|\buntil|\bno\s+later\s+than|\bend\s+of|\bdue)\s+"
    r"(?:the\s+)?(?:end\s+of\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$", _I)
_NOT_DUE = re.compile(r"\b(?:held|dated|(?<!end )of|from|since|published)\s+(?:on\s+)?(?:the\s+)?$", _I)
# "December, 2016"; a month alone after a due cue ("by the end of February") is the next one
_MONTH_COMMA_YEAR = re.compile(rf"\b({MONTH}),\s+(\d{{4}})\b", _I)
_BARE_MONTH = re.compile(
    rf"\b(?:by|before|until|no\s+later\s+than|due)\s+(?:the\s+)?(?:end\s+of\s+)?({MONTH})\b"
    r"(?!\s*,?\s*\d)", _I)
_RELATIVE = re.compile(
    r"\b(?:in|within)\s+(?:the\s+next\s+)?(\d{1,2}|[a-z]+)\s+(months?|weeks?)(?:'?s?\s+time)?\b",
    _I)


def dates_in(text: str) -> list[tuple[int, str]]:
    """(offset, ISO date) of each full date or month and year in text."""
    found: list[tuple[int, int, str]] = []
    for m in DAY_MONTH_YEAR.finditer(text):
        d = iso(int(m.group(3)), month_number(m.group(2)), int(m.group(1))) if m.group(3) else None
        if d:
            found.append((m.start(), m.end(), d))
    for m in [*MONTH_YEAR.finditer(text), *_MONTH_COMMA_YEAR.finditer(text)]:
        d = iso(int(m.group(2)), month_number(m.group(1)))
        if d and not any(a <= m.start() < b for a, b, _ in found):
            found.append((m.start(), m.end(), d))
    return sorted((a, d) for a, _, d in found)


def due_date(text: str, ref: str | None) -> str | None:
    """The date a decision is due: "by 31 March 2018", "in June 2017", "in six months"."""
    for s, d in dates_in(text):
        pre = text[max(0, s - 40) : s]
        if _DUE_CUE.search(pre) and not _NOT_DUE.search(pre):
            return d
    bare = _BARE_MONTH.search(text)
    if bare and ref and len(ref) >= 7:
        mo = month_number(bare.group(1))
        if mo:
            y = int(ref[:4]) + (1 if mo < int(ref[5:7]) else 0)
            return iso(y, mo)
    rel = _RELATIVE.search(text)
    if not (rel and ref):
        return None
    n = int(rel.group(1)) if rel.group(1).isdigit() else word_value(rel.group(1))
    if not n:
        return None
    y, mo, day = (int(x) for x in ref[:10].split("-"))
    if rel.group(2).lower().startswith("month"):
        mo += n
        return f"{y + (mo - 1) // 12:04d}-{(mo - 1) % 12 + 1:02d}"
    return (datetime.date(y, mo, day) + datetime.timedelta(weeks=n)).isoformat()


def owner_of(doc: Document, s: int, e: int, kind: str) -> str | None:
    text = doc.flat[s:e]
    words = re.findall(r"[\w'-]+", text)
    if kind == "action" and len(words) <= 14 and re.search(rf"\b{_HEAD}\b", text, _I) and all(
        w[0].isupper() or w.lower() in ("and", "of", "for", "the", "&") for w in words
    ):  # "Action: Assistant Director, Children's Social Care Improvement"
        return fold(doc.text[s:e]).rstrip(" .")
    found = _OWNER.search(text)
    if not found:
        return None
    owner = fold(doc.text[s + found.start("t") : s + found.end("t")]).rstrip(" ,")
    return _full_title(doc, owner) if owner else None


_REMIT = re.compile(
    r",\s+((?:[A-Z][\w'-]*|and|of|for|&)(?:\s+(?:[A-Z][\w'-]*|and|of|for|&)){0,6})(?=\s*[,;.)\n]|\s+to\b)")
_SERVICE_WORD = re.compile(
    r"\b(?:Services?|Care|Children|Families|Education|Safeguarding|Social|Learning|Health|"
    r"Improvement|Resources|Finance|Workforce|People|Development|Schools)\b")
_RANK = re.compile(r"(?:deputy|assistant|acting|interim|vice)\s+$", _I)


def _full_title(doc: Document, owner: str) -> str:
    """A bare title ("the Strategic Director") completed by the remit the text gives it elsewhere
    ("Strategic Director, Children and Young People's Services"), when it gives just one."""
    if re.search(r",|\bof\b|\bfor\b|\(", owner):
        return owner
    remits = set()
    for m in re.finditer(rf"\b{re.escape(owner)}\b", doc.flat):
        r = _REMIT.match(doc.flat, m.end())
        before = doc.flat[max(0, m.start() - 12) : m.start()]
        if r and _SERVICE_WORD.search(r.group(1)) and not _RANK.search(before):
            remits.add(fold(r.group(1)))
    return f"{owner}, {remits.pop()}" if len(remits) == 1 else owner
