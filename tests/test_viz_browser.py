"""Network pages in headless Chromium: clean console, node counts, search, filters, tooltips,
details, no request leaving file://, and minutes' text that never runs. Screenshots of every
page go to output/screens/ for review."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.viz.browser import CHROMIUM, Chromium
from kg.viz.site import build_site
from tests.conftest import READY, SCREENS

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")




@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from test_viz import write_sample

    tmp = tmp_path_factory.mktemp("site")
    build_site([write_sample(tmp / "graph.trig")], tmp / "site")
    return tmp / "site"


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from test_viz import write_sample

    tmp = tmp_path_factory.mktemp("xss")
    build_site([write_sample(tmp / "graph.trig", xss=True)], tmp / "site")
    build_site([tmp / "graph.trig"], tmp / "inline", inline=True)
    return tmp


def _data(page: Path) -> dict:
    raw = re.search(r'id="kg-data">(.*?)</script>', page.read_text(), re.S)
    return json.loads(raw.group(1)) if raw else {}


def _open(b: Chromium, page: Path) -> None:
    b.open(page.as_uri(), READY if page.name != "index.html" else None)
    assert b.errors() == [], page.name
    assert [u for u in b.requests() if not u.startswith("file://")] == [], page.name


def _node_xy(b: Chromium, node: int) -> tuple[float, float]:
    x, y = b.eval(
        f"(() => {{ const n = kgViz.network, p = n.canvasToDOM(n.getPosition({node}));"
        "const r = document.getElementById('kg-network').getBoundingClientRect();"
        "return [r.left + p.x, r.top + p.y]; })()")
    return x, y


def _wait_selected(b: Chromium, node: int) -> None:
    b.wait(lambda: b.eval("document.body.dataset.selected") == str(node), 10, "details")


def _shown(b: Chromium) -> int:
    return int(b.eval("document.body.dataset.shown"))


def _wait_shown(b: Chromium, cond: str) -> int:
    b.wait(lambda: b.eval(f"(n => {cond})(Number(document.body.dataset.shown))"), 10, cond)
    return _shown(b)


def test_every_page_loads_clean_and_draws_its_nodes(browser: Chromium, site: Path) -> None:
    pages = sorted(site.glob("*.html"))
    assert len(pages) == 7
    for page in pages:
        _open(browser, page)
        if page.name == "map.html":
            assert _shown(browser) == 2  # Leeds and Croydon; the other points have no minutes
        elif page.name == "concerns.html":
            assert _shown(browser) == len(_data(page)["concerns"]) > 0
        elif page.name != "index.html":
            expected = len(_data(page)["nodes"])
            assert expected > 0
            assert _shown(browser) == expected, page.name
            assert browser.eval("kgViz.nodeView.length") == expected
            assert browser.eval("kgViz.network.body.nodeIndices.length") == expected
        browser.screenshot(SCREENS / page.name.replace(".html", ".png"))
    _open(browser, site / "index.html")
    assert browser.eval("document.querySelectorAll('a[href^=\"authority-\"]').length") == 2


def test_search_and_filters_change_what_is_shown(browser: Chromium, site: Path) -> None:
    page = site / "overview.html"
    data = _data(page)
    total = len(data["nodes"])
    _open(browser, page)
    browser.eval("document.getElementById('kg-search').focus()")
    browser.type("Croydon")
    croydon = _wait_shown(browser, f"n < {total}")
    assert 0 < croydon < total
    browser.eval("(s => { s.value = ''; s.dispatchEvent(new Event('input')); })"
                 "(document.getElementById('kg-search'))")
    assert _wait_shown(browser, f"n === {total}") == total

    person = next(i for i, c in enumerate(data["classes"]) if c["k"] == "Person")
    people = sum(1 for n in data["nodes"] if n["c"] == person)
    box = f"document.querySelector('#kg-legend input[value=\"{person}\"]')"
    x, y = browser.eval(f"(r => [r.left + r.width / 2, r.top + r.height / 2])"
                        f"({box}.getBoundingClientRect())")
    browser.click(x, y)  # a real click on the checkbox
    assert _wait_shown(browser, f"n < {total}") == total - people
    browser.click(x, y)
    assert _wait_shown(browser, f"n === {total}") == total

    leeds = next(i for i, a in enumerate(data["authorities"]) if a["l"] == "Leeds")
    mine = sum(1 for n in data["nodes"] if leeds in n["a"])
    browser.eval(f"(s => {{ s.value = '{leeds}'; s.dispatchEvent(new Event('change')); }})"
                 "(document.getElementById('kg-authority'))")
    assert _wait_shown(browser, f"n < {total}") == mine
    assert browser.eval("kgViz.network.body.nodeIndices.length") == mine
    browser.screenshot(SCREENS / "overview-filtered-leeds.png")


def test_hover_and_click_show_the_quotes(browser: Chromium, site: Path) -> None:
    page = site / "overview.html"
    data = _data(page)
    node = next(n for n in data["nodes"] if n["l"] == "Ofsted ILACS 2019-03-11")
    _open(browser, page)
    browser.eval(f"kgViz.network.focus({node['i']}, {{scale: 1.5, animation: false}})")
    x, y = _node_xy(browser, node["i"])
    browser.mouse(x - 40, y - 40)
    browser.mouse(x, y)
    browser.wait(lambda: browser.eval("!document.getElementById('kg-tip').hidden"), 10, "tooltip")
    tip = browser.eval("document.getElementById('kg-tip').textContent")
    assert "Ofsted ILACS 2019-03-11" in tip and "Ofsted inspected" in tip
    assert "leeds_scrutiny_2019.txt" in tip and "Inspection or visit" in tip
    browser.screenshot(SCREENS / "overview-hover.png")
    browser.click(x, y)
    _wait_selected(browser, node["i"])
    details = browser.eval("document.getElementById('kg-details').textContent")
    assert "Ofsted inspected" in details and "leeds_scrutiny_2019.txt" in details
    assert "Judgement" in details and "Good" in details
    browser.screenshot(SCREENS / "overview-details.png")


def test_text_from_minutes_stays_inert(browser: Chromium, xss_site: Path) -> None:
    site = xss_site / "site"
    for page in sorted(site.glob("*.html")):
        _open(browser, page)
        assert browser.eval("typeof window.__xss") == "undefined", page.name
        assert browser.eval("document.querySelectorAll('img').length") == 0, page.name
        if page.name in ("index.html", "map.html"):
            continue
        data = _data(page)
        if page.name == "concerns.html":  # the heat map: the quotes of a cell, as text
            browser.eval("document.querySelector('button.cell[aria-label*=\"1 mention\"]').click()")
            text = browser.eval("document.getElementById('kg-details').textContent")
            assert "<script>window.__xss=1;alert(1)</script>" in text
            assert browser.eval("typeof window.__xss") == "undefined"
            continue
        bad = next((n for n in data["nodes"] if "<script>" in n["l"] or any(
            "<script>" in q[1] for q in n["q"])), None)
        if bad is None:
            continue
        browser.eval(f"kgViz.network.focus({bad['i']}, {{scale: 1.5, animation: false}})")
        x, y = _node_xy(browser, bad["i"])
        browser.mouse(x - 40, y - 40)
        browser.mouse(x, y)
        browser.wait(lambda: browser.eval("!document.getElementById('kg-tip').hidden"), 10, "tip")
        browser.click(x, y)
        _wait_selected(browser, bad["i"])
        for where in ("kg-tip", "kg-details"):
            text = browser.eval(f"document.getElementById('{where}').textContent")
            assert "<script>window.__xss=1;alert(1)</script>" in text, (page.name, where)
        assert browser.eval("typeof window.__xss") == "undefined", page.name
        assert browser.eval("document.querySelectorAll('img, #kg-details script, #kg-tip script')"
                            ".length") == 0
        assert browser.errors() == [], page.name
        if page.name.startswith("authority-E08"):
            browser.screenshot(SCREENS / "xss-authority.png")


def test_single_file_pages_work(browser: Chromium, xss_site: Path) -> None:
    page = xss_site / "inline" / "overview.html"
    assert not (xss_site / "inline" / "assets").exists()
    _open(browser, page)
    assert _shown(browser) == len(_data(page)["nodes"])
    assert browser.eval("typeof window.__xss") == "undefined"


def test_large_page_draws_without_physics(browser: Chromium, tmp_path: Path) -> None:
    from kg.viz.model import Entity, Model
    from kg.viz.site import write_site

    ents = {}
    for a in range(30):
        iri = f"urn:a{a}"
        ents[iri] = Entity(iri, "Authority", f"Authority {a}", authorities={iri})
        for p in range(40):
            ents[f"urn:a{a}/p{p}"] = Entity(f"urn:a{a}/p{p}", "Person", f"Person {a}.{p}",
                                            authorities={iri}, quotes={("f.txt", 0, "q")})
    links = {(f"urn:a{a}/p{p}", f"urn:a{a}"): {"authority"} for a in range(30) for p in range(40)}
    write_site(Model(ents, links, {}, {}, {}, []), tmp_path / "site", sigma_min=10**6)
    page = tmp_path / "site" / "overview.html"
    data = _data(page)
    assert len(data["nodes"]) == 1230 and data["physics"] is False
    t = browser.open(page.as_uri(), READY)
    assert browser.errors() == []
    assert _shown(browser) == 1230 and t < 30
    browser.screenshot(SCREENS / "large-overview.png")
