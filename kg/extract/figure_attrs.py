"""The candidate numbers of a passage and what each one is: its unit and the noun phrase it was
read from, its qualifier (target, previous, actual) and the concern it measures."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.concern_cues import cues
from kg.extract.figure_index import (
    PassageIndex,
    inside,
    nearest_cue,
    search_back,
)
from kg.extract.figure_words import (
    AHEAD,
    CASELOAD_LINK,
    CHANGE_TO,
    COMPARED,
    COMPOUND,
    DONE_AFTER,
    DURATION,
    DURATIONS,
    FIRST_STOP,
    HIRED,
    HIRED_AFTER,
    JOINED_AFTER,
    LABEL_BEFORE,
    LINKED,
    NAME_BEFORE,
    NOT_FIGURES,
    OF_THE_N,
    OF_THOSE,
    ORDINAL_AFTER,
    PER_WORKER,
    PERCENT,
    PREVIOUS_POST,
    PREVIOUS_PRE,
    QUAL_CUES,
    RANGE_AFTER,
    SENIOR,
    STOP,
    TARGET_POST,
    UNIT_NOUNS,
    YEAR,
)
from kg.extract.numbers import DIGITS, MONEY, WORD_NUMBER, digits_value, money_value, word_value

_I = re.IGNORECASE


def _noun_phrase(after: str) -> str:
    words = re.match(r"^[\s-]*((?:[A-Za-z][\w'-]*\s*){1,6})", after)
    if not words:
        return ""
    out: list[str] = []
    for w in words.group(1).split():
        if (w.lower() in (FIRST_STOP if not out else STOP)) or w[0].isdigit() or (
            WORD_NUMBER.fullmatch(w)):  # "290 twelve months earlier"
            break
        out.append(w)
    return " ".join(out)


def unit_of(flat: str, s: int, e: int, phrase_only: bool = False) -> tuple[str, str] | None:
    """(unit, noun phrase) read from the words after a number; None if they name no unit."""
    after = flat[e : e + 80]
    if PERCENT.match(after):
        return "percent", ""
    senior = SENIOR.match(after)
    if senior:
        return "staff", senior.group(1)
    d = DURATION.match(after)
    if d:
        u = d.group(1).lower().rstrip("s")
        return ({"month": "months", "week": "weeks", "day": "days", "hour": "count"}.get(u, "")), ""
    staff = re.match(r"^[\s-]*(?:members\s+of\s+(?:staff|the\s+workforce))\b", after, _I)
    if staff:  # "nine members of staff"
        return "staff", staff.group().strip(" -")
    phrase = _noun_phrase(after)
    for unit, rx in UNIT_NOUNS:
        if phrase and rx.search(phrase):
            return unit, phrase
    words = phrase.split()
    for i, w in enumerate(words):
        if len(w) > 3 and re.search(r"[a-z][^s]s$", w) and not phrase.istitle():
            return "count", " ".join(words[: i + 1])
    return None


def qualifier(pre: str, post: str, inherit: str | None) -> str:
    """target, previous or actual, from the words since the previous figure of the passage."""
    if PREVIOUS_PRE.search(pre) or PREVIOUS_POST.match(post):
        return "previous"
    if TARGET_POST.match(post):
        return "target"
    ends_to = bool(re.search(r"\bto\s+$", pre))
    # "level of 20 for experienced social workers and 17": a value listed after another shares
    # its qualifier unless words between say otherwise
    best, where = (inherit if inherit and not ends_to else "actual"), -1
    for q, rx in QUAL_CUES:
        if q == "previous" and (ends_to or inherit == "previous"):
            continue
        for m in rx.finditer(pre):
            if m.start() > where:
                best, where = q, m.start()
    return best



def concern_of(
    ix: PassageIndex, s: int, e: int, unit: str, phrase: str, prev: str | None
) -> str | None:
    """The concept the figure measures: its own noun, else the nearest cue of its clause."""
    if unit == "cases":
        return "caseloads"
    if unit == "staff" and SENIOR.match(phrase):
        return "leadership-capacity"
    if unit in ("children", "staff") and phrase:
        own = nearest_cue(cues(phrase), 0, 0)
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


def candidate_numbers(text: str) -> Iterator[tuple[int, int, float, str | None]]:
    """(start, end, value, unit-if-known) for candidate numbers in a passage."""
    blocked = [(m.start(), m.end()) for m in NOT_FIGURES.finditer(text)]
    blocked_at = [a for a, _ in blocked]
    taken: list[tuple[int, int]] = []
    for m in MONEY.finditer(text):
        taken.append((m.start(), m.end()))
        yield m.start(), m.end(), money_value(m), "gbp"
    taken_at = [a for a, _ in taken]
    for m in DIGITS.finditer(text):
        s, e = m.start(), m.end()
        if inside(blocked, blocked_at, s) or inside(taken, taken_at, s) or (
                ORDINAL_AFTER.match(text[e : e + AHEAD])) or COMPOUND.match(text, e):
            continue
        if LABEL_BEFORE.search(text[max(0, s - 20) : s]) or search_back(NAME_BEFORE, text, s):
            continue
        if YEAR.match(m.group()) and not unit_of(text, s, e):
            continue
        yield s, e, digits_value(m.group()), None
    for m in WORD_NUMBER.finditer(text):
        v = word_value(m.group())
        if COMPOUND.match(text, m.end()):
            continue
        if v is not None and not inside(blocked, blocked_at, m.start()):
            yield m.start(), m.end(), float(v), None


# a count whose noun is left out after a list's comma: "..., 512 are the subject of a plan"
ELLIPSIS_AFTER = re.compile(
    r"\s+(?:are|were|is|was|have|had)\b(?!\s+(?:per\s+cent|percent|years?|months?|weeks?|days?)\b)")


def infer_unit(
    ix: PassageIndex, s: int, e: int, prev_unit: str | None, lead: str = ""
) -> tuple[str | None, str]:
    """(unit, the noun phrase it was read from) for the number at text[s:e].

    ``lead`` is the text just before the passage, where the subject of "18 had started" may be.
    """
    text = ix.text
    after = text[e : e + AHEAD]
    if PER_WORKER.match(after):
        return "cases", ""
    got = unit_of(text, s, e)
    if got:
        return got
    word = text[s].isalpha()
    if prev_unit and OF_THOSE.match(after):
        return prev_unit, ""
    of_n = OF_THE_N.match(after) or RANGE_AFTER.match(after)
    if of_n:  # "15 of the 62 social workers", "15 to 20 children"
        got = unit_of(text, e + of_n.start(1), e + of_n.end(1))
        if got:
            return got
    if prev_unit == "count" and DONE_AFTER.match(after):
        return "count", ""
    if HIRED_AFTER.match(after):
        return "staff", ""
    if JOINED_AFTER.match(after):
        last = ix.last_noun(s)
        if last is None:  # the subject may be in the text before the passage
            subj = [(m.end(), u) for u, rx in UNIT_NOUNS for m in rx.finditer(lead)]
            last_unit = max(subj)[1] if subj else None
        else:
            last_unit = last[1]
        if last_unit == "staff":
            return "staff", ""
    # "3,100 children receive a service, 512 are the subject of a plan and 467 are looked after"
    if prev_unit in ("children", "staff", "cases") and not word and ELLIPSIS_AFTER.match(after) and (
            re.search(r"(?:,|;|\band)\s*$", text[max(0, s - 8) : s])):
        return prev_unit, ""
    start = ix.sentence_start(s)
    if word and ix.caseload_between(start, s) and search_back(CASELOAD_LINK, text, s) and not (
            OF_THOSE.match(after)) and not re.match(r"\s+of\b", after):
        return "cases", ""
    if word and prev_unit and COMPARED.search(text[max(0, s - 40) : s]):
        return prev_unit, ""
    if word and not (search_back(CHANGE_TO, text, s) or search_back(HIRED, text, s)):
        return None, ""  # "one of the lowest": a word is a number only in a comparison
    if not word and ix.caseload_between(0, s):
        return "cases", ""
    if search_back(HIRED, text, s):
        return "staff", ""
    if search_back(LINKED, text, s):
        noun = ix.last_noun(s)
        if prev_unit and not (prev_unit in DURATIONS and noun):  # "from 14 ... reduced to one"
            return prev_unit, ""  # but "children waiting over 18 weeks fell from 212" counts children
        if noun:  # "the number of agency social workers had fallen from 31"
            _, unit, phrase = noun
            return unit, phrase
        sentence = text[start:s]
        counted = re.search(r"\bnumber\s+of\s+((?:[\w-]+\s+){0,3}?[a-z]+s)\b[^.;]*$", sentence, _I)
        if counted:  # "the number of unallocated cases had fallen from 97"
            return "count", counted.group(1)
    return None, ""

