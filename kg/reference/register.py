"""The UK local authority register (mySociety, CC-BY-4.0): names, GSS codes, succession.

Children's services sit with upper-tier and unitary authorities, so lower-tier districts and
combined authorities are not candidates: a district's name ("Worcester") is at most weak
evidence for its county, which the register does not link, so it is left out.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from kg.resources import reference_file

_ELIGIBLE = {"unitary", "upper tier"}
# Names that are also ordinary words: only with "Council"/"Borough" etc. attached.
AMBIGUOUS = {
    "reading",
    "bury",
    "hart",
    "eden",
    "rother",
    "wells",
    "derby city",
    "halton",
    "sefton",
    "north",
    "south",
    "east",
    "west",
    "central",
    "isle",
    "city",
    "wirral",
}
# Acronyms that look like an authority's initials but name something else in minutes.
NOT_AUTHORITY_ACRONYMS = {
    "MASH",
    "CIW",
    "DFE",
    "LAC",
    "CSE",
    "HMO",
    "HMI",
    "CCG",
    "NHS",
    "CAMHS",
    "SEND",
    "PLO",
    "LSCB",
    "ILACS",
    "SIF",
    "JTAI",
    "QA",
    "HR",
    "ICB",
    "YOT",
    "YOS",
    "EHCP",
    "CIC",
    "CICC",
    "DCS",
    "DSS",
    "CMR",
    "ADCS",
    "LGA",
    "SMT",
    "CYP",
    "KPI",
    "RAG",
    "CSC",
    "FFD",
    "ASYE",
    "NQSW",
    "SW",
    "MP",
    "CQC",
    "HMIP",
    "DBS",
    "PCC",
    "ICS",
    "LA",
    "LAS",
    "UASC",
    "ACE",
    "CIS",
    "NUT",
    "CAFCASS",
    "SENCO",
}


@dataclass(frozen=True)
class Authority:
    code: str  # register code, e.g. "BPC"
    name: str  # official name
    nice_name: str
    gss: str
    nation: str
    start: str  # ISO date or ""
    end: str
    replaced_by: str  # register code
    la_code: str  # DfE three-digit LA number
    kind: str


@dataclass(frozen=True)
class Register:
    by_gss: dict[str, Authority]
    by_code: dict[str, Authority]
    names: dict[str, tuple[str, ...]]  # lower-cased variant -> GSS codes
    acronyms: dict[str, str]  # upper-case acronym -> GSS
    longest: int  # words in the longest name
    first_words: dict[str, int]  # first word of a name -> most words of a name starting so
    districts: dict[str, str]  # lower-tier district name -> its county's GSS (weak evidence)
    district_first: dict[str, int]

    def find_names(
        self, text: str, names: Mapping[str, object] | None = None, first_words: dict[str, int] | None = None
    ) -> list[tuple[int, int, str]]:
        """(start, end, normalised name) of every capitalised authority name, longest first.

        Looks word n-grams up in a dict: one pass, however many names the register has.
        """
        names = self.names if names is None else names
        first_words = self.first_words if first_words is None else first_words
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        out = []
        i = 0
        while i < len(toks):
            if not toks[i][2][0].isupper():
                i += 1
                continue
            first = toks[i][2].lower().replace("\u2019", "'")
            most = first_words.get(first, 0)
            for n in range(min(most, len(toks) - i), 0, -1):
                words = toks[i : i + n]
                key = " ".join("and" if w == "&" else w.lower().replace("\u2019", "'") for _, _, w in words)
                hyphenated = (words[0][0] > 0 and text[words[0][0] - 1] == "-") or text[
                    words[-1][1] : words[-1][1] + 1
                ] == "-"  # "Adebayo-Kent" is a surname, "Stoke-on-Trent" is a token run
                if key in names and words[-1][2] != "&" and not hyphenated:
                    out.append((words[0][0], words[-1][1], key))
                    i += n
                    break
            else:
                i += 1
        return out

    def find_districts(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, county GSS) for lower-tier district names ("Worcester" -> Worcestershire)."""
        return [
            (s, e, self.districts[k])
            for s, e, k in self.find_names(text, self.districts, self.district_first)
        ]

    def successor(self, gss: str, on: str | None) -> str:
        """The authority that holds the area's services on a date (ISO, any precision)."""
        a = self.by_gss[gss]
        seen = set()
        while on and a.end and a.end < on[:10] and a.replaced_by and a.gss not in seen:
            seen.add(a.gss)
            nxt = self.by_code.get(a.replaced_by)
            if not nxt:
                break
            a = nxt
        return a.gss

    def lookup(self, phrase: str, on: str | None = None) -> str | None:
        codes = self.names.get(_norm(phrase))
        if not codes:
            return None
        return self.lookup_codes(codes, on)

    def lookup_codes(self, codes: tuple[str, ...], on: str | None = None) -> str:
        """The authority that holds the services on a date, of several codes for one name."""
        live = [c for c in codes if _alive(self.by_gss[c], on)]
        pick = sorted(live or codes, key=lambda c: self.by_gss[c].start or "")[-1]
        return self.successor(pick, on)


_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\u2019](?!s\b)[A-Za-z]+)*|&")  # possessive 's stays out


def _alive(a: Authority, on: str | None) -> bool:
    if not on:
        return not a.end
    return (not a.start or a.start[: len(on)] <= on) and (not a.end or a.end >= on[:10])


def _norm(s: str) -> str:
    s = s.lower().replace("&", "and").replace("\u2019", "'")
    s = re.sub(r"[^a-z0-9' ]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


_SUFFIXES = (
    " county borough council",
    " metropolitan borough council",
    " metropolitan district council",
    " borough council",
    " county council",
    " city council",
    " district council",
    " council",
)


def _variants(row: dict[str, str]) -> set[str]:
    base = {row["official-name"], row["nice-name"]}
    base |= {a.strip() for a in row["alt-names"].split(",") if a.strip()}
    out = set()
    for name in base:
        n = _norm(name)
        if not n:
            continue
        out.add(n)
        for suf in _SUFFIXES:
            if n.endswith(suf):
                out.add(n[: -len(suf)].strip())
    nice = _norm(row["nice-name"])
    kind = row["local-authority-type-name"]
    out |= {f"{nice} council", f"{nice} county council"} if kind == "County" else {f"{nice} council"}
    if kind == "London borough":
        out |= {f"london borough of {nice}", f"{nice} london borough council"}
    if kind == "Welsh unitary authority":
        out |= {f"{nice} county council", f"{nice} county borough council", f"{nice} cbc"}
    if kind == "Metropolitan district":
        out |= {f"{nice} metropolitan borough council", f"{nice} mbc", f"{nice} mdc"}
    out.add(f"city of {nice}")
    return {v for v in out if v and v not in AMBIGUOUS}


_GENERIC = {"council", "borough", "county", "city", "metropolitan", "district", "royal", "london"}


def _acronyms(row: dict[str, str]) -> set[str]:
    """Initials ("BCP", "BCBC"); too short or too generic ones ("MBC", "KCC") are left out."""
    out = set()
    for name in (row["official-name"], row["nice-name"]):
        words = [w for w in re.split(r"[\s,]+", name) if w and w.lower() not in ("and", "of", "the")]
        core = [w for w in words if w.lower() not in _GENERIC]
        if len(words) >= 4 or (len(words) == 3 and len(core) == 3):
            out.add("".join(w[0] for w in words).upper())
    return out


@lru_cache(maxsize=1)
def register() -> Register:
    with reference_file("uk_local_authorities.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_gss: dict[str, Authority] = {}
    by_code: dict[str, Authority] = {}
    names: dict[str, set[str]] = {}
    acr: dict[str, set[str]] = {}
    for row in rows:
        a = Authority(
            row["local-authority-code"],
            row["official-name"],
            row["nice-name"],
            row["gss-code"],
            row["nation"],
            row["start-date"],
            row["end-date"],
            row["replaced-by"],
            row["old-ons-la-code"],
            row["local-authority-type-name"],
        )
        by_code[a.code] = a
        if row["powers"] not in _ELIGIBLE or not a.gss:
            continue
        by_gss[a.gss] = a
        for v in _variants(row):
            names.setdefault(v, set()).add(a.gss)
        for x in _acronyms(row):
            acr.setdefault(x, set()).add(a.gss)
    acronyms = {k: next(iter(v)) for k, v in acr.items() if len(v) == 1 and k not in NOT_AUTHORITY_ACRONYMS}
    longest = max(len(v.split()) for v in names)
    first_words: dict[str, int] = {}
    for v in names:
        w = v.split()
        first_words[w[0]] = max(first_words.get(w[0], 0), len(w))
    # Districts point to their county: where minutes name no council, "County Hall, Worcester"
    # is weak evidence for Worcestershire.
    districts: dict[str, str] = {}
    for row in rows:
        county = by_code.get(row["county-la"])
        if row["powers"] == "lower tier" and not row["end-date"] and county and county.gss in by_gss:
            for v in (_norm(row["nice-name"]), _norm(row["official-name"])):
                if v and v not in names and v not in AMBIGUOUS:
                    districts[v] = county.gss
    district_first: dict[str, int] = {}
    for v in districts:
        w = v.split()
        district_first[w[0]] = max(district_first.get(w[0], 0), len(w))
    return Register(
        by_gss,
        by_code,
        {k: tuple(sorted(v)) for k, v in names.items()},
        acronyms,
        longest,
        first_words,
        districts,
        district_first,
    )


# Host labels that name a council's website, not the council ("democracy", "moderngov", "www").
_HOST_NOISE = {
    "www", "ww5", "democracy", "democratic", "edemocracy", "moderngov", "modgov", "mgov", "cmis",
    "councillors", "councilmeetings", "committee", "committees", "committeemeetings", "meetings",
    "minutes", "decisionmaking", "decisions", "governance", "cabinet", "mycouncil", "cds", "services",
    "public", "gov", "uk", "wales", "co", "org", "net", "com", "cymru", "llyw", "intranet", "web",
}  # fmt: skip
# Traditional county abbreviations that councils use in their addresses.
_SHIRE_ABBREVIATIONS = {
    "hants": "hampshire", "herts": "hertfordshire", "oxon": "oxfordshire", "glos": "gloucestershire",
    "notts": "nottinghamshire", "northants": "northamptonshire", "salop": "shropshire",
    "lancs": "lancashire", "leics": "leicestershire",
}  # fmt: skip
_COUNCIL_SUFFIX = re.compile(r"(?:cc|council|mbc|cbc|bc|dc)$")


@lru_cache(maxsize=1)
def _squashed_names() -> dict[str, set[str]]:
    """Register names with spaces and punctuation gone, as councils write them in host names."""
    out: dict[str, set[str]] = {}
    for name, codes in register().names.items():
        out.setdefault(re.sub(r"[^a-z]", "", name.replace("&", "and")), set()).update(codes)
    return out


_SMALL_WORDS = {"and", "of", "the", "upon", "on"}


@lru_cache(maxsize=1)
def _head_and_initials() -> dict[str, set[str]]:
    """Names written as their first word(s) and the initials of the rest, as hosts do:
    "bathnes" (Bath and North East Somerset). Two initials at least, so one letter is no name."""
    out: dict[str, set[str]] = {}
    for name, codes in register().names.items():
        words = [w for w in re.findall(r"[a-z]+", name) if w not in _SMALL_WORDS]
        for k in range(1, len(words) - 1):
            out.setdefault("".join(words[:k]) + "".join(w[0] for w in words[k:]), set()).update(codes)
    return out


def authority_from_address(url: str, on: str | None = None) -> str | None:
    """The council whose website an address is on: `democracy.<council>.gov.uk`,
    `<council>.moderngov.co.uk`, `westberks.gov.uk`. None unless exactly one council fits."""
    reg = register()
    m = re.match(r"\s*https?://([^/:?#\s]+)", url, re.IGNORECASE)
    if not m:
        return None
    labels = [lab for lab in m.group(1).lower().split(".") if lab and lab not in _HOST_NOISE]
    squashed = _squashed_names()
    found: set[str] = set()
    for label in labels:
        key = re.sub(r"[^a-z]", "", label)
        for cand in (key, _COUNCIL_SUFFIX.sub("", key)):
            if not cand:
                continue
            full = _SHIRE_ABBREVIATIONS.get(cand)
            codes = reg.names.get(full) if full else None
            codes = codes or tuple(squashed.get(cand, ())) or ((reg.acronyms[cand.upper()],) if cand.upper()
                                                                in reg.acronyms else ())
            codes = codes or tuple(_head_and_initials().get(cand, ()))
            if not codes and len(cand) >= 6:
                # "westberks", "northlincs", "centralbeds": the start of one council's name
                stem = cand[:-1] if cand.endswith("s") else cand
                codes = tuple({c for k, cs in squashed.items() if k.startswith(stem) for c in cs})
            if codes:
                found.add(reg.lookup_codes(tuple(codes), on))
                break
    return found.pop() if len(found) == 1 else None
