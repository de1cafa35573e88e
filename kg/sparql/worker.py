"""A query worker of `kg serve`: answers the queries the server sends over Unix sockets.

Each socket is one query slot, answered by one thread; a worker process answers one query at a
time per slot under an address-space limit (RLIMIT_AS: its size once ready plus --max-memory),
so a query that grows past it fails in its own process. kg/sparql/pool.py starts workers in one
of two ways: forked from the zygote, which holds a graph loaded from files in memory; or, for a
store on disk, as a fresh interpreter (`python -m kg.sparql.worker`) that opens the store
read-only itself. This module therefore imports little: pyoxigraph and the standard library
(the `/show` page loads its modules on first use).

SELECT answers are written by Oxigraph's own serializer, in Rust, into a sink that stops it past
the byte cap and counts rows as they go (see _Sink); ASK and graph answers are small or counted
as they are read.
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import signal
import socket
import struct
import sys
import threading
from typing import Any

import pyoxigraph as ox

from kg.graph.names import PREFIXES
from kg.sparql.protocol import GRAPH_TYPES, SOLUTION_TYPES, encode_boolean, negotiate

TEXT = "text/plain; charset=utf-8"
Answer = tuple[int, str, bytes]
_LEN = struct.Struct(">Q")
_RESULTS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
# What each format writes once per row, and the rows that N of it make at most. Exact for XML
# and TSV (Oxigraph escapes "<" in XML text and line breaks in TSV terms); an upper bound for
# JSON and CSV, whose literals may hold "},{" or a line break as they are.
_ROW_MARK = {"json": (b"},{", 1), "xml": (b"<result>", 0), "tsv": (b"\n", -1), "csv": (b"\n", -1)}
_EXACT = ("xml", "tsv")


def send(sock: socket.socket, data: bytes, body: bytes = b"") -> None:
    """One message: its length, then `data` and `body` (sent apart, not copied into one)."""
    sock.sendall(_LEN.pack(len(data) + len(body)) + data)
    if body:
        sock.sendall(body)


def recv(sock: socket.socket) -> bytearray:
    """One message, read into a buffer of its size."""
    (size,) = _LEN.unpack(_recv_exact(sock, _LEN.size))
    return _recv_exact(sock, size)


def _recv_exact(sock: socket.socket, n: int) -> bytearray:
    buf = bytearray(n)
    view, got = memoryview(buf), 0
    while got < n:
        k = sock.recv_into(view[got:], min(n - got, 1 << 22))
        if not k:
            raise EOFError
        got += k
    return buf


def _vm_size() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def serve_slots(store: ox.Store, socks: list[socket.socket], max_memory: int) -> None:
    """Answer queries on each socket in a thread of its own until the server closes it."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    threaded = len(socks) > 1
    others = [threading.Thread(target=_answer, args=(store, sock, max_memory, threaded), daemon=True)
              for sock in socks[1:]]
    for t in others:
        t.start()
    # each further thread may reserve a malloc arena (64 MB of address space) on first use
    limit = _vm_size() + max_memory + (len(socks) - 1) * (64 << 20)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _answer(store, socks[0], max_memory, threaded)
    for t in others:  # a slot the server closed ends its thread only; the process ends with the last
        t.join()
    os._exit(0)


def _answer(store: ox.Store, sock: socket.socket, max_memory: int, threaded: bool) -> None:
    """One query slot: answer jobs until the server closes the socket."""
    while True:
        try:
            job = json.loads(recv(sock))
        except (EOFError, OSError):
            return
        if not threaded:  # a backstop if the server is gone: the kernel ends a query past its limit
            signal.setitimer(signal.ITIMER_REAL, job["timeout"] + 5)
        try:
            status, media, body = execute(store, job)
        except MemoryError:
            status, media, body = 503, TEXT, memory_message(max_memory)
        except Exception as exc:  # noqa: BLE001 - report, whatever it is, instead of dying silently
            status, media, body = 500, TEXT, f"the query failed: {type(exc).__name__}: {exc}".encode()
        if not threaded:
            signal.setitimer(signal.ITIMER_REAL, 0)
        try:
            send(sock, f"{status} {media}\n".encode(), body)
        except MemoryError:
            os._exit(3)
        except OSError:  # the server gave up on this query (its time ran out) and closed the slot
            return


def memory_message(max_memory: int) -> bytes:
    return (
        f"the query needed more than {max_memory >> 20} MB, this endpoint's memory limit per "
        "query; narrow it or add LIMIT, or restart kg serve with a higher --max-memory"
    ).encode()


def execute(store: ox.Store, job: dict[str, Any]) -> Answer:
    """Run one query (its parameters already bound by the server) and serialise its answer."""
    if "show" in job:
        from kg.sparql.showpage import answer

        return answer(store, job)
    offers = list(GRAPH_TYPES if job["form"] in ("CONSTRUCT", "DESCRIBE") else SOLUTION_TYPES)
    media = negotiate(job["accept"], offers)
    if media is None:
        return 406, TEXT, f"this answer comes as one of {', '.join(offers)}".encode()
    dataset: dict[str, Any] = {}  # the default graph: the merge of every graph (merge_graphs)
    if job["default_graph_uri"]:
        dataset = {"default_graph": [ox.NamedNode(g) for g in job["default_graph_uri"]]}
    if job["named_graph_uri"]:
        dataset["named_graphs"] = [ox.NamedNode(g) for g in job["named_graph_uri"]]
    try:
        result = store.query(job["query"], **dataset)  # type: ignore[arg-type]
        if isinstance(result, ox.QueryBoolean):
            return 200, media, encode_boolean(bool(result), SOLUTION_TYPES[media])
        if isinstance(result, ox.QuerySolutions):
            return _solutions(store, job, dataset, result, media)
        items = list(itertools.islice(result, job["max_rows"] + 1))
    except SyntaxError as exc:
        return 400, TEXT, f"SPARQL syntax error: {exc}".encode()
    except (ValueError, RuntimeError, OSError) as exc:
        return 400, TEXT, f"the query failed: {exc}".encode()
    if len(items) > job["max_rows"]:
        return _too_many(job)
    fmt = GRAPH_TYPES[media]
    kw: dict[str, Any] = {"prefixes": PREFIXES} if fmt == ox.RdfFormat.TURTLE else {}
    body = ox.serialize(items, format=fmt, **kw) or b""
    if len(body) > job["max_bytes"]:
        return _too_big(job)
    return 200, media, body


class _Stop(Exception):
    """Raised by _Sink.write to stop Oxigraph's serializer."""


class _Sink:
    """Where Oxigraph writes an answer (in chunks of 8 KB): keeps the bytes up to max_bytes and
    counts the marks that bound its rows, stopping the serializer past either cap."""

    def __init__(self, fmt: str, max_bytes: int, max_rows: int | None, keep: bool = True) -> None:
        self.mark, self.offset = _ROW_MARK[fmt]
        self.max_bytes, self.max_rows, self.keep = max_bytes, max_rows, keep
        self.parts: list[bytes] = []
        self.size = self.marks = 0
        self.tail = b""  # the end of the last chunk, where a mark may begin
        self.over = ""  # "bytes" or "rows" once stopped

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.max_bytes:
            self.over = "bytes"
            raise _Stop
        if self.max_rows is not None:
            joined = self.tail + data
            self.marks += joined.count(self.mark)
            self.tail = joined[-(len(self.mark) - 1):] if len(self.mark) > 1 else b""
            if self.marks + self.offset > self.max_rows:
                self.over = "rows"
                raise _Stop
        if self.keep:
            self.parts.append(data)
        return len(data)

    def flush(self) -> None:
        pass


def _solutions(
    store: ox.Store, job: dict[str, Any], dataset: dict[str, Any], result: ox.QuerySolutions, media: str
) -> Answer:
    fmt = SOLUTION_TYPES[media]
    sink = _Sink(fmt, job["max_bytes"], job["max_rows"])
    if _write(result, fmt, sink) == "rows" and fmt not in _EXACT:
        # The bound passed the cap: count exactly (in TSV, no bytes kept), then, if the rows
        # are within it after all (literals holding the marks), write the answer uncounted.
        count = _Sink("tsv", 1 << 62, job["max_rows"], keep=False)
        if _write(store.query(job["query"], **dataset), "tsv", count) != "rows":  # type: ignore[arg-type]
            sink = _Sink(fmt, job["max_bytes"], None)
            _write(store.query(job["query"], **dataset), fmt, sink)  # type: ignore[arg-type]
        else:
            sink.over = "rows"
    if sink.over == "rows":
        return _too_many(job)
    if sink.over == "bytes":
        return _too_big(job)
    return 200, media, b"".join(sink.parts)


def _write(result: Any, fmt: str, sink: _Sink) -> str:
    """Serialise the solutions into the sink; which cap stopped it ("" if none)."""
    try:
        result.serialize(sink, format=_RESULTS[fmt])
    except _Stop:
        pass
    except OSError:  # pyoxigraph may report the sink's exception as an I/O error
        if not sink.over:
            raise
    return sink.over


def _too_many(job: dict[str, Any]) -> Answer:
    return 422, TEXT, (
        f"the answer has more than {job['max_rows']} rows, this endpoint's limit; add LIMIT and "
        "OFFSET to page through it, or restart kg serve with a higher --max-rows"
    ).encode()


def _too_big(job: dict[str, Any]) -> Answer:
    return 422, TEXT, (
        f"the answer is over {job['max_bytes']:,} bytes, this endpoint's limit; select fewer or "
        "shorter values, add LIMIT, or restart kg serve with a higher --max-bytes"
    ).encode()


def main(argv: list[str]) -> None:
    """`python -m kg.sparql.worker VERSION_DIR MAX_MEMORY FD...`: open the store version
    read-only, say "ok" (or "error ...") on the first socket, then answer on every socket.
    `python -m kg.sparql.worker --count VERSION_DIR`: print the store's statements."""
    if argv[0] == "--count":
        rows = ox.Store.read_only(argv[1]).query("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
        print(next(iter(rows))[0].value)  # type: ignore[arg-type, index, union-attr]
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which closes our sockets
    socks = [socket.socket(fileno=int(fd)) for fd in argv[2:]]
    try:
        store = ox.Store.read_only(argv[0])
    except OSError as exc:
        send(socks[0], f"error the store cannot be opened ({exc}); rebuild it with `kg build`".encode())
        os._exit(1)
    send(socks[0], b"ok")
    serve_slots(store, socks, int(argv[1]))


if __name__ == "__main__":
    main(sys.argv[1:])
