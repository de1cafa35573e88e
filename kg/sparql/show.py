"""`kg show IRI`: one fact or entity, its properties with labels, and each quote in its context.

The IRI may be given in full, in angle brackets, as a prefixed name (`authority:E06000002`,
`kgid:inspection/...`), or, for an authority, as a GSS code or a name the register knows.
A quote's context comes from the document text: stored in the graph for HTML and PDF minutes,
read from the source files (`-s`) for plain text.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph.iris import quote_document
from kg.graph.rdf import PREFIXES
from kg.graph.store import load
from kg.graph.validate import compact, source_texts

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_KG = PREFIXES["kg"]
_OA = "http://www.w3.org/ns/oa#"
_HIDDEN = {_RDF_TYPE, f"{_KG}evidence", f"{_KG}text"}
_LABEL_PROPS = (
    "http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2000/01/rdf-schema#label",
    "http://xmlns.com/foaf/0.1/name", f"{_KG}title", f"{_KG}fileName",
)
CONTEXT_LINES = 2


@dataclass(frozen=True)
class Quote:
    iri: str
    exact: str
    start: int
    end: int
    document: str
    file_name: str


def expand(name: str) -> str:
    """A full IRI from what a user pastes (see the module's docstring)."""
    v = name.strip()
    if v.startswith("<") and v.endswith(">"):
        return v[1:-1].strip()
    if re.match(r"https?://", v):
        return v
    prefix, sep, local = v.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    from kg.sparql.params import authority_iri

    return authority_iri(v)


def _one(store: ox.Store, s: str, p: str) -> Any:
    return next((q.object for q in store.quads_for_pattern(ox.NamedNode(s), ox.NamedNode(p), None)), None)


def label(store: ox.Store, iri: str) -> str:
    for p in _LABEL_PROPS:
        o = _one(store, iri, p)
        if isinstance(o, ox.Literal):
            return o.value
    return ""


def quotes(store: ox.Store, iri: str) -> list[Quote]:
    out = []
    for q in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(f"{_KG}evidence"), None):
        qi = str(getattr(q.object, "value", q.object))
        exact, start, end = (_one(store, qi, _OA + p) for p in ("exact", "start", "end"))
        if exact is None or start is None or end is None:
            continue
        doc_iri = quote_document(qi)
        out.append(Quote(qi, exact.value, int(start.value), int(end.value), doc_iri,
                         label(store, doc_iri) or doc_iri))
    return sorted(set(out), key=lambda x: (x.file_name, x.start, x.end))


def in_context(text: str, start: int, end: int, lines: int = CONTEXT_LINES) -> str:
    """The lines around text[start:end], the quote marked with »...«, each line indented."""
    first, last = text.count("\n", 0, start), text.count("\n", 0, end)
    marked = f"{text[:start]}\u00bb{text[start:end]}\u00ab{text[end:]}".split("\n")
    body = marked[max(0, first - lines): last + lines + 1]
    return "\n".join(f"    | {line}".rstrip() for line in body)


def _value(store: ox.Store, term: object) -> str:
    if isinstance(term, ox.Literal):
        return term.value if "\n" not in term.value else textwrap.shorten(term.value, 200)
    if isinstance(term, ox.NamedNode):
        name = label(store, term.value)
        return f"{name}  <{term.value}>" if name else f"<{term.value}>"
    return str(term)


def show(graph_paths: list[Path], name: str, sources: Sequence[Path] = ()) -> str:
    iri = expand(name)
    store = load(graph_paths)
    if not present(store, iri):
        where = ", ".join(map(str, graph_paths))
        raise KgError(f"<{iri}> is not in {where}; paste an IRI that kg query or kg show printed")
    return describe(store, iri, sources)


def present(store: ox.Store, iri: str) -> bool:
    """Whether the graph says anything about `iri` (it is the subject of a statement)."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return False
    return next(iter(store.quads_for_pattern(node, None, None)), None) is not None


MISSING_TEXT = "    (pass the minutes with -s to see the lines around it: {file})"


def describe(store: ox.Store, iri: str, sources: Sequence[Path] = (),
             missing_text: str = MISSING_TEXT) -> str:
    """What `kg show` prints for an IRI the store holds."""
    props: dict[str, list[str]] = {}
    for q in store.quads_for_pattern(ox.NamedNode(iri), None, None):
        p = q.predicate.value
        if p not in _HIDDEN:
            props.setdefault(compact(p), []).append(_value(store, q.object))
    typed = store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(_RDF_TYPE), None)
    types = sorted({compact(str(getattr(q.object, "value", q.object))) for q in typed})
    title = label(store, iri)
    out = [f"<{iri}>", f"  type: {', '.join(types) or '(none)'}"]
    if title:
        out.append(f"  label: {title}")
    width = max((len(p) for p in props), default=0)
    for p in sorted(props):
        for v in sorted(set(props[p])):
            out.append(f"  {p.ljust(width)}  {v}")
    found = quotes(store, iri)
    texts = source_texts(sources) if sources and found else {}
    if found:
        out.append("")
        out.append(f"Supporting quote{'s' if len(found) != 1 else ''}:")
    for qt in found:
        out.append(f"  {qt.file_name}, characters {qt.start}-{qt.end}  <{qt.iri}>")
        stored = _one(store, qt.document, f"{_KG}text")
        sha = _one(store, qt.document, f"{_KG}sha256")
        text = stored.value if stored is not None else texts.get(sha.value if sha is not None else "", "")
        if text and text[qt.start:qt.end] == qt.exact:
            out.append(in_context(text, qt.start, qt.end))
        else:
            out.append("    | \u00bb" + qt.exact.replace("\n", "\n    | ") + "\u00ab")
            if not text:
                out.append(missing_text.format(file=qt.file_name))
    return "\n".join(out) + "\n"
