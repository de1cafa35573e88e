"""Segments of minutes: agenda items, sections (Minutes, Resolved, ...), bullets and blocks.

Works on ``doc.norm`` line by line; every offset is an offset into ``doc.text``.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from kg.reading.document import BLOCK_START
from kg.reading.furniture import content_end, links_a_paper
from kg.reading.segment_model import Block, Item, Section, Segments

if TYPE_CHECKING:
    from kg.reading.document import Document

_AGENDA_ITEM = re.compile(r"^\s*agenda\s+item(?:\s*[-:\u2013]?\s*(\d{1,4}[a-z]?))?\s*:?\s*$", re.IGNORECASE)
# "JTAI report, PDF 356 KB | Appendix A": a list of papers, not an item heading
_PAPERS = re.compile(r",\s*(?:pdf|docx?|xlsx?)\s+\d+(?:\.\d+)?\s*[kmg]b\b|\s\|\s", re.IGNORECASE)
_NUMBERED = re.compile(
    r"^\s*(?P<label>(?i:item|minute|min\.?|agenda\s+item)\s*(?i:no\.?)?\s*)?"
    r"(\d{1,4}(?:[./]\d{1,4})?[a-z]?|[A-Z]{1,6}/\d{1,4}/\d{1,4})"
    r"(?:\.|:|\s-|\s+:|\s)\s*([A-Z\"'(].{2,200})$"
)
# "11 JUNE 2019" is a date line, not item 11
_DATE_TITLE = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b", re.IGNORECASE
)
# Procedural items that open most meetings: they anchor pages whose items carry no numbers.
_PROCEDURAL = re.compile(
    r"^\s*(?:apologies|declarations?\s+of\s+(?:interests?|pecuniary)|minutes\s+of|(?:confirmation\s+of\s+)?minutes$|"
    r"urgent\s+(?:items|business)|date\s+of\s+(?:the\s+)?next\s+meeting|work\s+programme|"
    r"exclusion\s+of\s+(?:the\s+)?(?:press|public)|any\s+other\s+(?:urgent\s+)?business|"
    r"public\s+questions|chair(?:man)?'?s\s+announcements|notice\s+of\s+recording)",
    re.IGNORECASE,
)
# "Meeting: 03/06/2019 - Cabinet (Item 12)": the item number on a single-item page
_ITEM_REF = re.compile(r"\((?:agenda\s+)?item\s+(\d{1,4}(?:\.\d{1,2})?[a-z]?)\.?\)", re.IGNORECASE)
# An upper-case heading that runs into the minute on its line: "65 (65) FOSTERING FEES - The ..."
_RUN_IN = re.compile(
    r"^\s*(\d{1,4})\.?\s+(?:\(\1\)\s*)?(?P<h>[A-Z][A-Z0-9 ,'&/()]{3,160}?[A-Z0-9)])\s+-\s+"
    r"(?=[A-Z][a-z']*(?:\s+[A-Z][\w']*){0,3}\s+[a-z]+\b)"  # then prose: "The Director of ..."
)
_PERSON_LINE = re.compile(r"(?:Councillors?|Cllrs?\.?|Mr|Mrs|Ms|Miss|Dr|Professor)\s+[A-Z]")
_LONE_NUMBER = re.compile(r"^\s*(?:item\s+)?(\d{1,4})(\.)?\s*$", re.IGNORECASE)
_SECTION = re.compile(
    r"^\s*(?P<h>minutes|discussion|decisions?|resolved|resolution|recommended|recommendations?|"
    r"actions?(?:\s+agreed)?|purpose(?:\s+of\s+(?:the\s+)?report)?|(?:report\s+)?summary|"
    r"supporting\s+documents|additional\s+documents|agreed|background|outcome)\b\s*"
    r"(?:[:\-]|$|(?=\s*\(\d)|(?=that\b))",
    re.IGNORECASE,
)
_SECTION_KIND = {
    "minutes": "minutes",
    "discussion": "minutes",
    "decision": "resolved",
    "decisions": "resolved",
    "resolved": "resolved",
    "resolution": "resolved",
    "agreed": "resolved",
    "outcome": "resolved",
    "recommended": "recommended",
    "recommendation": "recommended",
    "recommendations": "recommended",
    "action": "action",
    "actions": "action",
    "purpose": "summary",
    "summary": "summary",
    "background": "summary",
    "supporting documents": "documents",
    "additional documents": "documents",
}
TRUNCATION = re.compile(r"view the full minutes text for item|\.\.\.\s*$|\u2026\s*$", re.I)
_NOT_TITLE = re.compile(r"^(that|the\s+\w+\s+(was|were|had|is|are)\b)", re.IGNORECASE)


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _item_heads(lines: list[tuple[int, int, str]], pdf: bool) -> list[tuple[int, str | None, int, int]]:
    """(line index, number, title start, title end) for each agenda item heading."""
    heads: list[tuple[int, str | None, int, int]] = []
    for i, (_start, _end, line) in enumerate(lines):
        m = _AGENDA_ITEM.match(line)
        if m:
            j = i + 1
            while j < len(lines) and not lines[j][2].strip():
                j += 1
            if j < len(lines) and _SECTION.match(lines[j][2]):
                continue  # "Agenda item" then "Decision:": a page that prints no title
            if j < len(lines):
                t0, t1, tl = lines[j]
                lead = len(tl) - len(tl.lstrip())
                numbered = _NUMBERED.match(tl)
                lone = _LONE_NUMBER.match(tl)
                k = j + 1
                while lone and k < len(lines) and not lines[k][2].strip():
                    k += 1
                if lone and k < len(lines):
                    # "Agenda item", "4.", then the title on a line of its own
                    t0, _, tl = lines[k]
                    lead = len(tl) - len(tl.lstrip())
                    heads.append((k, lone.group(1), t0 + lead, t0 + len(tl.rstrip())))
                elif numbered and not m.group(1):
                    # "Agenda item" then "7. Title": the number is printed on the title line
                    heads.append((j, numbered.group(2), t0 + numbered.start(3), t0 + len(tl.rstrip())))
                else:
                    heads.append((j, m.group(1), t0 + lead, t0 + len(tl.rstrip())))
            continue
    if heads:
        return heads
    last = -1.0
    prev_blank = True
    for i, (start, _end, line) in enumerate(lines):
        m = _NUMBERED.match(line)
        blank = not line.strip()
        lone = _LONE_NUMBER.match(line)
        if lone and not lone.group(2) and pdf:
            lone = None  # a bare number in a PDF is as likely a page number
        if lone and prev_blank:
            # "4." on a line of its own, the title on the next non-blank line
            j = i + 1
            while j < len(lines) and not lines[j][2].strip():
                j += 1
            num = float(lone.group(1))
            nxt = lines[j][2].strip() if j < len(lines) else ""
            if (
                nxt
                and num > last
                and not _NUMBERED.match(lines[j][2])
                and not nxt.endswith(".")
                and len(nxt) <= 200
                and nxt[0].isupper()
            ):
                t0 = lines[j][0] + len(lines[j][2]) - len(lines[j][2].lstrip())
                heads.append((j, lone.group(1), t0, t0 + len(nxt)))
                last = num
            prev_blank = True
            continue
        run_in = _RUN_IN.match(line) if not m or m.group(3).rstrip().endswith(".") else None
        if run_in and (prev_blank or i == 0) and _item_number_value(run_in.group(1)) > last:
            # "65  (65) FOSTERING FEES - The Director reported ...": the heading runs into the minute
            heads.append((i, run_in.group(1), start + run_in.start("h"), start + run_in.end("h")))
            last = _item_number_value(run_in.group(1))
            prev_blank = False
            continue
        strong = False
        if m and not prev_blank and i > 0:
            # PDFs and plain exports have no blank lines: take a heading that looks like one
            title = m.group(3).rstrip()
            before = lines[i - 1][2].rstrip()
            strong = (
                title.isupper()
                or "/" in m.group(2)
                or bool(m.group("label"))
                or (before.endswith((".", ":", ")")) and len(title.split()) <= 14 and last >= 0)
            )
        if m and (prev_blank or i == 0 or strong):
            number, title = m.group(2), m.group(3).rstrip()
            num = _item_number_value(number)
            if "." in number and heads and number.split(".")[0] == heads[-1][1]:
                prev_blank = blank
                continue  # "24.3 The Director reminded ..." is a paragraph of item 24
            # "Item 5. Title." is a heading whatever its punctuation
            heading = title.isupper() or len(title.split()) <= 5 or bool(m.group("label"))
            sentence = (
                title.rstrip("-").endswith((".", ";", ",", ":"))  # "... on the following issues:-"
                and not title.endswith("etc.")
                and not (heading and title.endswith("."))
            )
            if (
                not sentence
                and not _PAPERS.search(title)
                and not _DATE_TITLE.match(title)
                and len(title) <= 160
                and not _NOT_TITLE.match(title)
                and num > last
                and not BULLET_GLYPH.match(line)
            ):
                t0 = start + m.start(3)
                again = re.match(rf"\(\s*{re.escape(number)}\s*\)\s*", title)  # "13 (13) TITLE"
                shift = again.end() if again else 0
                heads.append((i, number, t0 + shift, t0 + len(title)))
                last = num
        prev_blank = blank or bool(_SECTION.match(line))
    # A lone "1." list inside prose is not an agenda; items come in runs or head the page, or
    # the page names the item's number above it ("Meeting: 22/09/2020 - Cabinet (Item 8)").
    if len(heads) == 1 and heads[0][0] > 3 and not _labelled(lines[heads[0][0]][2]):
        above = " ".join(line for _, _, line in lines[: heads[0][0]])
        if heads[0][1] not in {m.group(1) for m in _ITEM_REF.finditer(above)}:
            heads = []
    return heads or _unnumbered_heads(lines)


def _head_start(lines: list[tuple[int, int, str]], li: int, number: str | None) -> int:
    """Where an item begins: its title line, or the line above holding its number alone ("22.")."""
    j = li - 1
    while j >= 0 and not lines[j][2].strip():
        j -= 1
    lone = _LONE_NUMBER.match(lines[j][2]) if j >= 0 and number else None
    return lines[j][0] if lone and lone.group(1) == number else lines[li][0]


def _caps_wrap(title: str, nxt: str) -> bool:
    """An upper-case heading wrapped onto an upper-case line ("... HELP AND" / "PROTECTION, ...")."""
    t, n = title.strip(), nxt.strip()
    if not (t.isupper() and n.isupper()) or _SECTION.match(n) or _NUMBERED.match(n) or BULLET_GLYPH.match(n):
        return False
    return (
        len(t) >= 40
        or t.endswith((",", "-", "&"))
        or t.split()[-1] in ("AND", "OF", "FOR", "THE", "TO", "IN")
    )


def _labelled(line: str) -> bool:
    """'Item 7. TITLE' or an upper-case heading: an item even when it is the only one."""
    m = _NUMBERED.match(line)
    return bool(m and (m.group("label") or m.group(3).isupper()))


def _item_number_value(number: str) -> float:
    """The sortable part of a printed item number: "290", "15/18" -> 15, "CYP/14/29" -> 29."""
    parts = re.findall(r"\d+", number)
    if number[:1].isalpha():
        return float(parts[-1])
    m = re.match(r"\d+(?:\.\d+)?", number)
    return float(m.group()) if m else 0.0


def _standalone(lines: list[tuple[int, int, str]], i: int) -> bool:
    before = i == 0 or not lines[i - 1][2].strip()
    after = i + 1 >= len(lines) or not lines[i + 1][2].strip()
    return before and after


def _unnumbered_heads(lines: list[tuple[int, int, str]]) -> list[tuple[int, str | None, int, int]]:
    """Items of a meeting page that prints no numbers, anchored on its procedural items.

    Needs two procedural headings ("Apologies for Absence", "Declarations of Interest") standing
    on lines of their own; then every such title-like line after the first is an item.
    """
    anchors = [
        i
        for i, (_, _, line) in enumerate(lines)
        if _standalone(lines, i)
        and (
            (_PROCEDURAL.match(line) and len(line.strip()) <= 120 and not line.strip().endswith("."))
            or links_a_paper(line)  # "<title> pdf icon PDF 1 MB": the site links each item's paper
        )
    ]
    if len(anchors) < 2:
        return []
    heads: list[tuple[int, str | None, int, int]] = []
    for i in range(anchors[0], len(lines)):
        start, _, line = lines[i]
        text = line.strip()
        text = text[: content_end(text, 0, len(text))]
        if not text or not _standalone(lines, i) or len(text) > 120 or text.endswith((".", ":", ";", ",")):
            continue
        words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
        capitalised = sum(1 for w in words if w[0].isupper())
        title_like = bool(words) and capitalised / len(words) >= 0.6 and text[0].isupper()
        person = _PERSON_LINE.match(text)  # "Councillor Jo Bloggs - personal": an apology, not an item
        plain = not person and not BULLET_GLYPH.match(line) and not _SECTION.match(line)
        if i in anchors or (title_like and plain):
            lead = len(line) - len(line.lstrip())
            heads.append((i, None, start + lead, start + lead + len(text)))
    return heads


BULLET_GLYPH = re.compile(r"^\s*[\u00b7\u2022\u25cf\u25aa\u25a0\u00d8\u00a7\u27a2*-]\s")


def segments_of(doc: Document) -> Segments:
    """The document's segments, computed once per document."""
    return doc.derived("segments", segment)


def segment(doc: Document) -> Segments:
    text = doc.norm
    lines = _lines(text)
    heads = _item_heads(lines, doc.media_type == "application/pdf")
    items: list[Item] = []
    flat = doc.flat
    for k, (li, number, t0, t1) in enumerate(heads):
        # a title wrapped over several lines ends where the reflow stops joining lines
        j = li + 1
        while (
            j < len(lines)
            and lines[j][2].strip()
            and (flat[lines[j][0] - 1] == " " or _caps_wrap(text[t0:t1], lines[j][2]))
        ):
            nxt = lines[j][2].strip()
            if nxt[0].isupper() and nxt.endswith(".") and not nxt.endswith(("etc.", "No.")):
                break  # a sentence under the heading, run on by the reflow, is not title
            t1 = lines[j][0] + len(lines[j][2].rstrip())
            j += 1
        start = _head_start(lines, li, number)
        end = _head_start(lines, heads[k + 1][0], heads[k + 1][1]) if k + 1 < len(heads) else len(text)
        if k + 1 < len(heads) and heads[k + 1][0] > 0:
            # the "Agenda item" line of the next item belongs to the next item
            above = lines[heads[k + 1][0] - 1][2]
            if _AGENDA_ITEM.match(above):
                end = lines[heads[k + 1][0] - 1][0]
        body = text[start:end].rstrip()
        truncated = bool(TRUNCATION.search(body[-200:]))
        t1 = content_end(text, t0, t1)
        if number is None:
            ref = _ITEM_REF.search(text, t1, min(end, t1 + 300))
            if ref:
                number = ref.group(1)
        items.append(Item(k, number, _fold(doc.text[t0:t1]), t0, t1, start, end, truncated))
    header_end = items[0].start if items else 0
    if items and heads and heads[0][0] > 0 and _AGENDA_ITEM.match(lines[heads[0][0] - 1][2] or ""):
        header_end = lines[heads[0][0] - 1][0]

    sections: list[Section] = []
    item_ends = sorted({it.end for it in items} | {len(text)})
    for start, end, line in lines:
        m = _SECTION.match(line)
        if not m:
            continue
        h = re.sub(r"\s+", " ", m.group("h").lower())
        kind = _SECTION_KIND.get(h) or _SECTION_KIND.get(h.split()[0], "minutes")
        if h.startswith("action"):
            kind = "action"
        body_start = start + m.end()
        if sections and sections[-1].end > start:
            last = sections[-1]
            sections[-1] = Section(last.kind, last.start, last.body_start, start)
        stop = item_ends[bisect.bisect_right(item_ends, start)] if start < len(text) else end
        if kind == "documents":
            # a list of papers ends at the first blank line after it: what follows is minutes
            para = re.search(
                r"\S[^\n]*\n\s*\n", text[body_start:stop] if text[body_start:stop].strip() else ""
            )
            if para:
                stop = body_start + para.end()
        sections.append(Section(kind, start, body_start, stop))

    blocks: list[Block] = []
    for start, end, line in lines:
        if not line.strip():
            continue
        if start > 0 and flat[start - 1] == " " and text[start - 1] == "\n":
            # joined to the previous line by the reflow: extend that block
            if blocks:
                b = blocks[-1]
                blocks[-1] = Block(b.kind, b.start, end, b.marker)
            continue
        lead = len(line) - len(line.lstrip())
        m = BLOCK_START.match(line)
        marker = None
        kind = "para"
        if m and not _SECTION.match(line) and len(m.group().strip()) <= 5:
            marker = m.group().strip()
            kind = "bullet"
        blocks.append(Block(kind, start + lead, start + len(line.rstrip()), marker))
    return Segments(tuple(items), tuple(sections), tuple(blocks), header_end)
