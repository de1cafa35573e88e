"""Hostile clients of `kg serve` (issue 11, items 1-4), on 127.0.0.1 only, with bounded loops."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.main import main
from kg.sparql.remote import uses_service
from tests.test_query_library import write_sample
from tests.test_serve import Served, call, get

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("harden") / "sample.trig")


@pytest.fixture(scope="module")
def served(graph: Path) -> Iterator[Served]:
    one_slot = ("--workers", "1", "--threads", "1", "--queue", "1")
    srv = Served(graph, "--timeout", "2", "--max-bytes", "1", *one_slot)
    yield srv
    srv.close()


def raw(served: Served, request: bytes, wait: float = 10) -> bytes:
    host, port = served.base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as sock:
        sock.sendall(request)
        out = b""
        try:
            while chunk := sock.recv(65536):
                out += chunk
        except TimeoutError:
            pass
    return out


# --- 1. SERVICE and DNS rebinding -------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", True),
        ("select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }", True),
        ("SELECT * WHERE {\n# SERVICE <x>\n ?s ?p 'SERVICE' . ?s <urn:SERVICE> ?service }", False),
        ('PREFIX service: <urn:x#> SELECT * WHERE { ?s service:p """SERVICE""" }', False),
    ],
)
def test_service_is_found_by_tokens(query: str, found: bool) -> None:
    assert uses_service(query) is found


def test_service_is_refused_with_400(served: Served) -> None:
    # a listener that records any connection: the endpoint must never call it
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    status, _, body = get(served, f"SELECT * WHERE {{ SeRvIcE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}")
    assert status == 400 and b"SERVICE" in body and b"--allow-service" in body
    with pytest.raises(TimeoutError):
        listener.accept()
    listener.close()


def test_kg_query_refuses_service(graph: Path, tmp_path: Path) -> None:
    rq = tmp_path / "fed.rq"
    rq.write_text("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    r = CliRunner().invoke(main, ["query", str(rq), "-g", str(graph)])
    assert r.exit_code == 4 and "SERVICE" in r.output and "--allow-service" in r.output


def test_foreign_host_header_is_refused(served: Served) -> None:
    port = served.base.rsplit(":", 1)[1]
    status, _, body = call(f"{served.base}/queries", headers={"Host": "evil.example:" + port})
    assert status == 403 and b"Host" in body
    assert call(f"{served.base}/queries", headers={"Host": f"localhost:{port}"})[0] == 200


# --- 2, 3. memory, bytes, queue, idle clients -------------------------------------------------


def test_answers_over_the_byte_cap_are_refused(served: Served) -> None:
    big = 'SELECT ?x WHERE { VALUES ?n { 1 2 3 4 5 6 7 8 } BIND(CONCAT(STR(?n), "{}") AS ?x) }'
    status, _, body = call(
        f"{served.base}/sparql",
        big.replace("{}", "x" * 200_000).encode(),
        {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert status == 422 and b"bytes" in body and b"--max-bytes" in body


def test_a_query_past_the_memory_limit_fails_alone(graph: Path) -> None:
    srv = Served(graph, "--timeout", "20", "--max-memory", "64", "--workers", "1")
    try:
        grow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        status, _, body = get(srv, grow)
        assert status == 503 and (b"memory" in body or b"time" in body)
        status, _, body = get(srv, "ASK { ?s ?p ?o }")  # the worker was replaced
        assert status == 200 and b"true" in body
    finally:
        srv.close()


def test_full_queue_answers_503_with_retry_after(served: Served) -> None:
    results: list[tuple[int, dict[str, str]]] = []

    def slow() -> None:
        status, headers, _ = get(served, SLOW)
        results.append((status, headers))

    threads = [threading.Thread(target=slow) for _ in range(4)]
    for t in threads:
        t.start()
        time.sleep(0.05)
    for t in threads:
        t.join(30)
    refused = [h for s, h in results if s == 503 and "busy" in str(h) or "Retry-After" in h]
    assert len(results) == 4 and refused and all("Retry-After" in h for h in refused)
    assert get(served, "ASK { ?s ?p ?o } # after the queue filled")[0] == 200  # not a kept answer


def test_idle_connections_are_closed(graph: Path) -> None:
    srv = Served(graph, "--idle-timeout", "1")
    try:
        host, port = srv.base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(b"GET /sparql HTTP/1.1\r\n")  # and never finishes
            start = time.monotonic()
            assert sock.recv(100) == b""  # closed by the server, not by our 10 s timeout
            assert time.monotonic() - start < 9
    finally:
        srv.close()


# --- 4. malformed requests --------------------------------------------------------------------


@pytest.mark.parametrize(
    "request_",
    [
        b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n",
        b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n",
    ],
)
def test_malformed_content_length_is_400(served: Served, request_: bytes) -> None:
    port = served.base.rsplit(":", 1)[1]
    answer = raw(served, request_.replace(b"127.0.0.1", f"127.0.0.1:{port}".encode()))
    assert answer.startswith(b"HTTP/1.1 400")


@pytest.mark.parametrize(
    ("request_", "status"),
    [
        (b"POST /sparql HTTP/1.1\r\nHost: H\r\nContent-Length: abc\r\n\r\n", b"400"),
        (b"GARBAGE\r\n\r\n", b"400"),
        (b"GET /sparql HTTP/1.1\r\nHost: H\r\nBad Header\r\n\r\n", b"400"),
        (b"POST /sparql HTTP/1.1\r\nHost: H\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", b"400"),
        (b"POST /sparql HTTP/1.1\r\nHost: H\r\nContent-Length: 99999999\r\n\r\n", b"413"),
        (b"GET /sparql HTTP/1.1\r\nHost: H\r\nTransfer-Encoding: gzip\r\n\r\n", b"501"),
    ],
)
def test_requests_waitress_refuses_get_one_line(served: Served, request_: bytes, status: bytes) -> None:
    # waitress answers these itself, before the endpoint sees them
    port = served.base.rsplit(":", 1)[1]
    answer = raw(served, request_.replace(b"Host: H", f"Host: 127.0.0.1:{port}".encode()), wait=5)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b" ")[1] == status and body and b"\n" not in body and b"waitress" not in body


@pytest.mark.parametrize(
    "extra",
    [{"default-graph-uri": "not an iri"}, {"$authority": '"x"@-'}, {"$authority": "<not an iri>"}],
)
def test_malformed_parameters_are_400_in_one_line(served: Served, extra: dict[str, str]) -> None:
    status, _, body = get(served, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", **extra)
    assert status == 400 and b"\n" not in body.strip() and body


def test_no_traceback_reaches_the_log(graph: Path) -> None:
    srv = Served(graph)
    qs = urllib.parse.urlencode({"query": "ASK {}", "default-graph-uri": "::"})
    call(f"{srv.base}/sparql?{qs}")
    raw(srv, b"POST /sparql HTTP/1.1\r\nContent-Length: abc\r\n\r\n", wait=2)
    srv.close()
    assert srv.proc.stderr is not None
    assert "Traceback" not in srv.proc.stderr.read()


@pytest.mark.parametrize(
    "request_",
    [
        b'POST /sparql HTTP/1.1\r\nHost: H\r\nContent-Type: application/sparql-query\r\n'
        b'Content-Length: 20\r\n\r\nASK { ?s ?p "\xff\xfe" . }',
        b"GET /sparql?query=ASK%7B%3Fs%3Fp%22%FF%22%7D HTTP/1.1\r\nHost: H\r\n\r\n",
    ],
)
def test_invalid_utf8_is_400_not_a_guess(served: Served, request_: bytes) -> None:
    port = served.base.rsplit(":", 1)[1]
    answer = raw(served, request_.replace(b"Host: H", f"Host: 127.0.0.1:{port}".encode()), wait=5)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400") and b"UTF-8" in body and b"\n" not in body.strip()


def _processes(pid: int) -> int:
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout
    rows = [tuple(map(int, line.split())) for line in out.splitlines() if line.strip()]
    tree = {pid}
    for _ in range(4):
        tree |= {p for p, pp in rows if pp in tree}
    return len(tree)


def test_threads_share_a_worker_and_a_runaway_query_takes_only_its_process(graph: Path) -> None:
    srv = Served(graph, "--timeout", "2", "--workers", "1", "--threads", "2")
    try:
        assert _processes(srv.proc.pid) == 3  # server, zygote, one worker answering two at once
        slow: list[int] = []
        t = threading.Thread(target=lambda: slow.append(get(srv, SLOW)[0]))
        t.start()
        time.sleep(0.3)
        start = time.monotonic()
        assert get(srv, "ASK { ?s ?p ?o }")[0] == 200  # not queued behind the slow one
        assert time.monotonic() - start < 1.5
        t.join(30)
        assert slow == [503]
        both: list[tuple[int, bytes]] = []
        threads = [threading.Thread(target=lambda: both.append(get(srv, SLOW)[::2])) for _ in range(2)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(30)
        assert [s for s, _ in both] == [503, 503] and all(b"\n" not in b.strip() for _, b in both)
        assert get(srv, "ASK { ?s ?p ?o } # after both")[0] == 200  # not a kept answer
        assert _processes(srv.proc.pid) == 3  # the stopped worker was replaced once, not twice
    finally:
        srv.close()
