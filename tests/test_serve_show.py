"""`kg serve`'s page on a graph built from the examples: the `/show` view of an IRI, and the
layout (results in view, library names whole, quotes readable) in headless Chromium."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.main import main
from kg.viz.browser import CHROMIUM, Chromium
from tests.conftest import ROOT
from tests.test_serve import Served, call

KGID = "https://w3id.org/kg-minutes/id/"
LAMBETH_ILACS = KGID + "inspection/E09000022/ofsted/ilacs/2019-09-30"  # from the HTML sample


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("show") / "examples.trig"
    r = CliRunner().invoke(main, ["build", str(ROOT / "examples"), "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out


@pytest.fixture(scope="module")
def served(graph: Path) -> Iterator[Served]:
    srv = Served(graph)
    yield srv
    srv.close()


def show_url(served: Served, iri: str, fmt: str = "") -> str:
    return f"{served.base}/show?iri={urllib.parse.quote(iri, safe='')}" + (f"&format={fmt}" if fmt else "")


def test_show_route_prints_what_kg_show_prints(served: Served, graph: Path) -> None:
    cli = CliRunner().invoke(main, ["show", LAMBETH_ILACS, "-g", str(graph)])
    assert cli.exit_code == 0, cli.output
    assert "\u00bb" in cli.output  # the quote, marked in its lines (the HTML sample keeps its text)
    status, headers, body = call(show_url(served, LAMBETH_ILACS, "text"))
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert body.decode("utf-8") == cli.output
    # a prefixed name, as the page and the terminal print it, names the same thing
    status, _, short = call(show_url(served, "kgid:inspection/E09000022/ofsted/ilacs/2019-09-30", "text"))
    assert status == 200 and short == body


def test_show_page_is_escaped_and_links_only_to_this_graph(served: Served) -> None:
    status, headers, body = call(show_url(served, LAMBETH_ILACS))
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "<script" not in page
    hrefs = re.findall(r'href="([^"]*)"', page)
    linked = [urllib.parse.unquote(h.removeprefix("/show?iri=")) for h in hrefs if h.startswith("/show?iri=")]
    assert KGID + "authority/E09000022" in linked  # the inspection's authority opens its own view
    assert all(h in ("/", "/static/style.css", "data:,") or h.startswith("/show?iri=") for h in hrefs), hrefs
    # the Ofsted report's address (dcterms:source of the record) is text, never a link
    for iri in {i.split("&")[0] for i in linked}:
        assert iri.startswith("https://w3id.org/kg-minutes/"), iri
        assert call(show_url(served, iri))[0] == 200


@pytest.mark.parametrize("iri", [
    "https://example.org/not-here", "javascript:alert(1)", '"><script>alert(1)</script>', "",
    KGID + "authority/W06000015",  # Cardiff: in the register, not in this graph
])
def test_show_refuses_what_is_not_in_the_graph(served: Served, iri: str) -> None:
    status, headers, body = call(show_url(served, iri))
    assert status in (400, 404), (iri, body)
    assert headers["Content-Type"].startswith("text/plain")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_query_page_layout_and_iri_links_in_chromium(served: Served) -> None:
    done = "document.body.dataset.state === 'done'"
    with Chromium(width=1280, height=800) as b:
        b.open(f"{served.base}/#query=concern_mentions", ready=done)
        # the results start on screen, below an editor that does not push them out of view
        top = b.eval("document.querySelector('#results tbody tr').getBoundingClientRect().top")
        assert 0 < top < 800 - 150, top
        assert b.eval("document.scrollingElement.scrollHeight <= innerHeight + 1")
        # every library entry shows its whole title and name
        clipped = b.eval("[...document.querySelectorAll('#library li span')]"
                         ".filter(s => s.scrollWidth > s.clientWidth + 1).map(s => s.textContent)")
        assert clipped == []
        assert b.eval("document.querySelectorAll('#library li').length") > 10
        # quotes are set as reading text, wide enough for a line of words
        widths = b.eval("[...document.querySelectorAll('#results td.long')].map(td => td.clientWidth)")
        assert widths and min(widths) >= 300, widths
        # IRIs of the graph open kg show's view
        href = b.eval("document.querySelector('#results td.uri a').getAttribute('href')")
        assert href.startswith("/show?iri=https%3A%2F%2Fw3id.org%2Fkg-minutes%2F")
        assert b.eval("document.querySelector('#results td.uri a').target") == "_blank"
        shots = ROOT / "output" / "screens"
        b.screenshot(shots / "endpoint-quotes.png")
        b.open(served.base + href)
        text = b.eval("document.getElementById('show').textContent")
        assert text.startswith("<" + urllib.parse.unquote(href.removeprefix("/show?iri=")) + ">")
        assert "Supporting quote" in text
        b.screenshot(shots / "endpoint-show.png")
        assert all(u.startswith(served.base) or u.startswith("data:") for u in b.requests())
        assert b.errors() == []
