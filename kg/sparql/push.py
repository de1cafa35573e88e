"""kg push: write the graph into a triple store through the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph (one per source document, plus the reference graphs) is sent with PUT, which
replaces the graph, so that pushing the same build twice leaves the store as it was. A merged
file (.ttl, .nt) has no named graphs: it goes into one graph, and the report says so.
"""

from __future__ import annotations

import base64
import http.client
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pyoxigraph as ox

from kg.errors import InputError, StoreError
from kg.graph.ns import GRAPHS
from kg.graph.store import DATASET_SUFFIXES, FORMATS

MERGED = f"{GRAPHS}merged"


def read_graphs(paths: list[Path], merged: str = MERGED) -> tuple[dict[str, list[ox.Triple]], list[str]]:
    """Triples by graph IRI; triples outside any named graph go into `merged`."""
    out: dict[str, set[ox.Triple]] = {}
    notes: list[str] = []
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
    """A Graph Store Protocol service, over one kept-alive HTTP connection."""

    def __init__(self, url: str, timeout: float = 120.0, graph_param: str = "graph") -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(
                f"{url}: give the store's Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store"
            )
        self.url, self.timeout, self.param = url, timeout, graph_param
        self.scheme, self.host, self.port = parts.scheme, parts.hostname, parts.port
        self.path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self.headers = {"Content-Type": "application/n-triples"}
        if parts.username:
            token = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
            self.headers["Authorization"] = "Basic " + base64.b64encode(token).decode()
        self.conn: http.client.HTTPConnection | None = None

    def _connect(self) -> http.client.HTTPConnection:
        cls = http.client.HTTPSConnection if self.scheme == "https" else http.client.HTTPConnection
        return cls(self.host, self.port, timeout=self.timeout)

    def put(self, graph: str, triples: list[ox.Triple]) -> None:
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        sep = "&" if "?" in self.path else "?"
        target = f"{self.path}{sep}{self.param}={quote(graph, safe='')}"
        for attempt in (1, 2):
            self.conn = self.conn or self._connect()
            try:
                self.conn.request("PUT", target, body=body, headers=self.headers)
                resp = self.conn.getresponse()
                detail = resp.read().decode("utf-8", "replace").strip()
                break
            except (TimeoutError, http.client.HTTPException, OSError) as exc:
                self.close()
                if attempt == 2:
                    raise StoreError(f"cannot reach the store at {self.url} ({exc}); is it running?") from exc
        if resp.status not in (200, 201, 204):
            first = detail.splitlines()[0][:300] if detail else resp.reason
            raise StoreError(f"{self.url} refused graph <{graph}>: HTTP {resp.status} {first}")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def push(
    paths: list[Path],
    store_url: str,
    graph_param: str = "graph",
    progress: Callable[[str], None] | None = None,
) -> list[str]:
    """PUT every graph of the given files; returns the lines to report."""
    graphs, notes = read_graphs(paths)
    if not graphs:
        raise InputError(f"{', '.join(map(str, paths))}: no triples to push")
    store = GraphStore(store_url, graph_param=graph_param)
    try:
        for name, triples in graphs.items():
            store.put(name, triples)
            if progress:
                progress(name)
    finally:
        store.close()
    docs = sum(1 for g in graphs if "/id/document/" in g)
    total = sum(len(t) for t in graphs.values())
    others = ", ".join(g.rsplit("/", 1)[-1] for g in graphs if "/id/document/" not in g)
    summary = (
        f"Pushed {len(graphs)} graph{'s' if len(graphs) != 1 else ''} ({total} triples) to "
        f"{store_url}: {docs} document{'s' if docs != 1 else ''}" + (f", {others}" if others else "")
    )
    return notes + [summary]
