"""The query library (queries/*.rq): headers, parameters bound as RDF terms, result formats."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as _escape

import pyoxigraph as ox

from kg.errors import QueryError
from kg.graph import iris
from kg.graph.quads import PREFIXES
from kg.graph.store import load, on_disk
from kg.resources import QUERIES_DIR

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


def run(
    store: ox.Store, query: Query, params: dict[str, str] | None = None, *, union: bool = True
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Evaluate a library query; union=False reads the default graph only (see merge_graphs)."""
    subs: dict[ox.Variable, Any] = dict(bindings(query, params or {}))
    try:
        return store.query(query.text, use_default_graph_as_union=union, substitutions=subs)
    except SyntaxError as exc:
        raise QueryError(f"{query.path}: SPARQL syntax error: {str(exc).splitlines()[0]}") from exc


def as_set(store: ox.Store) -> ox.Store:
    """The store ready for library queries (run with union=False): graphs merged if it has any
    (a kg store on disk holds the merge already)."""
    if not on_disk(store) and next(iter(store.named_graphs()), None) is not None:
        merge_graphs(store)
    return store


def merge_graphs(store: ox.Store) -> ox.Store:
    """Make the store's default graph the merge of all its graphs, and return the store.

    Oxigraph's union default graph is a bag: a triple that k document graphs state matches k
    times, so joins over nodes shared by documents (posts, people, inspections) multiply. The
    default graph is a set. Query it with run(..., union=False); GRAPH still sees each graph.
    """
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


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
    rows = [[cell(t) for t in sol] for sol in solutions]  # a solution iterates in column order
    return columns, rows


def format_select(solutions: ox.QuerySolutions, fmt: str) -> str:
    if fmt == "json":
        return (solutions.serialize(format=ox.QueryResultsFormat.JSON) or b"").decode("utf-8") + "\n"
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
    kw: dict[str, Any] = {"prefixes": prefixes} if rdf == ox.RdfFormat.TURTLE else {}
    return (ox.serialize(triples, format=rdf, **kw) or b"").decode("utf-8")


# --- the library as JSON, and SPARQL results on the wire (kg serve) --------------------------


def describe(q: Query) -> dict[str, object]:
    """A library entry as the endpoint's page lists it."""
    return {
        "name": q.name,
        "title": q.title,
        "description": q.description,
        "form": q.form,
        "params": [{"name": p.name, "help": p.help} for p in q.params],
        "text": q.text,
    }


WIRE_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}


def xml_escape(s: str) -> str:
    return _escape(s, {'"': "&quot;"})


def _json_term(t: object) -> dict[str, str]:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    assert isinstance(t, ox.Literal)
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype.value != _XSD + "string":
        out["datatype"] = t.datatype.value
    return out


def _xml_term(t: object) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{xml_escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{xml_escape(t.value)}</bnode>"
    assert isinstance(t, ox.Literal)
    attr = ""
    if t.language:
        attr = f' xml:lang="{xml_escape(t.language)}"'
    elif t.datatype.value != _XSD + "string":
        attr = f' datatype="{xml_escape(t.datatype.value)}"'
    return f"<literal{attr}>{xml_escape(t.value)}</literal>"


def encode_solutions(variables: list[str], rows: list[list[object]], fmt: str) -> bytes:
    """SELECT results in a SPARQL 1.1 results format (json, xml, csv or tsv); None = unbound."""
    if fmt == "json":
        bindings = [
            {v: _json_term(t) for v, t in zip(variables, r, strict=True) if t is not None} for r in rows
        ]
        doc = {"head": {"vars": variables}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        head = "".join(f'<variable name="{xml_escape(v)}"/>' for v in variables)
        body = "".join(
            "<result>"
            + "".join(
                f'<binding name="{xml_escape(v)}">{_xml_term(t)}</binding>'
                for v, t in zip(variables, r, strict=True)
                if t is not None
            )
            + "</result>"
            for r in rows
        )
        return (
            f'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head>{head}</head><results>{body}</results></sparql>"
        ).encode()
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in r) for r in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(variables)
    w.writerows([cell(t) for t in r] for r in rows)
    return buf.getvalue().encode("utf-8")


def encode_boolean(value: bool, fmt: str) -> bytes:
    if fmt == "xml":
        return (
            f'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>"
        ).encode()
    if fmt in ("csv", "tsv"):
        return ("_askResult\n" + ("true" if value else "false") + "\n").encode()
    return json.dumps({"head": {}, "boolean": value}).encode()


def run_query(name: str, graphs: list[Path], fmt: str, params: dict[str, str]) -> str:
    q = resolve(name)
    store = as_set(load(graphs))
    return format_result(run(store, q, params, union=False), fmt, PREFIXES)
