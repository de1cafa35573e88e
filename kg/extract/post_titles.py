"""The grammar of post titles: a head grown left by qualifiers and right by its service.

"Director" + "of Children's Services"; "Cabinet Member" + "for Children and Families";
"Head of Service" + "(Fieldwork and Care Leavers)"; "Interim" and "Acting" on the left.
Heads come from kg/extract/data/post_heads.yaml; posts.py finds, links and resolves mentions.
"""

from __future__ import annotations

import re

from kg.extract import people_grammar as lx


def np(flat: str, pos: int, norm: str = "") -> int:
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
                q = cap_list(flat, c.end())  # "..., Community Safety, Procurement and Migration"
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


def cap_list(flat: str, pos: int) -> int:
    """End of a capitalised list that closes with "and": "Community Safety, Procurement and Migration",
    or -1. No name, honorific or stop word may stand in it."""
    m = lx.CAP_LIST.match(flat, pos)
    if not m:
        return -1
    for w in re.findall(r"[A-Za-z][\w'\u2019-]*", m.group()):
        lw = w.lower()
        if lw in ("and", "&") or lx.low(w) in lx.DOMAIN_WORDS:
            continue
        if lx.low(w) in lx.NP_STOP or lw in lx.GIVEN_NAMES or lx.is_blocked(w) or lx.HONOURS.fullmatch(w):
            return -1
    return m.end()


def domain_list(flat: str, a: int, b: int) -> bool:
    """Whether flat[a:b] is service words, or a list of them: "Children's Social Care, Assessment and
    Intervention" in a bracket."""
    p = a
    while True:
        q = lx.domain_run(flat, p, False)
        if q == p:
            return cap_words(flat[a:b])
        if q >= b - 1:
            return True
        c = lx.COMMA.match(flat, q)
        if not c:
            return cap_words(flat[a:b])
        p = c.end()


def cap_words(inner: str) -> bool:
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


def extend(flat: str, norm: str, hs: int, he: int, head: lx.Head) -> tuple[int, bool]:
    """Right edge of the whole title, and whether it is bare (nothing after the head)."""
    end, bare = he, True
    caps = flat[hs].isupper()
    if head.kind in ("leader", "chair", "commissioner", "minister", "ceo", "police"):
        if head.kind == "police" and lx.POLICE_BODY.match(flat, end):
            return end, True
        m = lx.OF_FOR.match(flat, end)
        if m:
            q = np(flat, m.end(), norm)
            if q > m.end():
                place = lx.IN_PLACE.match(flat, q)
                return (place.end() if place and head.kind == "commissioner" else q), False
        return end, True
    if not head.np:
        return end, True
    if head.kind == "head":
        end = np(flat, he, norm)
        if end == he:
            return he, True
        bare = False
    ext_done = False
    for _ in range(4):
        m = lx.WITH_RESP.match(flat, end)
        if m:
            q = np(flat, m.end(), norm)  # "with Responsibility for Children and Families"
            if q <= m.end() and m.group().lower().endswith("for"):
                break  # "for" and nothing after it
            end, bare = max(q, m.end()), False  # "with Responsibility (CMR) for ..." goes on below
            continue
        m = lx.PAREN.match(flat, end)
        if m and head.ext:
            inner = m.group(1).strip()
            after = lx.OF_FOR.match(flat, m.end())
            if lx.INTERIM.fullmatch(inner) or (re.fullmatch(r"[A-Z]{2,6}", inner) and after) or (
                    domain_list(flat, m.start(1), m.end(1))) or (not bare and lx.AREA.fullmatch(inner)):
                end, bare = m.end(), False
                continue
        m = lx.OF_FOR.match(flat, end)
        if m:
            q = np(flat, m.end(), norm)
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
            q = np(flat, d.end(), norm)
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


def joint_title(flat: str, end: int) -> int:
    """End of a dual post: "Director of Children's Services and Chief Executive, <Company>"."""
    m = lx.AND_CEO.match(flat, end)
    if not m:
        return end
    tail = lx.ORG_TAIL.match(flat, m.end())
    if tail and not re.match(lx.HONORIFIC, tail.group("org")) and not lx.plausible_name(tail.group("org")):
        return tail.end()
    return end  # "the Director and Chief Executive" may be two people


def domain_left(run: str) -> int:
    """Length of the service words that end run ("Children's Services " before "Director")."""
    n = 0
    for w in reversed(run.split()[-4:]):
        if lx.low(w) not in lx.DOMAIN_WORDS:
            break
        n = len(run) - run.rindex(w, 0, len(run) - n)
    return n


def role(title: str, head: lx.Head, holder_hon: str) -> str:
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
