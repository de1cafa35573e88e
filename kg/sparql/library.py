"""The query library (queries/*.rq): headers, parameters bound as RDF terms, result formats."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError
from kg.graph.names import PREFIXES
from kg.graph.store import load, on_disk
from kg.resources import query_files
from kg.sparql.formats import (  # noqa: F401 - cell, format_result and table_rows are re-exported
    cell,
    choose_format,
    format_result,
    iris_in,
    select_text,
    table_rows,
)
from kg.sparql.params import param_term, parse_term  # noqa: F401 - parse_term is re-exported
from kg.sparql.values import bind

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
    source: str  # where the text came from, for messages: queries/NAME.rq or the .rq file given
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
    except UnicodeDecodeError as exc:
        raise QueryError(f"{path}: is not UTF-8 text; save it as UTF-8") from exc
    return _parse_query(path.stem, str(path), text)


def _parse_query(name: str, source: str, text: str) -> Query:
    title, desc, params = name, "", []
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
            pname, _, help_ = val.partition(" ")
            params.append(Param(pname.lstrip("?$"), help_.strip(" -:")))
    return Query(name, source, text, title, desc, tuple(params))


@lru_cache(maxsize=1)
def library() -> dict[str, Query]:
    out: dict[str, Query] = {}
    for f in query_files():
        name = f.name.removesuffix(".rq")
        out[name] = _parse_query(name, f"queries/{f.name}", f.read_text(encoding="utf-8"))
    return out


def resolve(name_or_path: str) -> Query:
    lib = library()
    if name_or_path in lib:
        return lib[name_or_path]
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.exists():
        return parse_query_file(path)
    if path.suffix == ".rq":
        raise QueryError(f"{path}: no such query file; check the path")
    near = difflib.get_close_matches(name_or_path, list(lib), n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(near)}? " if near else ""
    raise QueryError(
        f"no query named {name_or_path!r}; {hint}run `kg queries` for the library or give a .rq file"
    )


# parameters that page the answer (LIMIT and OFFSET) rather than bind a variable
PAGING = ("limit", "offset")


def bindings(query: Query, params: dict[str, str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    declared = {p.name for p in query.params}
    out = {}
    for name, value in params.items():
        if name not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise QueryError(f"query {query.name!r} has no parameter {name!r} (it takes: {known})")
        term = param_term(name, value)
        if name not in PAGING:
            out[ox.Variable(name)] = term
    return out


def paged(query: Query, params: dict[str, str]) -> Query:
    """The query with LIMIT and OFFSET appended from its `limit` and `offset` parameters.

    The values are checked whole numbers (param_term), so nothing else reaches the text; a
    library query that declares them ends with its ORDER BY, where the clauses belong.
    """
    declared = {p.name for p in query.params}
    clauses = [
        f"{name.upper()} {int(param_term(name, params[name]).value)}"
        for name in PAGING
        if name in params and name in declared
    ]
    if not clauses:
        return query
    return replace(query, text=f"{query.text.rstrip()}\n{' '.join(clauses)}\n")


def run(
    store: ox.Store, query: Query, params: dict[str, str] | None = None, *, union: bool = True
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Evaluate a library query; union=False reads the default graph only (see merge_graphs).

    Parameters are bound as VALUES blocks (kg/sparql/values.py), not as Oxigraph substitutions,
    which read a pattern whole before filtering it.
    """
    bound = bindings(query, params or {})
    query = paged(query, params or {})
    text = bind(query.text, query.form, bound)
    try:
        return store.query(text, use_default_graph_as_union=union)
    except SyntaxError as exc:
        raise QueryError(f"{query.source}: SPARQL syntax error: {str(exc).splitlines()[0]}") from exc


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


# --- labels for the terminal table ----------------------------------------------------------

_LABELS = """
SELECT ?s ?label WHERE {
  VALUES ?s { %s }
  { ?s a kg:LocalAuthority ; rdfs:label ?label }
  UNION { ?s a kg:Post ; kg:title ?label }
  UNION { ?s a kg:Person ; foaf:name ?label }
  UNION { ?s a kg:Document ; kg:fileName ?label }
}"""


def labels(store: ox.Store, iris_: set[str]) -> dict[str, str]:
    """The name an analyst knows for each authority, post, person and document among `iris_`."""
    if not iris_:
        return {}
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    values = " ".join(f"<{i}>" for i in sorted(iris_) if not re.search(r"[\s<>\"{}|\\^`]", i))
    out: dict[str, str] = {}
    for sol in store.query(head + _LABELS % values, use_default_graph_as_union=True):  # type: ignore[union-attr]
        out.setdefault(sol["s"].value, sol["label"].value)
    return out


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


def run_query(
    name: str, graphs: list[Path], fmt: str | None, params: dict[str, str],
    output: Path | None = None, width: int | None = None,
) -> str:
    """The answer as text; fmt None: from the output's extension, else the form's default."""
    q = resolve(name)
    fmt = choose_format(q.form, fmt, output)
    store = as_set(load(graphs))
    result = run(store, q, params, union=False)
    if fmt == "table" and isinstance(result, ox.QuerySolutions):
        columns = [v.value for v in result.variables]
        rows = [list(sol) for sol in result]
        return select_text(columns, rows, fmt, labels(store, iris_in(rows)), width)
    return format_result(result, fmt, PREFIXES)
