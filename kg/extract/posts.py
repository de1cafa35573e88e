"""Office-holders the minutes mention: whole titles, role type, interim flag, holder, contribution.

A title is a head ("Director", "Head of", "Cabinet Member", "Chair" ...) grown left by
"Interim"/"Acting" and a few qualifiers, and right by "of/for <service>", ", <service>",
"(<service>)" and "with Responsibility for <service>". A bare head ("the Director") refers back
(or forward) to a full title with the same words; it is not a post of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.extract import people_grammar as lx
from kg.extract import post_titles as pt
from kg.extract.common import fold, span
from kg.extract.facts import Post
from kg.extract.keys import post_key
from kg.extract.people_grammar import NameHit
from kg.reading.document import Document
from kg.reading.segments import segments_of


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    title: str
    head: lx.Head
    bare: bool
    interim: bool
    role: str
    contribution: str | None = None
    holder: str | None = None
    holder_start: int = -1
    holder_end: int = -1
    holder_hon: str = ""


def _contribution(flat: str, m: Mention) -> str | None:
    after = m.holder_end if m.holder_end > m.end else m.end
    v = lx.CONTRIBUTION.match(flat, after) or lx.CONTRIBUTION.match(flat, m.end)
    if v:
        w = re.sub(r"\s+", " ", v.group(1).lower())
        return {"will submit": "submitted", "would submit": "submitted",
                "responded": "answered"}.get(w, w)
    if lx.REPORT_OF.search(flat[max(0, m.start - 40) : m.start]):
        return "submitted"
    return None


def _raw_mentions(doc: Document) -> list[Mention]:
    flat = doc.flat
    found: list[tuple[int, int, lx.Head]] = []
    for head in lx.HEADS:
        for m in head.pattern.finditer(flat):
            found.append((m.start(), m.end(), head))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[Mention] = []
    aliases: dict[str, tuple[str, str]] = {}  # "director of social services" -> (title, role)
    taken = -1
    skip_until = -1
    for hs, he, head in found:
        if hs < taken or hs < skip_until:
            continue
        before = flat[max(0, hs - 60) : hs]
        if head.kind == "leader" and lx.NOT_LEADER.search(before):
            continue
        if head.kind == "commissioner" and lx.OTHER_COMMISSIONER.search(before):
            continue
        end, bare = pt.extend(flat, doc.norm, hs, he, head)
        if not bare:
            end = pt.joint_title(flat, end)
        lower = not flat[hs].isupper()
        if bare and head.kind == "manager2":
            continue  # "a Senior Manager": a grade, not a post
        if lower and head.lower == "no":
            continue
        if lower and head.lower == "np" and bare and not re.search(r"\b(?:the|an?)\s+$", before):
            continue
        left = lx.LEFT_RUN.search(before) if head.kind in ("dir", "ad", "manager", "commissioner") else None
        n_left = pt.domain_left(left.group()) if left and not lower else 0
        bare = bare and not n_left
        pre = lx.PRE_TITLE.search(before[: len(before) - n_left])
        start = hs - n_left - (len(pre.group()) if pre else 0)
        if lx.OTHER_OWNER.search(flat, max(0, start - 40), start):
            continue
        title = fold(doc.text[start:end])
        if head.kind == "head" and lx.GENERIC_TITLE.fullmatch(title):
            bare = True  # "the Head of Service": one of the heads of service named elsewhere
        if head.kind == "member":
            title = re.sub(r"^[Aa]\s+", "", title)
        interim = bool(lx.INTERIM.search(title))
        role = pt.role(title, head, "")
        st = lx.STATUTORY.match(flat, end)
        if st:
            word = st.group(1).lower()
            role = ("director-social-services" if "social" in word or word == "dss"
                    else "director-childrens-services")
            skip_until = st.end()
            aliases.setdefault(fold(st.group(1)).lower(), (title, role))
        alias = aliases.get(title.lower())
        if alias and not st:  # "the Director of Social Services": the post that holds that role
            title, role = alias
        out.append(Mention(start, end, title, head, bare, interim, role))
        taken = end
    return out


_ENTRY_START = re.compile(
    r"(?:^|\n)[ \t]*(?:[\u00b7\u2022\u25cf\u25aa\u00d8\u00a7*-]|\(?\d{1,2}[.)])?[ \t]*$"
)


def _name_at(flat: str, s: int, e: int) -> NameHit | None:
    raw = flat[s:e]
    hon = re.match(rf"(?:{lx.HONORIFIC}\s+)*", raw)
    h = hon.group() if hon else ""
    kept = lx.trim_name(raw[len(h):])
    name = lx.clean_name(kept)
    single = bool(h) or flat[e : e + 2].lstrip().startswith("(")
    first = name.split()[0] if name else ""
    known = bool(h or first.lower() in lx.GIVEN_NAMES or re.fullmatch(r"(?:[A-Z]\.?)+", first))
    # "· Sal Tariq, Director of ...", "Jo Bloggs - Head of Service": opening a list entry or a
    # line, before a comma or a dash and a title, only a name fits, whatever the given name
    after = flat[e : e + 3]
    opens = bool(_ENTRY_START.search(flat, max(0, s - 12), s))
    known = known or (opens and (after[:1] == "," or after in (" - ", " \u2013 ")))
    if kept and (known or single and " " not in name) and lx.plausible_name(name, single_ok=single):
        return NameHit(s, s + len(h), s + len(h) + len(kept), name, lx.fold_ws(h))
    return None


def _link(flat: str, norm: str, mentions: list[Mention]) -> list[Mention]:
    """Attach named holders: "Name, Title" / "Name (Title)" first, then "Title, Name"."""
    names = lx.strict_names(flat)
    by_end = {n.end: n for n in names}
    by_start = {n.start: n for n in names}
    claimed: set[int] = set()
    out = list(mentions)

    def attach(i: int, n: NameHit) -> None:
        out[i] = replace(out[i], holder=n.name, holder_start=n.name_start, holder_end=n.end,
                         holder_hon=n.hon)
        claimed.add(n.start)

    for i, m in enumerate(out):
        if m.head.kind in ("member", "inspector", "dcs"):
            continue
        sep = lx.SEP_BEFORE.search(flat, max(0, m.start - 12), m.start)
        if not sep or not lx.APPOSITIVE_END.match(norm, m.end):
            continue
        e = sep.start()
        n = by_end.get(e)
        if n is None and "  " not in sep.group():
            r = lx.RELAXED_BEFORE.search(flat, max(0, e - 60), e)
            n = _name_at(flat, r.start("n"), r.end("n")) if r else None
            n = n if n and n.end == e else None
        if n is not None:
            attach(i, n)
    for i, m in enumerate(out):
        if m.holder or m.head.kind in ("member", "inspector", "dcs"):
            continue
        a = lx.NAME_AFTER.match(norm, m.end) or lx.NAME_AFTER.match(flat, m.end)
        if not a:
            continue
        s = a.start("n")
        n = by_start.get(s) or _name_at(flat, s, a.end("n"))
        if n and n.start not in claimed and not pt.starts_post(flat, s):
            attach(i, n)
    return out


def _resolve(ms: list[Mention]) -> list[tuple[Mention, str]]:
    """Pair each mention with the title it stands for (bare heads refer to full titles)."""
    def core(t: str) -> str:
        return re.sub(r"^(?:the\s+)?(?:(?:interim|acting|temporary)\s+)?", "", t.lower())

    full = [m for m in ms if not m.bare]
    out: list[tuple[Mention, str]] = []
    for m in ms:
        if not m.bare or m.head.kind in lx.NO_RESOLVE:
            out.append((m, m.title))
            continue
        c = core(m.title)
        cands = [f for f in full if core(f.title).startswith(c + " ") or core(f.title) == c
                 or core(f.title).startswith(c + ",")]
        if not cands and m.head.kind == "dcs":
            cands = [f for f in full if f.role == "director-childrens-services"]
        if not cands and m.head.kind == "head":
            cands = [f for f in full if f.head.kind == "head"]
        if not cands and c == "director":
            cands = [f for f in full if f.head.kind == "dir"]
        ministers = [f for f in full if f.head.kind == "minister"]
        if not cands and m.head.kind == "minister" and len({f.title for f in ministers}) == 1:
            cands = ministers  # "the Minister": the one minister named
        if not cands:  # "the Commissioner" for "the Children's Services Commissioner"
            cands = [f for f in full if f.head.kind == m.head.kind
                     and f" {c} " in f" {core(f.title).replace(',', ' ')} "]
        if cands:
            prev = [f for f in cands if f.start < m.start]
            out.append((m, (prev[-1] if prev else cands[0]).title))
        elif m.title[0].isupper() or m.head.kind not in ("dir", "ad"):
            out.append((m, m.title))
    return out


def acts(flat: str, m: Mention) -> bool:
    """Whether the members a mention names do something ("Members asked ...")."""
    return bool(lx.MEMBERS_ACT.match(flat, m.end))


def _group_key(m: Mention, title: str) -> str:
    """Mentions of one post share a key: "Chair"/"Chairman", "DfE-appointed Adviser"/"Adviser"."""
    if m.head.kind == "member":
        return "member"
    chair = lx.CHAIR_ONLY.fullmatch(title.strip())
    if m.head.kind == "chair" and chair:
        return "vice-chair" if chair.group("vice") else "chair"
    t = lx.APPOINTED_BY.sub("", title.strip())
    joint = lx.AND_CEO.search(t) if m.head.kind != "ceo" else None
    t = t[: joint.start()] if joint else t  # a dual post is one post with its first title
    place = lx.PLACE_TAIL.search(t) if m.head.kind == "commissioner" else None
    if place and not any(lx.low(w) in lx.DOMAIN_WORDS for w in place.group("p").split()):
        t = t[: place.start()]
    return post_key(t)


def _full_names(flat: str) -> dict[str, str]:
    """Surname -> full name, for surnames that only one full name in the text ends with."""
    seen: dict[str, set[str]] = {}
    for n in lx.strict_names(flat):
        parts = n.name.split()
        if len(parts) > 1:
            seen.setdefault(parts[-1], set()).add(n.name)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


_QUALIFIER = re.compile(r"\s*\([^()]*\)$")


def _merge_qualified(groups: dict[str, list[tuple[Mention, str]]]) -> dict[str, list[tuple[Mention, str]]]:
    """"Head of Quality" and "Head of Quality (Children's Services)" in one text are one post."""
    def holders(g: list[tuple[Mention, str]]) -> set[str]:
        return {m.holder for m, _ in g if m.holder}

    for key in list(groups):
        group = groups.get(key)
        if not group or group[0][0].head.kind == "member":
            continue
        title = next((t for m, t in group if not m.bare), "")
        q = _QUALIFIER.search(title)
        if not q or q.start() == 0:
            continue
        base = _group_key(group[0][0], title[: q.start()])
        other = groups.get(base)
        if base == key or other is None or len(holders(group) | holders(other)) > 1:
            continue
        group.extend((m, title) for m, _ in groups.pop(base))
        group.sort(key=lambda x: x[0].start)
    return groups


def _fuller(name: str, fuller: dict[str, str]) -> str:
    """"Smith" or "A. Smith" as the one full name in the text that fits it ("Alan Smith")."""
    *given, surname = name.split()
    full = fuller.get(surname)
    if not full or full == name:
        return name
    if not given:
        return full
    initials = [g.strip(".") for g in given]
    if all(len(g) == 1 for g in initials) and [w[0] for w in full.split()[:-1]][: len(initials)] == initials:
        return full
    return name


@lru_cache(maxsize=32)
def mentions(doc: Document) -> tuple[Mention, ...]:
    """Every post mention with its canonical title, merged role, interim flag and holder."""
    flat = doc.flat
    ms = _link(flat, doc.norm, _raw_mentions(doc))
    ms = [replace(m, contribution=_contribution(flat, m),
                  role=pt.role(m.title, m.head, m.holder_hon) if m.role == m.head.role else m.role)
          for m in ms]
    pairs = _resolve(ms)
    groups: dict[str, list[tuple[Mention, str]]] = {}
    for m, title in pairs:
        groups.setdefault(_group_key(m, title), []).append((m, title))
    groups = _merge_qualified(groups)
    fuller = _full_names(flat)
    result: list[Mention] = []
    for group in groups.values():
        titles = [t for m, t in group if not m.bare] or [t for _, t in group]
        if group[0][0].head.kind == "member":
            titles = [t for m, t in group if acts(flat, m)] or titles
        title = next((t for t in titles if not t.isupper()), titles[0])
        canon = next((m for m, t in group if t == title and not m.bare), group[0][0])
        interim = any(m.interim for m, _ in group)
        holder = next((m for m, _ in group if m.holder), None)
        role = next((m.role for m, _ in group if m.role != m.head.role), canon.role)
        name = holder.holder if holder else None
        if name:
            name = _fuller(name, fuller)
        for m, _ in group:
            own = m.holder == name  # the holder's own words at this mention, for people.py
            result.append(replace(m, title=title, interim=interim, role=role, holder=name,
                                  holder_start=m.holder_start if own else -1,
                                  holder_end=m.holder_end if own else -1))
    return tuple(sorted(result, key=lambda m: m.start))


def extract(doc: Document) -> Iterator[Post]:
    seen: set[tuple[str, int, str | None]] = set()
    first: set[str] = set()
    segs = segments_of(doc)
    for m in mentions(doc):
        if m.head.kind == "member" and not acts(doc.flat, m):
            continue
        key = "member" if m.head.kind == "member" else post_key(m.title)
        item = segs.item_at(m.start)
        tag = (key, item.index if item else -1, m.contribution)
        if key in first and (m.contribution is None or tag in seen):
            continue
        first.add(key)
        seen.add(tag)
        yield Post(title=m.title, role=m.role, interim=m.interim,
                   span=span(doc, m.start, m.end), holder=m.holder, contribution=m.contribution,
                   rule=f"posts.head_{m.head.kind}")

