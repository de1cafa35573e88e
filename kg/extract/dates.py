"""Dates as minutes write them, to ISO 8601 at the precision the text gives."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")]
    )
    for m in names
}
MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
        r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
ORD = r"(?:st|nd|rd|th)?"
WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)"
# "14 March 2017", "Tuesday, 14th March 2017", "14 March" (year optional)
DAY_MONTH_YEAR = re.compile(
    rf"\b{WEEKDAY}?(?:the\s+)?(\d{{1,2}}){ORD}\s*(?:of\s+)?({MONTH})\b\.?(?:,?\s+(\d{{4}}))?",
    re.IGNORECASE,
)
# "March 14, 2017"
MONTH_DAY_YEAR = re.compile(rf"\b({MONTH})\s+(\d{{1,2}}){ORD},?\s+(\d{{4}})\b", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"\b({MONTH})\s+(\d{{4}})\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3] if name.lower()[:4] != "sept" else "sep"]


def parse_date(s: str) -> str | None:
    """The first full or partial date in s, as ISO; None if there is none."""
    m = DAY_MONTH_YEAR.search(s)
    if m and m.group(3):
        return iso(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
    m = MONTH_DAY_YEAR.search(s)
    if m:
        return iso(int(m.group(3)), month_number(m.group(1)), int(m.group(2)))
    m = NUMERIC.search(s)
    if m:
        y = int(m.group(3))
        y = y + 2000 if y < 100 else y
        return iso(y, int(m.group(2)), int(m.group(1)))
    m = MONTH_YEAR.search(s)
    if m:
        return iso(int(m.group(2)), month_number(m.group(1)))
    return None


def all_dates(text: str) -> list[tuple[int, int, str]]:
    """Every full date (day, month, year) in text: (start, end, iso)."""
    out = []
    for m in DAY_MONTH_YEAR.finditer(text):
        if m.group(3):
            d = iso(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
            if d:
                out.append((m.start(), m.end(), d))
    return out


# --- date expressions with ranges, for fieldwork and notice dates ------------------------------

_D = r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?"
_M = rf"({MONTH})\.?"
_Y = r"(\d{4})"
_THE = r"(?:the\s+)?"
_DM = rf"{_THE}{_D}\s*(?:of\s+)?{_M}"  # "22January" too, as text taken from PDFs runs it together
_TO = r"\s*(?:-|to|until|till)\s*"

# Each pattern's groups, in order, fill these slots of (first, last): d1 m1 y1 d2 m2 y2.
_RANGE_PATTERNS: list[tuple[re.Pattern[str], tuple[str, ...], bool]] = [
    # "weeks commencing 30 January 2017 and 13 February 2017": the second week runs on
    (re.compile(rf"weeks?\s+(?:commencing|beginning|starting)\s+(?:on\s+)?{_DM},?(?:\s+{_Y})?"
                rf"(?:\s*(?:and|&|,)\s*{_DM},?(?:\s+{_Y})?)?", re.I),
     ("d1", "m1", "y1", "d2", "m2", "y2"), True),
    # "between 25 February and 1 March 2019", "from 25 February to 1 March 2019"
    (re.compile(rf"between\s+{_DM},?(?:\s+{_Y})?\s+and\s+{_DM},?(?:\s+{_Y})?", re.I),
     ("d1", "m1", "y1", "d2", "m2", "y2"), False),
    (re.compile(rf"(?:from\s+)?{_DM},?(?:\s+{_Y})?{_TO}{_DM},?(?:\s+{_Y})?", re.I),
     ("d1", "m1", "y1", "d2", "m2", "y2"), False),
    # "between 7 and 16 January 2013", "6 - 7 March", "12 and 13 September 2017"
    (re.compile(rf"(?:between\s+|from\s+)?{_THE}{_D}\s*(?:-|to|and|&)\s*{_DM},?(?:\s+{_Y})?", re.I),
     ("d1", "d2", "m2", "y2"), False),
    # "January/February 2017", "September and October 2016", "December 2016 to January 2017"
    (re.compile(rf"(?:between\s+|from\s+)?{_M}(?:\s+{_Y})?\s*(?:/|-|to|and|&)\s*{_M},?\s+{_Y}", re.I),
     ("m1", "y1", "m2", "y2"), False),
    # single dates: "7 March 2019", "7 March", "March 7, 2019", "March 2019", "07/03/2019"
    (re.compile(rf"{_DM},?(?:\s+{_Y})?", re.I), ("d1", "m1", "y1"), False),
    (re.compile(rf"\b{_M}\s+{_D},?\s+{_Y}\b", re.I), ("m1", "d1", "y1"), False),
    (re.compile(rf"\b{_M},?\s+{_Y}\b", re.I), ("m1", "y1"), False),
    (re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b"), ("d1", "m1", "y1"), False),
]
_BARE_YEAR = re.compile(r"(?<![\d/£.,:-])(20[0-4]\d)(?![\d%]|\s*[/-]\s*\d)")
_STATUTE = re.compile(r"\b(?:Act|Regulations|Order|Measure|Rules)\s*$")

YMD = tuple[int | None, int | None, int | None]


@dataclass(frozen=True)
class DateExpr:
    """A date or date range as written; year None where the text leaves it out."""

    start: int  # offsets into the searched text
    end: int
    first: YMD  # (year, month, day)
    last: YMD | None = None
    open_end: bool = False  # "weeks commencing ...": the last day is not given

    @property
    def year_missing(self) -> bool:
        return self.first[0] is None

    def resolve(self, ref: str | None = None,
                after: str | None = None) -> tuple[str | None, str | None, bool]:
        """(start, end, inferred): ISO dates; a missing year is inferred from ``ref`` (the last such
        day on or before it), or else from ``after`` (the first such day on or after it)."""
        (y1, m1, d1), last = self.first, self.last
        inferred = False
        if y1 is None and m1 is not None:
            y1 = infer_year(m1, d1, ref) if ref or not after else infer_year_after(m1, d1, after)
            inferred = y1 is not None
        if y1 is None:
            return None, None, False
        start = iso(y1, m1, d1)
        end = None
        if last:
            y2, m2, d2 = last
            y2 = y2 if y2 is not None else (y1 + 1 if m2 is not None and m1 is not None and m2 < m1 else y1)
            end = iso(y2, m2, None if self.open_end else d2)
            if end is not None and start is not None and end < start[: len(end)]:
                end = None
        return start, end, inferred


def infer_year_after(month: int, day: int | None, anchor: str | None) -> int | None:
    """The year in which (month, day) first fell on or after the anchor date (a narrative's last
    dated event: "since the January 2016 meeting ... the visit on 12 April")."""
    if not anchor or not anchor[:4].isdigit():
        return None
    year = int(anchor[:4])
    a_month = int(anchor[5:7]) if len(anchor) >= 7 else 1
    a_day = int(anchor[8:10]) if len(anchor) >= 10 else 1
    return year if (month, day or 31) >= (a_month, a_day) else year + 1


def infer_year(month: int, day: int | None, ref: str | None) -> int | None:
    """The year in which (month, day) last fell on or before the reference date."""
    if not ref or not ref[:4].isdigit():
        return None
    year = int(ref[:4])
    ref_month = int(ref[5:7]) if len(ref) >= 7 else 12
    ref_day = int(ref[8:10]) if len(ref) >= 10 else 31
    return year if (month, day or 1) <= (ref_month, ref_day) else year - 1


def _build(m: re.Match[str], slots: tuple[str, ...], open_end: bool) -> DateExpr | None:
    v: dict[str, int | None] = {k: None for k in ("d1", "m1", "y1", "d2", "m2", "y2")}
    for slot, text in zip(slots, m.groups(), strict=True):
        if text in ("may", "mar"):  # the verbs, not the months
            return None
        if text is not None:
            v[slot] = month_number(text) if slot[0] == "m" and not text.isdigit() else int(text)
    if v["d1"] is not None and v["m1"] is None:  # "7 and 16 January": both days share the month
        v["m1"], v["y1"] = v["m2"], v["y2"]
    for day, month in (("d1", "m1"), ("d2", "m2")):
        if v[day] is not None and not 1 <= (v[day] or 0) <= 31:
            return None
        if v[month] is not None and not 1 <= (v[month] or 0) <= 12:
            return None
    first = (v["y1"], v["m1"], v["d1"])
    last = (v["y2"], v["m2"], v["d2"]) if v["m2"] is not None else None
    if last and last[2] is not None and first[2] is not None and (first[1], first[2]) == (last[1], last[2]):
        last = None
    if last and first[0] is None and last[0] is not None and first[1] is not None:
        wraps = last[1] is not None and first[1] > last[1]  # "28 December to 3 January 2019"
        first = (last[0] - 1 if wraps else last[0], first[1], first[2])
    return DateExpr(m.start(), m.end(), first, last, open_end and last is not None)


def find_dates(text: str, years: bool = False) -> list[DateExpr]:
    """Every date or date range in text, longest first where they overlap, in text order.

    With ``years``, a bare year ("in 2014", "the 2012 inspection") counts too, but not a
    financial year ("2016/17") or the year of a statute ("Children Act 2004").
    """
    found: list[DateExpr] = []
    for rx, slots, open_end in _RANGE_PATTERNS:
        for m in rx.finditer(text):
            e = _build(m, slots, open_end)
            if e is not None:
                found.append(e)
    if years:
        for m in _BARE_YEAR.finditer(text):
            if not _STATUTE.search(text[max(0, m.start() - 14) : m.start()]):
                found.append(DateExpr(m.start(), m.end(), (int(m.group(1)), None, None)))
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    out: list[DateExpr] = []
    for e in found:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out
