"""Which local authorities the minutes name, and whose minutes they are."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.common import reference_date, span
from kg.extract.facts import AuthorityMention, StatedAuthority
from kg.reading.document import Document
from kg.reading.segments import segments_of
from kg.reference.register import authority_from_address, register

# Words that make a name another body wherever they stand in it, after the place or after a list
# of places and other capitalised words: "Cardiff and Vale Regional Safeguarding Board".
_BODY = (
    r"safeguarding|children'?s\s+trust|clinical|commissioning|ccg|nhs|hospitals?|university|"
    r"college|police|constabulary|fire|ambulance|foundation|community\s+(?:health|trust)|"
    r"health|diocese|youth\s+offending|lscb|integrated\s+care|bay"
)
# Words that make it another body only straight after the place ("Bradford Partnership"), as a
# council's own board may be named with a word between ("Kirklees Improvement Board").
_DIRECT = r"partnership|district\s+of|school|academy|local\s+safeguarding|board|hub"
# A name followed by one of these is another body, not the council ("Bradford Children's Trust").
_NOT_COUNCIL_AFTER = re.compile(rf"^['\u2019]?s?\s+(?:{_BODY}|{_DIRECT})", re.IGNORECASE)
_BODY_WORD = re.compile(rf"\s+(?:{_BODY})\b", re.IGNORECASE)
_ACRONYM = re.compile(r"(?<![\w&])[A-Z][A-Z&]{2,6}(?![\w&])")
_COUNCIL_WORD = re.compile(
    r"^\s*(?:county\s+borough\s+|metropolitan\s+|borough\s+|city\s+|county\s+)?council", re.I
)


_CAPWORD = re.compile(r"\s+([A-Z][\w'\u2019&-]*)")


def _other_body(after: str) -> bool:
    """"Abertawe Bro Morgannwg University Health Board", "Barnet, Enfield and Haringey Mental
    Health NHS Trust", "Cardiff and Vale Regional Safeguarding Board": a place, alone or in a list
    of places, inside the name of a health, police, safeguarding or education body."""
    pos = 0
    for _ in range(10):
        connector = _CONNECTOR.match(after, pos)
        if connector:
            pos = connector.end()
            continue
        m = _CAPWORD.match(after, pos)
        if not m:
            return False
        word = m.group(1).lower()
        if word in ("council", "county", "borough", "city", "metropolitan", "district"):
            return False
        if _BODY_WORD.match(after, pos):
            return True
        pos = m.end()
    return False


_CONNECTOR = re.compile(r"\s*(?:,|and\b|&|of\b|the\b)", re.IGNORECASE)


_GSS = re.compile(r"[EWSN]\d{8}")


def _stated(doc: Document, on: str | None) -> StatedAuthority | None:
    """Whose minutes these are, from a manifest's statement or the council named by the address."""
    meta, reg = doc.source, register()
    if meta is None:
        return None
    if meta.authority:
        value = meta.authority.strip()
        coded = _GSS.fullmatch(value) and value in reg.by_gss
        gss = reg.successor(value, on) if coded else reg.lookup(value, on)
        if gss:
            return StatedAuthority(gss, meta.origin, value, "authorities.manifest")
    if meta.url:
        gss = authority_from_address(meta.url, on)
        if gss:
            return StatedAuthority(gss, "address", meta.url, "authorities.address")
    return None


def extract(doc: Document) -> Iterator[AuthorityMention | StatedAuthority]:
    reg = register()
    on = reference_date(doc)
    stated = _stated(doc, on)
    if stated:
        yield stated
    flat = doc.flat
    found: list[tuple[int, int, str, float, str]] = []
    for start, end, name in reg.find_names(flat):
        # place names are capitalised, so "reading" the verb is never Reading
        after = flat[end : end + 80].split("\n", 1)[0]  # what follows on the same line
        council = "council" in name  # "Cardiff Council and Vale ... Board" names the council
        if not council and (_NOT_COUNCIL_AFTER.match(after) or _other_body(after)):
            continue
        gss = reg.lookup(name, on)
        if not gss:
            continue
        weight = 2.0 if (council or _COUNCIL_WORD.match(after)) else 1.0
        found.append((start, end, gss, weight, "authorities.name"))
    taken = [(s, e) for s, e, _, _, _ in found]
    for m in _ACRONYM.finditer(flat):
        gss = reg.acronyms.get(m.group())
        if gss and not any(s <= m.start() < e for s, e in taken):
            found.append((m.start(), m.end(), reg.successor(gss, on), 1.0, "authorities.acronym"))
    if not found:
        # No council named: a district town ("County Hall, Worcester") is weak evidence for
        # its county, taken only when it points to one county.
        weak = reg.find_districts(flat)
        if len({g for _, _, g in weak}) != 1:
            return
        found = [(s, e, g, 0.5, "authorities.district_town") for s, e, g in weak]
    header_end = segments_of(doc).header_end
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    for s, _, gss, w, _ in found:
        score[gss] = score.get(gss, 0.0) + w * (3.0 if s < header_end else 1.0)
        first.setdefault(gss, s)
    primary = stated.gss if stated else max(score, key=lambda g: (score[g], -first[g]))
    for s, e, gss, _, rule in sorted(found):
        yield AuthorityMention(gss, gss == primary, span(doc, s, e), rule)
