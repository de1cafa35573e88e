"""`kg serve` over HTTP: the SPARQL 1.1 Protocol, its limits, and the page in headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.sparql.library import library, run_query
from kg.sparql.remote import negotiate, run_remote
from tests.conftest import ROOT
from tests.test_query_library import BRADFORD, write_sample

CHROMIUM = Path("/usr/bin/chromium")
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


class Served:
    def __init__(self, graph: Path, *args: str, source: str = "-g") -> None:
        cmd = [
            sys.executable,
            "-m",
            "kg",
            "serve",
            source,
            str(graph),
            "--port",
            "0",
            "-q",
            *args,
        ]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        for _ in range(3):
            line = self.proc.stdout.readline()
            m = re.search(r"SPARQL endpoint (http://\S+)/sparql", line)
            if m:
                self.base = m.group(1)
                return
        self.close()
        raise RuntimeError(f"kg serve did not start: {self.proc.stderr.read() if self.proc.stderr else ''}")

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("serve") / "sample.trig")


@pytest.fixture(scope="module")
def served(graph: Path) -> Iterator[Served]:
    srv = Served(graph, "--timeout", "2", "--max-rows", "100")
    yield srv
    srv.close()


def call(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None
) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def get(
    served: Served, query: str, accept: str = "application/sparql-results+json", **extra: str
) -> tuple[int, dict[str, str], bytes]:
    qs = urllib.parse.urlencode({"query": query, **extra})
    return call(f"{served.base}/sparql?{qs}", headers={"Accept": accept})


def test_get_post_form_and_post_query_agree(served: Served, graph: Path) -> None:
    local = ox.Store()
    local.bulk_load(path=str(graph), format=ox.RdfFormat.TRIG)
    answers = [
        get(served, COUNT_ALL),
        call(
            f"{served.base}/sparql",
            urllib.parse.urlencode({"query": COUNT_ALL}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        ),
        call(
            f"{served.base}/sparql",
            COUNT_ALL.encode(),
            {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
        ),
    ]
    for status, headers, body in answers:
        assert status == 200
        assert headers["Content-Type"].startswith("application/sparql-results+json")
        assert headers["Access-Control-Allow-Origin"] == "*"
        # the default graph is the merge of all graphs: a triple stated by two documents is one
        triples = {q.triple for q in local}
        assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(len(triples))


@pytest.mark.parametrize(
    "accept,expect",
    [
        ("application/sparql-results+xml", "<sparql"),
        ("text/csv", "n\r\n"),
        ("text/tab-separated-values", "?n\n"),
        ("application/json", '"vars"'),
        ("text/csv;q=0.5, application/sparql-results+xml", "<sparql"),
        ("*/*", '"vars"'),
    ],
)
def test_content_negotiation_for_select(served: Served, accept: str, expect: str) -> None:
    status, headers, body = get(served, COUNT_ALL, accept)
    assert status == 200 and expect in body.decode()


def test_select_formats_parse_back_to_the_same_rows(served: Served) -> None:
    q = library()["timeline"].text
    answers = {}
    for fmt, kind in [
        ("json", ox.QueryResultsFormat.JSON),
        ("xml", ox.QueryResultsFormat.XML),
        ("tsv", ox.QueryResultsFormat.TSV),
    ]:
        status, _, body = get(served, q, "*/*", format=fmt, **{"$authority": BRADFORD})
        assert status == 200
        sols = ox.parse_query_results(body, format=kind)
        answers[fmt] = [[str(s[v]) if s[v] is not None else "" for v in sols.variables] for s in sols]
    assert answers["json"] == answers["xml"] == answers["tsv"] and len(answers["json"]) == 8
    _, _, body = get(served, q, "text/csv", **{"$authority": BRADFORD})
    assert len(list(csv.reader(io.StringIO(body.decode())))) == 9


@pytest.mark.parametrize(
    "accept,fmt", [("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES)]
)
def test_graph_results(served: Served, accept: str, fmt: ox.RdfFormat) -> None:
    q = library()["authority_card"].text
    status, headers, body = get(served, q, accept, **{"$authority": BRADFORD})
    assert status == 200 and headers["Content-Type"].startswith(accept)
    assert len(list(ox.parse(body, format=fmt))) > 20


def test_ask_and_unacceptable_types(served: Served) -> None:
    status, _, body = get(served, "ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = get(served, COUNT_ALL, "image/png")
    assert status == 406 and b"this answer comes as one of" in body


@pytest.mark.parametrize("how", ["form", "content-type", "query"])
def test_updates_are_refused(served: Served, how: str) -> None:
    update = "PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }"
    if how == "form":
        r = call(
            f"{served.base}/sparql",
            urllib.parse.urlencode({"update": update}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
    elif how == "content-type":
        r = call(f"{served.base}/sparql", update.encode(), {"Content-Type": "application/sparql-update"})
    else:
        r = get(served, "# comment\n" + update)
    assert r[0] == 403 and b"read-only" in r[2]
    assert json.loads(get(served, "ASK { <http://x/a> ?p ?o }")[2])["boolean"] is False


def test_cors_preflight(served: Served) -> None:
    status, headers, _ = call(
        f"{served.base}/sparql",
        method="OPTIONS",
        headers={"Origin": "http://example.org", "Access-Control-Request-Method": "POST"},
    )
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]


def test_time_limit_stops_a_runaway_query(served: Served) -> None:
    started = time.monotonic()
    status, _, body = get(served, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert status == 503 and b"ran out of time (2 s" in body
    assert time.monotonic() - started < 5
    assert get(served, COUNT_ALL)[0] == 200  # and the endpoint carries on


def test_row_cap(served: Served) -> None:
    status, _, body = get(served, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 422 and b"more than 100 rows" in body
    status, _, body = get(served, "SELECT * WHERE { ?s ?p ?o } LIMIT 100")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 100


def test_bad_queries_and_parameters_are_clear(served: Served) -> None:
    status, _, body = get(served, "SELECT WHERE {")
    assert status == 400 and body.startswith(b"SPARQL syntax error")
    status, _, body = get(served, library()["timeline"].text, **{"$authority": "<bad iri>"})
    assert status == 400 and b"IRI" in body
    status, _, body = get(served, library()["timeline"].text, **{"$authority": '"> } ; DROP ALL'})
    assert status == 400 and b"authority" in body  # never a silent empty answer
    assert call(f"{served.base}/sparql")[0] == 400
    assert call(f"{served.base}/static/..%2Fserve.py")[0] == 404


def test_library_and_page(served: Served) -> None:
    status, _, body = call(f"{served.base}/queries")
    lib = {q["name"]: q for q in json.loads(body)}
    assert set(lib) == set(library()) and lib["timeline"]["params"][0]["name"] == "authority"
    status, headers, body = call(f"{served.base}/")
    assert status == 200 and b'id="results"' in body
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    for name in ("app.js", "style.css"):
        assert call(f"{served.base}/static/{name}")[0] == 200
    page = b"".join(p.read_bytes() for p in (ROOT / "kg" / "sparql" / "static").iterdir())
    assert not re.search(rb"(?:src|href)=\"https?://|innerHTML|outerHTML|insertAdjacentHTML", page)


@pytest.mark.parametrize(
    "name",
    ["timeline", "inadequate_agency", "authority_card", "ever_inadequate", "inspections", "neighbours"],
)
def test_remote_query_through_kg_serve_equals_local(served: Served, graph: Path, name: str) -> None:
    params = {"authority": BRADFORD} if name != "inadequate_agency" else {}
    fmt = {"CONSTRUCT": "nt", "ASK": "json"}.get(library()[name].form, "csv")
    assert run_remote(name, f"{served.base}/sparql", fmt, params) == run_query(name, [graph], fmt, params)


def test_negotiate() -> None:
    offers = ["application/sparql-results+json", "text/csv"]
    assert negotiate("", offers) == offers[0]
    assert negotiate("text/*", offers) == "text/csv"
    assert negotiate("text/csv;q=0.9, */*;q=0.1", offers) == "text/csv"
    assert negotiate("text/csv;q=0", offers) is None


def chromium(url: str, *args: str, tmp: Path) -> str:
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp}",
        "--virtual-time-budget=15000",
        *args,
        url,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120).stdout


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_page_runs_a_canned_query_in_chromium(served: Served, tmp_path: Path) -> None:
    url = f"{served.base}/#query=timeline&authority={BRADFORD}"
    dom = chromium(url, "--dump-dom", tmp=tmp_path / "profile")
    assert 'data-state="done"' in dom, dom[-2000:]
    table = dom[dom.index('<table id="results"') : dom.index("</table>")]
    assert 'data-rows="8"' in table
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", table)]
    assert f'href="/show?iri=https%3A%2F%2Fw3id.org%2Fkg-minutes%2Fid%2Fauthority%2F{BRADFORD}"' in table
    assert "notice-to-improve" in cells
    assert any(c.endswith(BRADFORD) and ":" in c and not c.startswith("https:") for c in cells)
    assert "8 rows" in dom
    shots = ROOT / "output" / "screens"
    shots.mkdir(parents=True, exist_ok=True)
    chromium(
        url, "--window-size=1400,900", f"--screenshot={shots / 'endpoint.png'}", tmp=tmp_path / "profile2"
    )
    assert (shots / "endpoint.png").stat().st_size > 10_000


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_page_shows_hostile_text_as_text(served: Served, tmp_path: Path) -> None:
    evil = '<img src=x onerror="document.title=1">'
    q = f"SELECT ?x WHERE {{ BIND({json.dumps(evil)} AS ?x) }}"
    dom = chromium(f"{served.base}/#sparql={urllib.parse.quote(q)}", "--dump-dom", tmp=tmp_path / "p")
    assert 'data-state="done"' in dom
    assert "<img" not in dom.split('<table id="results"')[1]
    assert "&lt;img src=x" in dom
