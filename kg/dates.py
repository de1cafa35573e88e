"""Dates as minutes write them, to ISO 8601 at the precision the text gives."""

from __future__ import annotations

import re

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
    rf"\b{WEEKDAY}?(?:the\s+)?(\d{{1,2}}){ORD}\s+(?:of\s+)?({MONTH})\b\.?(?:,?\s+(\d{{4}}))?",
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
