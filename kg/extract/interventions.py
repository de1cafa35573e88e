"""Interventions that follow an inspection: improvement notices, statutory directions,
commissioners, and Welsh Government warning notices. One fact per intervention."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.common import reference_date, sentences, span
from kg.extract.dates import DateExpr, find_dates
from kg.extract.facts import Intervention
from kg.reading.document import Document

_I = re.IGNORECASE
_MINISTER = (r"(?:the\s+)?(?:Secretary\s+of\s+State|Welsh\s+Ministers?|Minister|DfE|"
             r"Department\s+for\s+Education)")
_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("notice-to-improve", re.compile(r"\b(?:improvement\s+notice|notice\s+to\s+improve)\b(?!s)", _I)),
    ("statutory-direction", re.compile(
        rf"\bstatutory\s+direction\b(?!s)|\bdirection\s+(?:was\s+|had\s+been\s+)?(?:issued|given|made)\s+"
        rf"(?:by|to)\s+{_MINISTER}|\bSecretary\s+of\s+State(?:'s)?\s+direction\b|\bdirection\s+under\s+"
        rf"section\s+(?:497A|154)", _I)),
    ("warning-notice", re.compile(r"\bwarning\s+notice\b(?!s)", _I)),
    ("commissioner", re.compile(r"\bCommissioner\b(?!s)")),
]
_WELSH = re.compile(r"\bWelsh\s+(?:Government|Ministers?|Assembly)\b|\bMinister\s+for\s+(?:Health\s+and\s+)?"
                    r"(?:Children\s+and\s+)?Social\s+(?:Services|Care)|\bWales\b", _I)
_HYPOTHETICAL = re.compile(r"\bmay\b|\b(?i:could|might|would|risk|threat\w*|avoid\w*|if|possible|"
                           r"possibility|potential\w*|unless|whether|likely|consider\w*|prevent\w*)\b")
_SETTING = re.compile(
    r"\b(?:schools?|academ(?:y|ies)|nurser(?:y|ies)|colleges?|providers?|children'?s\s+homes?)\b", _I)
# A commissioner of this kind is appointed by a minister or the department to run or advise on services.
_APPOINTED = re.compile(rf"\bappoint\w*|{_MINISTER}|\bMinisters?\b|\bstatutory\s+direction\b", _I)
_OTHER_COMMISSIONER = re.compile(
    r"(?:Police\s+and\s+Crime|Information|Older\s+People'?s|Future\s+Generations|Victims'?|Equality|"
    r"Welsh\s+Language|Domestic\s+Abuse|Health|Lead|Joint|Service|Councillor\s+[\w.' ]{1,30},)\s+$", _I)
_CHILDRENS = re.compile(r"Children'?s\s+$", _I)
# "Children's Services Commissioner (for Anytown)": the post the department appoints to an authority.
_SERVICES_COMMISSIONER = re.compile(r"\bChildren'?s\s+(?:Social\s+Care|Services)\s+$", _I)
_NATIONAL = re.compile(r"\s+for\s+(?:England|Wales|Scotland|Northern\s+Ireland)\b|'s\s+office", _I)
_COMMISSIONER_FOR = re.compile(r"\s+for\s+(?!children'?s\s+(?:social\s+care|services)\b)", _I)
_ENDED = re.compile(r"\b(?:lift\w*|remov\w*|revok\w*|ended|ending|end\s+of|exit\w*|discharg\w*|"
                    r"step\w*\s+down)\b", _I)
# Words between a mention and a date after it that give the date to something else, another
# intervention among them: "the Commissioner's report and the direction issued on 5 June".
_BREAK = re.compile(r";|\b(?:inspection|visit|published|lifted|removed|revoked|ended|review\w*|deadline|"
                    r"meeting|plan|report\w*|submit\w*|direction|notice|commissioner)\b", _I)
_ISSUED = re.compile(r"\b(?:issued|issuing|appointed|served|imposed|placed|gave|given|made)\b", _I)
_BEFORE_BREAK = re.compile(r"[,;]|\band\b|\brequir\w*", _I)
_JOINT = re.compile(r"\band\s+(?:(?:had|has|have|was|were|also|then|subsequently)\s+)*(?:been\s+)?appoint",
                    _I)
_NOT_ITS_DATE = re.compile(r"\b(?:by|until|before|since|from|after|within)\s+(?:the\s+)?$", _I)


@dataclass
class _Mention:
    pos: int
    sent: tuple[int, int]
    body: str
    kind: str
    date: str | None
    strong: bool  # said to be issued or appointed, not only referred to


@lru_cache(maxsize=64)
def _dates_of(sentence: str) -> tuple[list[DateExpr], list[int], list[int]]:
    """The dates of a sentence, their starts and their ends: read once for all its mentions."""
    found = find_dates(sentence, years=True)
    return found, [d.start for d in found], [d.end for d in found]


def _date_near(doc: Document, a: int, b: int, s: int, e: int, ref: str | None) -> str | None:
    """The date the intervention was made: just after the mention, else just before an issuing verb."""
    flat = doc.flat
    if _ENDED.search(flat, max(s, a - 40), a):
        return None
    after, before = None, None
    found, starts, ends = _dates_of(flat[s:e])
    # only dates that start within 100 characters after the mention or end within 60 before it
    # can be its date; they are found by bisection (dates come in order and do not overlap)
    lo = bisect.bisect_left(ends, a - 60 - s)
    hi = bisect.bisect_right(starts, b + 100 - s)
    for d in found[lo:hi]:
        da, db = s + d.start, s + d.end
        lead = flat[max(s, da - 25) : da]
        if d.first[1] is None and not re.search(r"\b(?:in|of|during)\s+$", lead, _I):
            continue
        if _NOT_ITS_DATE.search(lead):
            continue
        if da >= b and da - b <= 100 and not _BREAK.search(flat, b, da) and after is None:
            after = d.resolve(ref)[0]
        elif db <= a and a - db <= 60 and _ISSUED.search(flat, db, a) and not _BEFORE_BREAK.search(
                flat, db, a):
            before = d.resolve(ref)[0]
    return after or before


@lru_cache(maxsize=64)
def _said(sentence: str) -> tuple[bool, bool, bool]:
    """What a sentence says as a whole (Welsh, an appointment, "appoint..."): asked once for all
    of its mentions, not once each (a long sentence of many mentions was quadratic)."""
    return (bool(_WELSH.search(sentence)), bool(_APPOINTED.search(sentence)),
            bool(re.search(r"\bappoint\w*", sentence, _I)))


def _is_commissioner(flat: str, a: int, b: int, s: int, e: int) -> bool:
    _, appointed, appoint = _said(flat[s:e])
    lead = flat[max(s, a - 45) : a]
    if _SERVICES_COMMISSIONER.search(lead):
        return appointed
    if _CHILDRENS.search(lead):  # the Children's Commissioner for England is not an intervention
        return not _NATIONAL.match(flat, b, e) and appoint
    if _OTHER_COMMISSIONER.search(lead) or _COMMISSIONER_FOR.match(flat, b, e):
        return False
    return appointed


def _mentions(doc: Document) -> Iterator[_Mention]:
    flat, ref = doc.flat, reference_date(doc)
    for s, e in sentences(doc):
        sentence = flat[s:e]
        if _SETTING.search(sentence):
            continue
        found: list[_Mention] = []
        for kind, rx in _KINDS:
            for m in rx.finditer(flat, s, e):
                clause = flat[max(s, m.start() - 50) : m.start()]
                clause = clause[max(clause.rfind(c) for c in ".;:") + 1 :]
                if _HYPOTHETICAL.search(clause):
                    continue
                if kind == "commissioner" and not _is_commissioner(flat, m.start(), m.end(), s, e):
                    continue
                welsh = kind == "warning-notice" or _said(sentence)[0]
                strong = bool(_ISSUED.search(flat, max(s, m.start() - 60), min(e, m.end() + 60)))
                date = _date_near(doc, m.start(), m.end(), s, e, ref)
                body = "welsh-government" if welsh else "dfe"
                found.append(_Mention(m.start(), (s, e), body, kind, date, strong))
        yield from _share_dates(flat, found)


def _share_dates(flat: str, found: list[_Mention]) -> list[_Mention]:
    """A direction "issued on 3 May and (had) appointed a commissioner": the appointment shares its date."""
    for m in found:
        if m.date is None and m.kind == "commissioner":
            prior = [d for d in found if d.date and d.pos < m.pos and _JOINT.search(flat, d.pos, m.pos)]
            m.date = prior[-1].date if prior else None
    return found


def _same_date(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def extract(doc: Document) -> Iterator[Intervention]:
    """One fact per body, kind and date; an undated mention refers to a dated one of its kind."""
    groups: list[list[_Mention]] = []
    for m in sorted(_mentions(doc), key=lambda m: (m.date is None, m.pos)):
        fit = [g for g in groups
               if (g[0].body, g[0].kind) == (m.body, m.kind) and _same_date(g[0].date, m.date)]
        if fit:
            fit[0].append(m)
        else:
            groups.append([m])
    for g in sorted(groups, key=lambda g: min(x.pos for x in g)):
        best = min(g, key=lambda x: (x.date is None, -len(x.date or ""), not x.strong, x.pos))
        rule = f"interventions.{best.kind}" + ("" if best.strong else "_weak")
        yield Intervention(
            body=best.body, kind=best.kind, span=span(doc, *best.sent), date=best.date, rule=rule
        )
