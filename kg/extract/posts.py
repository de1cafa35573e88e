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
from kg.extract.common import fold, span
from kg.extract.facts import Post
from kg.extract.people_grammar import NameHit
from kg.graph.iris import post_key
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


def _np(flat: str, pos: int, norm: str = "") -> int:
    """End of the phrase after "of"/"for": capitalised words, service words, "the", "and"."""
    end = p = pos
    prev = "of"
    while True:
        if norm[p : p + 1] == "\n" and lx.LIST_ENTRY.match(norm, p + 1):
            return end  # the next line of an attendance list, joined by the reflow
        m = lx.NP_TOK.match(flat, p)
        if not m or not (m.group(1) or m.group(2)):
            c = lx.COMMA.match(flat, p)
            if not c or end != p or prev in ("and", "&", "of", "the"):
                return end
            # a comma goes on only through a list of service words that closes with "and"
            q = lx.domain_run(flat, c.end(), False)
            seg = flat[c.end() : q]
            if q == c.end() or not (re.search(r"\s(?:and|&)\s", seg) or lx.COMMA.match(flat, q)):
                q = _cap_list(flat, c.end())  # "..., Community Safety, Procurement and Migration"
                if q < 0:
                    return end
            end = p = q
            continue
        w = m.group(1) or m.group(2)
        lw = w.lower()
        nxt = lx.NP_TOK.match(flat, m.end())
        nw = (nxt.group(1) or nxt.group(2) or "") if nxt else ""
        if lw in ("and", "&", "of"):
            if not nw or lx.low(nw) in lx.NP_STOP and nw != "the" or starts_post(flat, m.end()):
                return end
        elif lw == "the":
            if prev != "of" or not nw[:1].isupper():
                return end
        elif lw == "in" and prev not in ("and", "&", "of", "the") and lx.in_service(flat, m.end()):
            pass  # "Head of Children in Care"
        elif w[0].isupper():
            if lx.low(w) in lx.NP_STOP or (lw in lx.GIVEN_NAMES and nw[:1].isupper()) or len(w) == 1:
                return end  # a stop word, or a name or initial that follows the title
        elif lx.low(w) not in lx.DOMAIN_WORDS:
            return end
        p, prev = m.end(), lw
        if lw not in ("and", "&", "of", "the"):
            end = p


def _cap_list(flat: str, pos: int) -> int:
    """End of a capitalised list that closes with "and": "Community Safety, Procurement and Migration",
    or -1. No name, honorific or stop word may stand in it."""
    m = lx.CAP_LIST.match(flat, pos)
    if not m:
        return -1
    for w in re.findall(r"[A-Za-z][\w'\u2019-]*", m.group()):
        lw = w.lower()
        if lw in ("and", "&") or lx.low(w) in lx.DOMAIN_WORDS:
            continue
        if lx.low(w) in lx.NP_STOP or lw in lx.GIVEN_NAMES or lx.is_blocked(w):
            return -1
    return m.end()


def _domain_list(flat: str, a: int, b: int) -> bool:
    """Whether flat[a:b] is service words, or a list of them: "Children's Social Care, Assessment and
    Intervention" in a bracket."""
    p = a
    while True:
        q = lx.domain_run(flat, p, False)
        if q == p:
            return _cap_words(flat[a:b])
        if q >= b - 1:
            return True
        c = lx.COMMA.match(flat, q)
        if not c:
            return _cap_words(flat[a:b])
        p = c.end()


def _cap_words(inner: str) -> bool:
    """A bracket of capitalised words with a service word among them: "(Safeguarding and Reviewing)"."""
    words = re.findall(r"[^\s,]+", inner)
    if not words or len(words) > 8 or not words[0][:1].isupper():
        return False
    for w in words:
        if w in ("and", "&"):
            continue
        if not re.fullmatch(r"[A-Z][a-z'\u2019-]+", w) or w.lower() in lx.GIVEN_NAMES or (
                lx.low(w) in lx.NP_STOP):
            return False
    return any(lx.low(w) in lx.DOMAIN_WORDS for w in words)


def starts_post(flat: str, pos: int) -> bool:
    """Whether a post title begins at pos (after spaces)."""
    pos = lx.SPACES.match(flat, pos).end()  # type: ignore[union-attr]
    return any(h.pattern.match(flat, pos) for h in lx.HEADS if h.kind != "member")


def _extend(flat: str, norm: str, hs: int, he: int, head: lx.Head) -> tuple[int, bool]:
    """Right edge of the whole title, and whether it is bare (nothing after the head)."""
    end, bare = he, True
    caps = flat[hs].isupper()
    if head.kind in ("leader", "chair", "commissioner", "minister", "ceo", "police"):
        if head.kind == "police" and lx.POLICE_BODY.match(flat, end):
            return end, True
        m = lx.OF_FOR.match(flat, end)
        if m:
            q = _np(flat, m.end(), norm)
            if q > m.end():
                place = lx.IN_PLACE.match(flat, q)
                return (place.end() if place and head.kind == "commissioner" else q), False
        return end, True
    if not head.np:
        return end, True
    if head.kind == "head":
        end = _np(flat, he, norm)
        if end == he:
            return he, True
        bare = False
    ext_done = False
    for _ in range(4):
        m = lx.WITH_RESP.match(flat, end)
        if m:
            q = _np(flat, m.end(), norm)  # "with Responsibility for Children and Families"
            if q <= m.end() and m.group().lower().endswith("for"):
                break  # "for" and nothing after it
            end, bare = max(q, m.end()), False  # "with Responsibility (CMR) for ..." goes on below
            continue
        m = lx.PAREN.match(flat, end)
        if m and head.ext:
            inner = m.group(1).strip()
            after = lx.OF_FOR.match(flat, m.end())
            if lx.INTERIM.fullmatch(inner) or (re.fullmatch(r"[A-Z]{2,6}", inner) and after) or (
                    _domain_list(flat, m.start(1), m.end(1))) or (not bare and lx.AREA.fullmatch(inner)):
                end, bare = m.end(), False
                continue
        m = lx.OF_FOR.match(flat, end)
        if m:
            q = _np(flat, m.end(), norm)
            if q > m.end():
                end, bare = q, False
                continue
            break
        d = lx.COLON.match(flat, end)
        if d and bare and head.ext and head.kind != "head":
            q = lx.domain_run(flat, d.end(), True)  # "Corporate Director: Communities"
            if q > d.end() and lx.CLOSE_OR_LOWER.match(flat, q):
                end, bare = q, False
                continue
        d = lx.DASH.match(flat, end)
        if d and bare and head.ext and flat[d.end() : d.end() + 1].isupper():
            q = _np(flat, d.end(), norm)
            if q > d.end():
                end, bare = q, False
                continue
        if head.ext and (bare or (head.kind == "head" and not ext_done)):
            ext_done = True
            c = lx.COMMA.match(flat, end)
            direct = flat[end : end + 1] == " " and flat[end + 1 : end + 2].isupper()
            r0 = c.end() if c else end
            q = lx.domain_run(flat, r0, caps)
            if (c or direct) and q > r0 + 1 and (caps or lx.CLOSE.match(flat, q)):
                end, bare = q, False
                continue
        break
    return end, bare


def _joint_title(flat: str, end: int) -> int:
    """End of a dual post: "Director of Children's Services and Chief Executive, <Company>"."""
    m = lx.AND_CEO.match(flat, end)
    if not m:
        return end
    tail = lx.ORG_TAIL.match(flat, m.end())
    if tail and not re.match(lx.HONORIFIC, tail.group("org")) and not lx.plausible_name(tail.group("org")):
        return tail.end()
    return end  # "the Director and Chief Executive" may be two people


def _domain_left(run: str) -> int:
    """Length of the service words that end run ("Children's Services " before "Director")."""
    n = 0
    for w in reversed(run.split()[-4:]):
        if lx.low(w) not in lx.DOMAIN_WORDS:
            break
        n = len(run) - run.rindex(w, 0, len(run) - n)
    return n


def _role(title: str, head: lx.Head, holder_hon: str) -> str:
    t = title.lower().replace("\u2019", "'")
    if head.kind in ("dir", "chief"):
        before, _, scope = t.partition("director" if head.kind == "dir" else "officer")
        scope = scope or re.sub(r"\b(?:interim|acting|executive|corporate|strategic)\b", "", before)
        if "social services" in scope and "adult social" not in scope:
            return "director-social-services"
        child = re.search(r"child|young people|famil", scope)
        # a director of children's services and education holds the statutory post whatever else
        # the title lists; "Director of Children's Social Care" is one part of it
        if child and (re.search(r"\b(?:education|schools|learning)\b", scope) or not re.search(
                r"social care|early help|safeguarding|commissioning|quality|partnership", scope)):
            return "director-childrens-services"
        if re.search(r"\bpeople\b", scope) and re.search(r"executive|corporate|strategic", before):
            return "director-childrens-services"
    if head.kind == "ceo" and t.startswith("deputy"):
        return "director"
    if head.kind == "commissioner" and "councillor" in holder_hon.lower():
        return "cabinet-member"
    return head.role


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
        end, bare = _extend(flat, doc.norm, hs, he, head)
        if not bare:
            end = _joint_title(flat, end)
        lower = not flat[hs].isupper()
        if bare and head.kind == "manager2":
            continue  # "a Senior Manager": a grade, not a post
        if lower and head.lower == "no":
            continue
        if lower and head.lower == "np" and bare and not re.search(r"\b(?:the|an?)\s+$", before):
            continue
        left = lx.LEFT_RUN.search(before) if head.kind in ("dir", "ad", "manager", "commissioner") else None
        n_left = _domain_left(left.group()) if left and not lower else 0
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
        role = _role(title, head, "")
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


def _name_at(flat: str, s: int, e: int) -> NameHit | None:
    raw = flat[s:e]
    hon = re.match(rf"(?:{lx.HONORIFIC}\s+)*", raw)
    h = hon.group() if hon else ""
    kept = lx.trim_name(raw[len(h):])
    name = lx.clean_name(kept)
    single = bool(h) or flat[e : e + 2].lstrip().startswith("(")
    first = name.split()[0] if name else ""
    known = bool(h) or first.lower() in lx.GIVEN_NAMES or re.fullmatch(r"(?:[A-Z]\.?)+", first)
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
        if n and n.start not in claimed and not starts_post(flat, s):
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
                  role=_role(m.title, m.head, m.holder_hon) if m.role == m.head.role else m.role)
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
                   span=span(doc, m.start, m.end), holder=m.holder, contribution=m.contribution)

