"""The query library (queries/*.rq): headers, parameters bound as RDF terms, result formats."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg import iris
from kg.errors import QueryError
from kg.paths import QUERIES_DIR

_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$", re.IGNORECASE)
_GSS = re.compile(r"^[EWSN]\d{8}$")
_XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class Param:
    name: str
    help: str


@dataclass(frozen=True)
class Query:
    name: str
    path: Path
    text: str
    title: str
    description: str
    params: tuple[Param, ...]

    @property
    def form(self) -> str:
        body = re.sub(r"#[^\n]*", "", self.text)
        body = re.sub(r"(?is)^\s*(?:(?:prefix|base)\s+[^\n]*\n\s*)*", "", body)
        m = re.match(r"\s*(select|ask|construct|describe)", body, re.IGNORECASE)
        return m.group(1).upper() if m else "SELECT"


def parse_query_file(path: Path) -> Query:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot be read ({exc.strerror})") from exc
    title, desc, params = path.stem, "", []
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if not m:
            if line.strip() and not line.lstrip().startswith("#"):
                break
            continue
        key, val = m.group(1).lower(), m.group(2).strip()
        if key == "title":
            title = val
        elif key == "description":
            desc = f"{desc} {val}".strip()
        else:
            name, _, help_ = val.partition(" ")
            params.append(Param(name.lstrip("?$"), help_.strip(" -:")))
    return Query(path.stem, path, text, title, desc, tuple(params))


@lru_cache(maxsize=1)
def library() -> dict[str, Query]:
    return {p.stem: parse_query_file(p) for p in sorted(QUERIES_DIR.glob("*.rq"))}


def resolve(name_or_path: str) -> Query:
    lib = library()
    if name_or_path in lib:
        return lib[name_or_path]
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.exists():
        return parse_query_file(path)
    raise QueryError(f"no query named {name_or_path!r}; run `kg queries` for the library or give a .rq file")


def parse_term(value: str) -> ox.NamedNode | ox.Literal:
    """A parameter value as an RDF term. Never pasted into query text."""
    v = value.strip()
    if v.startswith("<"):
        if not v.endswith(">") or re.search(r"[\s<>\"{}|\\^`]", v[1:-1]) or not v[1:-1]:
            raise QueryError(f"parameter value {value!r} is not an IRI; write it as <https://...>")
        try:
            return ox.NamedNode(v[1:-1])
        except ValueError as exc:
            raise QueryError(f"parameter value {value!r} is not a valid IRI ({exc})") from exc
    if _GSS.match(v):
        return ox.NamedNode(iris.authority(v))
    m = re.fullmatch(r'"(.*)"(?:@([A-Za-z-]+)|\^\^<([^<>\s]+)>)?', v, re.DOTALL)
    if m:
        if m.group(2):
            return ox.Literal(m.group(1), language=m.group(2))
        if m.group(3):
            return ox.Literal(m.group(1), datatype=ox.NamedNode(m.group(3)))
        return ox.Literal(m.group(1))
    if re.fullmatch(r"-?\d+", v):
        return ox.Literal(v, datatype=ox.NamedNode(_XSD + "integer"))
    if re.fullmatch(r"-?\d+\.\d+", v):
        return ox.Literal(v, datatype=ox.NamedNode(_XSD + "decimal"))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return ox.Literal(v, datatype=ox.NamedNode(_XSD + "date"))
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return ox.Literal(v, datatype=ox.NamedNode(_XSD + "gYearMonth"))
    return ox.Literal(v)


def bindings(query: Query, params: dict[str, str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    declared = {p.name for p in query.params}
    out = {}
    for name, value in params.items():
        if name not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise QueryError(f"query {query.name!r} has no parameter {name!r} (it takes: {known})")
        out[ox.Variable(name)] = parse_term(value)
    return out


def run(store: ox.Store, query: Query, params: dict[str, str] | None = None):  # noqa: ANN201
    subs = bindings(query, params or {})
    try:
        return store.query(query.text, use_default_graph_as_union=True, substitutions=subs)
    except SyntaxError as exc:
        raise QueryError(f"{query.path}: SPARQL syntax error: {str(exc).splitlines()[0]}") from exc


# --- result formats ----------------------------------------------------------------------------


def cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def table_rows(solutions: ox.QuerySolutions) -> tuple[list[str], list[list[str]]]:
    columns = [v.value for v in solutions.variables]
    rows = [[cell(sol[c]) for c in columns] for sol in solutions]
    return columns, rows


def format_select(solutions: ox.QuerySolutions, fmt: str) -> str:
    if fmt == "json":
        return solutions.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
    columns, rows = table_rows(solutions)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([c.replace("\t", " ").replace("\n", " ") if fmt == "tsv" else c for c in r])
        return buf.getvalue()
    if fmt == "md":
        esc = [[c.replace("|", "\\|").replace("\n", " ") for c in r] for r in rows]
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(r) + " |" for r in esc]
        return "\n".join(lines) + "\n"
    return _text_table(columns, rows)


def _text_table(columns: list[str], rows: list[list[str]], width: int = 60) -> str:
    def clip(s: str) -> str:
        s = s.replace("\n", " ")
        return s if len(s) <= width else s[: width - 1] + "\u2026"

    data = [[clip(c) for c in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in data]) for i, c in enumerate(columns)]
    fmt_row = lambda r: "  ".join(x.ljust(widths[i]) for i, x in enumerate(r)).rstrip()  # noqa: E731
    out = [fmt_row(columns), "  ".join("-" * w for w in widths)]
    out += [fmt_row(r) for r in data]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def format_result(result: object, fmt: str, prefixes: dict[str, str]) -> str:
    if isinstance(result, ox.QuerySolutions):
        return format_select(result, fmt)
    if isinstance(result, ox.QueryBoolean):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result)}) + "\n"
        return ("true" if bool(result) else "false") + "\n"
    triples = sorted(set(result), key=lambda t: (t.subject.value, t.predicate.value, str(t.object)))  # type: ignore[call-overload]
    rdf = {"nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}.get(fmt, ox.RdfFormat.TURTLE)
    kw = {"prefixes": prefixes} if rdf == ox.RdfFormat.TURTLE else {}
    return ox.serialize(triples, format=rdf, **kw).decode("utf-8")
