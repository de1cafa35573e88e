"""Push into a live Oxigraph server and query it remotely: the answers equal the local ones.

Two servers per run: one with --union-default-graph, one without (the library then names the
store's kg graphs as the query's default graph). Each starts on a free loopback port.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli.sparql import push as push_command
from kg.errors import QueryError, StoreError
from kg.sparql.library import library, resolve, run_query
from kg.sparql.push import MERGED, push
from kg.sparql.remote import first_keyword, nt_term, run_remote, value_groups, with_values
from tests.test_query_library import BRADFORD, HOSTILE, OVERRIDES, SAMPLES, write_sample

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
needs_oxigraph = pytest.mark.skipif(not Path(OXIGRAPH).exists(), reason="pip install oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Oxigraph:
    """`oxigraph serve` on a free loopback port, stopped by close()."""

    def __init__(self, location: Path, union: bool) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        args = [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"]
        self.proc = subprocess.Popen(
            args + (["--union-default-graph"] if union else []),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                self.select("ASK {}")
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError("oxigraph serve did not start") from None
                time.sleep(0.1)

    def select(self, query: str) -> dict:  # type: ignore[type-arg]
        url = f"{self.base}/query?" + urllib.parse.urlencode({"query": query})
        req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.loads(resp.read())  # type: ignore[no-any-return]

    def graph_sizes(self) -> dict[str, int]:
        data = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {b["g"]["value"]: int(b["n"]["value"]) for b in data["results"]["bindings"]}

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("push")
    return {"trig": write_sample(d / "sample.trig"), "ttl": write_sample(d / "sample.ttl")}


@pytest.fixture(scope="module", params=["union", "named"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, graphs: dict[str, Path]
) -> Iterator[Oxigraph]:
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    srv = Oxigraph(tmp_path_factory.mktemp(f"ox-{request.param}"), union=request.param == "union")
    try:
        push([graphs["trig"]], f"{srv.base}/store")
        yield srv
    finally:
        srv.close()


def cases() -> list[tuple[str, dict[str, str]]]:
    out: list[tuple[str, dict[str, str]]] = []
    for name, q in sorted(library().items()):
        out.append((name, {}))
        for p in q.params:
            if p.name != "fact":
                out.append((name, {p.name: OVERRIDES.get((name, p.name), SAMPLES[p.name])}))
    return out


# --- push -------------------------------------------------------------------------------------


@needs_oxigraph
def test_push_puts_one_graph_per_document_and_twice_changes_nothing(
    server: Oxigraph, graphs: dict[str, Path]
) -> None:
    before = server.graph_sizes()
    local = ox.Store()
    local.bulk_load(path=str(graphs["trig"]), format=ox.RdfFormat.TRIG)
    assert sum(before.values()) == len(local)
    assert sum("/id/document/" in g for g in before) == 4
    assert {g.rsplit("/", 1)[-1] for g in before if "/graph/" in g} == {
        "ofsted-ilacs",
        "register",
        "vocabularies",
    }
    lines = push([graphs["trig"]], f"{server.base}/store")
    assert lines[-1].startswith("Pushed 7 graphs (")
    assert server.graph_sizes() == before


@needs_oxigraph
@pytest.mark.parametrize(
    "name,params",
    cases(),
    ids=lambda x: x if isinstance(x, str) else "-".join(f"{k}={v}" for k, v in x.items()) or "noparams",
)
def test_remote_answers_equal_local(
    server: Oxigraph, graphs: dict[str, Path], name: str, params: dict[str, str]
) -> None:
    for fmt in ("csv", "json") if resolve(name).form == "SELECT" else (None,):
        local = run_query(name, [graphs["trig"]], fmt, params)
        assert run_remote(name, f"{server.base}/query", fmt, params) == local


@needs_oxigraph
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameters_remotely(server: Oxigraph, value: str) -> None:
    before = server.graph_sizes()
    for name in ("authorities", "timeline", "quote_search"):
        q = library()[name]
        try:
            out = run_remote(name, f"{server.base}/query", "csv", {q.params[0].name: value})
        except QueryError as exc:  # refused as a parameter of the wrong kind, in one line
            assert exc.exit_code == 2 and "\n" not in str(exc)
        else:
            assert len(out.splitlines()) == 1, out
    assert server.graph_sizes() == before


@needs_oxigraph
def test_merged_file_goes_into_one_graph_and_answers_the_same(
    tmp_path: Path, graphs: dict[str, Path]
) -> None:
    srv = Oxigraph(tmp_path / "ox", union=False)
    try:
        r = CliRunner().invoke(push_command, ["--store", f"{srv.base}/store", "-g", str(graphs["ttl"])])
        assert r.exit_code == 0, r.output
        assert "is a merged graph" in r.output and MERGED in r.output
        assert list(srv.graph_sizes()) == [MERGED]
        for name in ("inspections", "timeline", "neighbours", "inadequate_agency"):
            assert run_remote(name, f"{srv.base}/query", "csv", {}) == run_query(
                name, [graphs["ttl"]], "csv", {}
            )
    finally:
        srv.close()


def test_unreachable_store_and_endpoint_are_clear_errors(graphs: dict[str, Path]) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreError, match="cannot reach the store"):
        push([graphs["trig"]], f"{url}/store")
    with pytest.raises(StoreError, match="cannot reach the SPARQL endpoint"):
        run_remote("authorities", f"{url}/query", "csv", {})
    r = CliRunner().invoke(push_command, ["--store", "ftp://example.org/x", "-g", str(graphs["trig"])])
    assert r.exit_code == 5 and r.output.startswith("kg: ftp://example.org/x: give the store's")


# --- the VALUES block ------------------------------------------------------------------------


def test_values_go_into_the_outer_where_group() -> None:
    text = """# a comment with a { brace
PREFIX ex: <http://example.org/{odd}#>
CONSTRUCT { ?s ex:where ?where } # where {
WHERE { ?s ex:p "}{ where" . OPTIONAL { ?s ex:q ?where } }"""
    [(at, names)] = value_groups(text, "CONSTRUCT", {"where"})
    assert text[at - 7 : at] == "WHERE {" and names == {"where"}
    assert value_groups("SELECT * { ?s ?p ?o }", "SELECT", {"s"}) == [(len("SELECT * {"), {"s"})]
    assert value_groups('ASK { ?s ?p """x { y""" }', "ASK", {"s"}) == [(len("ASK {"), {"s"})]
    sub = "SELECT ?a WHERE { { SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ?p ?b } GROUP BY ?a } }"
    assert [names for _, names in value_groups(sub, "SELECT", {"a", "b", "n"})] == [
        {"a", "b", "n"},
        {"a", "n"},
    ]
    with pytest.raises(QueryError, match="no WHERE group"):
        value_groups("DESCRIBE <x:y>", "DESCRIBE", {"a"})
    assert first_keyword("# drop\nPREFIX drop: <x:>\ndrop:x") == ""
    assert first_keyword("PREFIX x: <y:> INSERT DATA {}") == "INSERT"


def test_values_block_binds_terms_not_text() -> None:
    q = library()["timeline"]
    from kg.sparql.library import bindings

    text = with_values(q, bindings(q, {"authority": BRADFORD}))
    assert f"VALUES (?authority) {{ (<https://w3id.org/kg-minutes/id/authority/{BRADFORD}>) }}" in text
    search = library()["quote_search"]
    hostile = with_values(search, bindings(search, {"text": '" } ; DROP ALL ; {'}))
    assert '("\\" } ; DROP ALL ; {")' in hostile
    assert nt_term(ox.Literal('a\nb"c', language="en")) == '"a\\nb\\"c"@en'
