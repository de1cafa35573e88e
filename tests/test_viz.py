"""Network pages: projection, escaping, offline, determinism, large graphs, export, CLI."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.extract import facts as F
from kg.graph.quads import PREFIXES, authority_quads, document_quads, vocabulary_quads
from kg.graph.store import load, write_graph
from kg.reading.document import Document
from kg.viz import views
from kg.viz.analysis import describe, export_network, network_stats
from kg.viz.model import load_model
from kg.viz.safe import script_json
from kg.viz.scale import overview_rows
from kg.viz.site import build_site

LEEDS, CROYDON = "E08000035", "E09000008"
PAYLOADS = (
    "<script>window.__xss=1;alert(1)</script>",
    '"><img src=x onerror="window.__xss=2;alert(1)">',
    "</script><script>window.__xss=3</script>",
)


def _doc(name: str, text: str) -> Document:
    return Document(name, hashlib.sha256((name + text).encode()).hexdigest(), "text/plain", text)


def sample_facts(xss: bool = False) -> list[tuple[Document, list[F.Fact]]]:
    """Two documents, two authorities, every drawn class; with ``xss`` the payloads everywhere."""
    bad = " ".join(PAYLOADS) if xss else ""

    def s(text: str, at: int = 0) -> F.Span:
        return F.Span(at, at + len(text) + len(bad), text + bad)

    name_a = ('leeds"><img src=x onerror=alert(1)>.txt' if xss else "leeds_scrutiny_2019.txt")
    a = _doc(name_a, "Leeds minutes " + bad)
    fa: list[F.Fact] = [
        F.AuthorityMention(LEEDS, True, s("Leeds City Council")),
        F.MeetingInfo(s("Scrutiny Board"), title="Scrutiny Board" + bad, committee="Scrutiny",
                      date="2019-06-01"),
        F.Inspection("ofsted", "ilacs", s("Ofsted inspected", 10), start="2019-03-11",
                     judgement="good"),
        F.Inspection("ofsted", "focused-visit", s("a focused visit", 20), start="2020-02-03"),
        F.Intervention("dfe", "notice-to-improve", s("notice to improve", 30), date="2018-01-05"),
        F.Post("Director of Children's Services" + bad, "director-childrens-services", False,
               s("the Director", 40), holder="Sal Tariq" + bad),
        F.Person("Cllr Fiona Venner", s("Cllr Venner", 50), post_title="Executive Member"),
        F.PlanElement("Improvement Plan" + bad, s("the improvement plan", 60),
                      workstream="Workforce", component="Recruitment campaign"),
        F.ConcernMention("recruitment", s("recruiting social workers is hard", 70)),
        F.ConcernMention("recruitment", s("vacancies remain", 80)),
        F.ConcernMention("caseloads", s("caseloads are high", 90)),
        F.Figure(25, "percent", s("25% agency staff", 100), concern="agency-staff"),
        F.Decision("resolution", "That the report be noted" + bad, s("RESOLVED", 110),
                   number="1", owner="Director of Children's Services" + bad),
    ]
    b = _doc("croydon_cabinet_2017.txt", "Croydon minutes " + bad)
    fb: list[F.Fact] = [
        F.AuthorityMention(CROYDON, True, s("Croydon")),
        F.Inspection("ofsted", "sif", s("judged inadequate", 10), start="2017-06-05",
                     judgement="inadequate"),
        F.Post("Executive Director", "director", True, s("the Executive Director", 20)),
        F.ConcernMention("recruitment", s("recruitment of permanent staff", 30)),
        F.Decision("action", "Report back in six months", s("Action", 40)),
    ]
    return [(a, fa), (b, fb)]


def write_sample(path: Path, xss: bool = False) -> Path:
    quads = []
    for doc, found in sample_facts(xss):
        quads.extend(document_quads(doc, found))
    quads.extend(vocabulary_quads())
    quads.extend(authority_quads([LEEDS, CROYDON]))
    write_graph(quads, path, PREFIXES)
    return path


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("viz") / "graph.trig")


@pytest.fixture(scope="module")
def xss_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("vizx") / "graph.trig", xss=True)


# --- projection --------------------------------------------------------------------------------


def test_overview_holds_the_drawn_classes_and_no_provenance(graph: Path) -> None:
    g = views.overview(load_model(load([graph])))
    by = {c: sorted(g.nodes[n]["label"] for n in g if g.nodes[n]["cls"] == c)
          for c in views.OVERVIEW_CLASSES}
    assert len(by["Authority"]) == 2
    assert len(by["Inspection"]) == 3 and len(by["Intervention"]) == 1
    assert len(by["Post"]) == 2 and len(by["Person"]) == 2  # Sal Tariq, Fiona Venner
    assert len(by["Plan"]) == 1 and len(by["Workstream"]) == 1 and len(by["Component"]) == 1
    assert by["Concern"] == ["Caseloads and workload", "Recruitment"]
    assert g.number_of_nodes() == 15
    assert not any(g.nodes[n]["cls"] in ("Quote", "Document", "Decision", "Figure") for n in g)
    assert not any("/quote/" in n or "/document/" in n for n in g)
    # authority -> concern links carry the number of mentions
    w = {(g.nodes[s]["label"], g.nodes[t]["label"]): d["weight"] for s, t, d in g.edges(data=True)
         if d["label"].endswith(("mention", "mentions"))}
    assert w == {("Leeds", "Recruitment"): 2, ("Leeds", "Caseloads and workload"): 1,
                 ("Croydon", "Recruitment"): 1}
    assert g.number_of_edges() == 14
    insp = next(n for n in g if g.nodes[n]["label"] == "Ofsted ILACS 2019-03-11")
    assert g.nodes[insp]["quotes"][0] == ("leeds_scrutiny_2019.txt", "Ofsted inspected")


def test_authority_view_has_figures_decisions_and_only_its_own_quotes(graph: Path) -> None:
    m = load_model(load([graph]))
    leeds = next(e.iri for e in m.of_class("Authority") if e.label == "Leeds")
    g = views.authority_view(m, leeds)
    classes = sorted(g.nodes[n]["cls"] for n in g)
    assert classes.count("Decision") == 1 and classes.count("Figure") == 1
    assert classes.count("Concern") == 3  # two mentioned, agency staff through the figure
    assert all(leeds in g.nodes[n]["authorities"] or g.nodes[n]["cls"] == "Concern" for n in g)
    rec = next(n for n in g if g.nodes[n]["label"] == "Recruitment")
    assert g.nodes[rec]["nquotes"] == 2  # not Croydon's


def test_concern_view_and_aggregate(graph: Path) -> None:
    m = load_model(load([graph]))
    c = views.concern_view(m)
    assert (c.number_of_nodes(), c.number_of_edges()) == (4, 3)
    a = views.aggregate_view(m)
    labels = sorted(a.nodes[n]["label"] for n in a)
    assert "3 inspections and visits" not in labels and "2 inspections and visits" in labels
    assert "2 people" in labels


def test_layout_is_deterministic_and_spread() -> None:
    g = nx.DiGraph()
    for i in range(2000):
        g.add_node(f"n{i}", cls="Person", authorities=(f"a{i % 40}",), label=f"p{i}")
    p1, p2 = views.layout(g), views.layout(g)
    assert p1 == p2 and len(set(p1.values())) == 2000


# --- pages -------------------------------------------------------------------------------------


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.handlers += [k for k, _v in attrs if k.startswith("on")]


def _data(html: str) -> dict:
    m = re.search(r'id="kg-data">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


def _pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def test_site_pages_and_data(graph: Path, tmp_path: Path) -> None:
    r = build_site([graph], tmp_path / "site")
    names = [p.name for p in _pages(tmp_path / "site")]
    assert names == sorted(["index.html", "overview.html", "authorities.html", "concerns.html",
                            "map.html", f"authority-{LEEDS}.html", f"authority-{CROYDON}.html"])
    html = (tmp_path / "site" / "overview.html").read_text()
    data = _data(html)
    assert len(data["nodes"]) == r.nodes["overview.html"] == 15
    assert {c["k"] for c in data["classes"]} >= {"Authority", "Concern", "Person"}
    assert data["physics"] is True
    leeds = (tmp_path / "site" / f"authority-{LEEDS}.html").read_text()
    for heading in ("Inspection timeline", "Posts", "Plans", "Concerns", "Figures", "Decisions"):
        assert f"<h2>{heading} " in leeds
    index = (tmp_path / "site" / "index.html").read_text()
    assert f'href="authority-{LEEDS}.html"' in index and 'href="concerns.html"' in index


def test_no_external_urls(graph: Path, tmp_path: Path) -> None:
    build_site([graph], tmp_path / "site")
    build_site([graph], tmp_path / "inline", inline=True)
    for f in sorted((tmp_path).rglob("*")):
        if f.is_file():
            text = f.read_text(encoding="utf-8")
            assert "http://" not in text and "https://" not in text, f
            assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:|//|ftp:)""", text, re.I), f
    for page in _pages(tmp_path / "site"):
        p = _Scripts()
        p.feed(page.read_text())
        refs = [a.get("src") or a.get("href") for _t, a in p.tags if a.get("src") or a.get("href")]
        assert all(re.fullmatch(r"[A-Za-z0-9._/-]+", x or "") for x in refs), refs


def test_payloads_are_escaped(xss_graph: Path, tmp_path: Path) -> None:
    build_site([xss_graph], tmp_path / "site")
    for page in _pages(tmp_path / "site"):
        html = page.read_text()
        for bad in ("<script>window", "<img", "onerror=\"", "</script><script>"):
            assert bad not in html, (page.name, bad)
        p = _Scripts()
        p.feed(html)
        assert p.handlers == []
        scripts = [a for t, a in p.tags if t == "script"]
        assert html.count("<script") == len(scripts) == html.count("</script>")
        assert all(a.get("type") == "application/json" or (a.get("src") or "").startswith("assets/")
                   for a in scripts)
        if page.name not in ("index.html", "map.html"):  # the data holds the text, as text
            assert PAYLOADS[0] in json.dumps(_data(html), ensure_ascii=False)
    leeds = (tmp_path / "site" / f"authority-{LEEDS}.html").read_text()
    assert "&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;" in leeds


def test_script_json_escapes() -> None:
    s = str(script_json({"a": "</script><!-- & \u2028\u2029 https://x"}))
    for bad in ("<", ">", "&", "\u2028", "\u2029", "://"):
        assert bad not in s
    assert json.loads(s) == {"a": "</script><!-- & \u2028\u2029 https://x"}


def test_pages_are_deterministic(graph: Path, tmp_path: Path) -> None:
    build_site([graph], tmp_path / "a")
    build_site([graph], tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files
    for f in files:
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), f


def test_large_overview_is_drawn_with_sigma(graph: Path, tmp_path: Path) -> None:
    r = build_site([graph], tmp_path / "site", sigma_min=5)
    html = (tmp_path / "site" / "overview.html").read_text()
    assert r.sigma and 'src="assets/sigma.min.js"' in html and "vis-network" not in html
    data = _data(html)
    cols = data["nodes"]  # one list per field
    assert set(cols) == {"l", "c", "a", "s", "x", "y", "q", "n", "k"}
    assert len(cols["l"]) == r.nodes["overview.html"] == 15
    assert all(isinstance(v, float) for v in cols["x"] + cols["y"])
    assert len(set(zip(cols["x"], cols["y"], strict=True))) == 15  # no two nodes on one spot
    assert len(data["edges"]) % 3 == 0 and all(isinstance(v, int) for v in data["edges"])
    rows = overview_rows(data)
    assert all(n["p"].startswith(("authority-", "concerns.html#concern-")) for n in rows if n["a"])
    small = (tmp_path / "small").resolve()
    assert not build_site([graph], small).sigma
    assert "vis-network" in (small / "overview.html").read_text()
    from kg.viz.page import network_data

    g = nx.DiGraph()
    for i in range(1200):
        g.add_node(f"n{i}", cls="Person", authorities=(), label=f"p{i}", quotes=(), nquotes=0,
                   attrs=(), iri=f"n{i}", date="")
    data = network_data(g, {})
    assert data["physics"] is False and all("x" in n and "y" in n for n in data["nodes"])


# --- analysis, export, CLI ---------------------------------------------------------------------


def test_export_graphml_and_gexf(graph: Path, tmp_path: Path) -> None:
    export_network([graph], tmp_path / "n.graphml")
    export_network([graph], tmp_path / "n.gexf")
    g = nx.read_graphml(tmp_path / "n.graphml")
    assert g.number_of_nodes() == 15 and g.number_of_edges() == 14
    assert nx.read_gexf(tmp_path / "n.gexf").number_of_nodes() == 15
    first = (tmp_path / "n.graphml").read_bytes()
    export_network([graph], tmp_path / "n.graphml")
    assert (tmp_path / "n.graphml").read_bytes() == first


def test_network_stats(graph: Path) -> None:
    text = network_stats([graph])
    assert "nodes 15, links 14" in text and "betweenness" in text and "communities (Louvain" in text
    assert describe(nx.DiGraph()).startswith("network")


def test_cli_viz(graph: Path, tmp_path: Path) -> None:
    from kg.cli.viz import viz

    out = tmp_path / "site"
    res = CliRunner().invoke(viz, ["-g", str(graph), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "wrote 7 pages" in res.output and (out / "index.html").exists()
    res = CliRunner().invoke(viz, ["-g", str(tmp_path / "missing.ttl"), "-o", str(out)])
    assert res.exit_code == 3 and "no such graph" in res.output


def test_pages_of_vanished_authorities_are_removed(graph: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "authority-E99999999.html").write_text("old")
    (site / "notes.html").write_text("mine")
    build_site([graph], site)
    assert not (site / "authority-E99999999.html").exists() and (site / "notes.html").exists()
