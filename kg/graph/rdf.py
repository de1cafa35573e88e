"""RDF building blocks shared by the mappings: terms, literals, prefixes, a quad collector."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import RDF, XSD

from kg.graph import iris
from kg.graph.names import PREFIXES  # noqa: F401 - re-exported: the strings of the namespaces below

Quad = ox.Quad
Term = ox.NamedNode | ox.Literal


@lru_cache(maxsize=4096)
def N(iri: str) -> ox.NamedNode:  # noqa: N802 - reads like a constructor
    return ox.NamedNode(str(iri))


_XSD_STRING = N(XSD.string)
_XSD_INT = N(XSD.integer)
_XSD_DEC = N(XSD.decimal)
_XSD_BOOL = N(XSD.boolean)
_DATE_TYPES = {10: N(XSD.date), 7: N(XSD.gYearMonth), 4: N(XSD.gYear)}
TYPE = N(RDF.type)


def lit(value: str) -> ox.Literal:
    return ox.Literal(value)


def uri_lit(value: str) -> ox.Literal:
    """An address as data (xsd:anyURI): recorded, never a node to follow or dereference."""
    return ox.Literal(value, datatype=N(XSD.anyURI))


def date_lit(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=_DATE_TYPES.get(len(value), _XSD_STRING))


def int_lit(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_XSD_INT)


def bool_lit(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=_XSD_BOOL)


def num_lit(value: float) -> ox.Literal:
    if float(value).is_integer():
        return ox.Literal(str(int(value)), datatype=_XSD_DEC)
    return ox.Literal(repr(float(value)), datatype=_XSD_DEC)


def concept(scheme: str, notation: str) -> ox.NamedNode:
    return N(iris.concept(scheme, notation))


class Terms:
    """A namespace's terms as plain strings, each looked up once (and checked by it then):
    rdflib builds a new URIRef at every attribute access, about 1 µs, 1,400 times a document."""

    def __init__(self, ns: Any) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> str:
        value = str(getattr(self._ns, name))
        setattr(self, name, value)
        return value


@lru_cache(maxsize=8192)
def _ref(iri: str) -> str:
    """An IRI as N-Quads writes it, checked once by Oxigraph (which raises on a bad one)."""
    return f"<{ox.NamedNode(str(iri)).value}>"


class QuadSink:
    """Collects the quads of one named graph as N-Quads lines.

    Writing a line costs a fraction of making an `ox.Quad` (about 2 µs each, 1,600 per document)
    and serialising it again; the bulk loader parses the lines in Rust. Literals are written by
    Oxigraph (`str()` of a term is its N-Triples form), IRIs are checked by it once each.
    """

    def __init__(self, name: str) -> None:
        self.g = _ref(name)
        self.lines: list[str] = []

    def add(self, s: str | ox.NamedNode, p: str, o: Term | str) -> None:
        subj = _ref(s.value if isinstance(s, ox.NamedNode) else s)
        if isinstance(o, ox.Literal):
            obj = str(o)
        else:
            obj = _ref(o.value if isinstance(o, ox.NamedNode) else o)
        self.lines.append(f"{subj} {_ref(p)} {obj} {self.g} .\n")

    def opt(self, s: str, p: str, o: Term | None) -> None:
        if o is not None:
            self.add(s, p, o)

    def nquads(self) -> bytes:
        """The lines, each once (a fifth of what the mappings state is stated again: a post's
        type at each of its mentions, say), in the order first stated."""
        return "".join(dict.fromkeys(self.lines)).encode("utf-8")

    @property
    def quads(self) -> list[ox.Quad]:
        return list(ox.parse(self.nquads(), format=ox.RdfFormat.N_QUADS))
