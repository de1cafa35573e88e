"""Decisions: resolutions, recommendations and recorded actions, with owner and due date.

Read from the Resolved / Decision / Recommended / Action sections that kg.reading.segments finds (one
entry per numbered or bulleted point, or the unnumbered text), from "RESOLVED that ..." lines,
from inline "ACTION - ..." notes, and from sentences such as "The Panel agreed to ...".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from kg.extract import decision_attrs as da
from kg.extract.common import Spans, fold, reference_date, sentences, span
from kg.extract.concerns import MARKER
from kg.extract.facts import Decision
from kg.reading.document import Document
from kg.reading.segments import segments_of

_I = re.IGNORECASE
_KIND = {"resolved": "resolution", "recommended": "recommendation", "action": "action"}
_ENUM = re.compile(  # "2.1 ", "3. ", "(b) ", "iv) "
    r"\s*(\d{1,2}\.\d{1,2})\.?\s+|\s*\(?(\d{1,2}|[a-z]{1,2}|[ivx]{1,5})[.)]\s*|\s*\((\d{1,2})\)\s*", _I)
_STOP = re.compile(
    r"^\W*(?:reasons?\s+for\s+(?:the\s+)?decision|implementation\s+of\s+(?:the\s+)?decision|"
    r"consultation\s*:|supporting\s+documents|(?:\()?(?:the\s+)?meeting\s+(?:ended|closed|"
    r"opened|finished)|chair(?:man|person|woman)?\s*$|\(?note\s*:|signed|date\s+of\s+next|"
    r"wards?\s+affected|key\s+decision|alternative\s+options|declarations?\s+of|"
    r"(?:additional|background)\s+(?:documents|papers)|appendi(?:x|ces)\b)",
    _I,
)
_MORE = re.compile(
    r"^\W*(?:that\b|to\s+\w+|the\s+(?:committee|panel|cabinet|board|sub-committee|council)\b|"
    r"(?:noted|agreed|approved|endorsed)\b)", _I)
_INLINE_RESOLVED = re.compile(
    r"\s*(?:it\s+was\s+)?(?:resolved|agreed|decided)\s*(?:[:,-]\s*)?(?=(?:that|to)\b)"
    r"|\s*(?:penderfynwyd|cytunwyd)\s*[:,-]?\s*(?=\S)", _I)
_INLINE_ACTION = re.compile(r"(?:^\W*|(?<=[.;:)!?]\s))(?:ACTION|Action)S?\s*[-:]\s*")
_AGREED = re.compile(
    r"\W*(?:[\w ]{0,30},\s*)?(?:it\s+was\s+(?:agreed|resolved|decided)|(?:the|this)\s+(?:committee|panel|"
    r"sub-committee|cabinet|board|council|forum|group|members)\s+(?:unanimously\s+)?"
    r"(?:agreed|resolved|decided))(?:,\s*[^,.;]{1,60},)?\s+(?:to|that)\b",
    _I,
)
# A routine outcome told as a plain sentence: "The minutes were taken as read, confirmed and
# signed.", "The work programme for the year was noted." (the whole paragraph, nothing else)
_PASSIVE = re.compile(
    r"\W*(?:(?:following|after|on)\s+[\w ]{1,25},\s*)?the\s+"
    r"(?:(?!(?:said|reported|explained|advised|told|stated|informed|asked|that)\b)"
    r"[\w'/,-]+\s+){0,14}?(?:minutes|(?:work|forward)\s+(?:programme|plan)|report|"
    r"update|recommendations?|plan|terms\s+of\s+reference|strategy|policy|notes|protocol)\b"
    r"(?:\s+[\w'/,-]+){0,18}?\s+(?:was|were)\s+(?:duly\s+|unanimously\s+|formally\s+)?"
    r"(?:noted|agreed|approved|confirmed|received|accepted|endorsed|adopted|taken\s+as\s+read)\b"
    r"(?:(?!\bthat\b)[^.;:])*[.]?\s*$", _I)
# "The Committee confirmed the minutes of ... as a correct record": the minutes approved
_MINUTES = re.compile(
    r"\W*(?:the|this)\s+(?:committee|panel|sub-committee|cabinet|board|council|forum|commission|"
    r"members)\s+(?:unanimously\s+)?(?:approved|confirmed|agreed|accepted|signed)\s+(?:the\s+)?"
    r"minutes\b[^.;]*?\bas\s+(?:an?\s+)?(?:correct|accurate|true)\b(?:\s+record)?[^.;]*[.]?\s*$", _I)
# A resolution whose "RESOLVED" heading the web page lost: "That the content of the report be noted."
_THAT_BE = re.compile(
    r"\W*That\s+(?!(?:said|is|was|being)\b)[^.;:]{3,300}?(?<!\bcould)(?<!\bwould)(?<!\bshould)(?<!\bmay)"
    r"(?<!\bmight)(?<!\bmust)(?<!\bcan)(?<!\bwill)(?<!\bto)(?<!\bnot)\s+be\s+(?:(?:\w+ly\s+)?(?:\w+ed|made|given|sent|"
    r"held|brought|taken|put|kept|set\s+up|seen|drawn|written))\b[^.;:]*[.]?\s*$")
# A member or officer recommending or proposing what the meeting should do: "... and recommended
# that the improvement plan be approved", "She therefore proposed that a Task Group be set up".
_PROPOSED = re.compile(
    r"(?<!\bnot\s)\b(?:recommended|proposed|moved)\s+that\s+(?P<t>(?:the|a|an)\s+[^.;]{10,300}?\s+be\s+"
    r"(?:approved|established|set\s+up|agreed|submitted|noted|endorsed|adopted|received|referred|presented|"
    r"brought|considered|made|sent|added|included|asked|requested|invited|given|commissioned))\b",
    _I,
)
# "It was RESOLVED -" alone on its line: the points below are the resolutions
_RESOLVED_HEAD = re.compile(
    # "RESOLVED:", "It was agreed -", "The Executive Mayor and Cabinet, RESOLVED to;" over a list
    r"\W*(?:(?:the\s+)?(?-i:[A-Z][\w'&-]*)(?:[ \t]+(?:and|&|of|for|(?-i:[A-Z][\w'&-]*))){0,8},?\s+)?"
    r"(?:it\s+was\s+)?(?:resolved|agreed|decided)(?:\s+(?:to|that))?\s*[:;\-\u2013\u2014]?\s*$", _I)
# "Council is RECOMMENDED to receive the report": what the paper asks the meeting to do
_IS_RECOMMENDED = re.compile(r"\W*(?:the\s+)?[\w' &-]{2,60}?\s+(?:is|are)\s+RECOMMENDED\s+to\s+[a-z]")
# "text | Lead: owner | By: date": an action row with its owner and due date in cells
_ROW_OWNER = re.compile(
    r"\s*\|\s*(?:lead(?:\s+officer)?|owner|responsible(?:\s+officer)?|who)\s*:\s*([^|]+?)\s*"
    r"(?:\|\s*(?:by|due(?:\s+date)?|deadline|when|target\s+date)\s*:\s*([^|]+?))?\s*\|?\s*$", _I)
# An action table laid out in columns: "Action   Owner   Due" over its rows.
_TABLE_HEAD = re.compile(
    r"^(?P<a>\s*(?:agreed\s+)?actions?)\s{2,}(?P<o>owner|responsible(?:\s+officer)?|lead(?:\s+officer)?|"
    r"by\s+whom|who)\s{2,}(?P<d>due(?:\s+date)?|deadline|target\s+date|by\s+when|date|timescale|when)"
    r"\s*$", _I)
_RULE = re.compile(r"^[\s\-=_+|]*$")
_CONNECTOR = re.compile(r"\b(?:and|of|to|the|for|with|in|on|by|a|an|or|&)\s*$", _I)
def _make(doc: Document, kind: str, s: int, e: int, number: str | None) -> Decision | None:
    flat = doc.flat
    while s < e and (flat[s].isspace() or flat[s] == "|"):  # "|": table cells in web pages
        s += 1
    while e > s and (flat[e - 1].isspace() or flat[e - 1] == "|"):
        e -= 1
    cells = _ROW_OWNER.search(flat, s, e) if kind == "action" else None
    if cells and cells.end() == e:
        owner_cell = fold(doc.text[cells.start(1) : cells.end(1)])
        due_cell = da.dates_in(fold(doc.text[cells.start(2) : cells.end(2)])) if cells.group(2) else []
        e = cells.start()
        text = fold(doc.text[s:e])
        if len(text.split()) < 2:
            return None
        return Decision(kind, text, span(doc, s, e), number, owner_cell, due_cell[0][1] if due_cell else None)
    text = fold(doc.text[s:e])
    if len(text.split()) < (2 if kind == "action" else 3):  # not a stray "That" heading
        return None
    ref = reference_date(doc)
    return Decision(kind, text, span(doc, s, e), number, da.owner_of(doc, s, e, kind), da.due_date(text, ref))


def _table_rows(doc: Document) -> Iterator[Decision]:
    """Rows of action tables whose columns (action, owner, due) are laid out with spaces.

    A hard-wrapped cell goes on below its first line; a row begins where the action column
    starts a new capitalised line after a line that did not end mid-phrase.
    """
    norm = doc.norm
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in norm.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        head = _TABLE_HEAD.match(lines[i][1])
        i += 1
        if not head:
            continue
        cols = [head.start("o"), head.start("d")]
        while i < len(lines) and _RULE.match(lines[i][1]) and lines[i][1].strip():
            i += 1
        rows: list[list[list[tuple[int, int]]]] = []  # row -> column -> chunks (start, end)
        while i < len(lines) and lines[i][1].strip() and not _RULE.match(lines[i][1]):
            base, line = lines[i]
            cells: list[list[tuple[int, int]]] = [[], [], []]
            for m in re.finditer(r"\S+(?:\s\S+)*", line):
                col = sum(1 for c in cols if m.start() >= c - 2)
                cells[col].append((base + m.start(), base + m.end()))
            act = cells[0]
            prev_act = rows[-1][0] if rows and rows[-1][0] else None
            new = bool(act) and norm[act[0][0]].isupper() and not (
                prev_act and _CONNECTOR.search(norm[prev_act[-1][0] : prev_act[-1][1]]))
            if new or not rows:
                rows.append(cells)
            else:
                for c in range(3):
                    rows[-1][c].extend(cells[c])
            i += 1
        for row in rows:
            if not row[0]:
                continue
            text = fold(" ".join(doc.text[a:b] for a, b in row[0]))
            owner = fold(" ".join(doc.text[a:b] for a, b in row[1])) or None
            dates = da.dates_in(fold(" ".join(norm[a:b] for a, b in row[2])))
            start = min(a for cell in row for a, _ in cell)
            end = max(b for cell in row for _, b in cell)
            if len(text.split()) >= 2:
                yield Decision("action", text, span(doc, start, end), None, owner,
                               dates[0][1] if dates else None)


def _paragraphs(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """The blocks of a section's body, the heading line's remainder first."""
    out = []
    for b in segments_of(doc).blocks_in(start, end):
        s, e = max(b.start, start), min(b.end, end)
        if e > s and doc.flat[s:e].strip():
            out.append((s, e))
    return out


def _number(flat: str, s: int, e: int) -> str | None:
    num = _ENUM.match(flat, s, e)
    return next((g for g in num.groups() if g), None) if num else None


def _entries(doc: Document, kind: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """(start, end, number) of each decision in a section body.

    Numbered or bulleted points when there are any (a preamble such as "That the Committee:"
    and reasons after them are left out); else the first paragraph and the paragraphs after it
    that read as decisions too ("THAT ...", "To ..."). An action is the text after "Action:",
    else the bullets right below the heading.
    """
    flat = doc.flat
    paras = []
    for s, e in _paragraphs(doc, start, end):
        m = MARKER.match(flat, s, e)
        paras.append((s, e, m.end() if m and m.end() > s else None))
    if kind == "action":
        if paras and "\n" not in flat[start : paras[0][0]]:
            return [(paras[0][0], paras[0][1], None)]
        bullets: list[tuple[int, int, str | None]] = []
        for _, e, body in paras:
            if body is None:
                break
            bullets.append((body, e, None))
        return bullets
    marked = any(body is not None for _, _, body in paras)
    out: list[tuple[int, int, str | None]] = []
    for s, e, body in paras:
        text = flat[s:e]
        if out and re.fullmatch(r"\W*(?:or|and)\W*", text, _I):  # "or" between two options
            continue
        if _STOP.match(text):
            if out:
                break
        elif marked:
            if body is not None:
                out.append((body, e, _number(flat, s, e)))
            elif not out and re.match(r"\W*that\b(?!.*:\s*$)", text, _I):  # unnumbered first
                out.append((s, e, None))
        elif out and not _MORE.match(text):
            break
        elif out or not text.rstrip().endswith(":"):
            out.append((s, e, None))
    return out


_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
# a point marker inside a paragraph: at its start or after a sentence, "i. ", "(ii) ", "b) ", "3. "
_RUN_MARK = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=[.;:]\s\s)|(?<=[,;]\sand\s)|(?<=[,;]\s))"  # "..., and (b) that ..."
    r"\(?(?P<n>[ivx]{1,4}|[a-h]|\d{1,2})[.)]\s+(?=[A-Z]|that\b)"
)
_JOINER = re.compile(r"[\s,;]*(?:\band|\bor)?\s*$")


def _series(n: str) -> list[str]:
    if n.isdigit():
        return [str(k) for k in range(1, 21)]
    return _ROMAN if n[0] in "ivx" and n in _ROMAN else [chr(c) for c in range(ord("a"), ord("i"))]


def _split_run(flat: str, s: int, e: int, number: str | None) -> list[tuple[int, int, str | None]]:
    """Points run together in one paragraph ("i. A. ii. B. iii. C.") as one entry each."""
    marks = list(_RUN_MARK.finditer(flat, s, e))
    if number in ("i", "a", "1") and marks and marks[0].group("n") == _series(number)[1]:
        # "(a) That ..., and (b) that ...": the entry's own number opens the run
        first = number
        marks = [m for m in marks if m.start() > s]
    elif len(marks) < 2 or marks[0].start() - s > 2 or marks[0].group("n") not in ("i", "a", "1"):
        return [(s, e, number)]
    else:
        first = None
    series = _series(first or marks[0].group("n"))
    starts: list[tuple[int, int, str | None]] = [(s, s, first)] if first else []
    for m in marks:  # keep the markers that count on from the first: i, ii, iii
        if len(starts) < len(series) and m.group("n") == series[len(starts)]:
            starts.append((m.start(), m.end(), m.group("n")))
    if len(starts) < 2:
        return [(s, e, number)]
    # a point ends before the ", and" that joins it to the next
    out: list[tuple[int, int, str | None]] = []
    for (_, body, n), nxt in zip(starts, [x[0] for x in starts[1:]] + [e], strict=True):
        joiner = _JOINER.search(flat, body, nxt) if nxt != e else None
        out.append((body, joiner.start() if joiner else nxt, n))
    return out


def _section_entries(doc: Document, kind: str, start: int, end: int) -> Iterator[Decision]:
    entries = _entries(doc, kind, start, end)
    if kind != "action":
        entries = [part for s, e, number in entries for part in _split_run(doc.flat, s, e, number)]
    for s, e, number in entries:
        d = _make(doc, kind, s, e, number)
        if d:
            yield d


def extract(doc: Document) -> Iterator[Decision]:
    # A page that summarises the decisions and then prints them formally says each twice: the
    # same words of the same kind in one agenda item are one decision, read where first said.
    seen: set[tuple[int, str, str]] = set()
    item_at = segments_of(doc).item_at
    for d in sorted(_decisions(doc), key=lambda d: d.span.start):
        item = item_at(d.span.start)
        key = (item.index if item else -1, d.kind, re.sub(r"\W+", " ", d.text).strip().lower())
        if key not in seen:
            seen.add(key)
            yield d


def _decisions(doc: Document) -> Iterator[Decision]:
    seg = segments_of(doc)
    flat = doc.flat
    covered: list[tuple[int, int]] = []

    for row in _table_rows(doc):
        covered.append((row.span.start, row.span.end))
        yield replace(row, rule="decisions.table_row")
    in_table = Spans(covered)

    for sec in seg.sections:
        kind = _KIND.get(sec.kind)
        if kind:
            covered.append((sec.start, sec.end))
            for entry in _section_entries(doc, kind, sec.body_start, sec.end):
                if not in_table(entry.span.start):
                    yield replace(entry, rule=f"decisions.{sec.kind}_section")
    # Blocks come in order, and what a block covers starts at that block: a later block is
    # inside it when it starts before the farthest such end, or inside a table or section.
    before_blocks = Spans(covered)
    reach = -1

    def inside(pos: int) -> bool:
        return pos < reach or before_blocks(pos)

    for b in seg.blocks:
        if b.start < seg.header_end or inside(b.start):
            continue
        num = _ENUM.match(flat, b.start, b.end)  # "1. RESOLVED that the minutes ..."
        m = _INLINE_RESOLVED.match(flat, num.end() if num else b.start, b.end)
        head = _RESOLVED_HEAD.match(flat, num.end() if num else b.start, b.end)
        if head and head.end() == b.end:  # "It was RESOLVED -" over a list of points
            nxt = seg.section_after(b.start)
            item = seg.item_at(b.start)
            stop = min(nxt.start if nxt else len(flat), item.end if item else len(flat))
            covered.append((b.start, stop))
            reach = max(reach, stop)
            for entry in _section_entries(doc, "resolution", b.end, stop):
                yield replace(entry, rule="decisions.resolved_list")
            continue
        if m:  # "RESOLVED that ...", "It was agreed that ...": one decision, or a list after ":"
            stop = b.end
            if flat[b.start : b.end].rstrip().endswith(":"):
                nxt = seg.section_after(b.start)
                stop = min(nxt.start if nxt else len(flat), (seg.item_at(b.start) or b).end)
            covered.append((b.start, stop))
            reach = max(reach, stop)
            whole = stop == b.end and re.match(
                r"\s*it\s+was\s+(?:resolved|agreed|decided)\s+(?:to|that)\b", flat[b.start : b.end], _I)
            # "It was RESOLVED to approve ...": a sentence in itself, kept whole
            for entry in _section_entries(doc, "resolution", b.start if whole else m.end(), stop):
                yield replace(entry, rule="decisions.resolved_inline")
            continue
        for a in _INLINE_ACTION.finditer(flat[b.start : b.end]):
            d = _make(doc, "action", b.start + a.end(), b.end, None)
            if d:
                yield replace(d, rule="decisions.action_inline")
        if _IS_RECOMMENDED.match(flat, b.start, b.end) and len(list(sentences(doc, b.start, b.end))) == 1:
            d = _make(doc, "recommendation", b.start, b.end, None)
            if d:
                covered.append((b.start, b.end))
                reach = max(reach, b.end)
                yield replace(d, rule="decisions.is_recommended")
                continue
        routine = (
            _PASSIVE.match(flat, b.start, b.end)
            or _MINUTES.match(flat, b.start, b.end)
            or _THAT_BE.match(flat, b.start, b.end)
        )
        if routine and len(list(sentences(doc, b.start, b.end))) == 1:
            d = _make(doc, "resolution", b.start, b.end, None)
            if d:
                covered.append((b.start, b.end))
                reach = max(reach, b.end)
                yield replace(d, rule="decisions.routine_record")
    read = Spans(covered)
    for s, e in sentences(doc, seg.header_end):
        if not read(s) and _AGREED.match(flat, s, e):
            d = _make(doc, "resolution", s, e, None)
            if d:
                yield replace(d, rule="decisions.agreed_sentence")
        elif not read(s) and (r := _PROPOSED.search(flat, s, e)):
            # "The Cabinet Member ... recommended that the plan be approved": a recommendation made
            d = _make(doc, "recommendation", r.start("t"), e, None)
            if d:
                yield replace(d, rule="decisions.proposed_that")
