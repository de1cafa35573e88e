"""kg serve's light processes: workers for a store on disk are fresh interpreters that import
little, SELECT answers come from Oxigraph's serializer under exact row and byte caps."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli.main import main
from kg.graph.names import PREFIXES
from kg.sparql.cache import Answers
from kg.sparql.formats import cell
from kg.sparql.pool import Pool
from kg.sparql.worker import execute, recv, send
from tests.conftest import ROOT
from tests.test_serve import Served, get

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
EXAMPLES = [p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".html")]


def test_prefixes_are_the_rdflib_namespaces() -> None:
    from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD

    from kg.graph import iris
    from kg.graph.ns import KG, OA

    assert PREFIXES == {
        "kg": str(KG), "kgid": str(iris.ID), "authority": f"{iris.ID}authority/",
        "document": f"{iris.ID}document/", "concern": f"{iris.VOCAB}concern/",
        "role": f"{iris.VOCAB}role/", "vocab": str(iris.VOCAB), "rdf": str(RDF), "rdfs": str(RDFS),
        "xsd": str(XSD), "skos": str(SKOS), "org": str(ORG), "prov": str(PROV), "dct": str(DCTERMS),
        "foaf": str(FOAF), "schema": str(SDO), "oa": str(OA),
    }


@pytest.mark.parametrize(
    "modules", ["kg.cli.main, kg.cli.sparql, kg.sparql.endpoint, kg.sparql.pool", "kg.sparql.worker"]
)
def test_server_and_worker_import_neither_rdflib_nor_the_library(modules: str) -> None:
    code = f"import sys, {modules}; print(sorted(m for m in sys.modules if m.split('.')[0] == 'rdflib' " \
        "or m.startswith(('kg.extract', 'kg.graph.rdf', 'kg.sparql.library', 'kg.reference'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("light")
    folder = where / "minutes"
    folder.mkdir()
    for p in EXAMPLES:
        (folder / p.name).write_bytes(p.read_bytes())
    r = CliRunner().invoke(main, ["build", str(folder), "--store", str(where / "store")])
    assert r.exit_code == 0, r.output
    return where / "store"


def _children(pid: int) -> dict[int, str]:
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,args="], capture_output=True, text=True).stdout
    rows = [line.split(None, 2) for line in out.splitlines()]
    return {int(r[0]): r[2] for r in rows if len(r) == 3 and r[1] == str(pid)}


@pytest.fixture
def served_store(store: Path) -> Iterator[Served]:
    srv = Served(store, "--timeout", "2", "--workers", "1", "--threads", "2", source="--store")
    yield srv
    srv.close()


def test_store_workers_are_fresh_interpreters_replaced_past_a_limit(served_store: Served) -> None:
    server = Path(f"/proc/{served_store.proc.pid}/cmdline").read_bytes().split(b"\0")
    assert server[1:3] == [b"-m", b"kg.sparql.endpoint"]  # the command line handed over
    workers = _children(served_store.proc.pid)
    assert len(workers) == 1 and all("-m kg.sparql.worker" in a for a in workers.values())  # no zygote
    status, _, body = get(served_store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 1000
    slow: list[int] = []
    t = threading.Thread(target=lambda: slow.append(get(served_store, SLOW)[0]))
    t.start()
    assert get(served_store, "ASK { ?s ?p ?o }")[0] == 200  # the other thread of the worker
    t.join(30)
    assert slow == [503]
    assert get(served_store, "ASK { ?s ?p ?o } # again")[0] == 200  # answered by its replacement
    after = _children(served_store.proc.pid)
    assert len(after) == 1 and set(after) != set(workers)  # replaced once, the old one reaped


def test_a_repeated_query_is_answered_without_a_worker(store: Path) -> None:
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    for cache, waits in (("8", False), ("0", True)):
        srv = Served(store, "--timeout", "2", "--workers", "1", "--threads", "1", "--cache", cache,
                     source="--store")
        try:
            first = get(srv, q)
            assert first[0] == 200
            t = threading.Thread(target=get, args=(srv, SLOW))  # holds the only worker for 2 s
            t.start()
            time.sleep(0.3)
            start = time.monotonic()
            again = get(srv, q)
            assert (time.monotonic() - start > 1) is waits  # for the worker, or a 503 past the limit
            assert waits or again[0] == 200 and again[2] == first[2]
            t.join(30)
            tsv = get(srv, q, "text/tab-separated-values")  # another format: not the kept JSON
            assert tsv[0] == 200 and tsv[2].startswith(b"?n\n")
        finally:
            srv.close()


def test_answers_that_use_the_time_or_chance_are_not_kept(store: Path) -> None:
    srv = Served(store, "--workers", "1", "--threads", "1", source="--store")  # kept answers on
    try:
        for q in ("SELECT (RAND() AS ?r) WHERE {}", "SELECT (struuid() AS ?r) WHERE {}"):
            answers = {get(srv, q)[2] for _ in range(3)}
            assert len(answers) == 3, q  # each one evaluated again
    finally:
        srv.close()


def test_kept_answers_are_bounded_in_bytes() -> None:
    kept = Answers(400)
    for i in range(10):
        kept.put(f"k{i}", "text/plain", b"x" * 60)
    assert kept.size <= 400 and kept.get("k0") is None and kept.get("k9") == ("text/plain", b"x" * 60)
    kept.put("big", "text/plain", b"x" * 101)  # over a quarter of the bound: not kept
    assert kept.get("big") is None


# --- answers written by Oxigraph, with exact caps ---------------------------------------------

ODD = ["x},{y", 'quote " },{"a":{ back\\slash', "line\r\nbreak", "<result>", "tab\there", "é\u2028"]
FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}


@pytest.fixture(scope="module")
def odd_store() -> ox.Store:
    s = ox.Store()
    p = ox.NamedNode("http://example.org/p")
    for i, text in enumerate(ODD * 5):
        s.add(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), p, ox.Literal(text)))
    s.add(ox.Quad(ox.BlankNode("b1"), p, ox.Literal("5", datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))))
    s.add(ox.Quad(ox.NamedNode("http://example.org/l"), p, ox.Literal("hi", language="en-GB")))
    return s


def job(query: str, accept: str, max_rows: int = 1000, max_bytes: int = 1 << 20) -> dict[str, object]:
    return {"query": query, "form": "SELECT", "accept": accept, "default_graph_uri": [],
            "named_graph_uri": [], "max_rows": max_rows, "max_bytes": max_bytes}


ALL = "SELECT ?s ?o ?unbound WHERE { ?s ?p ?o } ORDER BY STR(?s)"


@pytest.mark.parametrize("accept", list(FORMATS))
def test_answers_parse_back_to_the_store_rows(odd_store: ox.Store, accept: str) -> None:
    status, media, body = execute(odd_store, job(ALL, accept))
    assert status == 200 and media == accept
    want = [(s["s"], s["o"]) for s in odd_store.query(ALL)]  # type: ignore[union-attr]
    if accept == "text/csv":  # values only (as kg query writes them), not parsed back by Oxigraph
        got = [tuple(r[:2]) for r in csv.reader(io.StringIO(body.decode(), newline=""))][1:]
        assert got == [(cell(s), cell(o)) for s, o in want]
    else:
        sols = ox.parse_query_results(body, format=FORMATS[accept])
        assert [(r["s"], r["o"]) for r in sols] == want  # type: ignore[index]
    assert len(want) == 32


@pytest.mark.parametrize("accept", list(FORMATS))
def test_row_cap_is_exact_in_every_format(odd_store: ox.Store, accept: str) -> None:
    # literals holding "},{" and line breaks must not count as rows: 32 rows pass a cap of 32
    assert execute(odd_store, job(ALL, accept, max_rows=32))[0] == 200
    status, _, body = execute(odd_store, job(ALL, accept, max_rows=31))
    assert status == 422 and b"more than 31 rows" in body and b"--max-rows" in body


def test_byte_cap_stops_the_answer(odd_store: ox.Store) -> None:
    status, _, body = execute(odd_store, job(ALL, "application/sparql-results+json", max_bytes=500))
    assert status == 422 and b"over 500 bytes" in body and b"--max-bytes" in body
    big = 'SELECT ?x WHERE { VALUES ?n { 1 2 3 } BIND(CONCAT(STR(?n), "{}") AS ?x) }'
    big = big.replace("{}", "x" * 9000)
    assert execute(odd_store, job(big, "text/csv", max_bytes=27_100))[0] == 200
    assert execute(odd_store, job(big, "text/csv", max_bytes=27_000))[0] == 422


# --- a query past its time in a threaded worker leaves its neighbours their answers ----------


class FakeWorkers:
    """Worker processes as threads of this one, speaking the pool's protocol: a query is the
    seconds to sleep; stop() closes the process's sockets, as a kill would."""

    statements = 0

    def __init__(self, threads: int) -> None:
        self.threads, self.started, self.stopped = threads, 0, []
        self.ends: dict[int, list[socket.socket]] = {}

    def spawn(self) -> tuple[int, list[socket.socket]]:
        self.started += 1
        pid = self.started
        pairs = [socket.socketpair() for _ in range(self.threads)]
        self.ends[pid] = [theirs for _, theirs in pairs]
        for _, theirs in pairs:
            threading.Thread(target=self.answer, args=(theirs,), daemon=True).start()
        return pid, [ours for ours, _ in pairs]

    def answer(self, sock: socket.socket) -> None:
        while True:
            try:
                time.sleep(float(json.loads(recv(sock))["query"]))
                send(sock, b"200 text/plain\n", b"answered")
            except (EOFError, OSError):
                return

    def stop(self, pid: int) -> None:
        self.stopped.append((pid, time.monotonic()))
        for sock in self.ends.pop(pid, []):
            sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        for pid in list(self.ends):
            self.stop(pid)


def test_a_worker_socket_numbered_past_1023_is_waited_on() -> None:
    # select() refuses descriptors past FD_SETSIZE (1,024): a server with many files open
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 1200 and (hard != resource.RLIM_INFINITY and hard < 1200):
        pytest.skip("cannot open 1,200 files here")
    if soft < 1200:
        resource.setrlimit(resource.RLIMIT_NOFILE, (1200, hard))
    held = []
    try:
        while len(held) < 1100:
            held.append(os.open(os.devnull, os.O_RDONLY))
        fake = FakeWorkers(threads=1)
        pool = Pool(fake, workers=1, threads=1, max_queue=2)  # type: ignore[arg-type]
        assert pool.run({"query": "0.1"}, 5.0)[:3] == (200, "text/plain", b"answered")
        pool.close()
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_a_query_out_of_time_lets_its_neighbours_finish() -> None:
    fake = FakeWorkers(threads=2)
    pool = Pool(fake, workers=1, threads=2, max_queue=4)  # type: ignore[arg-type]
    got: dict[str, tuple[int, bytes, float]] = {}

    def ask(name: str, seconds: float, timeout: float) -> None:
        status, _, body, _ = pool.run({"query": str(seconds)}, timeout)
        got[name] = (status, body, time.monotonic())

    runaway = threading.Thread(target=ask, args=("runaway", 30, 1.0))
    neighbour = threading.Thread(target=ask, args=("neighbour", 2.0, 10.0))
    runaway.start()
    time.sleep(0.3)
    neighbour.start()
    runaway.join(20)
    neighbour.join(20)
    assert got["runaway"][0] == 503 and b"out of time" in got["runaway"][1]
    assert got["neighbour"][:2] == (200, b"answered")  # not stopped with the runaway
    assert fake.started == 2  # replaced once, when the runaway ran out of time
    [(pid, when)] = fake.stopped
    assert pid == 1 and when >= got["neighbour"][2] - 0.1  # stopped once the neighbour had its answer
    assert pool.run({"query": "0"}, 5.0)[:3] == (200, "text/plain", b"answered")  # by the new one
    pool.close()
