"""The meeting a page records: committee, date, venue and contact, from its header.

The header is the text before the first agenda item (``segments_of(doc).header_end``), or the first
lines of a page whose items were not found. Fields come from labels ("Venue:", "Place:",
"Contact:", "Date:"), from "Minutes of the meeting of X held at V on D", from a line naming a
committee, panel, board or cabinet, and from a line that is a date (and time).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.common import fold, span
from kg.extract.dates import DAY_MONTH_YEAR, all_dates, parse_date
from kg.extract.facts import MeetingInfo
from kg.reading.document import Document
from kg.reading.furniture import content_end
from kg.reading.segments import segments_of

_FIELD = re.compile(
    r"^[ \t]*(?P<label>venue|place|location|where|date(?:\s+and\s+time)?|meeting\s+date|"
    r"contact(?:\s+officer|\s+person)?|committee|meeting|body)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_HELD_HEAD = (
    r"^[ \t]*(?:minutes\s+(?:of|for)\s+(?:the\s+|an?\s+)?(?:(?:special|extraordinary|ordinary|"
    r"annual|additional|informal|reconvened)\s+)?meeting\s+of\s+(?:the\s+)?|(?:at\s+)?(?:an?\s+)?meeting\s+of"
    r"\s+(?:the\s+)?|minutes\s+(?:of|for)\s+(?:the\s+)?|minutes\s*[:-]\s*)(?P<c>.+?)"
)
_HELD = (
    re.compile(_HELD_HEAD + r",?\s+(?:was\s+)?held\s+(?P<rest>(?:on|at|in|virtually|remotely)\b.*)$", re.I),
    re.compile(_HELD_HEAD + r"(?:,?\s+(?P<rest>(?:on|at|in)\b.*)|\s*$)", re.I),
)
_COMMITTEE = re.compile(
    r"\b(?:Committee|Sub-Committee|Sub-?group|Panel|Board|Cabinet|Forum|Commission|Executive|Assembly|"
    r"Council\s+Meeting|Full\s+Council)\b|\bMeeting\s+of\s+(?:the\s+)?(?:[A-Z][\w'&-]*\s+){0,3}Council\b"
)
_VENUE_LINE = re.compile(
    r"^[ \t]*(?:The\s+)?(?:Committee\s+Room|Council\s+Chamber|Civic\s+(?:Centre|Offices|Hall)|"
    r"County\s+Hall|Town\s+Hall|City\s+Hall|Guildhall|Council\s+Offices|Conference\s+Room|"
    r"Meeting\s+Room|Room\s+\d|Microsoft\s+Teams|Remote|Virtual|Online)\b"
)
_TIME = re.compile(
    r"\b(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|noon)|\bat\s+noon\b", re.IGNORECASE
)
_PLACE_IN = re.compile(
    r"\b(?i:at|in)\s+(?:(?i:the)\s+)?(?P<v>[A-Z](?:[^.;]|\.(?=\S))*?)"
    r"\s*(?:\.(?=\s|$)|;|$)"
)
_VENUE_TAIL = re.compile(r"[\s,]+(?i:on|at|from|commencing|starting)?[\s,]*$")
# A page for one agenda item: "Meeting: 27/01/2020 - Children's Panel (Item 45.)".
_ITEM_PAGE = re.compile(r"^[ \t]*Meeting\s*:\s*(?P<v>.+?)\s*(?:\((?i:item)\s*[\w.]*\)\s*)?$", re.M)
# ... or, listed under its title: "- Meeting of Cabinet, Thursday, 9th March, 2017 6.00 p.m. (Item 5.1)"
_ITEM_PAGE_OF = re.compile(
    r"^[ \t]*(?:[-\u2013\u2022\u00b7*][ \t]+)?Meeting\s+of\s+(?P<v>.+?)\s*(?:\((?i:item)\s*[\w.]*\)\s*)?$",
    re.M,
)
_DASH_SEP = re.compile(r"\s+-\s+")
_NEXT_LABEL = re.compile(r"\s+(?=(?i:time|venue|place|location|date|contact)\s*:)")
_PHONE = re.compile(r"[\s,;]+(?:Tel(?:ephone)?|Phone|E-?mail|Direct\s+line)\b.*$", re.IGNORECASE)
_LABELISH = re.compile(r"\n(?=[ \t]*[A-Z][\w ]{0,30}:)")
_HELD_DATED = re.compile(r"^[ \t]*(?:the\s+)?meeting\s+(?:was\s+)?held\s+(?:on\s+)?(?P<rest>.*)$", re.I)
# "The meeting was held in the Council Chamber, Civic Offices at 6.30 pm."
_MEETING_HELD = re.compile(r"^[ \t]*(?:the\s+)?meeting\s+(?:was\s+)?held\s+(?P<rest>(?:in|at)\b.*)$", re.I)
# What separates a committee from the date that follows it: "Cabinet - Thursday, ".
_DATE_LEAD = re.compile(r"[\s,:\-|]*(?:(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?$", re.I)
# "Cabinet Member - Minutes - 9 March 2012": the word that labels the page, not the meeting
# "Agenda and minutes - Cabinet - Thursday, ...": the page's label before the meeting's name
_PAGE_LABEL = re.compile(
    r"^\s*(?i:agenda(?:,?\s+(?:and|&)\s+(?:draft\s+)?minutes)?|(?:draft\s+)?minutes|decisions)\s+[-|]\s+"
)
_MINUTES_TAIL = re.compile(r"\s+[-|]\s+(?i:(?:draft\s+)?minutes)\s*$")
_DASH_WEEKDAY = re.compile(r"\S\s+[-|]\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_TITLE_WORDS = re.compile(r"^[A-Z][\w'&,()-]*(?:\s+[\w'&,()-]+){0,14}$")
# ">" marks a web page's breadcrumb trail ("Meetings > Cabinet > Issue"), not a committee's name.
# A meeting's name from the "<name> - <weekday>" heading may be one "with Councillors"; a line
# taken for a committee's name by its head word may not (it lists who attended).
_NOT_NAME = re.compile(r":|>|\bagenda\b|\bitems?\b|^\s*\d", re.IGNORECASE)
_NOT_COMMITTEE = re.compile(_NOT_NAME.pattern + r"|\bCouncillors?\b", re.IGNORECASE)


def _is_committee(line: str) -> bool:
    return bool(_COMMITTEE.search(line) or (line.isupper() and _COMMITTEE.search(line.title())))


def _region(doc: Document) -> tuple[int, int]:
    end = segments_of(doc).header_end
    if end <= 0 and not segments_of(doc).items:
        end = min(len(doc.norm), 1500)
    return 0, max(end, 0)


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    pos = start
    for line in text[start:end].split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            yield pos + lead, pos + len(line.rstrip()), line.strip()
        pos += len(line) + 1


def _venue_from(rest: str) -> str | None:
    cleaned = rest
    for s, e, _ in reversed(all_dates(rest)):
        cleaned = cleaned[:s] + " " * (e - s) + cleaned[e:]
    cleaned = _TIME.sub(lambda m: " " * len(m.group()), cleaned)
    m = _PLACE_IN.search(cleaned)
    if not m:
        return None
    # "in the Civic Centre on [date]": the venue stops before "on" and the blanked date
    tail = _VENUE_TAIL.search(cleaned, m.start("v"), m.end("v"))
    end = tail.start() if tail else m.end("v")
    return fold(rest[m.start("v") : end]).rstrip(" ,") or None


def _held(doc: Document, s: int, fline: str, found: dict[str, str]) -> bool:
    """'Minutes of the meeting of X held at V on D' and its shorter kinds."""
    for rx in _HELD:
        h = rx.match(fline)
        if not h:
            continue
        rest = h.group("rest") or ""
        dates = all_dates(rest)
        if rest and not dates:
            continue
        c = h.group("c")
        if not (_is_committee(c) or dates):
            return False
        if not re.fullmatch(r"(?:the\s+)?meeting", c, re.I):
            found.setdefault("committee", fold(c))
        found.setdefault("title", fold(doc.text[s : s + len(fline.rstrip())]))
        if dates:
            found.setdefault("date", dates[0][2])
        venue = _venue_from(rest)
        if venue:
            found.setdefault("venue", venue)
        return True
    return False


def _committee_name(head: str, tail: str = "") -> str | None:
    """ "Cabinet - Thursday, ": the committee a line names before the date on it, if it names one."""
    name = _PAGE_LABEL.sub("", _MINUTES_TAIL.sub("", _DATE_LEAD.sub("", head)))
    if name.strip() and _is_committee(name) and not _NOT_COMMITTEE.search(name) and len(name) <= 120:
        return name
    # A council website's meeting page heads itself "<name> - Tuesday, 2nd October, 2018": the
    # dash and the weekday say the name is the meeting's, whatever its head word.
    if _DASH_WEEKDAY.search(head + tail[:10]) and _TITLE_WORDS.match(name) and not _NOT_NAME.search(name):
        return name
    return None


def _committee_before(doc: Document, s: int, head: str, found: dict[str, str], tail: str = "") -> None:
    name = _committee_name(head, tail)
    if name and "committee" not in found:
        name = name.strip()
        lead = head.index(name)
        found["committee"] = fold(doc.text[s + lead : s + lead + len(name)])
        found.setdefault("title", found["committee"])


def _field(doc: Document, s: int, line: str, f: re.Match[str], found: dict[str, str]) -> str | None:
    """Record a labelled field; return its key when the value is on the next line."""
    label = f.group("label").lower()
    key = (
        "venue"
        if label in ("venue", "place", "location", "where")
        else "contact"
        if label.startswith("contact")
        else "date"
        if "date" in label
        else "committee"
    )
    value = f.group("value")
    nxt = _NEXT_LABEL.search(value)
    if nxt:
        # each further label on the line is a field of its own ("Time: 2 pm Place: Civic Centre")
        base = s + f.start("value")
        for piece in _NEXT_LABEL.finditer(value):
            stop = _NEXT_LABEL.search(value, piece.end())
            rest = value[piece.end() : stop.start() if stop else len(value)]
            g = _FIELD.match(rest)
            if g and g.group("label").lower() not in ("meeting", "committee", "body"):
                _field(doc, base + piece.end(), rest, g, found)
        value = value[: nxt.start()]
    value = value.strip()
    value = value[: content_end(value, 0, len(value))].rstrip(" ,;")
    if key == "contact":
        value = _PHONE.sub("", value).rstrip(" ,;")
    if not value:
        return key
    if key == "date":
        d = parse_date(value)
        if d and len(d) == 10:
            found.setdefault("date", d)
    else:
        vs = s + line.index(value)
        found.setdefault(key, fold(doc.text[vs : vs + len(value)]))
    return None


def _meeting_of_line(doc: Document, pos: int, found: dict[str, str], used: list[tuple[int, int]]) -> bool:
    """ "Meeting of Cabinet, Thursday, 9th March, 2017 6.00 p.m.": the committee, then the date."""
    m = _ITEM_PAGE_OF.match(doc.norm, pos)
    d = DAY_MONTH_YEAR.search(m.group("v")) if m else None
    if not m or not d or not d.group(3):
        return False
    date = parse_date(d.group(0))
    head = m.group("v")[: d.start()]
    committee = head[: len(head) - len(_DATE_LEAD.search(head).group(0))]  # type: ignore[union-attr]
    if not date or len(date) != 10 or not committee or _NOT_COMMITTEE.search(committee):
        return False
    cs = m.start("v")
    found.setdefault("committee", fold(doc.text[cs : cs + len(committee)]))
    found.setdefault("date", date)
    used.append((m.start("v"), m.end("v")))
    return True


def _meeting_line(doc: Document, pos: int, found: dict[str, str], used: list[tuple[int, int]]) -> bool:
    """ "Meeting: 22/09/2020 - Cabinet (Item 8)": the date and committee of an item's page."""
    m = _ITEM_PAGE.match(doc.norm, pos)
    if not m:
        return _meeting_of_line(doc, pos, found, used)
    value = m.group("v")
    sep = _DASH_SEP.search(value)
    date = parse_date(value[: sep.start()] if sep else value)
    if not date or len(date) != 10:
        return False
    if sep and _is_committee(value[sep.end() :]) and not _NOT_COMMITTEE.search(value[sep.end() :]):
        cs = m.start("v") + sep.end()
        found.setdefault("committee", fold(doc.text[cs : m.end("v")]))
    found.setdefault("date", date)
    used.append((m.start("v"), m.end("v")))
    return True


def _item_page(doc: Document, end: int, found: dict[str, str], used: list[tuple[int, int]]) -> None:
    """A "Meeting: <date> - <committee>" line just inside a single agenda item's page."""
    lo, hi = max(end, 0), min(len(doc.norm), max(end, 0) + 400)
    m = _ITEM_PAGE.search(doc.norm, lo, hi) or _ITEM_PAGE_OF.search(doc.norm, lo, hi)
    if not m or not _meeting_line(doc, m.start(), found, used):
        return
    # the labelled lines that follow it on such a page: "Venue: ...", "Contact: ..."
    for s, e, line in list(_lines(doc.norm, m.end() + 1, min(len(doc.norm), m.end() + 600)))[:4]:
        f = _FIELD.match(line)
        if (
            not f
            or f.group("label").lower() in ("meeting", "committee", "body")
            or "date" in f.group("label").lower()
        ):
            break
        if _field(doc, s, line, f, found) is None:
            used.append((s, e))


def extract(doc: Document) -> Iterator[MeetingInfo]:
    start, end = _region(doc)  # empty on a page that opens with its item: see _item_page
    flat = doc.flat
    found: dict[str, str] = {}
    used: list[tuple[int, int]] = []
    pending: str | None = None  # a label whose value is on the next line
    skip_to = -1
    for i, (s, e, line) in enumerate(_lines(doc.norm, start, end)):
        if i > 40:
            break
        if s < skip_to:
            continue
        if pending:
            found.setdefault(pending, fold(doc.text[s:e]))
            used.append((s, e))
            pending = None
            continue
        f = _FIELD.match(line)
        if f and f.group("label").lower() == "meeting" and _meeting_line(doc, s, found, used):
            continue
        if f:
            pending = _field(doc, s, line, f, found)
            used.append((s, e))
            continue
        fe = flat.find("\n", s)
        fe = min(end, len(flat) if fe < 0 else fe)
        cut = _LABELISH.search(doc.norm, e, fe)  # a joined line that starts a field ends it
        fe = cut.start() if cut else fe
        fline = flat[s:fe]  # the line with its hard-wrapped continuation
        dates = all_dates(fline)
        head, tail = (fline[: dates[0][0]], fline[dates[0][0] :]) if dates else ("", "")
        lead = bool(dates) and (dates[0][0] <= 12 or _committee_name(head, tail) is not None)
        if _held(doc, s, fline, found) or (lead and len(fline) <= 160 and "date" not in found):
            if dates and "date" not in found:
                found["date"] = dates[0][2]
                _committee_before(doc, s, head, found, tail)
                venue = _venue_from(fline[dates[0][1] :])
                if venue:
                    found.setdefault("venue", venue)
            used.append((s, fe))
            skip_to = fe
            continue
        dated = _HELD_DATED.match(fline)
        if dated and "date" not in found:
            # "Meeting held 21 November 2018 at 5.00 pm, Town Hall, Pinstone Street"
            when = all_dates(dated.group("rest"))
            if when and when[0][0] == 0:
                found["date"] = when[0][2]
                tail = _TIME.sub(lambda m: " " * len(m.group()), dated.group("rest")[when[0][1] :])
                venue = re.sub(r"^[\s,]*(?:at|in)?[\s,]*", "", tail).strip(" ,.")
                if venue and venue[0].isupper() and "venue" not in found:
                    found["venue"] = fold(venue)
                used.append((s, fe))
                continue
        held = _MEETING_HELD.match(fline)
        if held and "venue" not in found:
            venue = _venue_from(held.group("rest"))
            if venue:
                found["venue"] = venue
                used.append((s, fe))
                continue
        if "venue" not in found and _VENUE_LINE.match(line) and len(line) <= 150:
            found["venue"] = fold(doc.text[s:e])
            used.append((s, e))
            continue
        if (
            "committee" not in found
            and _is_committee(line)
            and len(line) <= 120
            and not _NOT_COMMITTEE.search(line)
            and not line.endswith(".")
        ):
            found["committee"] = fold(doc.text[s:e])
            found.setdefault("title", found["committee"])
            used.append((s, e))
    if not (found.get("committee") and found.get("date")):
        _item_page(doc, end, found, used)
    if not used or not (found.get("committee") or found.get("date") or found.get("venue")):
        return
    yield MeetingInfo(
        span=span(doc, min(a for a, _ in used), max(b for _, b in used)),
        title=found.get("title"),
        committee=found.get("committee"),
        date=found.get("date"),
        venue=found.get("venue"),
        contact=found.get("contact"),
        rule="meeting.header",
    )
