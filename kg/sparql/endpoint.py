"""kg serve: a read-only SPARQL 1.1 Protocol endpoint over the graph, and its browser page.

The HTTP side is waitress (a production WSGI server: bounded threads, a connection limit, idle
and slow clients timed out, malformed requests answered 400 before they reach us). Queries run
in a pool of worker processes (kg/sparql/pool.py), each under a time and a memory limit, behind
a bounded queue that answers 503 with Retry-After when full; repeated queries are answered from
kept answers (kg/sparql/cache.py). `kg serve` runs this module as `python -m kg.sparql.endpoint`
(exec_server), so the server process carries neither click nor the other commands.
"""

from __future__ import annotations

import json
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox

from kg.errors import KgError, QueryError, one_line
from kg.graph.names import PREFIXES
from kg.resources import child_env
from kg.sparql.cache import Answers
from kg.sparql.params import param_term
from kg.sparql.pool import Pool, spawner
from kg.sparql.protocol import uses_service
from kg.sparql.values import bind, first_keyword
from kg.sparql.worker import TEXT

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
LOOPBACK = ("127.0.0.1", "localhost", "::1")
Reply = tuple[int, str, bytes, dict[str, str]]
Environ = dict[str, Any]


STATIC = Path(__file__).resolve().parent / "static"
PAGE_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
}
UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
READ_ONLY = b"this endpoint is read-only: SPARQL updates are refused (load data with kg build)"
MAX_BODY = 1 << 20
# functions whose value differs at each evaluation: answers that use them are never kept
VOLATILE = re.compile(r"\b(?:RAND|NOW|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)


SERVICE_REFUSED = (
    b"SERVICE is refused: this endpoint makes no requests to other addresses "
    b"(restart kg serve with --allow-service to allow federated queries)"
)


class BadRequest(Exception):
    """A malformed request: answered 400 with its one-line reason."""


class App:
    """The WSGI application: routing, the protocol's checks, and the query pool."""

    def __init__(self, pool: Pool, settings: dict[str, Any]) -> None:
        self.pool, self.settings = pool, settings
        self.answers = Answers(settings.get("cache_bytes", 0))
        self.hosts: set[str] | None = None  # set by serve() when bound to loopback

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        try:
            status, media, body, extra = self.route(environ)
        except BadRequest as exc:
            status, media, body, extra = 400, TEXT, str(exc).encode(), {}
        except Exception as exc:  # noqa: BLE001 - one line in the answer, never a traceback
            status, media, body, extra = 500, TEXT, f"the request failed: {type(exc).__name__}".encode(), {}
        charset = media.startswith("text/") and "charset" not in media
        headers = [
            ("Content-Type", f"{media}; charset=utf-8" if charset else media),
            ("Content-Length", str(len(body))),
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Expose-Headers", "Content-Type"),
            ("Vary", "Accept"),
            *extra.items(),
        ]
        if not self.settings["quiet"]:
            line = f"{environ.get('REQUEST_METHOD')} {environ.get('PATH_INFO')} {status}"
            print(line.encode("unicode_escape").decode("ascii"), file=sys.stderr, flush=True)
        start_response(f"{status} {_REASONS.get(status, 'Status')}", headers)
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else body]

    def route(self, environ: Environ) -> Reply:
        host = (environ.get("HTTP_HOST") or "").lower()
        if self.hosts is not None and host and host not in self.hosts:
            return 403, TEXT, (
                f"Host {host[:100]!r} is not this endpoint's address; open it as "
                f"{sorted(self.hosts)[0]} (a page elsewhere cannot reach it by DNS rebinding)"
            ).encode(), {}
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "/")
        params = _parse_qs(_utf8(environ.get("QUERY_STRING", "").encode("latin-1"), "query string"))
        if method == "OPTIONS":
            return 204, TEXT, b"", {
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": "Content-Type, Accept",
                "Access-Control-Max-Age": "86400",
            }
        if method == "POST":
            if path != "/sparql":
                return 404, TEXT, b"POST queries to /sparql", {}
            return self.post(environ, params)
        if method not in ("GET", "HEAD"):
            return 405, TEXT, b"use GET or POST", {"Allow": "GET, HEAD, POST, OPTIONS"}
        if path == "/sparql":
            return self.sparql(environ, params)
        if path == "/show":
            return self.show(params)
        if path == "/queries":
            from kg.sparql import library as queries

            lib = [queries.describe(q) for q in queries.library().values()]
            return 200, "application/json", json.dumps(lib).encode("utf-8"), {}
        if path == "/prefixes":
            return 200, "application/json", json.dumps(PREFIXES).encode("utf-8"), {}
        name = "index.html" if path == "/" else path.removeprefix("/static/")
        page = STATIC / name
        if not re.fullmatch(r"[\w-]+\.\w+", name) or not page.is_file():
            return 404, TEXT, f"no page {path[:200]}; the endpoint is at /sparql".encode(), {}
        media = PAGE_TYPES.get(page.suffix, "application/octet-stream")
        return 200, media, page.read_bytes(), dict(PAGE_HEADERS)

    def show(self, params: dict[str, list[str]]) -> Reply:
        """What `kg show` prints for an IRI of this graph, as text or as an escaped page."""
        job = {"show": (params.get("iri") or [""])[-1][:4000],
               "format": (params.get("format") or [""])[-1]}
        status, media, body, extra = self.pool.run(job, self.settings["timeout"])
        return status, media, body, {**extra, **PAGE_HEADERS}

    def post(self, environ: Environ, params: dict[str, list[str]]) -> Reply:
        try:
            size = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise BadRequest("Content-Length is not a number") from None
        if size < 0:
            raise BadRequest("Content-Length is negative")
        if size > MAX_BODY:
            return 413, TEXT, f"the request is over {MAX_BODY} bytes".encode(), {}
        body = _utf8(environ["wsgi.input"].read(size), "request body")
        media = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            return 403, TEXT, READ_ONLY, {}
        if media == "application/sparql-query":
            params["query"] = [body]
        elif media == "application/x-www-form-urlencoded":
            for k, v in _parse_qs(body).items():
                params.setdefault(k, []).extend(v)
        else:
            form = b"send application/sparql-query or a form (application/x-www-form-urlencoded)"
            return 415, TEXT, form, {}
        return self.sparql(environ, params)

    def sparql(self, environ: Environ, params: dict[str, list[str]]) -> Reply:
        accept_header = environ.get("HTTP_ACCEPT") or ""
        if "update" in params:
            return 403, TEXT, READ_ONLY, {}
        if not params.get("query"):
            if "text/html" in accept_header:
                return 303, TEXT, b"", {"Location": "/"}
            raise BadRequest("no query: send ?query=... (SPARQL 1.1 Protocol)")
        text = params["query"][-1]
        if first_keyword(text) in UPDATES:
            return 403, TEXT, READ_ONLY, {}
        if not self.settings["allow_service"] and uses_service(text):
            return 400, TEXT, SERVICE_REFUSED, {}
        bindings = {k[1:]: v[-1] for k, v in params.items() if k.startswith("$") and len(k) > 1}
        form = first_keyword(text) or "SELECT"
        try:  # VALUES blocks in the text, not substitutions (kg/sparql/values.py)
            bound = {ox.Variable(k): param_term(k, v) for k, v in bindings.items()}
            text = bind(text, form, bound)
        except (QueryError, ValueError) as exc:
            raise BadRequest(" ".join(str(exc).split())[:300] or "a parameter is not an RDF term") from None
        graphs = {k: params.get(k, []) for k in ("default-graph-uri", "named-graph-uri")}
        for key, values in graphs.items():
            for g in values:
                try:
                    ox.NamedNode(g)
                except ValueError:
                    raise BadRequest(f"{key} {g[:200]!r} is not an IRI; give an absolute IRI") from None
        fmt = (params.get("format") or params.get("output") or [""])[-1].lower()
        job = {
            "query": text,
            "form": form,
            "accept": FORMAT_PARAM.get(fmt) or accept_header or "*/*",
            "default_graph_uri": graphs["default-graph-uri"],
            "named_graph_uri": graphs["named-graph-uri"],
            "max_rows": self.settings["max_rows"],
            "max_bytes": self.settings["max_bytes"],
        }
        # a query that asks for the time or a random value has a new answer every time
        keep = not VOLATILE.search(text)
        key = json.dumps(job, sort_keys=True)
        kept = self.answers.get(key) if keep else None
        if kept is not None:
            return 200, kept[0], kept[1], {}
        status, media, body, extra = self.pool.run(job, self.settings["timeout"])
        if status == 200 and keep:
            self.answers.put(key, media, body)
        return status, media, body, extra


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"the {what} is not UTF-8 (byte {exc.start}); send the query as UTF-8") from None


def _parse_qs(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, max_num_fields=1000, errors="strict")
    except UnicodeDecodeError:
        raise BadRequest(
            "a parameter is not UTF-8 once percent-decoded; percent-encode UTF-8 bytes"
        ) from None
    except ValueError as exc:
        raise BadRequest(f"malformed parameters ({exc})") from None


_REASONS = {
    200: "OK", 204: "No Content", 303: "See Other", 400: "Bad Request", 403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable", 413: "Payload Too Large",
    415: "Unsupported Media Type", 422: "Unprocessable Content", 500: "Internal Server Error",
    503: "Service Unavailable",
}


def _one_line_errors(server: Any) -> None:
    """waitress answers a request it cannot parse itself (a malformed request line, header,
    Content-Length or chunk; a header or body over its limits) with a three-line body ending
    "(generated by waitress)": make that one line naming the reason, as the endpoint's own."""
    from waitress.channel import HTTPChannel
    from waitress.task import ErrorTask

    class OneLineError(ErrorTask):  # type: ignore[misc]
        def execute(self) -> None:
            error = self.request.error
            reason = " ".join(str(error.body).split())[:300]
            body = f"malformed request: {reason}" if error.code == 400 else f"{error.reason}: {reason}"
            self.status = f"{error.code} {error.reason}"
            self.response_headers.append(("Content-Type", TEXT))
            self.set_close_on_finish()
            self.content_length = len(body.encode())
            self.write(body.encode())

    class Channel(HTTPChannel):  # type: ignore[misc]
        error_task_class = OneLineError

    for listener in [server, *getattr(server, "map", {}).values()]:  # one per address listened on
        if hasattr(listener, "channel_class"):
            listener.channel_class = Channel


# glibc's malloc in the server process: one arena for its threads, and answers (often over a
# megabyte) given back to the system once sent, instead of kept in a growing arena per thread
SERVER_MALLOC = {"MALLOC_ARENA_MAX": "1", "MALLOC_MMAP_THRESHOLD_": str(128 << 10)}


def exec_server(graphs: list[Path], open_browser: bool, **options: Any) -> None:
    """Become `python -m kg.sparql.endpoint`: the same process (pid, output, signals), in a
    fresh interpreter that has not imported the command line (click and kg's commands, about
    3.5 MB that the server never uses again)."""
    import os

    settings = json.dumps({"graphs": [str(g) for g in graphs], "open": open_browser, **options})
    sys.stdout.flush()
    sys.stderr.flush()
    env = {**child_env(), **SERVER_MALLOC}
    os.execve(sys.executable, [sys.executable, "-m", "kg.sparql.endpoint", settings], env)


def main(argv: list[str]) -> None:
    """`python -m kg.sparql.endpoint SETTINGS` (JSON, as exec_server writes it): serve, and
    report a KgError as the command line does (one line, its exit code)."""
    options = json.loads(argv[0])
    graphs = [Path(g) for g in options.pop("graphs")]
    ready = _open_page if options.pop("open") else None
    try:
        serve(graphs, say=_say, ready=ready, **options)
    except KgError as exc:
        print(f"kg: {one_line(str(exc))}", file=sys.stderr)
        sys.exit(exc.exit_code)


def _say(line: str) -> None:
    print(line, file=sys.stderr if line.startswith("kg:") else sys.stdout, flush=True)


def _open_page(url: str) -> None:
    """--open, as kg/cli/common.py's open_in_browser does it (the command line is not loaded here)."""
    import webbrowser

    if not webbrowser.open(url):
        _say(f"kg: note: no web browser found; open {url}")


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
    *,
    allow_service: bool = False,
    workers: int = 1,
    max_memory_mb: int = 1024,
    max_bytes: int = 64 << 20,
    max_queue: int = 16,
    idle_timeout: int = 30,
    threads: int = 4,
    cache_bytes: int = 8 << 20,
) -> None:
    """Load the graph and serve it until interrupted; `ready(url)` once it listens."""
    from waitress.server import create_server

    limit = max_memory_mb << 20
    pool = Pool(spawner(graphs, limit, threads), workers, limit, max_queue, threads)
    settings = {
        "timeout": timeout, "max_rows": max_rows, "max_bytes": max_bytes, "quiet": quiet,
        "allow_service": allow_service, "cache_bytes": cache_bytes,
    }
    app = App(pool, settings)
    try:
        server = create_server(
            app, host=host, port=port, threads=workers * threads + max_queue, channel_timeout=idle_timeout,
            cleanup_interval=max(1, min(30, idle_timeout // 2)),
            connection_limit=256, backlog=1024, max_request_body_size=MAX_BODY,
            max_request_header_size=64 << 10, expose_tracebacks=False, ident="kg-serve",
            clear_untrusted_proxy_headers=True,
        )
    except OSError as exc:
        pool.close()
        raise KgError(f"cannot listen on {host}:{port} ({exc.strerror}); pick another --port") from exc
    _one_line_errors(server)
    bound = server.effective_port  # type: ignore[union-attr]
    if host in LOOPBACK:
        app.hosts = {f"{name}:{bound}" for name in ("localhost", "127.0.0.1", "[::1]")}
        if bound == 80:
            app.hosts |= {"localhost", "127.0.0.1", "[::1]"}
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{bound}/"
    if host not in LOOPBACK:
        say(f"kg: note: listening on {host}: anyone who can reach this machine can query the graph")
    say(f"Serving {pool.triples} quads from {', '.join(map(str, graphs))}")
    say(f"SPARQL endpoint {url}sparql, query page {url} (Ctrl-C stops)")
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # `kill PID` stops it as Ctrl-C does
    if ready is not None:
        ready(url)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        pool.close()


if __name__ == "__main__":
    main(sys.argv[1:])
