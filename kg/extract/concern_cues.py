"""Cue phrases for each concern concept (vocabularies.yaml ``concerns``).

Each cue is a regular expression matched case-insensitively at word boundaries; ``(?-i:...)``
marks parts that must keep their case (acronyms). A cue names the topic being discussed, so a
sentence that carries one raises that concern. Phrases that merely sound alike are masked before
matching (see ``MASKS``): post titles, the SIF framework's name, "Human Resources", and so on.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import lexicons

CUES: dict[str, list[str]] = lexicons.concern_cues()  # kg/extract/data/concern_cues.yaml

# Phrases that look like cues but are names or titles; they are blanked before matching.
# A post title: "Cabinet Member Social Services and Early Help", "Head of Quality Assurance".
_POST_TITLE = re.compile(
    r"\b(?:Director|Head|Manager|Member|Officer|Lead|Holder|Commissioner|Adviser|Advisor)\b"
    r"(?:\s*[,:-]\s*|\s+(?:of|for)\s+|\s+)(?:the\s+)?[A-Z][\w'-]*"
    r"(?:(?:\s*,\s*|\s+)(?:(?:and|&|of|for|the)\s+)*[A-Z][\w'-]*)*"
)
# "Head of Service (Fieldwork and Care Leavers)": the remit in brackets right after a short title.
_POST_REMIT = re.compile(
    r"\b(?:Director|Head|Manager|Member|Officer|Lead|Holder)(?:\s+(?:of|for)\s+[A-Z][\w'-]*)?"
    r"\s*\([A-Z][^()]{0,80}\)"
)
_NAMES = re.compile(
    # the SIF framework's name, in either order of its middle words
    r"(?:children\s+in\s+need\s+of\s+)?help\s+and\s+protection,?\s+(?:children\s+looked\s+after|looked\s+after\s+"
    r"children),?\s+and\s+care\s+leavers|performance\s+evaluation\s+inspection|human\s+resources"
    r"|requir\w*\s+improvement|audit\s+(?:and\s+governance\s+)?committee|in\s+practice,"
    r"|(?:equality|equalities|environmental|integrated)?\s*impact\s+assessments?"
    # the council judging itself is not the quality of social work assessments; the Chair's
    # consent to speak is procedure, not consent in child protection
    r"|self[- ]?(?:assessment|evaluation)s?|own\s+(?:self[- ])?assessment\s+of|own\s+assessment"
    r"|assessment\s+of\s+(?:the\s+|its\s+|our\s+)?(?:authority|council|service)\W?s?\s+performance"
    r"|consent\s+of\s+(?:the\s+)?(?:chair\w*|committee|meeting|panel|board|mayor|members)"
    # a courtesy, not a discussion of morale; a health trust's name, not mental health services
    r"|(?:thank|congratulat|prais|commend)\w*\s+(?:\w+\s+){0,6}?for\s+(?:all\s+)?(?:their|the|his|her|your)"
    r"\s+hard\s+work"
    r"|(?-i:Mental\s+Health)(?=(?:\s+[A-Z][\w'-]*)*?\s+(?:NHS|Foundation|Partnership)\s+(?:[A-Z]\w*\s+)*Trust)",
    re.IGNORECASE,
)


def _compile(patterns: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


COMPILED: dict[str, re.Pattern[str]] = {k: _compile(v) for k, v in CUES.items()}


def mask(text: str) -> str:
    """Same-length copy of text with post titles and other look-alike names blanked."""
    out = list(text)
    for rx in (_POST_TITLE, _POST_REMIT, _NAMES):
        for m in rx.finditer(text):
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out)


@lru_cache(maxsize=8192)
def cues(text: str) -> tuple[tuple[str, int, int], ...]:
    """(concept, start, end) for every cue in text (post titles and names masked).

    Cached: the concerns and figures extractors ask about the same passages.
    """
    masked = mask(text)
    found = []
    for concept, rx in COMPILED.items():
        for m in rx.finditer(masked):
            found.append((concept, m.start(), m.end()))
    return tuple(sorted(found, key=lambda c: c[1]))
