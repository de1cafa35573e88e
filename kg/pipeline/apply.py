"""Changing a store version in place: document graphs in and out, the merge kept a set.

The default graph of a store version is the merge of its named graphs (see kg/graph/disk.py).
Adding a graph adds its triples there too; dropping one removes from the merge only the triples
that no other graph still states.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from kg.graph.ns import GRAPHS
from kg.graph.quads import authority_quads, vocabulary_quads
from kg.graph.reference import official_quads

DEFAULT = ox.DefaultGraph()
VOCABULARIES = ox.NamedNode(f"{GRAPHS}vocabularies")
REGISTER = ox.NamedNode(f"{GRAPHS}register")
OFFICIAL = ox.NamedNode(f"{GRAPHS}ofsted-ilacs")
BATCH_BYTES = 32 << 20  # N-Quads handed to the bulk loader at once


def triples_of(store: ox.Store, graph: ox.NamedNode) -> list[ox.Triple]:
    return [q.triple for q in store.quads_for_pattern(None, None, None, graph)]


def _stated_elsewhere(store: ox.Store, t: ox.Triple) -> bool:
    for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None):
        if not isinstance(q.graph_name, ox.DefaultGraph):
            return True
    return False


def drop_graph(store: ox.Store, graph: ox.NamedNode) -> None:
    triples = triples_of(store, graph)
    store.remove_graph(graph)
    for t in triples:
        if not _stated_elsewhere(store, t):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, DEFAULT))


class Adder:
    """Adds named graphs and their triples to the merge, as N-Quads bytes for the bulk loader.

    The worker's N-Quads go to the loader as they are (parsed in Rust, never as Python objects);
    the merge gets the same lines with the graph term cut off. N-Quads escapes a line break
    inside a literal, so " <graph> .\\n" can only be the end of a line.
    """

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.quads: list[bytes] = []
        self.triples: list[bytes] = []
        self.size = 0

    def add(self, quads: Iterable[ox.Quad]) -> None:
        by_graph: dict[ox.NamedNode, list[ox.Quad]] = {}
        for q in quads:
            assert isinstance(q.graph_name, ox.NamedNode)
            by_graph.setdefault(q.graph_name, []).append(q)
        for g, qs in by_graph.items():
            data = ox.serialize(qs, format=ox.RdfFormat.N_QUADS)
            assert data is not None
            self.add_nquads(data, g)

    def add_nquads(self, data: bytes, graph: ox.NamedNode) -> None:
        """One graph's N-Quads (kg.graph.rdf.QuadSink's lines or Oxigraph's), every line in `graph`."""
        self.quads.append(data)
        self.triples.append(data.replace(f" <{graph.value}> .\n".encode(), b" .\n"))
        self.size += len(data)
        if self.size >= BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        if self.quads:
            # lenient: every IRI and literal in these lines was checked or written by Oxigraph
            self.store.bulk_load(b"".join(self.quads), format=ox.RdfFormat.N_QUADS, lenient=True)
            self.store.bulk_load(b"".join(self.triples), format=ox.RdfFormat.N_TRIPLES, lenient=True)
            self.quads, self.triples, self.size = [], [], 0


def reference_graphs(authorities: set[str]) -> dict[ox.NamedNode, Iterator[ox.Quad]]:
    return {
        VOCABULARIES: vocabulary_quads(),
        REGISTER: authority_quads(authorities),
        OFFICIAL: official_quads(authorities),
    }


def diff(
    old: ox.Store | None, new: ox.Store, dropped: Iterable[ox.NamedNode], added: Iterable[ox.NamedNode]
) -> tuple[set[ox.Triple], set[ox.Triple]]:
    """Triples the merge gained and lost: those of the added graphs that the old merge lacked,
    those of the dropped graphs that the new merge lacks (quotes come with their facts)."""

    def in_merge(store: ox.Store | None, t: ox.Triple) -> bool:
        if store is None:
            return False
        found = store.quads_for_pattern(t.subject, t.predicate, t.object, DEFAULT)
        return next(iter(found), None) is not None

    gained = {t for g in added for t in triples_of(new, g) if not in_merge(old, t)}
    lost = {t for g in dropped for t in (triples_of(old, g) if old else []) if not in_merge(new, t)}
    return gained, lost
