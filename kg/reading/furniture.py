"""Council website furniture printed on the lines of minutes saved from the web.

Link labels with a file type and size ("Minutes pdf icon PDF 74 KB", "Coversheet (172K/bytes)"),
"View directions" after a venue, a start time in brackets after an item title ("(19.05)"). These
are the site's, not the minutes': a title or a venue ends where they begin. Offsets are kept: the
functions here only say where the content ends.
"""

from __future__ import annotations

import re

_TAIL = re.compile(
    r"(?:"
    r"(?:\s+pdf\s+icon)?\s+(?:pdf|docx?|xlsx?|pptx?|rtf|odt)\s+\d+(?:\.\d+)?\s*[kmg]b"  # pdf icon PDF 74 KB
    r"|\s+pdf\s+icon"
    r"|\s+additional\s+documents\s*:?"  # the heading of the item's list of papers
    r"|\s*\(\s*\d+(?:\.\d+)?\s*[kmg](?:/?bytes|b)\s*\)"  # (172K/bytes), (85 KB)
    r"|[.,]?\s+view\s+(?:directions|the\s+full\s+minutes(?:\s+text)?(?:\s+for\s+item\s+\S+)?)"
    r"|\s*\(\s*\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*\)"  # (19.05): the time the item was taken
    r")[\s.]*$",
    re.IGNORECASE,
)


def content_end(text: str, start: int, end: int) -> int:
    """Where the content of text[start:end] ends, before any website furniture at its end."""
    while end > start:
        m = _TAIL.search(text, start, end)
        if not m or m.start() <= start:
            return end
        end = m.start()
    return end


_FILE_LINK = re.compile(r"\s+pdf\s+icon\s+pdf\s+\d+(?:\.\d+)?\s*[kmg]b[\s.]*$", re.IGNORECASE)


def links_a_paper(line: str) -> bool:
    """A line ending in the link to its paper ("... pdf icon PDF 285 KB"): on a council's meeting
    page, the title of an agenda item."""
    return _FILE_LINK.search(line) is not None
