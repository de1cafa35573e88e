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


def _key(q: ox.Quad) -> tuple[str, str, str, str]:
    g = q.graph_name
    assert isinstance(q.subject, ox.NamedNode | ox.BlankNode)
    return (
        q.subject.value,
        q.predicate.value,
        str(q.object),
        "" if isinstance(g, ox.DefaultGraph) else g.value,
    )


def canonical(quads: Iterable[ox.Quad], keep_graphs: bool) -> list[ox.Quad]:
    """Deduplicated and sorted, so the same input always serialises to the same bytes."""
    if keep_graphs:
        unique = set(quads)
    else:
        unique = {ox.Quad(q.subject, q.predicate, q.object) for q in quads}
    return sorted(unique, key=_key)


def serialise(quads: Iterable[ox.Quad], suffix: str, prefixes: dict[str, str]) -> bytes:
    fmt = FORMATS.get(suffix)
    if fmt is None:
        raise KgError(
            f"output format {suffix or '(none)'} is not known; use one of {', '.join(sorted(FORMATS))}"
        )
    data = canonical(quads, suffix in DATASET_SUFFIXES)
    if fmt == ox.RdfFormat.JSON_LD:
        return _jsonld(data, prefixes)
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        out = ox.serialize(data, format=fmt, prefixes=prefixes)
    elif fmt == ox.RdfFormat.N_TRIPLES or fmt == ox.RdfFormat.RDF_XML:
        out = ox.serialize([q.triple for q in data], format=fmt)
    else:
        out = ox.serialize(data, format=fmt)
    assert out is not None  # no output file given: serialize returns the bytes
    return out


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a failure never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_graph(quads: Iterable[ox.Quad], path: Path, prefixes: dict[str, str]) -> None:
    write_atomic(path, serialise(quads, path.suffix.lower(), prefixes))


def load(paths: Iterable[Path]) -> ox.Store:
    """An in-memory store holding the given graph files (named graphs kept where present)."""
    store = ox.Store()
    for path in paths:
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
    """A SELECT over the union of all graphs (our own queries, never user text)."""
    result = store.query(query, use_default_graph_as_union=True)
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
