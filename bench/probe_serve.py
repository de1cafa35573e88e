"""The probes of bench/probes.py that talk HTTP: hostile clients of `kg serve`, hostile stores.

Everything binds or connects to 127.0.0.1 only; every wait has a deadline.
"""

from __future__ import annotations

import os
import queue
import random
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

Record = Callable[[bool, str, str, str], None]
LOCAL = "127.0.0.1"


def first_line(text: str, width: int = 110) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return (lines[0] if lines else "(nothing)")[:width]


def traceback_in(text: str) -> bool:
    return "Traceback (most recent call last)" in text


def raw(port: int, data: bytes, wait: float = 10.0, chunk_pause: float = 0.0) -> bytes:
    """Send bytes, return the first complete answer (or what came before the deadline)."""
    deadline = time.monotonic() + wait
    with socket.create_connection((LOCAL, port), timeout=wait) as sock:
        try:
            sock.sendall(data)
        except OSError:
            pass  # the server may close before it has read everything (e.g. a body over the cap)
        out = b""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            sock.settimeout(left)
            try:
                got = sock.recv(65536)
            except (TimeoutError, OSError):
                break
            if not got:
                break
            out += got
            head, sep, body = out.partition(b"\r\n\r\n")
            m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
            if sep and m and len(body) >= int(m.group(1)):
                break
    return out


def request(port: int, method: str, target: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    lines = [f"{method} {target} HTTP/1.1", f"Host: {LOCAL}:{port}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def status_of(answer: bytes) -> tuple[int, str, str]:
    """(status, status line, body's first line)."""
    head, _, body = answer.partition(b"\r\n\r\n")
    line = head.split(b"\r\n", 1)[0].decode("latin-1")
    m = re.match(r"HTTP/1\.[01] (\d{3})", line)
    return (int(m.group(1)) if m else 0), line, " ".join(body.decode("utf-8", "replace").split())[:90]


class LocalServer:
    """A socket on 127.0.0.1 with an accept loop; subclasses say what a connection gets."""

    def __init__(self, backlog: int, serve: bool = True) -> None:
        self.sock = socket.socket()
        self.sock.bind((LOCAL, 0))
        self.sock.listen(backlog)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://{LOCAL}:{self.port}"
        self.stop = False
        if serve:
            threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self) -> None:
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted(conn)

    def accepted(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.stop = True
        self.sock.close()


class Listener(LocalServer):
    """Counts the connections it is offered (outbound requests)."""

    def __init__(self) -> None:
        self.count = 0
        super().__init__(16)

    def accepted(self, conn: socket.socket) -> None:
        self.count += 1
        conn.close()


def start_serve(store: Path, log: Path) -> tuple[subprocess.Popen[str], int]:
    cmd = [
        sys.executable,
        "-m",
        "kg",
        "serve",
        "--store",
        str(store),
        "--port",
        "0",
        "--timeout",
        "5",
        "--workers",
        "2",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=open(log, "w"), text=True)  # noqa: SIM115
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(ln) for ln in proc.stdout or ()], daemon=True).start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            m = re.search(r"SPARQL endpoint http://127\.0\.0\.1:(\d+)/sparql", lines.get(timeout=1))
        except queue.Empty:
            continue
        if m:
            return proc, int(m.group(1))
    proc.kill()
    raise SystemExit(f"kg serve did not start: {log.read_text()[-500:]}")


def serve_probes(store: Path, tmp: Path, record: Record) -> None:
    log = tmp / "serve.log"
    proc, port = start_serve(store, log)
    listener = Listener()
    try:
        _malformed(port, record)
        _service(port, listener, record)
        foreign = request(port, "GET", "/queries", {}).replace(
            f"Host: {LOCAL}:{port}".encode(), f"Host: evil.example:{port}".encode()
        )
        status, line, why = status_of(raw(port, foreign))
        record(status == 403, "request", "foreign Host header", f"{line}: {why}")
        ask = "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
        status, line, why = status_of(raw(port, request(port, "GET", ask, {"Accept": "application/json"})))
        record(status == 200 and "true" in why, "request", "still answers after the probes", f"{line}: {why}")
    finally:
        listener.close()
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
    record(
        listener.count == 0,
        "SERVICE",
        "outbound connections, all probes",
        f"{listener.count} to our listener",
    )
    text = log.read_text(errors="replace")
    record(
        not traceback_in(text),
        "request",
        "server log",
        "a traceback" if traceback_in(text) else f"no traceback ({len(text.splitlines())} lines)",
    )


def _malformed(port: int, record: Record) -> None:
    q = urllib.parse.quote("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    js = {"Accept": "application/sparql-results+json"}
    sq = {"Content-Type": "application/sparql-query"}
    many = "&".join(f"f{i}=1" for i in range(1100))
    cases: list[tuple[str, bytes, tuple[int, ...]]] = [
        (
            "Content-Length: abc",
            request(port, "POST", "/sparql", sq).replace(b"Content-Length: 0", b"Content-Length: abc"),
            (400,),
        ),
        (
            "Content-Length: -1",
            request(port, "POST", "/sparql", sq).replace(b"Content-Length: 0", b"Content-Length: -1"),
            (400,),
        ),
        ("garbage request line", b"\x16\x03\x01\x02\x00 \xff garbage\r\n\r\n", (400,)),
        (
            "bad default-graph-uri",
            request(port, "GET", f"/sparql?query={q}&default-graph-uri=::", js),
            (400,),
        ),
        (
            "bad parameter term",
            request(port, "GET", f"/sparql?query={q}&%24authority=%22x%22%40-", js),
            (400,),
        ),
        (
            "parameter IRI with a space",
            request(port, "GET", f"/sparql?query={q}&%24authority=%3Chttp%3A%2F%2Fa%20b%3E", js),
            (400,),
        ),
        ("no query", request(port, "GET", "/sparql", js), (400,)),
        (
            "invalid UTF-8 in the body",
            request(port, "POST", "/sparql", {**sq, **js}, b'SELECT * WHERE { ?s ?p "\xff\xfe" }'),
            (400,),
        ),
        (
            "invalid UTF-8 in the query string",
            request(port, "GET", "/sparql?query=ASK%7B%3Fs%3Fp%22%FF%22%7D", js),
            (400,),
        ),
        ("body over the cap", request(port, "POST", "/sparql", sq, b"#" * (2 << 20)), (413,)),
        ("headers over the cap", request(port, "GET", "/sparql", {"X-Big": "y" * (80 << 10)}), (400, 431)),
        ("1,100 form fields", request(port, "GET", f"/sparql?{many}", js), (400,)),
        ("update in a query", request(port, "GET", "/sparql?query=DROP%20ALL", js), (403,)),
        ("unknown method", request(port, "DELETE", "/sparql", js), (405,)),
    ]
    for name, data, want in cases:
        status, line, why = status_of(raw(port, data))
        record(status in want, "request", name, f"{line}: {why}" if line else "no answer")


def _service(port: int, listener: Listener, record: Record) -> None:
    at = f"<http://{LOCAL}:{listener.port}/sparql>"
    forms = {
        "SERVICE": f"SELECT * WHERE {{ SERVICE {at} {{ ?s ?p ?o }} }}",
        "service in lower case": f"select * where {{ service {at} {{ ?s ?p ?o }} }}",
        "SERVICE SILENT": f"SELECT * WHERE {{ SERVICE SILENT {at} {{ ?s ?p ?o }} }}",
        "SERVICE after a comment": f"# a comment\nSELECT * WHERE {{ #x\nSERVICE {at} {{ ?s ?p ?o }} }}",
        "SERVICE by a variable": f"SELECT * WHERE {{ BIND({at} AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        "SERVICE in a sub-select": f"SELECT * {{ {{ SELECT * {{ SERVICE {at} {{ ?s ?p ?o }} }} }} }}",
        "SERVICE by a prefixed name": f"PREFIX e: <http://{LOCAL}:{listener.port}/> SELECT * WHERE {{ "
        "SERVICE e:sparql { ?s ?p ?o } }",
        "SERV\\u0049CE (escaped)": f"SELECT * WHERE {{ SERV\\u0049CE {at} {{ ?s ?p ?o }} }}",
    }
    js = {"Accept": "application/sparql-results+json"}
    for i, (name, text) in enumerate(forms.items()):
        before = listener.count
        if i % 2:  # half as a form POST, half as a GET
            body = urllib.parse.urlencode({"query": text}).encode()
            data = request(
                port, "POST", "/sparql", {**js, "Content-Type": "application/x-www-form-urlencoded"}, body
            )
        else:
            data = request(port, "GET", "/sparql?" + urllib.parse.urlencode({"query": text}), js)
        status, line, why = status_of(raw(port, data))
        time.sleep(0.1)
        made = listener.count - before
        record(status == 400 and made == 0, "SERVICE", name, f"{line}: {why[:60]}; connections: {made}")


# --- hostile stores and endpoints --------------------------------------------------------------


def _read_head(conn: socket.socket) -> None:
    conn.settimeout(5)
    data = b""
    try:
        while b"\r\n\r\n" not in data and len(data) < 1 << 20:
            got = conn.recv(65536)
            if not got:
                return
            data += got
        m = re.search(rb"(?im)^content-length:\s*(\d+)", data)
        left = (int(m.group(1)) if m else 0) - len(data.partition(b"\r\n\r\n")[2])
        while left > 0:
            got = conn.recv(min(left, 65536))
            if not got:
                return
            left -= len(got)
    except OSError:
        return


def _trickle(conn: socket.socket) -> None:
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 999\r\n\r\n"
    )
    for _ in range(60):
        conn.sendall(b" ")
        time.sleep(1)


def _html(conn: socket.socket) -> None:
    page = b"<!doctype html><html><body><h1>Welcome to your router</h1></body></html>"
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (len(page), page)
    )


def _garbage(conn: socket.socket) -> None:
    junk = bytes(random.Random(5).randrange(256) for _ in range(2000))
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
        b"Content-Length: %d\r\n\r\n%s" % (len(junk), junk)
    )


def _not_http(conn: socket.socket) -> None:
    conn.sendall(b"\x00\xffSSH-2.0-OpenSSH\r\n" + bytes(range(256)))


class FakeStore(LocalServer):
    """A server that behaves as told, or (behave None) never accepts at all."""

    def __init__(self, behave: Callable[[socket.socket], None] | None) -> None:
        self.behave = behave
        # connections wait in the backlog: the other side sees no answer
        super().__init__(64, serve=behave is not None)

    def accepted(self, conn: socket.socket) -> None:
        threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn:
            _read_head(conn)
            try:
                if not self.stop and self.behave is not None:
                    self.behave(conn)
            except OSError:
                pass


def remote_probes(store: Path, tmp: Path, record: Record, kg: Callable[..., tuple]) -> None:
    timeout = 3
    kinds: dict[str, Callable[[socket.socket], None] | None] = {
        "never answers": None,
        "a byte a second": _trickle,
        "answers HTML": _html,
        "HTTP 200 with garbage": _garbage,
        "not HTTP at all": _not_http,
    }
    closed = socket.socket()
    closed.bind((LOCAL, 0))
    refused = f"http://{LOCAL}:{closed.getsockname()[1]}"
    closed.close()  # nothing listens there now
    for name, behave in [*kinds.items(), ("refuses connections", "refused")]:
        fake = FakeStore(behave) if behave != "refused" else None
        base = fake.url if fake else refused
        try:
            for what, args in [
                ("push", ["push", "--store", f"{base}/store", "-g", str(store)]),
                ("query --endpoint", ["query", "authorities", "--endpoint", f"{base}/sparql"]),
            ]:
                rc, out, err, secs = kg(*args, "--timeout", str(timeout), timeout=60, cwd=tmp)
                errs = [ln for ln in err.splitlines() if ln.strip()]
                ok = (
                    rc not in (0, None)
                    and secs < 3 * timeout + 5
                    and not traceback_in(out + err)
                    and len(errs) == 1
                )
                record(
                    ok,
                    "remote",
                    f"{what}: store {name}",
                    f"{secs:.1f} s; exit {rc}: {first_line(err, 120)}"
                    + ("" if len(errs) < 2 else f" (+{len(errs) - 1} lines)"),
                )
        finally:
            if fake:
                fake.close()


def as_root_without_dac() -> list[str] | None:
    """A prefix that makes root subject to file permissions (for the unreadable-folder probe);
    None when running as root without setpriv, where no folder can be made unreadable."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        return None
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]
