"""Check a built graph against ontology/shapes.ttl (pySHACL) and its quotes against their text.

The graph files are read with Oxigraph and copied, as N-Triples bytes, into an rdflib in-memory
graph (the union of all named graphs) together with ontology/kg.ttl, so that pySHACL runs on a
plain Memory store (spec/engines.md: never over oxrdflib). Quotes are checked in Python.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV, RDF, SH, SKOS
from rdflib.term import Node

from kg.graph import iris
from kg.graph.ns import KG, OA
from kg.graph.quads import PREFIXES
from kg.graph.store import load, on_disk
from kg.reading.readers import find_sources, read_document
from kg.resources import ontology_file

SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_RANK = {"Violation": 0, "Warning": 1, "Info": 2}
_COUNTED = {SH.MinCountConstraintComponent, SH.MaxCountConstraintComponent}
MAX_LINES = 50


@dataclass(frozen=True)
class Violation:
    """One problem: which node, along which property, what is wrong, how bad, which value."""

    severity: str  # Violation | Warning | Info
    message: str  # what is wrong, the same words for every node with this problem
    focus: str  # the node's IRI
    path: str = ""  # the property, prefixed (kg:value) or as a path (^kg:hasComponent)
    value: str = ""  # the offending value, as shown
    detail: str = ""  # what was found: "found 0", "value 'X1'", ...

    def line(self) -> str:
        tail = f" ({self.detail})" if self.detail else ""
        return f"{compact(self.focus)}: {self.message}{tail}"


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    quotes_checked: int = 0
    quotes_unchecked: int = 0  # no text to check them against (plain-text sources not given)

    def count(self, severity: str) -> int:
        return sum(1 for v in self.violations if v.severity == severity)

    def render(self, max_lines: int = MAX_LINES) -> str:
        """Plain words, grouped by problem, at most about ``max_lines`` lines."""
        n_v, n_w = self.count("Violation"), self.count("Warning")
        head = "The graph conforms to the shapes" if self.conforms else "The graph does not conform"
        summary = f"{head}: {n_v} violation{'s' * (n_v != 1)}, {n_w} warning{'s' * (n_w != 1)}."
        lines = [summary, _quote_note(self.quotes_checked, self.quotes_unchecked)]
        groups: dict[tuple[str, str], list[Violation]] = {}
        for v in self.violations:
            groups.setdefault((v.severity, v.message), []).append(v)
        shown = 0
        for (severity, kind), members in groups.items():
            lines.append(f"{severity} ({len(members)}): {kind}")
            room = max(0, max_lines - len(lines))
            lines += [f"  {v.line()}" for v in members[:room]]
            shown += min(room, len(members))
            if len(lines) >= max_lines:
                break
        if shown < len(self.violations):
            lines.append(f"... and {len(self.violations) - shown} more")
        return "\n".join(line for line in lines if line)


def _quote_note(checked: int, unchecked: int) -> str:
    if not unchecked:
        return f"Quotes checked against their document text: {checked}." if checked else ""
    return (f"Quotes checked against their document text: {checked}; not checked: {unchecked} "
            "(plain-text documents; pass their files as sources to check them).")


def compact(iri: str) -> str:
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default="")
    if not best:
        return iri if not iri.startswith("_:") else "(blank node)"
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


# --- loading ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(data=ontology_file("shapes.ttl").read_text(encoding="utf-8"), format="turtle")


@lru_cache(maxsize=1)
def _ontology_nt() -> bytes:
    kg_ttl = ontology_file("kg.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=kg_ttl, format="turtle").serialize(format="nt").encode()


def to_rdflib(store: ox.Store) -> Graph:
    """Union of all graphs of ``store`` plus the ontology, as an rdflib Memory graph."""
    buf = io.BytesIO()
    for g in [ox.DefaultGraph(), *store.named_graphs()]:
        store.dump(buf, format=ox.RdfFormat.N_TRIPLES, from_graph=g)
    data = Graph()
    data.parse(data=buf.getvalue(), format="nt")
    data.parse(data=_ontology_nt(), format="nt")  # a parse of its own: blank nodes stay apart
    return data


# --- SHACL ------------------------------------------------------------------------------------


def shacl_violations(data: Graph) -> list[Violation]:
    from pyshacl import validate as pyshacl_validate

    _, results, _ = pyshacl_validate(
        data, shacl_graph=shapes_graph(), inference="none", allow_warnings=True,
        advanced=False, meta_shacl=False, abort_on_first=False,
    )
    assert isinstance(results, Graph)
    out: set[Violation] = set()
    for report in results.subjects(RDF.type, SH.ValidationReport):
        for r in results.objects(report, SH.result):
            out.add(_violation(results, data, r))
    return sorted(out, key=_sort_key)


def _violation(results: Graph, data: Graph, r: Node) -> Violation:
    focus = results.value(r, SH.focusNode)
    path = results.value(r, SH.resultPath)
    value = results.value(r, SH.value)
    component = results.value(r, SH.sourceConstraintComponent)
    messages = sorted(str(m) for m in results.objects(r, SH.resultMessage))
    message = messages[0] if messages else f"fails {compact(str(component))}"
    detail = ""
    if component in _COUNTED and isinstance(path, URIRef) and focus is not None:
        detail = f"found {len(set(data.objects(focus, path)))}"
    elif value is not None and value != focus:
        detail = f"value {_show(value)}"
    return Violation(
        SEVERITIES.get(URIRef(str(results.value(r, SH.resultSeverity))), "Violation"),
        message,
        _node_str(focus),
        render_path(results, path) if path is not None else "",
        _show(value) if value is not None and value != focus else "",
        detail,
    )


def _node_str(node: Node | None) -> str:
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _show(node: Node) -> str:
    if isinstance(node, Literal):
        text = str(node)
        return repr(text if len(text) <= 60 else text[:57] + "...")
    return compact(_node_str(node))


def render_path(g: Graph, path: Node) -> str:
    """A SHACL property path in SPARQL-like words: kg:a/kg:b, ^kg:c, (kg:a|kg:b)*."""
    if isinstance(path, URIRef):
        return compact(str(path))
    if g.value(path, RDF.first) is not None:
        return "/".join(render_path(g, p) for p in Collection(g, path))
    for pred, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "({})*"),
                      (SH.oneOrMorePath, "({})+"), (SH.zeroOrOnePath, "({})?")):
        inner = g.value(path, pred)
        if inner is not None:
            return fmt.format(render_path(g, inner))
    alt = g.value(path, SH.alternativePath)
    if alt is not None:
        return "|".join(render_path(g, p) for p in Collection(g, alt))
    return "(path)"


def _sort_key(v: Violation) -> tuple[int, str, str, str, str, str]:
    return (_RANK.get(v.severity, 3), v.message, v.focus, v.path, v.value, v.detail)


# --- whole-graph checks in SPARQL and Python ---------------------------------------------------

_P = {"kg": str(KG), "oa": str(OA), "prov": str(PROV), "skos": str(SKOS)}
_PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in _P.items())
# (query giving ?focus and ?value, path, message): each is one query over the whole graph.
GRAPH_CHECKS = [
    # a quote's document is its IRI before the #char= fragment (kg.graph.iris.quote)
    ("""SELECT DISTINCT ?focus ?value WHERE { ?focus kg:evidence ?q . FILTER (CONTAINS(STR(?q), "#"))
        BIND (IRI(STRBEFORE(STR(?q), "#")) AS ?value)
        FILTER NOT EXISTS { ?focus prov:wasDerivedFrom ?value } }""",
     "kg:evidence",
     "cites a quote from a document it does not name as its source (prov:wasDerivedFrom)"),
    ("""SELECT DISTINCT ?focus ?value WHERE { ?f kg:evidence ?focus . FILTER (CONTAINS(STR(?focus), "#"))
        BIND (IRI(STRBEFORE(STR(?focus), "#")) AS ?value)
        FILTER NOT EXISTS { ?value a kg:Document } }""",
     "kg:evidence",
     "a Quote must come from a Document of the graph (the IRI before its #char= fragment)"),
    ("""SELECT ?focus ?value WHERE { ?focus skos:notation ?value ; skos:inScheme ?s .
        FILTER (STR(?focus) != CONCAT(STR(?s), "/", STR(?value))) }""",
     "skos:notation",
     "a vocabulary concept's IRI must be its scheme's IRI, a slash and its notation"),
]
_TEXTS = """SELECT ?doc ?sha ?text WHERE {
  ?doc a kg:Document . OPTIONAL { ?doc kg:sha256 ?sha } OPTIONAL { ?doc kg:text ?text } }"""
_QUOTES = """SELECT DISTINCT ?q ?exact ?start ?end WHERE {
  ?f kg:evidence ?q . ?q oa:exact ?exact ; oa:start ?start ; oa:end ?end }"""


def _select(store: ox.Store, query: str) -> ox.QuerySolutions:
    rows = store.query(_PROLOGUE + query, use_default_graph_as_union=not on_disk(store))
    assert isinstance(rows, ox.QuerySolutions)
    return rows


def graph_check_violations(store: ox.Store) -> list[Violation]:
    return [
        Violation("Violation", message, row["focus"].value, path, compact(row["value"].value),
                  f"value {compact(row['value'].value)}")
        for query, path, message in GRAPH_CHECKS
        for row in _select(store, query)
    ]


def source_texts(sources: Iterable[Path]) -> dict[str, str]:
    """Text of each readable source file, by the SHA-256 of its bytes."""
    found, _skipped = find_sources(list(sources)) if sources else ([], [])
    texts: dict[str, str] = {}
    for src in found:
        try:
            doc = read_document(src)
        except Exception:  # noqa: BLE001 - an unreadable source just leaves its quotes unchecked
            continue
        texts[doc.sha256] = doc.text
    return texts


def quote_violations(store: ox.Store, texts: dict[str, str]) -> tuple[list[Violation], int, int]:
    """Quotes whose oa:exact is not the document text at [start:end]; and how many were checked."""
    out: list[Violation] = []
    checked = unchecked = 0
    doc_text: dict[str, str] = {}  # each document's text, read once however many quotes it has
    for row in _select(store, _TEXTS):
        kept = row["text"].value if row["text"] is not None else None
        given = texts.get(row["sha"].value) if row["sha"] is not None else None
        if kept is not None or given is not None:
            doc_text[row["doc"].value] = kept if kept is not None else given  # type: ignore[assignment]
    for row in _select(store, _QUOTES):
        text = doc_text.get(iris.quote_document(row["q"].value))
        if text is None:
            unchecked += 1
            continue
        checked += 1
        exact = row["exact"].value
        try:
            start, end = int(row["start"].value), int(row["end"].value)
        except ValueError:
            continue  # a malformed offset: the shapes report it
        if not 0 <= start <= end <= len(text):
            msg = "a Quote's offsets fall outside its document's text"
            detail = f"{start}-{end}; the text has {len(text)} characters"
        elif text[start:end] != exact:
            msg = "a Quote's words are not the document text at its offsets"
            there = _show(Literal(text[start:end]))
            detail = f"{_show(Literal(exact))}; the text at {start}-{end} reads {there}"
        else:
            continue
        out.append(Violation("Violation", msg, row["q"].value, compact(str(OA.exact)),
                             _show(Literal(exact)), detail))
    return out, checked, unchecked


# --- entry points -------------------------------------------------------------------------------


def validate(graph_paths: list[Path], sources: Sequence[Path] = ()) -> ValidationReport:
    """Validate graph file(s) built by kg against the shapes; check quotes against their text.

    ``sources``: optional minutes files or folders; their texts let quotes of plain-text
    documents be checked too (HTML and PDF documents keep their text in the graph).
    """
    store = load(graph_paths)
    found = shacl_violations(to_rdflib(store)) + graph_check_violations(store)
    bad_quotes, checked, unchecked = quote_violations(store, source_texts(sources))
    violations = sorted(set(found) | set(bad_quotes), key=_sort_key)
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms, violations, checked, unchecked)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m kg.graph.validate GRAPH... [--sources PATH...]``: exit 0 if the graph conforms."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print("usage: python -m kg.graph.validate GRAPH... [--sources FILE_OR_FOLDER...]")
        return 2
    cut = args.index("--sources") if "--sources" in args else len(args)
    report = validate([Path(a) for a in args[:cut]], [Path(a) for a in args[cut + 1:]])
    print(report.render())
    return 0 if report.conforms else 1


if __name__ == "__main__":
    raise SystemExit(main())
