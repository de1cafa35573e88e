"""RDF building blocks shared by the mappings: terms, literals, prefixes, a quad collector."""

from __future__ import annotations

from functools import lru_cache

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


class QuadSink:
    """Collects the quads of one named graph."""

    def __init__(self, name: str) -> None:
        self.g = N(name)
        self.quads: list[ox.Quad] = []

    def add(self, s: str | ox.NamedNode, p: str, o: Term | str) -> None:
        subj = s if isinstance(s, ox.NamedNode) else N(s)
        obj = o if isinstance(o, ox.NamedNode | ox.Literal) else N(o)
        self.quads.append(ox.Quad(subj, N(p), obj, self.g))

    def opt(self, s: str, p: str, o: Term | None) -> None:
        if o is not None:
            self.add(s, p, o)


