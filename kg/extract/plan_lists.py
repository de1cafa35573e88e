"""Lists of plan parts: "three workstreams: A, B and C", bullets below a heading, "including ...".

plans.py decides what is a plan and what its parts are called; this module reads the lists.
"""

from __future__ import annotations

import re

from kg.extract.common import fold
from kg.extract.concerns import MARKER
from kg.reading.document import Document
from kg.reading.segments import segments_of

_I = re.IGNORECASE


def clean(label: str) -> str:
    label = fold(label).strip(" ,;:.-\"'")
    return re.sub(r"^(?:the|a|an|our|its)\s+", "", label, flags=_I)


def split_list(text: str, n: int | None) -> list[str]:
    text = re.sub(r"\s\([^()\n]{1,40}\)(?=\s*(?:[,;]|\s+and\s))", "", text)  # "People (Voice and Control),"
    text = re.split(r"\.\s|\.$|\s+-\s+|\s\(", text)[0].strip().rstrip(";,.")
    text = re.sub(r"^\s*(?:including|namely|such\s+as|are|were)\s+", "", text, flags=_I)
    quoted = re.findall(r"\"([^\"]{2,80})\"", text)
    if len(quoted) >= 2:  # '"Workforce", "Care and Support Planning" and "Placement Sufficiency"'
        return [clean(q) for q in quoted if len(q.split()) <= 8]
    sep = r"\s*;\s*(?:and\s+)?" if ";" in text else r"\s*,\s*(?:and\s+)?"
    parts = [p for p in re.split(sep, text) if p.strip()]
    if n and len(parts) < n and parts and " and " in parts[-1]:
        parts = parts[:-1] + parts[-1].split(" and ", 1)
    return [clean(p) for p in parts if 0 < len(p.split()) <= 8]


INCLUDING = re.compile(r"(?:\s+-\s+|,\s*|\s*(?P<paren>\())(?:including|such\s+as|with)\s+", _I)
LEAD = re.compile(
    r"^(?:(?:the|a|an|our|its|their)\s+)?(?:(?:roll-?out|introduction|development|expansion|launch|"
    r"creation|implementation|use)\s+of\s+(?:the\s+|a\s+|an\s+)?)?", _I)
# a head noun that ends a named component, so "and" after it starts the next one
HEAD_NOUN = (r"(?:framework|strategy|academy|hubs?|scheme|programme|package|assessment|audits?|"
              r"board|scorecard|panel|service|team|model|protocol|policy|campaign|review|supplement)")
AND_ITEM = re.compile(
    rf"\s*[;,]\s*(?:and\s+)?|\s+and\s+(?=(?:the|a|an|our|its|new)\s)|(?P<h>\b{HEAD_NOUN})\s+and\s+", _I)


def included(flat: str, s: int, e: int) -> list[str]:
    """Components named after "- including" in a workstream or priority line."""
    m = INCLUDING.search(flat, s, e)
    if not m:
        return []
    if m.group("paren"):  # "Quality of Practice (including A, B and C)": the list ends at ")"
        close = flat.find(")", m.end(), m.end() + 300)
        e = close if close > 0 else e
    tail = re.split(r"[.;:]\s|[.;:]?$|\s+-\s+|\)", flat[m.end() : e].strip(), maxsplit=1)[0]
    items = AND_ITEM.sub(lambda a: (a.group("h") or "") + "\0", tail).split("\0")
    if len(items) == 1 and " and " in tail and len(tail.split()) > 6:
        items = tail.split(" and ")
    out = [LEAD.sub("", fold(i)).strip(" ,;.") for i in items]
    return [i for i in out if 0 < len(i.split()) <= 7]


def marker_style(marker: str) -> str:
    return re.sub(r"[a-z]", "a", re.sub(r"[A-Z]", "A", re.sub(r"\d+", "1", marker.strip())))


def bullets_after(doc: Document, pos: int) -> list[tuple[int, int]]:
    """The bullet blocks right after pos, while they keep the first one's style of marker."""
    out: list[tuple[int, int]] = []
    style = None
    for b in segments_of(doc).blocks:
        if b.start <= pos:
            continue
        m = MARKER.match(doc.flat, b.start, b.end)
        if not m or m.end() == b.start or (style and marker_style(m.group()) != style):
            break
        style = style or marker_style(m.group())
        out.append((m.end(), b.end))
    return out


def line_end(flat: str, pos: int) -> int:
    end = flat.find("\n", pos)
    return len(flat) if end < 0 else end


# a numbering prefix on a listed label: "Priority 1 - ", "Workstream 2:", "Theme 3."
NUMBERED = re.compile(
    r"^\s*(?:priority|work\s?stream|theme|strand|objective|principle|pillar)\s+(?:\d{1,2}|[A-Z])\b"
    r"\s*[-:.]\s*", _I)


def listed(doc: Document, end: int, n: int | None) -> list[tuple[int, int, str]]:
    """Labels listed after pos: inline on the rest of the line, or as the bullets below it."""
    flat = doc.flat
    stop = line_end(flat, end)
    rest = flat[end:stop]
    lead = re.match(r"\s*(?:,\s*)?(?:(?:are|were|namely|highlighting|including|as\s+follows)\s*)*",
                    rest)
    after = rest[lead.end() if lead else 0 :]
    if after.strip().rstrip(":-").strip() == "" and rest.rstrip().endswith((":", "-")):
        out = []
        for s, e in bullets_after(doc, stop):
            text = NUMBERED.sub("", flat[s:e])
            head = clean(re.split(r"\s+-\s+|;|:|\.\s|\.$|\s+\(|,\s*(?:including|such\s+as)\b",
                                   text, flags=_I)[0])
            if len(head.split()) > 8:  # "partnership arrangements through the Safeguarding Board"
                head = re.split(r"\s+(?:through|via|across|by\s+means\s+of|so\s+that)\s+", head)[0]
            out.append((s, e, head))
        return out
    if NUMBERED.match(after.lstrip(" :")):
        return []  # "four priorities: Priority 1 - A; Priority 2 - B": each read as a numbered part
    if re.match(r"\s*(?::|,?\s*(?:including|namely|such\s+as))", rest, _I):
        return [(end, stop, p) for p in split_list(rest.lstrip(" :,"), n)]
    if n and re.match(r"\s+-\s+[A-Z\"']", rest):  # "three priorities - A, B and C - and ..."
        return [(end, stop, p) for p in split_list(rest.lstrip(" -"), n)]
    return []
