"""kg push: write the graph into a triple store through the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph (one per source document, plus the reference graphs) is sent with PUT, which
replaces the graph, so that pushing the same build twice leaves the store as it was. A merged
file (.ttl, .nt) has no named graphs: it goes into one graph, and the report says so.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pyoxigraph as ox

from kg.errors import InputError, StoreError
from kg.graph.ns import GRAPHS
from kg.graph.store import DATASET_SUFFIXES, FORMATS
from kg.sparql import http

MERGED = f"{GRAPHS}merged"


def read_graphs(paths: list[Path], merged: str = MERGED) -> tuple[dict[str, list[ox.Triple]], list[str]]:
    """Triples by graph IRI; triples outside any named graph go into `merged`."""
    out: dict[str, set[ox.Triple]] = {}
    notes: list[str] = []
    if len(paths) == 1 and paths[0].is_dir():  # a kg store: its named graphs, nothing parsed
        from kg.graph.export import named_graphs
        from kg.graph.store import load

        store = load(paths)
        for g in named_graphs(store):
            out[g.value] = {q.triple for q in store.quads_for_pattern(None, None, None, g)}
        paths = []
    for path in paths:
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise InputError(f"{path}: not a graph file kg reads; give .trig, .nq, .ttl, .nt or .jsonld")
        if not path.exists():
            raise InputError(f"{path}: no such graph; run `kg build` first or pass -g PATH")
        try:
            quads = list(ox.parse(path=str(path), format=fmt))
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(f"{path}: not valid {fmt.name} ({str(exc).splitlines()[0]})") from exc
        loose = 0
        for q in quads:
            g = q.graph_name
            name = merged if isinstance(g, ox.DefaultGraph) else g.value
            loose += isinstance(g, ox.DefaultGraph)
            out.setdefault(name, set()).add(q.triple)
        if loose and path.suffix.lower() not in DATASET_SUFFIXES:
            notes.append(
                f"{path} is a merged graph (no named graphs): its {loose} triples go into "
                f"the one graph <{merged}>; build a .trig or .nq to get one graph per document"
            )
        elif loose:
            notes.append(f"{path}: {loose} triples outside any named graph go into <{merged}>")
    key = lambda t: (t.subject.value, t.predicate.value, str(t.object))  # noqa: E731
    return {g: sorted(ts, key=key) for g, ts in sorted(out.items())}, notes


class GraphStore:
    """A Graph Store Protocol service; every request bounded by `timeout` seconds in all."""

    def __init__(self, url: str, timeout: float = 30.0, graph_param: str = "graph") -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(
                f"{url}: give the store's Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store"
            )
        self.url, self.timeout, self.param = url, timeout, graph_param
        self.headers = {"Content-Type": "application/n-triples"}
        if parts.username:
            token = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
            self.headers["Authorization"] = "Basic " + base64.b64encode(token).decode()
            netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
            self.url = parts._replace(netloc=netloc).geturl()

    def put(self, graph: str, triples: list[ox.Triple]) -> None:
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        sep = "&" if "?" in self.url else "?"
        target = f"{self.url}{sep}{self.param}={quote(graph, safe='')}"
        status, media, detail = http.request(target, "PUT", body, self.headers, self.timeout, "store")
        if status not in (200, 201, 204):
            first = detail.decode("utf-8", "replace").strip().splitlines()
            msg = first[0][:300] if first else ""
            raise StoreError(f"{self.url} refused graph <{graph}>: HTTP {status} {msg}")
        http.check(self.url, status, media, detail, "store", ())


def _reference_first(name: str) -> tuple[bool, str]:
    return ("/id/document/" in name, name)


def push(
    paths: list[Path],
    store_url: str,
    graph_param: str = "graph",
    progress: Callable[[str], None] | None = None,
    timeout: float = 30.0,
) -> list[str]:
    """PUT every graph of the given files, reference graphs (register, vocabularies) first, so a
    store that holds any document graph also holds what it refers to; returns lines to report."""
    graphs, notes = read_graphs(paths)
    if not graphs:
        raise InputError(f"{', '.join(map(str, paths))}: no triples to push")
    store = GraphStore(store_url, timeout=timeout, graph_param=graph_param)
    order = sorted(graphs, key=_reference_first)
    for done, name in enumerate(order):
        try:
            store.put(name, graphs[name])
        except StoreError as exc:
            last = f"; the last to arrive was <{order[done - 1]}>" if done else ""
            raise StoreError(
                f"{exc} ({done} of {len(order)} graphs had arrived{last}; push again to finish: "
                "PUT replaces, so nothing is doubled)"
            ) from exc
        if progress:
            progress(f"pushed {done + 1}/{len(order)} <{name}>")
    docs = sum(1 for g in graphs if "/id/document/" in g)
    total = sum(len(t) for t in graphs.values())
    others = ", ".join(g.rsplit("/", 1)[-1] for g in graphs if "/id/document/" not in g)
    summary = (
        f"Pushed {len(graphs)} graph{'s' if len(graphs) != 1 else ''} ({total} triples) to "
        f"{store_url}: {docs} document{'s' if docs != 1 else ''}" + (f", {others}" if others else "")
    )
    return notes + [summary]
