"""Named people: attendance and apologies lists, contacts, report authors, councillors, holders.

Names come from a grammar (see people_grammar), never from capitalisation alone. Lists
("Present:", "Apologies for absence were received from ...") are split on commas, semicolons and
"and"; inside them a single surname counts when "Councillor(s)" governs the list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract import post_titles, posts
from kg.extract.common import span
from kg.extract.facts import Person
from kg.extract.people_grammar import (
    HONORIFIC,
    clean_name,
    fold_ws,
    plausible_name,
    strict_names,
    trim_name,
)
from kg.reading.document import Document

_LABELS = (
    (r"(?:(?:committee\s+|panel\s+|board\s+)?members\s+)?present|attendance|attendees|"
     r"(?:county\s+)?councillors(?:\s+present)?|(?:non[\s-]voting\s+)?co-?optees|co-?opted\s+members?|"
     r"substitutes?|officers(?:\s+(?:present|in\s+attendance))?", "present"),
    (r"(?:also\s+)?in\s+attendance|also\s+present|invitees|invited\s+guests?|guests?|"
     r"(?:other\s+)?attendees|also\s+attending", "guest"),
    (r"apologies(?:\s+for\s+absence)?(?:\s+were\s+received\s+from)?|absent", "apologies"),
)
_LABEL = re.compile(
    r"^[ \t]*(?:" + "|".join(f"(?P<c{i}>{rx})" for i, (rx, _) in enumerate(_LABELS))
    + r")[ \t]*:[ \t]*-?[ \t]*", re.IGNORECASE | re.MULTILINE,
)
_APOLOGIES = re.compile(
    r"\bapologies(?:\s+for\s+(?:absence|lateness))?\s+(?:were|was|had\s+been|have\s+been)\s+"
    r"(?:received|submitted|given|tendered|noted|reported|made)\s+(?:from|on\s+behalf\s+of|by|for)"
    r"\s+|\bapologies\s+(?:from|on\s+behalf\s+of)\s+", re.IGNORECASE,
)
_LIST_LINE = re.compile(
    rf"^[ \t]*(?:{HONORIFIC}\b|(?:[A-Z](?:\.\s?|\s+)){{1,3}}[A-Z][a-z]|[A-Z][a-z'-]+\s+"
    rf"[A-Z][A-Za-z'-]+[ \t]*(?:[,(\u2013-]|$))",
    re.MULTILINE,
)
_CONTACT = re.compile(
    r"^[ \t]*(?P<kind>contact(?:\s+officer|\s+person)?|(?:report\s+)?author|clerk)\s*:\s*",
    re.IGNORECASE | re.MULTILINE,
)
_AUTHOR = re.compile(r"^[ \t]*\((?P<n>[^()\n,;:\d]{3,60}?)\s*(?:[,\u2013-][^()\n]*)?\)[ \t]*$",
                     re.MULTILINE)
_SPLIT = re.compile(r"[;,\n]|\s+(?:and|&)\s+|\s+[\u2013-]\s+|\s{2,}")
# "Councillors Shaw, Patel and Roberts" in running text: surnames governed by a plural honorific.
_PLURAL = re.compile(r"(?:County\s+)?(?:Councillors|Cllrs)\.?:?\s*")
_PLURAL_LIST = re.compile(r"(?<![\w-])(?:County\s+)?(?:Councillors|Cllrs)\.?:?[ \t]+(?=[A-Z])")
_WELCOMED = re.compile(r"\bwelcomed\s+(?:to\s+the\s+meeting\s+)?$")
_PRIORITY = ("apologies", "contact", "author", "present", "guest", "councillor", None)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    name: str
    capacity: str | None


def _open(line: str) -> bool:
    """A list line that stops mid-entry: after a comma, "and", an initial or inside brackets."""
    line = line.rstrip()
    return bool(re.search(r"(?:,|\band|&|\b[A-Z]\.?)$", line)) or line.count("(") > line.count(")")


def _sentence_end(flat: str, pos: int) -> int:
    """End of the sentence from pos; periods after initials and honorifics do not end it."""
    for m in re.finditer(r"\.(?=\s|$)|\n", flat[pos:]):
        before = flat[pos : pos + m.start()]
        if m.group() == "." and re.search(rf"(?:\b[A-Z]|\b{HONORIFIC})$", before):
            continue
        return pos + m.start()
    return len(flat)


def _list_names(doc: Document, start: int, end: int, capacity: str) -> Iterator[_Hit]:
    """Names in a list region: entries split on separators, titles and bracketed roles dropped."""
    text = doc.norm
    region = text[start:end]
    # a line that stops mid-entry ("..., P" / "... and" / an open bracket) goes on below
    chars = list(region)
    pos = 0
    for line in region.split("\n")[:-1]:
        pos += len(line)
        if _open(line):
            chars[pos] = " "
        pos += 1
    region = "".join(chars)
    text = text[:start] + region + text[end:]
    masked = re.sub(r"\([^()]{0,120}\)", lambda m: "(" + "_" * (len(m.group()) - 2) + ")", region)
    councillors = False
    pos = 0
    cuts = [(m.start(), m.end()) for m in _SPLIT.finditer(masked)] + [(len(masked), len(masked))]
    for a, b in cuts:
        s, e = start + pos, start + a
        pos = b
        bracket = masked.find("(", s - start, e - start)
        raw = text[s : start + bracket] if bracket >= 0 else text[s:e]
        lead = len(raw) - len(raw.lstrip())
        conj = re.match(r"(?:and|&)\s+", raw[lead:])
        lead += conj.end() if conj else 0
        head = _PLURAL.match(raw[lead:])
        if head:
            councillors = True
            lead += head.end()
        elif re.match(r"\s*(?:Mr|Mrs|Ms|Miss|Dr)\b", raw):
            councillors = False
        body = raw[lead:].rstrip(" .:")
        if body.isupper() and re.search(r"[A-Z]{2}", body):
            body = body.title()  # "COUNCILLOR P A SMITH" in a list printed in capitals; same length
        hon = re.match(rf"(?:{HONORIFIC}\s+)*", body)
        h = hon.group() if hon else ""
        kept = trim_name(body[len(h):])
        if not kept or post_titles.starts_post(doc.flat, s + lead):
            continue
        if plausible_name(clean_name(kept), single_ok=bool(h) or councillors):
            ns = s + lead + len(h)
            yield _Hit(ns, ns + len(kept), clean_name(kept), capacity)


def _list_regions(doc: Document) -> Iterator[tuple[int, int, str]]:
    text, flat = doc.norm, doc.flat
    for m in _LABEL.finditer(text):
        capacity = next(c for i, (_, c) in enumerate(_LABELS) if m.group(f"c{i}"))
        line_end = text.find("\n", m.end())
        end = line_end = len(text) if line_end < 0 else line_end
        prev = text[m.end() : line_end]
        inline = bool(prev.strip())  # entries on the label's line: only adjoining lines follow
        pos = line_end + 1
        while pos < len(text):
            nl = text.find("\n", pos)
            nl = len(text) if nl < 0 else nl
            line = text[pos:nl]
            if not line.strip():
                if inline:
                    break
            elif _LABEL.match(line) or not (_LIST_LINE.match(line) or _open(prev)):
                break
            else:
                end, prev = nl, line
            pos = nl + 1
        yield m.end(), end, capacity
    for m in _APOLOGIES.finditer(flat):
        yield m.end(), _sentence_end(flat, m.end()), "apologies"


def _plural_lists(doc: Document) -> Iterator[_Hit]:
    """Surnames after "Councillors"/"Cllrs" in a sentence: two or more make a list."""
    flat = doc.flat
    for m in _PLURAL_LIST.finditer(flat):
        end = _sentence_end(flat, m.start())
        semi = flat.find(";", m.start(), end)
        names = list(_list_names(doc, m.start(), semi if semi >= 0 else end, "councillor"))
        if len(names) >= 2:
            yield from names


def _hits(doc: Document) -> list[_Hit]:
    flat, text = doc.flat, doc.norm
    hits: list[_Hit] = []
    for s, e, capacity in _list_regions(doc):
        hits.extend(_list_names(doc, s, e, capacity))
    hits.extend(_plural_lists(doc))
    for m in _CONTACT.finditer(text):
        kind = m.group("kind").lower()
        role = "author" if "author" in kind else "contact"
        line = text[m.end() : (text.find("\n", m.end()) + 1 or len(text) + 1) - 1]
        kept = trim_name(re.split(r",|\s{2,}|\s[\u2013-]\s|\s\(|\s+Tel\b", line)[0])
        if kept and plausible_name(kept):
            hits.append(_Hit(m.end(), m.end() + len(kept), clean_name(kept), role))
    for m in _AUTHOR.finditer(text):
        kept = trim_name(m.group("n"))
        if kept and plausible_name(kept) and len(clean_name(kept).split()) <= 4:
            hits.append(_Hit(m.start("n"), m.start("n") + len(kept), clean_name(kept), "author"))
    for n in strict_names(flat):
        cap: str | None = None
        if re.match(r"(?i)(?:county\s+)?(?:councillor|cllr)", n.hon):
            cap = "councillor"
        if _WELCOMED.search(flat, max(0, n.start - 40), n.start):
            cap = "guest"
        hits.append(_Hit(n.name_start, n.end, n.name, cap))
    for mt in posts.mentions(doc):
        if mt.holder and mt.holder_end > 0:
            hits.append(_Hit(mt.holder_start, mt.holder_end, mt.holder, None))
    return hits


def _drop_contained(hits: list[_Hit]) -> list[_Hit]:
    """A hit inside a longer one ("Imran" in "Imran Qureshi", "Lloyd Williams" in "Trefor Lloyd
    Williams") is the same person: its capacity goes to the longer hit."""
    out: list[_Hit] = []
    for h in hits:
        size = h.end - h.start
        outer = [o for o in hits if o.start <= h.start and h.end <= o.end and o.end - o.start > size]
        if not outer:
            out.append(h)
            continue
        o = max(outer, key=lambda x: x.end - x.start)
        if h.capacity and h.capacity != o.capacity:
            out.append(_Hit(o.start, o.end, o.name, h.capacity))
    return out


def _key(name: str) -> str:
    return re.sub(r"[^a-z ]", "", fold_ws(name.replace(".", " ")).lower()).strip()


def _merge_initials(groups: dict[str, list[_Hit]]) -> None:
    """"A. Westcott" is "Alan Westcott" when he is the only Westcott with a given name, and it fits."""
    for key in [k for k in groups if " " in k]:
        *given, surname = key.split()
        if not all(len(g) == 1 for g in given):
            continue
        fuller = [k for k in groups if k != key and k.endswith(" " + surname) and len(k.split()) > 1
                  and any(len(g) > 1 for g in k.split()[:-1])]
        fits = [k for k in fuller if [g[0] for g in k.split()[:-1]][: len(given)] == given]
        if len(fuller) == 1 and fits:
            groups[fits[0]].extend(groups.pop(key))


def _given(h: _Hit) -> bool:
    """Whether a hit spells out a given name ("Alan Westcott", not "A. Westcott" or "Westcott")."""
    return any(len(w.strip(".")) > 1 for w in h.name.split()[:-1])


def extract(doc: Document) -> Iterator[Person]:
    hits = sorted(_drop_contained(_hits(doc)), key=lambda h: h.start)
    links: dict[str, str] = {}
    for mt in posts.mentions(doc):
        if mt.holder:
            links.setdefault(_key(mt.holder), mt.title)
    groups: dict[str, list[_Hit]] = {}
    for h in hits:
        groups.setdefault(_key(h.name), []).append(h)
    # "Councillor Sweeney" is "Councillor T Sweeney" when that is the only Sweeney named; with
    # two Joneses "Councillor Jones" is one of them, but which is unknown: no new person.
    for key in [k for k in groups if " " not in k]:
        fuller = [k for k in groups if k != key and k.endswith(" " + key)]
        if len(fuller) == 1:
            groups[fuller[0]].extend(groups.pop(key))
        elif fuller:
            del groups[key]
    _merge_initials(groups)
    for key, group in groups.items():
        first = min(group, key=lambda h: (not _given(h), -len(h.name.split()), h.start))
        caps = {h.capacity for h in group}
        capacity = next(c for c in _PRIORITY if c in caps or c is None)
        post = links.get(key) or next(
            (links[k] for k in links if k.endswith(" " + key) and " " not in key), None)
        rule = f"people.{capacity or 'named'}"
        yield Person(first.name, span(doc, first.start, first.end), post, capacity, rule)
