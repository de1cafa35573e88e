"""The engine: Oxigraph for parsing, serialising and SPARQL; atomic, deterministic output."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, KgError

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}
DATASET_SUFFIXES = {".trig", ".nq", ".jsonld", ".json"}


def sorted_lines(store: ox.Store, keep_graphs: bool) -> bytes:
    """The store as sorted, deduplicated N-Quads (or N-Triples, graphs merged).

    Oxigraph writes the lines; sorting them as bytes gives the same output for the same input
    on every run, groups each subject's statements, and never holds a Python object per quad.
    """
    if keep_graphs:
        raw = store.dump(format=ox.RdfFormat.N_QUADS)
    else:
        merged = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        assert isinstance(merged, ox.QueryTriples)
        raw = merged.serialize(format=ox.RdfFormat.N_TRIPLES)
    assert raw is not None
    lines = raw.splitlines()
    del raw  # hold one copy of the statements at a time
    lines.sort()
    unique = [line for i, line in enumerate(lines) if line and (i == 0 or line != lines[i - 1])]
    del lines
    return b"\n".join(unique) + (b"\n" if unique else b"")


def serialise_store(store: ox.Store, suffix: str, prefixes: dict[str, str]) -> bytes:
    fmt = FORMATS.get(suffix)
    if fmt is None:
        raise KgError(
            f"output format {suffix or '(none)'} is not known; use one of {', '.join(sorted(FORMATS))}"
        )
    keep = suffix in DATASET_SUFFIXES
    lines = sorted_lines(store, keep)
    if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES):
        return lines
    line_format = ox.RdfFormat.N_QUADS if keep else ox.RdfFormat.N_TRIPLES
    parsed = ox.parse(lines, format=line_format)
    if fmt == ox.RdfFormat.JSON_LD:
        return _jsonld(list(parsed), prefixes)
    named = prefixes if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    stream = parsed if keep else (q.triple for q in parsed)
    out = ox.serialize(stream, format=fmt, prefixes=named)
    assert out is not None  # no output file given: serialize returns the bytes
    return out


def serialise(quads: Iterable[ox.Quad], suffix: str, prefixes: dict[str, str]) -> bytes:
    store = ox.Store()
    store.bulk_extend(quads)
    return serialise_store(store, suffix, prefixes)


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a failure never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a graph is for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_store(store: ox.Store, path: Path, prefixes: dict[str, str]) -> None:
    write_atomic(path, serialise_store(store, path.suffix.lower(), prefixes))


def write_graph(quads: Iterable[ox.Quad], path: Path, prefixes: dict[str, str]) -> None:
    write_atomic(path, serialise(quads, path.suffix.lower(), prefixes))


_ON_DISK: list[ox.Store] = []  # stores opened from a kg store folder by this process


def on_disk(store: ox.Store) -> bool:
    """A kg store on disk: read-only, and its default graph is already the merge of its graphs."""
    return any(s is store for s in _ON_DISK)


def load(paths: Iterable[Path]) -> ox.Store:
    """The graph to read: a kg store folder opened read-only (nothing parsed), or an in-memory
    store holding the given graph files (named graphs kept where present)."""
    from kg.graph import disk

    paths = list(paths)
    if len(paths) == 1 and paths[0].is_dir():
        if not disk.is_store(paths[0]):
            raise InputError(
                f"{paths[0]}: not a kg store; build one with `kg build PATH... --store {paths[0]}`"
            )
        store = disk.open_read(paths[0])[0]
        _ON_DISK.append(store)
        return store
    store = ox.Store()
    for path in paths:
        if path.is_dir():
            raise InputError(f"{path}: a store folder is read on its own; give it alone as --store")
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise InputError(f"{path}: not a graph file kg reads; give .ttl, .trig, .nq, .nt or .jsonld")
        if not path.exists():
            raise InputError(f"{path}: no such graph; run `kg build` first or pass -g PATH")
        try:
            store.bulk_load(path=str(path), format=fmt)
        except (SyntaxError, ValueError, OSError) as exc:
            msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise InputError(f"{path}: not valid {fmt.name} ({msg}); rebuild it with `kg build`") from exc
    return store


def select(store: ox.Store, query: str) -> ox.QuerySolutions:
    """A SELECT over the union of all graphs (our own queries, never user text); a store on disk
    holds that merge, as a set, in its default graph."""
    result = store.query(query, use_default_graph_as_union=not on_disk(store))
    assert isinstance(result, ox.QuerySolutions)
    return result


# --- JSON-LD with a context, written by hand so that its bytes are deterministic -----------


def _compact(iri: str, prefixes: dict[str, str]) -> str:
    best = ""
    for p, ns in prefixes.items():
        if iri.startswith(ns) and len(ns) > len(prefixes.get(best, "")):
            local = iri[len(ns) :]
            if local and all(c.isalnum() or c in "-_." for c in local):
                best = p
    return f"{best}:{iri[len(prefixes[best]) :]}" if best else iri


def _jsonld(quads: list[ox.Quad], prefixes: dict[str, str]) -> bytes:
    graphs: dict[str, dict[str, dict[str, list[object]]]] = {}
    for q in quads:
        g = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        assert not isinstance(q.subject, ox.Triple)
        s = q.subject.value if isinstance(q.subject, ox.NamedNode) else f"_:{q.subject.value}"
        node = graphs.setdefault(g, {}).setdefault(_compact(s, prefixes), {})
        o = q.object
        assert not isinstance(o, ox.Triple) and not isinstance(q.subject, ox.Triple)
        if q.predicate.value == RDF_TYPE and isinstance(o, ox.NamedNode):
            node.setdefault("@type", []).append(_compact(o.value, prefixes))
            continue
        if isinstance(o, ox.NamedNode):
            val: object = {"@id": _compact(o.value, prefixes)}
        elif isinstance(o, ox.BlankNode):
            val = {"@id": f"_:{o.value}"}
        else:
            val = {"@value": o.value}
            if o.language:
                val["@language"] = o.language
            elif o.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                val["@type"] = _compact(o.datatype.value, prefixes)
        node.setdefault(_compact(q.predicate.value, prefixes), []).append(val)

    def nodes(g: dict[str, dict[str, list[object]]]) -> list[dict[str, object]]:
        return [{"@id": s, **props} for s, props in g.items()]

    body: list[dict[str, object]] = nodes(graphs.pop("", {}))
    body += [{"@id": g, "@graph": nodes(ns)} for g, ns in graphs.items()]
    doc = {"@context": dict(sorted(prefixes.items())), "@graph": body}
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def export(graphs: list[Path], output: Path) -> str:
    from kg.graph.quads import PREFIXES  # quads imports store's helpers

    store = load(graphs)
    if on_disk(store):
        from kg.graph.export import write_from_store

        write_from_store(store, output, PREFIXES)
    else:
        write_store(store, output, PREFIXES)
    return f"wrote {output}"
