"""Hostile stores and endpoints (issue 11, item 9): total timeouts, checked answers, push order."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.sparql.push import push
from kg.sparql.remote import run_remote
from tests.test_query_library import write_sample

Behaviour = Callable[[socket.socket, bytes], None]


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    conn.settimeout(5)
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lengths = [h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length")]
    size = int(lengths[0].split(b":")[1]) if lengths else 0
    while len(body) < size:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head


@pytest.fixture
def fake() -> Iterator[Callable[[Behaviour], str]]:
    """A server on 127.0.0.1 that answers every request as told; at most 50 connections."""
    servers: list[socket.socket] = []

    def start(behave: Behaviour) -> str:
        srv = socket.socket()
        srv.bind(("127.0.0.1", 0))
        srv.listen(8)
        srv.settimeout(0.2)
        servers.append(srv)

        def loop() -> None:
            for _ in range(50):
                try:
                    conn, _ = srv.accept()
                except TimeoutError:
                    continue
                except OSError:
                    return
                with conn:
                    try:
                        behave(conn, _read_request(conn))
                    except OSError:
                        pass

        threading.Thread(target=loop, daemon=True).start()
        return f"http://127.0.0.1:{srv.getsockname()[1]}/store"

    yield start
    for srv in servers:
        srv.close()


def _byte_a_second(conn: socket.socket, head: bytes) -> None:
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
        b"Content-Length: 100\r\n\r\n"
    )
    for _ in range(20):
        conn.sendall(b" ")
        time.sleep(0.5)


def _html(conn: socket.socket, head: bytes) -> None:
    page = b"<html><body>Welcome to our router</body></html>"
    head_ = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(page)
    conn.sendall(head_ + page)


def test_query_endpoint_dripping_bytes_stops_at_the_timeout(fake: Callable[[Behaviour], str]) -> None:
    url = fake(_byte_a_second)
    start = time.monotonic()
    with pytest.raises(StoreError, match="within 1 s"):
        run_remote("authorities", url, "table", {}, timeout=1.0)
    assert time.monotonic() - start < 4


def test_html_answer_is_a_clear_error(fake: Callable[[Behaviour], str]) -> None:
    with pytest.raises(StoreError, match="HTML page"):
        run_remote("authorities", fake(_html), "table", {}, timeout=5)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("remote") / "sample.trig")


def test_push_sends_reference_graphs_first_and_reports_what_arrived(
    fake: Callable[[Behaviour], str], graph: Path
) -> None:
    seen: list[bytes] = []

    def store(conn: socket.socket, head: bytes) -> None:
        seen.append(head.split(b" ")[1])
        if len(seen) <= 2:
            conn.sendall(b"HTTP/1.1 204 No Content\r\n\r\n")
        else:
            conn.sendall(b"HTTP/1.1 500 Oops\r\nContent-Length: 4\r\n\r\nboom")

    with pytest.raises(StoreError) as err:
        push([graph], fake(store), timeout=5)
    msg = str(err.value)
    assert "2 of" in msg and "arrived" in msg and "HTTP 500" in msg and "\n" not in msg
    assert b"document" not in seen[0]


def test_push_to_a_silent_store_stops_at_the_timeout(fake: Callable[[Behaviour], str], graph: Path) -> None:
    url = fake(lambda conn, head: time.sleep(5))
    start = time.monotonic()
    with pytest.raises(StoreError, match="within 1 s"):
        push([graph], url, timeout=1.0)
    assert time.monotonic() - start < 4


def test_push_refuses_an_html_success(fake: Callable[[Behaviour], str], graph: Path) -> None:
    with pytest.raises(StoreError, match="HTML page"):
        push([graph], fake(_html), timeout=5)


def test_push_refuses_binary_bytes_as_an_acknowledgement(
    fake: Callable[[Behaviour], str], graph: Path
) -> None:
    junk = bytes(range(256))
    reply = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 256\r\n\r\n" + junk
    with pytest.raises(StoreError, match="not text") as err:
        push([graph], fake(lambda conn, head: conn.sendall(reply)), timeout=5)
    assert "\n" not in str(err.value)


def test_push_takes_a_textual_acknowledgement(fake: Callable[[Behaviour], str], graph: Path) -> None:
    body = b'{ "count": 3, "tripleCount": 3, "quadCount": 0 }\n'  # what Fuseki answers a PUT
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
    reply = head % len(body) + body
    assert "Pushed" in push([graph], fake(lambda conn, head: conn.sendall(reply)), timeout=5)[-1]


def test_an_answer_that_is_not_http_is_one_line(fake: Callable[[Behaviour], str], graph: Path) -> None:
    url = fake(lambda conn, head: conn.sendall(b"\x00SSH-2.0-x\r\n\n\x01 more\r\n"))
    calls = (lambda: push([graph], url, timeout=5), lambda: run_remote("authorities", url, "table", {}, 5))
    for call in calls:
        with pytest.raises(StoreError, match="did not answer in HTTP") as err:
            call()
        assert "\n" not in str(err.value) and "\r" not in str(err.value)


def test_cli_errors_stay_on_one_line() -> None:
    import click
    from click.testing import CliRunner

    from kg.cli.common import reports_errors

    @click.command()
    @reports_errors
    def cmd() -> None:
        raise StoreError("a store said:\nline two\r\x1b[31m")

    r = CliRunner().invoke(cmd, [])
    assert r.exit_code == StoreError.exit_code
    assert r.output.count("\n") == 1 and "\\n" in r.output and "\x1b" not in r.output
