"""Normalised keys: extractors group mentions by them, and the graph builds IRIs on them."""

from __future__ import annotations

import re
import unicodedata

_INTERIM = re.compile(r"\b(interim|acting|temporary)\b\s*", re.IGNORECASE)


def slug(s: str, limit: int = 80) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = s.lower().replace("&", " and ").replace("'", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:limit].rstrip("-") or "x"


# Words that minutes add or drop in one title: "Director of/for Children's Service(s)".
_LINKS = re.compile(r"-(?:of|for|the)(?=-)")


def post_key(title: str) -> str:
    """Normalised title: interim-ness is a property of the post holder's tenure, not the post;
    linking words and a plural "services" do not make another post."""
    t = _INTERIM.sub("", title)
    t = re.sub(r"\bchildren\s+social\b", "childrens social", t, flags=re.IGNORECASE)
    key = slug(re.sub(r"^the\s+", "", t.strip(), flags=re.IGNORECASE))
    return re.sub(r"\bservices\b", "service", _LINKS.sub("", _LINKS.sub("", key)))
