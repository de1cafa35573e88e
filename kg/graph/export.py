"""Files from a store on disk, written as a stream: memory stays bounded at any size.

The bytes are those of kg/graph/store.py's in-memory path for the same graph: the statements as
N-Quads (or N-Triples, merged) lines sorted as bytes and deduplicated. Here the sort is an
external merge sort: Oxigraph writes one named graph (or the merge) at a time, runs of at most
RUN_BYTES are sorted in memory and spilled to temporary files, and the runs are merged. Turtle
and TriG are serialised by Oxigraph from the parsed stream of sorted lines. JSON-LD groups nodes
by graph: each graph is written from its own sorted lines, graphs in the order of their first
line in the global sort, which is the order the in-memory writer meets them.
"""

from __future__ import annotations

import heapq
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph.store import DATASET_SUFFIXES, FORMATS, _jsonld

RUN_BYTES = 64 << 20
DEFAULT = ox.DefaultGraph()
TRIG = ox.RdfFormat.TRIG


def count_quads(store: ox.Store) -> int:
    rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert isinstance(rows, ox.QuerySolutions)
    n = next(iter(rows))["n"]
    assert isinstance(n, ox.Literal)
    return int(n.value)


def named_graphs(store: ox.Store) -> list[ox.NamedNode]:
    return sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)


def graph_lines(store: ox.Store, graph: ox.NamedNode) -> list[bytes]:
    """One named graph as N-Quads lines (without newline), as Oxigraph writes them."""
    raw = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    assert raw is not None
    tail = f" <{graph.value}> .".encode()
    return [line[:-2] + tail for line in raw.splitlines() if line]


def _lines(store: ox.Store, keep_graphs: bool, spool: Path) -> Iterator[bytes]:
    if keep_graphs:
        for g in named_graphs(store):
            yield from graph_lines(store, g)
        return
    merged = spool / "merged.nt"
    store.dump(str(merged), format=ox.RdfFormat.N_TRIPLES, from_graph=DEFAULT)
    with open(merged, "rb") as fh:
        for line in fh:
            yield line.rstrip(b"\n")
    merged.unlink()


def sorted_lines_file(store: ox.Store, keep_graphs: bool, spool: Path) -> Path:
    """Sorted, deduplicated lines in a file under `spool`, written with bounded memory."""
    runs: list[Path] = []
    chunk: list[bytes] = []
    size = 0

    def spill() -> None:
        nonlocal chunk, size
        chunk.sort()
        run = spool / f"run{len(runs):05d}"
        with open(run, "wb") as fh:
            fh.writelines(line + b"\n" for line in chunk)
        runs.append(run)
        chunk, size = [], 0

    for line in _lines(store, keep_graphs, spool):
        chunk.append(line)
        size += len(line) + 64
        if size >= RUN_BYTES:
            spill()
    if chunk or not runs:
        spill()
    out = spool / "sorted"
    with ExitStack() as stack, open(out, "wb") as dst:
        streams = [stack.enter_context(open(r, "rb")) for r in runs]
        last = None
        for line in heapq.merge(*streams):
            if line != last:
                dst.write(line)
                last = line
    for r in runs:
        r.unlink()
    return out


def write_from_store(store: ox.Store, path: Path, prefixes: dict[str, str] | None = None) -> None:
    """Write the store (named graphs, default graph = their merge) to `path`, atomically."""
    if prefixes is None:
        from kg.graph.rdf import PREFIXES

        prefixes = PREFIXES
    suffix = path.suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise KgError(f"output format {suffix or '(none)'} is not known; use one of {known}")
    keep = suffix in DATASET_SUFFIXES
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{path.name}.", dir=path.parent) as tmp:
        spool = Path(tmp)
        target = spool / "out"
        if fmt == ox.RdfFormat.JSON_LD:
            _jsonld_stream(store, target, prefixes)
        else:
            lines = sorted_lines_file(store, keep, spool)
            if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES):
                lines.rename(target)
            else:
                line_format = ox.RdfFormat.N_QUADS if keep else ox.RdfFormat.N_TRIPLES
                parsed = ox.parse(path=str(lines), format=line_format)
                named = prefixes if fmt in (ox.RdfFormat.TURTLE, TRIG) else None
                stream: Iterable[ox.Quad] | Iterable[ox.Triple] = (
                    parsed if keep else (q.triple for q in parsed)
                )
                ox.serialize(stream, str(target), format=fmt, prefixes=named)
        os.chmod(target, 0o666 & ~_umask())
        os.replace(target, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _jsonld_stream(store: ox.Store, target: Path, prefixes: dict[str, str]) -> None:
    """The JSON-LD of kg/graph/store.py's `_jsonld`, one named graph in memory at a time."""
    firsts = []
    for g in named_graphs(store):
        lines = graph_lines(store, g)
        if lines:
            firsts.append((min(lines), g))
    firsts.sort()
    head = json.dumps({"@context": dict(sorted(prefixes.items()))}, ensure_ascii=False, indent=1)
    with open(target, "w", encoding="utf-8") as out:
        out.write(head[:-2] + ',\n "@graph": [')
        for i, (_, g) in enumerate(firsts):
            lines = sorted(set(graph_lines(store, g)))
            quads = list(ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_QUADS))
            one = json.loads(_jsonld(quads, prefixes))["@graph"][0]
            text = json.dumps(one, ensure_ascii=False, indent=1).replace("\n", "\n  ")
            out.write(("," if i else "") + "\n  " + text)
        out.write("\n ]\n}\n" if firsts else "]\n}\n")


def write_changes(path: Path, gained: set[ox.Triple], lost: set[ox.Triple]) -> None:
    """TriG with two graphs: the triples this build added to the merge and those it removed."""
    from kg.graph.ns import GRAPHS
    from kg.graph.rdf import PREFIXES

    quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(f"{GRAPHS}added")) for t in gained]
    quads += [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(f"{GRAPHS}removed")) for t in lost]
    mem = ox.Store()
    mem.bulk_extend(quads)
    write_from_store(mem, path if path.suffix else path.with_suffix(".trig"), PREFIXES)
