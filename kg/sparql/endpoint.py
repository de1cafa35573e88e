"""kg serve: a read-only SPARQL 1.1 Protocol endpoint over the graph, and its browser page.

Oxigraph cannot cancel a query in its own thread, so queries do not run in the server's threads.
A worker process forked at start-up, before any thread exists, loads the graph once; for each
query it forks a child that shares the loaded store copy-on-write, runs the query with a
SIGALRM time limit (the kernel ends it, whatever it is doing) and writes the serialised answer
to a pipe. A child can change nothing the next query sees, and a runaway one dies on time.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import select
import signal
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import InputError, KgError, QueryError
from kg.graph.quads import PREFIXES
from kg.sparql import library as queries
from kg.sparql.remote import GRAPH_TYPES, SOLUTION_TYPES, first_keyword, negotiate

TEXT = "text/plain; charset=utf-8"
FORMAT_PARAM = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
}
Answer = tuple[int, str, bytes]


def execute(store: ox.Store, job: dict[str, Any]) -> Answer:
    """Run one query and serialise its answer; in the worker's child process."""
    graph_form = first_keyword(job["query"]) in ("CONSTRUCT", "DESCRIBE")
    offers = list(GRAPH_TYPES if graph_form else SOLUTION_TYPES)
    media = negotiate(job["accept"], offers)
    if media is None:
        return 406, TEXT, f"this answer comes as one of {', '.join(offers)}".encode()
    dataset: dict[str, Any] = {}  # the default graph: the merge of every graph (merge_graphs)
    if job["default_graph_uri"]:
        dataset = {"default_graph": [ox.NamedNode(g) for g in job["default_graph_uri"]]}
    if job["named_graph_uri"]:
        dataset["named_graphs"] = [ox.NamedNode(g) for g in job["named_graph_uri"]]
    cap = job["max_rows"]
    try:
        subs = {ox.Variable(k): queries.param_term(k, v) for k, v in job["bindings"].items()}
        result = store.query(job["query"], substitutions=subs, **dataset)  # type: ignore[arg-type]
        if isinstance(result, ox.QueryBoolean):
            return 200, media, queries.encode_boolean(bool(result), SOLUTION_TYPES[media])
        items = list(itertools.islice(result, cap + 1))
    except SyntaxError as exc:
        return 400, TEXT, f"SPARQL syntax error: {exc}".encode()
    except (ValueError, RuntimeError, OSError, KgError) as exc:
        return 400, TEXT, f"the query failed: {exc}".encode()
    if len(items) > cap:
        return (
            422,
            TEXT,
            (
                f"the answer has more than {cap} rows, this endpoint's limit; add LIMIT "
                "and OFFSET to page through it, or restart kg serve with a higher "
                "--max-rows"
            ).encode(),
        )
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = [list(sol) for sol in items]  # a solution iterates in column order
        return 200, media, queries.encode_solutions(names, rows, SOLUTION_TYPES[media])
    fmt = GRAPH_TYPES[media]
    kw = {"prefixes": job["prefixes"]} if fmt == ox.RdfFormat.TURTLE else {}
    return 200, media, ox.serialize(items, format=fmt, **kw) or b""


def _child(store: ox.Store, job_fd: int, out_fd: int) -> None:
    with os.fdopen(job_fd, "rb") as fh:
        job = json.loads(fh.read().decode("utf-8"))
    signal.setitimer(signal.ITIMER_REAL, job["timeout"])  # default action: the kernel ends us
    try:
        status, media, body = execute(store, job)
    except Exception as exc:  # noqa: BLE001 - report, whatever it is, instead of dying silently
        status, media, body = 500, TEXT, f"the query failed: {type(exc).__name__}: {exc}".encode()
    signal.setitimer(signal.ITIMER_REAL, 0)  # the answer is ready: writing it is not the query
    with os.fdopen(out_fd, "wb") as out:
        out.write(f"{status} {len(body)} {media}\n".encode() + body)


def _zygote(sock: socket.socket, graphs: list[Path]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    try:
        from kg.graph.store import load

        store = queries.merge_graphs(load(graphs))
    except KgError as exc:
        sock.sendall(f"error {exc}".encode())
        os._exit(1)
    sock.sendall(f"ok {len(store)}".encode())
    while True:
        msg, fds, _, _ = socket.recv_fds(sock, 16, 2)
        if not msg or len(fds) != 2:
            os._exit(0)
        pid = os.fork()
        if pid == 0:
            sock.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            try:
                _child(store, fds[0], fds[1])
            finally:
                os._exit(0)
        for fd in fds:
            os.close(fd)
        sock.sendall(pid.to_bytes(4, "big"))


class Worker:
    """The process that holds the graph and forks one child per query."""

    def __init__(self, graphs: list[Path], concurrency: int = 4) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:
            ours.close()
            _zygote(theirs, graphs)
        theirs.close()
        self.sock, self.pid = ours, pid
        self.lock = threading.Lock()
        self.slots = threading.BoundedSemaphore(concurrency)
        status = ours.recv(65536).decode("utf-8", "replace")
        if not status.startswith("ok"):
            self.close()
            raise InputError(status.removeprefix("error ") or "the graph could not be loaded")
        self.triples = int(status.split()[1])

    def close(self) -> None:
        self.sock.close()
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass

    def run(self, job: dict[str, Any], timeout: float) -> Answer:
        if not self.slots.acquire(timeout=timeout):
            return 503, TEXT, b"the endpoint is busy with other queries; try again shortly"
        try:
            return self._run(dict(job, timeout=timeout), timeout)
        finally:
            self.slots.release()

    def _run(self, job: dict[str, Any], timeout: float) -> Answer:
        job_r, job_w = os.pipe()
        res_r, res_w = os.pipe()
        start = time.monotonic()
        try:
            with self.lock:
                socket.send_fds(self.sock, [b"q"], [job_r, res_w])
                pid = int.from_bytes(self.sock.recv(4, socket.MSG_WAITALL), "big")
        except OSError:
            pid = 0
        finally:
            os.close(job_r)
            os.close(res_w)
        if pid <= 0:
            os.close(job_w)
            os.close(res_r)
            return 500, TEXT, b"the query worker has stopped; restart kg serve"
        try:
            with os.fdopen(job_w, "wb") as fh:
                fh.write(json.dumps(job).encode("utf-8"))
        except BrokenPipeError:
            pass  # the child is gone: the answer pipe will say so
        chunks: list[bytes] = []
        with os.fdopen(res_r, "rb", buffering=0) as fh:
            while True:
                left = start + timeout + 1.0 - time.monotonic()
                if left <= 0 or not select.select([fh], [], [], left)[0]:
                    _kill(pid)
                    break
                chunk = fh.read(1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        data = b"".join(chunks)
        head, nl, body = data.partition(b"\n")
        if not nl:
            if time.monotonic() - start >= timeout * 0.9:
                return (
                    503,
                    TEXT,
                    (
                        f"the query ran out of time ({timeout:g} s, this endpoint's "
                        "limit); narrow it or add LIMIT"
                    ).encode(),
                )
            return 500, TEXT, b"the query process stopped without an answer (out of memory?)"
        status, size, media = head.decode().split(" ", 2)
        if len(body) != int(size):
            return 500, TEXT, b"the query process stopped while writing its answer"
        return int(status), media, body


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


STATIC = Path(__file__).resolve().parent / "static"
PAGE_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
READ_ONLY = b"this endpoint is read-only: SPARQL updates are refused (load data with kg build)"
MAX_BODY = 1 << 20


class Handler(BaseHTTPRequestHandler):
    server: Endpoint
    server_version = "kg-serve"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        if not self.server.quiet:
            super().log_message(format, *args)

    def reply(self, status: int, media: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        charset = media.startswith("text/") and "charset" not in media
        self.send_header("Content-Type", f"{media}; charset=utf-8" if charset else media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "Content-Type")
        self.send_header("Vary", "Accept")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_OPTIONS(self) -> None:  # noqa: N802 - CORS preflight
        self.reply(
            204,
            TEXT,
            b"",
            {
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": "Content-Type, Accept",
                "Access-Control-Max-Age": "86400",
            },
        )

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path == "/sparql":
            return self.sparql(parse_qs(url.query, keep_blank_values=True))
        if url.path == "/queries":
            lib = [queries.describe(q) for q in queries.library().values()]
            return self.reply(200, "application/json", json.dumps(lib).encode("utf-8"))
        if url.path == "/prefixes":
            return self.reply(200, "application/json", json.dumps(PREFIXES).encode("utf-8"))
        name = "index.html" if url.path == "/" else url.path.removeprefix("/static/")
        path = STATIC / name
        if not re.fullmatch(r"[\w-]+\.\w+", name) or not path.is_file():
            return self.reply(404, TEXT, f"no page {url.path}; the endpoint is at /sparql".encode())
        csp = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
        self.reply(
            200,
            PAGE_TYPES.get(path.suffix, "application/octet-stream"),
            path.read_bytes(),
            {"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff"},
        )

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self.reply(404, TEXT, b"POST queries to /sparql")
        size = int(self.headers.get("Content-Length") or 0)
        if size > MAX_BODY:
            return self.reply(413, TEXT, f"the request is over {MAX_BODY} bytes".encode())
        body = self.rfile.read(size).decode("utf-8", "replace")
        params = parse_qs(url.query, keep_blank_values=True)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            return self.reply(403, TEXT, READ_ONLY)
        if media == "application/sparql-query":
            params["query"] = [body]
        elif media == "application/x-www-form-urlencoded":
            for k, v in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
        else:
            return self.reply(
                415, TEXT, b"send application/sparql-query or a form (application/x-www-form-urlencoded)"
            )
        self.sparql(params)

    def sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            return self.reply(403, TEXT, READ_ONLY)
        if not params.get("query"):
            if "text/html" in (self.headers.get("Accept") or ""):
                return self.reply(303, TEXT, b"", {"Location": "/"})
            return self.reply(400, TEXT, b"no query: send ?query=... (SPARQL 1.1 Protocol)")
        text = params["query"][-1]
        if first_keyword(text) in UPDATES:
            return self.reply(403, TEXT, READ_ONLY)
        bindings = {k[1:]: v[-1] for k, v in params.items() if k.startswith("$") and len(k) > 1}
        try:
            for key, value in bindings.items():
                queries.param_term(key, value)
        except QueryError as exc:
            return self.reply(400, TEXT, str(exc).encode())
        fmt = (params.get("format") or params.get("output") or [""])[-1].lower()
        accept = FORMAT_PARAM.get(fmt) or self.headers.get("Accept") or "*/*"
        job = {
            "query": text,
            "accept": accept,
            "bindings": bindings,
            "prefixes": PREFIXES,
            "default_graph_uri": params.get("default-graph-uri", []),
            "named_graph_uri": params.get("named-graph-uri", []),
            "max_rows": self.server.max_rows,
        }
        status, media, body = self.server.worker.run(job, self.server.query_timeout)
        self.reply(status, media, body)


class Endpoint(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self, worker: Worker, host: str, port: int, timeout: float, max_rows: int, quiet: bool
    ) -> None:
        self.worker, self.query_timeout, self.max_rows = worker, timeout, max_rows
        self.quiet = quiet
        super().__init__((host, port), Handler)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(
    graphs: list[Path],
    host: str = "127.0.0.1",
    port: int = 7070,
    timeout: float = 10.0,
    max_rows: int = 100000,
    quiet: bool = False,
    say: Callable[[str], None] = print,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Load the graph and serve it until interrupted; `ready(url)` once it listens."""
    worker = Worker(graphs)
    try:
        server = Endpoint(worker, host, port, timeout, max_rows, quiet)
    except OSError as exc:
        worker.close()
        raise KgError(f"cannot listen on {host}:{port} ({exc.strerror}); pick another --port") from exc
    url = f"http://{host}:{server.server_address[1]}/"
    if host not in ("127.0.0.1", "localhost", "::1"):
        say(f"kg: note: listening on {host}: anyone who can reach this machine can query the graph")
    say(f"Serving {worker.triples} quads from {', '.join(map(str, graphs))}")
    say(f"SPARQL endpoint {url}sparql, query page {url} (Ctrl-C stops)")
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # `kill PID` stops it as Ctrl-C does
    if ready is not None:
        ready(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        worker.close()
