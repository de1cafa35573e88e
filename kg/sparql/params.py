"""Query parameters as checked RDF terms: `-p NAME=VALUE` never fails silently.

The library's parameter names say what they hold (authority, a vocabulary notation, a date, a
number, an IRI, a text); a value of the wrong kind is a ParamError naming what was expected.
An authority may be given as a GSS code, an IRI (with or without angle brackets) or a name the
register knows ("Middlesbrough", "Bradford", "BCP"); an unknown or ambiguous one lists candidates.
"""

from __future__ import annotations

import difflib
import re

import pyoxigraph as ox

from kg.errors import ParamError
from kg.graph.names import AUTHORITY

_XSD = "http://www.w3.org/2001/XMLSchema#"
_GSS = re.compile(r"^[EWSN]\d{8}$", re.IGNORECASE)
_IRI_BAD = re.compile(r"[\s<>\"{}|\\^`]")
_LANG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_LEXICAL = {
    "integer": r"[+-]?\d+",
    "decimal": r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)",
    "double": r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|INF|-INF|NaN",
    "boolean": r"true|false|1|0",
    "date": r"\d{4}-\d{2}-\d{2}",
    "gYear": r"\d{4}",
    "gYearMonth": r"\d{4}-\d{2}",
}
# parameter name -> vocabulary scheme whose notations it takes
_NOTATIONS = {"concern": "concern", "judgement": "judgement", "role": "role", "unit": "unit",
              "qualifier": "qualifier"}
MAX_COUNT = 2**63 - 1
_KINDS = {"as_of": "date", "threshold": "number", "fact": "iri", "file": "text", "text": "text",
          "kind": "text", "limit": "count", "offset": "count"}


def param_term(name: str, value: str) -> ox.NamedNode | ox.Literal:
    """The term for parameter `name`, checked against the kind of value that name takes."""
    v = value.strip()
    if not v or v in ('""', "''"):
        raise ParamError(f"parameter {name} is empty; give a value, e.g. -p {name}=...")
    if name == "authority":
        return ox.NamedNode(authority_iri(v))
    if name in _NOTATIONS:
        return _notation(name, _NOTATIONS[name], v)
    kind = _KINDS.get(name)
    term = parse_term(v) if kind != "text" or v.startswith('"') else ox.Literal(v)
    if kind == "date" and not (isinstance(term, ox.Literal) and _is_date(term)):
        raise ParamError(f"parameter {name}={value!r} is not a date; write e.g. 2019-06-30, 2019-06 or 2019")
    if kind == "number" and not (
        isinstance(term, ox.Literal) and term.datatype.value.removeprefix(_XSD) in ("integer", "decimal")
    ):
        raise ParamError(f"parameter {name}={value!r} is not a number; write e.g. 30 or 12.5")
    if kind == "count" and not (
        isinstance(term, ox.Literal) and term.datatype.value == _XSD + "integer" and int(term.value) >= 0
    ):
        raise ParamError(f"parameter {name}={value!r} is not a count; write a whole number, e.g. 100")
    if kind == "count" and int(term.value) > MAX_COUNT:  # SPARQL engines read LIMIT into 64 bits
        raise ParamError(
            f"parameter {name}={value[:40]!r} is too large; write a whole number up to {MAX_COUNT}"
        )
    if kind == "iri":
        if re.match(r"https?://\S+$", v):
            term = parse_term(f"<{v}>")
        if not isinstance(term, ox.NamedNode):
            raise ParamError(f"parameter {name}={value!r} is not an IRI; paste one as `kg query` prints it")
    if kind == "text" and isinstance(term, ox.Literal) and not term.value.strip():
        raise ParamError(f"parameter {name} is empty; give a value, e.g. -p {name}=...")
    return term


def _is_date(term: ox.Literal) -> bool:
    dt = term.datatype.value.removeprefix(_XSD)
    year = dt == "integer" and re.fullmatch(r"\d{4}", term.value) is not None
    return dt in ("date", "gYearMonth") or year


def _notation(name: str, scheme: str, v: str) -> ox.Literal:
    from kg.graph.vocab import vocabularies

    known = vocabularies().get(scheme, {})
    text = v[1:-1] if len(v) > 1 and v[0] == v[-1] == '"' else v
    if text in known:
        return ox.Literal(text)
    by_label = {c.label.casefold(): n for n, c in known.items()}
    if text.casefold() in by_label:
        return ox.Literal(by_label[text.casefold()])
    near = difflib.get_close_matches(text.casefold(), list(known) + list(by_label), n=4, cutoff=0.5)
    picks = sorted({by_label.get(x, x) for x in near}) or sorted(known)[:8]
    raise ParamError(f"parameter {name}={v!r} is not a {scheme} notation; try {', '.join(picks)}")


def authority_iri(value: str) -> str:
    """An authority's IRI from a GSS code, its IRI (bare or in <>) or a name the register knows."""
    from kg.reference.register import _norm, register

    reg = register()
    v = value.strip()
    bracketed = v.startswith("<")
    if bracketed and v.endswith(">"):
        v = v[1:-1].strip()
    base = AUTHORITY
    if bracketed or v.startswith(("http://", "https://")):
        if not v.startswith(base) or not _GSS.match(v[len(base):]):
            raise ParamError(f"{value!r} is not an authority IRI; they look like {base}E06000002")
        v = v[len(base):]
    if _GSS.match(v):
        gss = v.upper()
        if gss not in reg.by_gss:
            near = difflib.get_close_matches(gss, list(reg.by_gss), n=3, cutoff=0.8)
            hint = f"; did you mean {', '.join(_named(reg, g) for g in near)}?" if near else ""
            raise ParamError(f"GSS code {gss} is not in the register of authorities{hint}")
        return AUTHORITY + gss
    codes = list(reg.names.get(_norm(v), ()))
    if not codes and v.upper() in reg.acronyms:
        codes = [reg.acronyms[v.upper()]]
    live = [c for c in codes if not reg.by_gss[c].end]
    if len(live) == 1 or (codes and not live):
        return AUTHORITY + (live[0] if live else reg.successor(sorted(codes)[-1], None))
    if len(live) > 1:
        raise ParamError(
            f"authority {value!r} is ambiguous: {'; '.join(_named(reg, c) for c in sorted(live))}; "
            "give the GSS code"
        )
    key = _norm(v)
    near = [n for n in reg.names if n.startswith(key + " ")] if len(key) > 3 else []
    near += difflib.get_close_matches(key, list(reg.names), n=4, cutoff=0.7)
    cands = sorted({c for n in near for c in reg.names[n] if not reg.by_gss[c].end})[:6]
    hint = f"; did you mean {'; '.join(_named(reg, c) for c in cands)}?" if cands else ""
    raise ParamError(f"no authority named {value!r} in the register{hint} (or give a GSS code)")


def _named(reg: object, gss: str) -> str:
    a = reg.by_gss[gss]  # type: ignore[attr-defined]
    return f"{a.nice_name} ({gss})"


def parse_term(value: str) -> ox.NamedNode | ox.Literal:
    """A parameter value as an RDF term, by its form alone. Never pasted into query text."""
    v = value.strip()
    if v.startswith("<"):
        if not v.endswith(">") or _IRI_BAD.search(v[1:-1]) or not v[1:-1]:
            raise ParamError(f"parameter value {value!r} is not an IRI; write it as <https://...>")
        try:
            return ox.NamedNode(v[1:-1])
        except ValueError as exc:
            raise ParamError(f"parameter value {value!r} is not a valid IRI ({exc})") from exc
    if _GSS.match(v):
        return ox.NamedNode(AUTHORITY + v.upper())
    m = re.fullmatch(r'"(.*)"(?:@([^\s^]*)|\^\^(\S*))?', v, re.DOTALL)
    if m:
        text, lang, dtype = m.groups()
        if lang is not None:
            if not _LANG.fullmatch(lang):
                raise ParamError(f"parameter value {value!r}: {lang!r} is not a language tag; write e.g. @en")
            return ox.Literal(text, language=lang)
        if dtype is not None:
            return _typed(value, text, dtype)
        return ox.Literal(text)
    if re.fullmatch(r"-?\d+", v):
        return ox.Literal(v, datatype=ox.NamedNode(_XSD + "integer"))
    if re.fullmatch(r"-?\d+\.\d+", v):
        return ox.Literal(v, datatype=ox.NamedNode(_XSD + "decimal"))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return ox.Literal(v, datatype=ox.NamedNode(_XSD + "date"))
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return ox.Literal(v, datatype=ox.NamedNode(_XSD + "gYearMonth"))
    return ox.Literal(v)


def _typed(value: str, text: str, dtype: str) -> ox.Literal:
    if dtype.startswith("xsd:"):
        dtype = f"<{_XSD}{dtype[4:]}>"
    bracketed = dtype.startswith("<") and dtype.endswith(">")
    if not bracketed or _IRI_BAD.search(dtype[1:-1]) or ":" not in dtype:
        raise ParamError(
            f"parameter value {value!r}: {dtype!r} is not a datatype; write e.g. \"12\"^^xsd:integer"
        )
    iri = dtype[1:-1]
    local = iri.removeprefix(_XSD)
    if iri.startswith(_XSD) and local in _LEXICAL and not re.fullmatch(_LEXICAL[local], text):
        raise ParamError(f"parameter value {value!r}: {text!r} is not a valid xsd:{local}")
    try:
        return ox.Literal(text, datatype=ox.NamedNode(iri))
    except ValueError as exc:
        raise ParamError(f"parameter value {value!r}: bad datatype ({exc})") from exc
