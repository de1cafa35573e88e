"""Numbers as minutes write them: digits with commas, money, and numbers in words."""

from __future__ import annotations

import re
from decimal import Decimal

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_UNIT_WORDS = "|".join(sorted(_UNITS, key=len, reverse=True))
_TEN_WORDS = "|".join(_TENS)

_ONE_TO_NINE = "one|two|three|four|five|six|seven|eight|nine"
# "twenty-five", "twenty five", "twelve", "a dozen"; whole words only.
_BELOW_100 = rf"(?:(?:{_TEN_WORDS})(?:[- ](?:{_ONE_TO_NINE}))?|{_UNIT_WORDS})"
# ... and "one hundred and forty-six", "two hundred"
WORD_NUMBER = re.compile(
    rf"\b(?:(?:{_ONE_TO_NINE}|a)\s+hundred(?:\s+and\s+{_BELOW_100})?|{_BELOW_100}|a\s+dozen)\b",
    re.IGNORECASE,
)
# 1,118 / 12.5 / 87 ; not part of a word or a longer code ("CF31", "1/2/3", "2017/18").
DIGITS = re.compile(
    r"(?<![\w.,/£-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w/])"
)
_MULT = {"m": 10**6, "million": 10**6, "mn": 10**6, "bn": 10**9, "billion": 10**9, "k": 10**3,
         "thousand": 10**3}
MONEY = re.compile(
    r"£\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(million|billion|thousand|mn|bn|m|k)?\b",
    re.IGNORECASE,
)


def word_value(word: str) -> int | None:
    """The value of a number written in words ("twenty-five" -> 25), else None."""
    w = re.sub(r"\s+", " ", word.lower().strip())
    if w == "a dozen":
        return 12
    hundreds = re.match(r"^(\w+) hundred(?: and (.+))?$", w)
    if hundreds:
        h = 1 if hundreds.group(1) == "a" else _UNITS.get(hundreds.group(1))
        rest = word_value(hundreds.group(2)) if hundreds.group(2) else 0
        return None if h is None or rest is None else h * 100 + rest
    if w in _UNITS:
        return _UNITS[w]
    parts = re.split(r"[- ]", w)
    if parts and parts[0] in _TENS:
        extra = _UNITS.get(parts[1], None) if len(parts) > 1 else 0
        if extra is None or extra >= 10:
            return None
        return _TENS[parts[0]] + extra
    return None


def digits_value(s: str) -> float:
    return float(s.replace(",", ""))


def money_value(m: re.Match[str]) -> float:
    """Value in pounds of a MONEY match ("£1.2m" -> 1200000), without binary rounding error."""
    value = Decimal(m.group(1).replace(",", ""))
    mult = (m.group(2) or "").lower()
    return float(value * _MULT.get(mult, 1))
