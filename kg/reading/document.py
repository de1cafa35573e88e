"""The immutable document that flows through the pipeline.

``text`` is what quotes and offsets refer to. ``flat`` has the same length: typographic quotes,
non-breaking spaces and tabs are normalised and hard-wrapped lines are joined by a space, so that
patterns match across wraps while every offset still points into ``text``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar, cast

from kg.reading.metadata import SourceMeta

T = TypeVar("T")

_CHAR_MAP = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\t": " ",
        "\r": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": " ",
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
    }
)

# A line that starts a new block: bullets in any glyph, numbered or lettered points, headings.
BLOCK_START = re.compile(
    r"""^\s*(?:
        [\u00b7\u2022\u25cf\u25aa\u25a0\u2023\u2043\u2219\u00d8\u00a7\u27a2\u2713\u2714\u25e6*-]\s
      | o\s{2,} | o\s(?=[A-Z])
      | \(?\d{1,3}[.)]\s | \(\d{1,3}\)\s* | \(?[a-z]{1,2}\)\s | \(?[ivx]{1,4}\)\s | [ivx]{1,4}\.\s
      | (?i:resolved|recommended|decision|action|minutes|recommendations?|agreed)\b
        (?=\s*[:\-\u2013]|\s*$|\s+(?i:that)\b)
      | [A-Z][A-Z ,'&()-]{6,}$
    )""",
    re.VERBOSE,
)
_ATTACHMENT = re.compile(r"^(?:pdf|docx?|xlsx?|pptx?|rtf|odt)\s+\d+(?:\.\d+)?\s*[kmg]b\b", re.IGNORECASE)
_UPPER_HEADING = re.compile(r"^[^a-z]*[A-Z][^a-z]*$")


def normalise_chars(text: str) -> str:
    """Same-length normalisation of typography (quotes, dashes, odd spaces)."""
    return text.translate(_CHAR_MAP)


def _reflow(norm: str) -> str:
    """Replace hard-wrap newlines by spaces; keep paragraph and block breaks."""
    lines = norm.split("\n")
    out = list(norm)
    pos = 0
    for i, line in enumerate(lines[:-1]):
        pos += len(line)  # index of the "\n" after this line
        nxt = lines[i + 1]
        if _continues(line, nxt):
            out[pos] = " "
        pos += 1
    return "".join(out)


def _continues(line: str, nxt: str) -> bool:
    a, b = line.strip(), nxt.strip()
    if not a or not b:
        return False
    if a.endswith(":") or a.endswith(";"):
        return False
    if BLOCK_START.match(nxt) or _ATTACHMENT.match(b):
        return False
    if b[0].islower():
        return True
    if _UPPER_HEADING.match(a):
        return False
    if a[-1] in ".!?)\"'" and len(a) < 50:
        return False
    # A wrapped line is long and stops mid-sentence; a short line is a heading or a field.
    return len(a) >= 30 and a[-1] not in ".!?"


@dataclass(frozen=True)
class Document:
    name: str  # file name as given, relative to the folder it was found in
    sha256: str  # of the file's bytes
    media_type: str
    text: str
    warnings: tuple[str, ...] = ()
    source: SourceMeta | None = None  # its address and what a manifest states about it

    @cached_property
    def norm(self) -> str:
        """Typography normalised, lines kept: for line-based segmentation."""
        return normalise_chars(self.text)

    @cached_property
    def flat(self) -> str:
        """Typography normalised and hard wraps joined: for sentence patterns."""
        return _reflow(self.norm)

    def derived(self, key: str, make: Callable[[Document], T]) -> T:
        """A view that a later stage computes from this document once (segments, say).

        Kept beside the cached copies above, so this module need not know the later stages.
        """
        cache: dict[str, Any] = self.__dict__.setdefault("_derived", {})
        if key not in cache:
            cache[key] = make(self)
        return cast(T, cache[key])

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]

    @property
    def is_extracted_text(self) -> bool:
        """HTML and PDF text is extracted by kg and kept in the graph so quotes can be checked."""
        return self.media_type != "text/plain"
