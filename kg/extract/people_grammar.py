"""Word lists and grammars shared by the posts and people extractors: names and post heads.

A person's name is recognised by structure, never by capitalisation alone: an honorific
("Councillor", "Cllr", "Mr", "Dr" ...) followed by initials and/or capitalised words, or a common
given name from GIVEN_NAMES followed by a surname, or a capitalised phrase in a position that
only a name can take (brackets, attendance lists, beside a post title), checked by
``plausible_name``. Capitalised words listed in NOT_NAME or DOMAIN_WORDS are never part of a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract import lexicons

HONORIFIC = (
    r"(?:County[ \t]+Councillors?|Councillors?|Cllrs?\.?|Mrs\.?|Mr\.?|Ms\.?|Miss|Mx\.?|Dr\.?|"
    r"Prof(?:essor)?\.?|Sir|Dame|Lord|Lady|Baroness|Rev(?:d|erend)?\.?|"
    r"(?:Detective[ \t]+)?(?:Chief[ \t]+)?(?:Superintendent|Inspector|Sergeant)(?=[ \t]+[A-Z][a-z])|"
    r"Detective[ \t]+Constable)"
)
# A surname or given name: O'Brien, McDonald, MacLeod, Lloyd-Evans, Pryce-Jones.
WORD = r"(?:Mc|Mac|[A-Z]')?[A-Z][a-z\u00e0-\u00ff]+(?:-(?:Mc|[A-Z]')?[A-Z][a-z\u00e0-\u00ff]+)?"
# "L. H.", "L.H.", "L H " and, run together, "AJ "
INITIALS = r"(?:(?:[A-Z](?:\.[ \t]?|[ \t]+)){1,3}|[A-Z]{2,3}[ \t]+(?=[A-Z][a-z]))"
_NAME_BODY = rf"(?:{INITIALS})?{WORD}(?:[ \t]+{WORD}){{0,2}}"

# "Cllr.L.H.James": an honorific that ends with its full stop may run into the name
HON_NAME = re.compile(
    rf"\b(?P<hon>{HONORIFIC}(?:[ \t]+{HONORIFIC})?)(?:[ \t]+|(?<=\.))(?P<name>{_NAME_BODY})"
)
GIVEN_NAME = re.compile(
    rf"(?<![\w'-])(?P<name>(?P<given>{WORD})(?:[ \t]+(?:{WORD}|[A-Z]\.?))?[ \t]+{WORD})"
    rf"(?![\w'-])"
)
# A capitalised word after a name that makes it a body: "Hywel Dda University Health Board".
_ORG_AFTER = re.compile(
    r"[ \t]+(?:University|Health|Board|Trust|Hospital|School|Academy|College|"
    r"Council|Centre|Center|House|Hall|Road|Street|Foundation|Partnership|"
    r"Services?|Group|Ltd|Limited|Project|Award|Fund|Scheme|Way|Court|Unit|"
    r"Institute|Building|Park|Primary|Nursery|Inquiry|Report|Review|"
    r"Associates|Consulting|Consultancy|Partners|Solicitors|Company)\b"
)
_PLURAL_HON = re.compile(r"(?:Councillors|Cllrs)\.?$")
_LIST_NEXT = re.compile(r"\s*(?:,|;|\(|\band\b|&)")
_HONORIFIC_ONLY = re.compile(rf"^(?:{HONORIFIC}(?![A-Za-z])\s*)+")
_TOKEN = re.compile(rf"{WORD}|[A-Z]\.(?:[A-Z]\.)*|[A-Z](?![a-z])")

_NAMES = lexicons.names()
GIVEN_NAMES = _NAMES.given
# Subject words of post titles and service names ("Children's Social Care Improvement").
DOMAIN_WORDS = _NAMES.domain
# Capitalised words that are never part of a person's name in minutes.
NOT_NAME = (DOMAIN_WORDS - _NAMES.domain_in_names) | _NAMES.not_name


def name_tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


def clean_name(s: str) -> str:
    """A name without honorifics, whitespace folded: 'Councillor Mrs P  Jones' -> 'P Jones'."""
    s = re.sub(r"\s+", " ", s).strip().rstrip(",;:")
    prev = None
    while prev != s:
        prev = s
        s = _HONORIFIC_ONLY.sub("", s).strip()
    return s


def low(w: str) -> str:
    return w.lower().replace("'s", "s").replace("'", "")


def is_blocked(tok: str) -> bool:
    return low(tok) in NOT_NAME or any(low(p) in NOT_NAME for p in tok.split("-")[1:])


def plausible_name(s: str, single_ok: bool = False) -> bool:
    """A capitalised phrase that can only be a name: 1-4 tokens, no domain or structural words."""
    name = clean_name(s)
    if not name or not re.fullmatch(rf"(?:{INITIALS})?{WORD}(?:\s+(?:{WORD}|[A-Z]\.?))*", name):
        return False
    toks = name_tokens(name)
    words = [t for t in toks if len(t.rstrip(".")) > 1]
    if not words or len(toks) > 5 or any(is_blocked(t) for t in words):
        return False
    return single_ok or len(toks) >= 2


def is_given(word: str) -> bool:
    """A common given name, or a hyphenated pair of them ("Ann-Marie", "Kerry-Ann")."""
    parts = word.lower().split("-")
    return word.lower() in GIVEN_NAMES or len(parts) == 2 and all(p in GIVEN_NAMES for p in parts)


def trim_name(raw: str) -> str:
    """The leading part of raw that can be a name: cut before the first blocked word."""
    end = 0
    for m in re.finditer(r"\S+", raw):
        tok = m.group().rstrip(".,;:")
        if not tok[:1].isupper() or is_blocked(tok) and len(tok) > 1:
            break
        if len(tok) > 1 or m.group().endswith(".") or re.fullmatch(r"[A-Z]", tok):
            end = m.end()
    kept = raw[:end].rstrip(" ,;:")
    while kept and re.search(r"(?:^|\s)[A-Z]\.?$", kept):
        kept = re.sub(r"\s*[A-Z]\.?$", "", kept)  # a name ends with a surname, not an initial
    return kept


@dataclass(frozen=True)
class NameHit:
    start: int  # of the honorific, if any
    name_start: int
    end: int
    name: str  # without honorifics
    hon: str  # the honorific as printed, "" if none


def strict_names(flat: str) -> list[NameHit]:
    """Names that the grammar alone vouches for: honorific + name, or given name + surname."""
    hits: list[NameHit] = []
    for m in HON_NAME.finditer(flat):
        kept = trim_name(m.group("name"))
        name = clean_name(kept)
        s = m.start("name")
        if _PLURAL_HON.search(m.group("hon")) and not _LIST_NEXT.match(flat, s + len(kept)):
            continue  # "Councillors" governs a list of two or more, not "Councillors Allowances"
        if kept and plausible_name(name, single_ok=True):
            hits.append(NameHit(m.start(), s, s + len(kept), name, fold_ws(m.group("hon"))))
    covered = [(h.start, h.end) for h in hits]
    for w in re.finditer(WORD, flat):
        if not is_given(w.group()) or any(a <= w.start() < b for a, b in covered):
            continue
        if re.search(r"\bSt\.?\s+$", flat[max(0, w.start() - 4) : w.start()]):
            continue
        g = GIVEN_NAME.match(flat, w.start())
        kept = trim_name(g.group("name")) if g else ""
        if g and kept and plausible_name(kept) and not _ORG_AFTER.match(flat, g.start() + len(kept)):
            hits.append(NameHit(g.start(), g.start(), g.start() + len(kept), fold_ws(kept), ""))
            covered.append((g.start(), g.start() + len(kept)))
    return sorted(hits, key=lambda h: h.start)


def fold_ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# --- Post titles -------------------------------------------------------------------------


Head = lexicons.Head
HEADS = lexicons.post_heads()  # kg/extract/data/post_heads.yaml
# A members' post counts only where members act: "Members asked", "A Member queried".
MEMBERS_ACT = re.compile(
    r"\s+(?:(?:also|then|further|had|have|all|each|both)\s+)?(?:asked|queried|raised|requested|"
    r"sought|questioned|commented|suggested|expressed|welcomed|felt|agreed|discussed|praised|thanked|"
    r"challenged|enquired|inquired|wished|emphasised|emphasized|stressed|highlighted|acknowledged|"
    r"recognised|noted|voted|considered|made|referred|supported|endorsed|proposed|sought|urged|"
    r"(?:were|was)\s+(?:concerned|keen|pleased|supportive|critical|disappointed|assured))\b"
)
CHAIR_ONLY = re.compile(r"(?P<vice>Vice[\s-]?)?Chair(?:man|woman|person)?", re.I)
# "Commissioner for Doncaster": a place after the title names where, not which, commissioner.
PLACE_TAIL = re.compile(r"\s+(?:for|in)\s+(?:the\s+)?(?P<p>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)$")
APPOINTED_BY = re.compile(r"^(?:dfe|department\s+for\s+education)[\s-]+appointed\s+", re.I)
# Titles that name no service of their own: "the Head of Service" is one of the heads of service.
GENERIC_TITLE = re.compile(r"(?:the\s+)?head\s+of\s+services?", re.I)
# A second post held with the first: "... and Chief Executive, Anytown Children's Trust".
AND_CEO = re.compile(r" and (?:Deputy )?Chief Executive(?: Officer)?\b")
ORG_TAIL = re.compile(
    r",\s*(?P<org>[A-Z][\w'&-]*(?:\s+(?:(?:of|and|for|the)\s+)?[A-Z][\w'&-]*){0,5})"
    r"(?=\s*[;,.)\n]|\s*$|\s+[a-z])"
)
NO_RESOLVE = {"chair", "member", "inspector", "officer", "adviser", "police"}
PRE_TITLE = re.compile(
    r"(?:\b(?:interim|acting|temporary)\s+)?(?:\b(?:dfe|department\s+for\s+"
    r"education)(?:[\s-]+appointed)?\s+|\bindependent\s+|\bjoint\s+)?$",
    re.I,
)
NOT_LEADER = re.compile(
    r"\b(?:Team|Group|Project|Practice|Service|Youth|Senior|Opposition|Party|"
    r"Labour|Conservative|Liberal|Green|Independent)\s+$"
)
# "Ofsted's Regional Director", "the Trust's Chair": a post of another body.
OTHER_OWNER = re.compile(
    r"\b(?:Ofsted|OFSTED|DfE|DFE|Trust|Board|Partnership|CCG|NHS|Police|"
    r"Constabulary|Government|Department|Inspectorate|CIW|CSSIW|School|"
    r"Academy|College|University|Hospital|Commissioner|Court)'s\s+$"
)
OTHER_COMMISSIONER = re.compile(r"(?:Children's|Crime|Information|Older\s+People's)\s+$")
INTERIM = re.compile(r"\b(?:interim|acting|temporary)\b|\((?:interim|acting)\)", re.I)
NP_STOP = frozenset(
    "pdf kb mb appendix minutes agenda item report ofsted the a an this that it he she they we "
    "his her members member councillor councillors cllr mr mrs ms dr miss resolved action in on "
    "at to by with from as who which and january february march april may june july august "
    "september october november december monday tuesday wednesday thursday friday".split()
)
STATUTORY = re.compile(
    r"\s*(?:,\s*(?:who\s+is\s+|as\s+|in\s+(?:his|her|their)\s+capacity\s+as"
    r"\s+)|\(\s*|\s+(?:remaining|as|being)\s+)(?:the\s+)?(?:council's\s+|"
    r"authority's\s+)?(?:statutory\s+)?(director\s+of\s+(?:children's|social)\s+"
    r"services|dcs|dss)\b[^,)]*[,)]?",
    re.I,
)
CONTRIBUTION = re.compile(
    r"(?:\s*\([^)]{0,80}\))?(?:\s*,[^,.;]{1,60},)?(?:\s*,)?\s+(?:(?:also|then|further|"
    r"briefly|subsequently)\s+)?(presented|reported|introduced|submitted|will\s+"
    r"submit|would\s+submit|answered|responded|explained|confirmed|advised|"
    r"outlined|highlighted|stated|informed|updated|briefed|said|commented|"
    r"suggested|asked|agreed|thanked|welcomed)\b",
    re.I,
)


# --- Title grammar: tokens, separators and service-word runs ----------------------------

NP_TOK = re.compile(r" *(?:(&)|([A-Za-z][A-Za-z'\-]*))")
COMMA = re.compile(r", *")
SPACES = re.compile(r"\s*")
LEFT_RUN = re.compile(r"(?:[A-Z][\w']*(?:,? and | & | ))+$")
CLOSE = re.compile(r"\s*[,.;:)]")
DASH = re.compile(r" +- +")
_CAP_WORDS = r"[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,3}"
# "Community Safety, Procurement and Migration": a list of portfolios that closes with "and".
CAP_LIST = re.compile(
    rf"{_CAP_WORDS}(?:, {_CAP_WORDS})*,? (?:and|&) {_CAP_WORDS}"
    r"(?=\s*[,.;:)\n]|\s*$|\s+[a-z])"
)
COLON = re.compile(r":(?:[ \t]+|[ \t]*\n[ \t]*)")
CLOSE_OR_LOWER = re.compile(r"\s*(?:[,.;:)]|$)|\s+[a-z]")
IN_PLACE = re.compile(r" in (?!the\b)[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=[\s,.;:)]|$)")
LIST_ENTRY = re.compile(rf"[ \t]*(?:{HONORIFIC}[ \t]|{WORD}[ \t]+{WORD}[ \t]*[-,(])")
PAREN = re.compile(r"\s*\(([^()\n]{1,60})\)")
# "(South & West)", "(North East)": the area a post covers, in brackets after its title.
_POINT = r"(?:North|South|East|West|Central|Mid)(?:[ -](?:North|South|East|West))?"
AREA = re.compile(rf"{_POINT}(?:\s*(?:,|&|and)\s*{_POINT})*")
# "of Essex Police": the body a police officer serves, not part of the title.
POLICE_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,4}(?:Police|Constabulary)\b")
WITH_RESP = re.compile(r"\s+with\s+(?:special\s+|lead\s+)?responsibility(?:\s+for)?(?=\s)", re.I)
OF_FOR = re.compile(r"\s+(of|for)\s+(?=\S)", re.I)
REPORT_OF = re.compile(r"\b(report|presentation|update)\s+(?:of|by|from)\s+(?:the\s+)?$", re.I)
NAME = rf"(?:{HONORIFIC}[ \t]+){{0,2}}(?:{INITIALS})?{WORD}(?:[ \t]+(?:{WORD}|[A-Z]\.?)){{0,3}}"
NAME_AFTER = re.compile(
    rf"(?:\s+in\s+[A-Z][a-z]+)?(?:\s*\([^()]{{1,80}}\))?\s*(?:,|\(|-|:)\s*"
    rf"(?P<n>{NAME})(?=[ \t]*[,);.\n]|\s*$|\s+and\s)"
)
SEP_BEFORE = re.compile(r"(?:\s*(?:,|\(|-)\s*|\s{2,})(?:the\s+)?$")
_LIST_OPEN = "\u00b7\u2022\u25cf\u25aa\u00d8\u00a7"  # bullet glyphs that open a list entry
# "..., accompanied by R Farnham, Director of ...": a name in apposition to the title after it
RELAXED_BEFORE = re.compile(
    rf"(?:(?<=[,;:(\n{_LIST_OPEN}])|(?<=\band)|(?<=\bby)|(?<=\bwith)|(?<=\bfrom)|^)\s*(?P<n>{NAME})$"
)
APPOSITIVE_END = re.compile(r"\s*(?:[,;.)\n]|$)|\s+and\s|\s+appointed\b|\s{2,}|\s+-\s")


# "Children in Care", "Children in Need": a service name with "in" inside it.
_IN_SERVICE = re.compile(r" +(?:Care|Need|care|need)\b")


def in_service(flat: str, pos: int) -> bool:
    """Whether the word "in" that ends before pos goes on into a service name ("in Care")."""
    return bool(_IN_SERVICE.match(flat, pos))


def _local_service(flat: str, m: re.Match[str]) -> bool:
    """"Local" before a service word: "Local Delivery", "Local Services"."""
    if (m.group(2) or "").lower() != "local":
        return False
    n = NP_TOK.match(flat, m.end())
    return bool(n and n.group(2) and low(n.group(2)) in DOMAIN_WORDS)


# Letters after a name, never a service: "Jo Bloggs MBE", "Head of Service, OBE"
HONOURS = re.compile(r"[MOCDKG]BE|QC|KC|JP|MPs?|MS|AM|CB|KCB")


def domain_run(flat: str, pos: int, caps: bool) -> int:
    """End of a run of service words ("Children's Social Care and Early Help") at pos."""
    end, p, last_ok = pos, pos, False
    while True:
        m = NP_TOK.match(flat, p)
        if not m:
            break
        w = m.group(2) or "&"
        svc = _IN_SERVICE.match(flat, m.end()) if w == "in" and last_ok else None
        if svc:  # "Children in Need"
            p = end = svc.end()
            continue
        if w in ("and", "&"):
            last_ok = False
        elif (low(w) in DOMAIN_WORDS or _local_service(flat, m)) and (w[0].isupper() or not caps):
            last_ok = True
        elif re.fullmatch(r"[A-Z]{2,5}", w) and not HONOURS.fullmatch(w) and not is_blocked(w):
            last_ok = True  # a service's acronym: "IAA & Safeguarding", "SEND and Inclusion"
        else:
            break
        p = m.end()
        if last_ok:
            end = p
    return end
