"""The pages drawn at scale (sigma.js overview, map, heat map) on synthetic graphs of 400 and
10,000 documents, in headless Chromium: each draws in under 3 s and shows its nodes; search,
filters, the year slider and hover work; nothing leaves file://. Screenshots go to
output/screens/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import READY, SCREENS
from synth_model import synth_model

from kg.viz.browser import CHROMIUM, Chromium
from kg.viz.scale import overview_rows
from kg.viz.site import write_site

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")
DRAW_SECONDS = 3.0



@pytest.fixture(scope="module", params=[400, 10000])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = request.param
    out = tmp_path_factory.mktemp(f"scale{docs}-") / "site"
    r = write_site(synth_model(docs), out, authority_pages=docs <= 400)
    assert r.sigma
    return out


def _data(page: Path) -> dict:
    raw = re.search(r'id="kg-data">(.*?)</script>', page.read_text(), re.S)
    assert raw
    return json.loads(raw.group(1))


def _open(b: Chromium, page: Path) -> float:
    """Seconds from navigation to drawn: the better of two loads (the machine is shared)."""
    secs = min(b.open(page.as_uri(), READY) for _ in range(2))
    assert b.errors() == [], page.name
    assert [u for u in b.requests() if not u.startswith("file://")] == [], page.name
    return secs


def _shown(b: Chromium) -> int:
    return int(b.eval("document.body.dataset.shown"))


def _wait(b: Chromium, cond: str) -> None:
    b.wait(lambda: b.eval(cond), 10, cond)


def _navigated(b: Chromium, page: str) -> None:
    """The click asked for the page (the 10,000-document site has no authority pages)."""
    b.wait(lambda: any(u.endswith("/" + page) for u in b.requests()), 10, page)


def _search(b: Chromium, text: str) -> None:
    b.eval(f"(s => {{ s.value = {json.dumps(text)}; s.dispatchEvent(new Event('input')); }})"
           "(document.getElementById('kg-search'))")


def _hover_node(b: Chromium, key: int) -> tuple[float, float]:
    """Zoom in on a node (as a reader would, nodes are dense), then move the mouse onto it."""
    b.eval(f"(r => {{ const d = r.getNodeDisplayData('{key}');"
           "r.getCamera().setState({x: d.x, y: d.y, ratio: 0.08}); })(kgViz.renderer)")
    b.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    x, y = b.eval(
        f"(() => {{ const r = kgViz.renderer, p = r.graphToViewport(kgViz.graph.getNodeAttributes('{key}'));"
        "const box = document.getElementById('kg-network').getBoundingClientRect();"
        "return [box.left + p.x, box.top + p.y]; })()")
    b.mouse(x - 60, y - 60)
    b.mouse(x, y)
    _wait(b, f"document.body.dataset.hovered === '{key}'")
    _wait(b, "!document.getElementById('kg-tip').hidden")
    return x, y


def _tag(site: Path) -> str:
    """"400" or "10000", from the folder the fixture made."""
    return site.parent.name.removeprefix("scale").split("-")[0]


def test_overview(browser: Chromium, site: Path) -> None:
    page = site / "overview.html"
    data = _data(page)
    nodes = overview_rows(data)
    total, links = len(nodes), len(data["edges"]) // 3
    assert _open(browser, page) < DRAW_SECONDS
    assert _shown(browser) == total == browser.eval("kgViz.graph.order")
    assert browser.eval("kgViz.graph.size") == links
    tag = _tag(site)
    browser.screenshot(SCREENS / f"scale-{tag}-overview.png")

    # many links: only the strongest drawn at first; all of a hovered node's; all on asking
    drawn = ("kgViz.graph.edges().filter(e => !kgViz.renderer.getEdgeDisplayData(e).hidden).length")
    weights = sorted(data["edges"][2::3], reverse=True)
    strong = sum(1 for w in weights if w >= max(2, weights[len(weights) // 10]))
    if links > 5000:
        assert browser.eval("document.getElementById('kg-links').value") == "strong"
        assert browser.eval(drawn) == strong < links
        weak = next(n for n in nodes if n["c"] == next(
            i for i, c in enumerate(data["classes"]) if c["k"] == "Post"))
        mine = sum(1 for j in range(0, len(data["edges"]), 3) if weak["i"] in data["edges"][j:j + 2])
        _hover_node(browser, weak["i"])
        assert browser.eval(drawn) == mine > 0
        browser.mouse(5, 5)
        _wait(browser, f"{drawn} === {strong}")
        browser.eval("kgViz.renderer.getCamera().setState({x: 0.5, y: 0.5, ratio: 1, angle: 0}), 0")
    browser.eval("(s => { s.value = 'all'; s.dispatchEvent(new Event('change')); })"
                 "(document.getElementById('kg-links'))")
    _wait(browser, f"{drawn} === {links}")

    person = next(n for n in nodes if data["classes"][n["c"]]["k"] == "Person")
    _search(browser, person["l"])
    _wait(browser, f"Number(document.body.dataset.shown) < {total}")
    assert browser.eval(f"kgViz.renderer.getNodeDisplayData('{person['i']}').hidden") is False
    _search(browser, "")
    _wait(browser, f"Number(document.body.dataset.shown) === {total}")

    cls = next(i for i, c in enumerate(data["classes"]) if c["k"] == "Post")
    box = f"document.querySelector('#kg-legend input[value=\"{cls}\"]')"
    x, y = browser.eval(f"(r => [r.left + r.width / 2, r.top + r.height / 2])({box}.getBoundingClientRect())")
    browser.click(x, y)
    posts = sum(1 for n in nodes if n["c"] == cls)
    _wait(browser, f"Number(document.body.dataset.shown) === {total - posts}")
    browser.click(x, y)
    _wait(browser, f"Number(document.body.dataset.shown) === {total}")

    browser.eval("(s => { s.value = '0'; s.dispatchEvent(new Event('change')); })"
                 "(document.getElementById('kg-authority'))")
    mine = sum(1 for n in nodes if 0 in n["a"])
    _wait(browser, f"Number(document.body.dataset.shown) === {mine}")
    browser.eval("(s => { s.value = ''; s.dispatchEvent(new Event('change')); })"
                 "(document.getElementById('kg-authority'))")
    _wait(browser, f"Number(document.body.dataset.shown) === {total}")

    auth = max((n for n in nodes if data["classes"][n["c"]]["k"] == "Authority"),
               key=lambda n: n["s"])
    x, y = _hover_node(browser, auth["i"])
    tip = browser.eval("document.getElementById('kg-tip').textContent")
    assert auth["l"] in tip and "Local authority" in tip
    browser.screenshot(SCREENS / f"scale-{tag}-overview-hover.png")
    concern = next(n for n in nodes if n["q"] and data["classes"][n["c"]]["k"] == "Concern")
    _hover_node(browser, concern["i"])
    assert concern["q"][0][1] in browser.eval("document.getElementById('kg-tip').textContent")
    x, y = _hover_node(browser, auth["i"])
    browser.click(x, y)
    _navigated(browser, auth["p"])


def test_map(browser: Chromium, site: Path) -> None:
    page = site / "map.html"
    data = _data(page)
    with_minutes = [p for p in data["points"] if "p" in p]
    assert len(data["points"]) > 150 and len(with_minutes) > 100
    assert _open(browser, page) < DRAW_SECONDS
    assert _shown(browser) == len(with_minutes)
    assert browser.eval("kgViz.graph.order") == len(data["points"])
    tag = _tag(site)
    browser.screenshot(SCREENS / f"scale-{tag}-map.png")

    # the nations' outline is drawn on a canvas under the points, and follows the camera
    assert data["outline"]["nations"] and data["outline"]["border"]
    order = browser.eval("Array.from(document.querySelectorAll('#kg-network canvas'))"
                         ".map(c => c.className).join(' ')")
    assert order.index("sigma-outline") < order.index("sigma-nodes")
    inked = ("(c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
             "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n += 1; return n; })"
             "(document.querySelector('canvas.sigma-outline'))")
    drawn = browser.eval(inked)
    assert drawn > 2000
    browser.eval("kgViz.renderer.getCamera().setState({x: 0.5, y: 0.5, ratio: 0.25, angle: 0}), 0")
    _wait(browser, f"{inked} !== {drawn}")
    browser.eval("kgViz.renderer.getCamera().setState({x: 0.5, y: 0.5, ratio: 1, angle: 0}), 0")
    _wait(browser, f"{inked} === {drawn}")

    def judged() -> int:
        return browser.eval("Array.from(document.querySelectorAll('#kg-legend .count[data-k]'))"
                            ".filter(x => x.dataset.k).reduce((s, x) => s + Number(x.textContent), 0)")

    late = judged()
    first, last = data["years"]
    early_expected = sum(1 for p in with_minutes if any(int(j[0][:4]) <= first for j in p["j"]))
    browser.eval(f"(s => {{ s.value = '{first}'; s.dispatchEvent(new Event('input')); }})"
                 "(document.getElementById('kg-year'))")
    _wait(browser, f"document.body.dataset.year === '{first}'")
    assert judged() == early_expected < late
    browser.screenshot(SCREENS / f"scale-{tag}-map-{first}.png")
    browser.eval(f"(s => {{ s.value = '{last}'; s.dispatchEvent(new Event('input')); }})"
                 "(document.getElementById('kg-year'))")
    browser.eval("(s => { s.value = 'record'; s.dispatchEvent(new Event('change')); })"
                 "(document.getElementById('kg-source'))")
    on_record = sum(1 for p in with_minutes if any(j[2] == "record" for j in p["j"]))
    _wait(browser, f"document.body.dataset.year === '{last}'")
    assert judged() == on_record < late
    browser.eval("(s => { s.value = ''; s.dispatchEvent(new Event('change')); })"
                 "(document.getElementById('kg-source'))")

    raising = sum(1 for p in with_minutes if any(c == 0 and n for c, n in p["m"]))
    browser.eval("(s => { s.value = '0'; s.dispatchEvent(new Event('change')); })"
                 "(document.getElementById('kg-concern'))")
    _wait(browser, f"Number(document.body.dataset.shown) === {raising}")
    assert 0 < raising < len(with_minutes)
    browser.eval("(s => { s.value = ''; s.dispatchEvent(new Event('change')); })"
                 "(document.getElementById('kg-concern'))")
    _search(browser, "London")
    london = sum(1 for p in with_minutes if p["r"] == "London")
    _wait(browser, f"Number(document.body.dataset.shown) === {london}")
    _search(browser, "")

    i, p = max(enumerate(data["points"]), key=lambda t: t[1].get("d", 0))
    x, y = _hover_node(browser, i)
    tip = browser.eval("document.getElementById('kg-tip').textContent")
    assert p["l"] in tip and f"{p['d']} documents" in tip
    assert "from minutes" in tip or "from Ofsted's published record" in tip
    browser.click(x, y)
    _navigated(browser, p["p"])


def test_heat_map(browser: Chromium, site: Path) -> None:
    page = site / "concerns.html"
    data = _data(page)
    assert _open(browser, page) < DRAW_SECONDS
    regions = len({a["r"] for a in data["authorities"]})
    assert _shown(browser) == len(data["concerns"]) == 25
    assert int(browser.eval("document.body.dataset.columns")) == regions
    assert browser.eval("document.querySelectorAll('button.cell').length") == 25 * regions
    tag = _tag(site)
    browser.screenshot(SCREENS / f"scale-{tag}-heat.png")
    _search(browser, data["concerns"][3]["l"])
    _wait(browser, "Number(document.body.dataset.shown) === 1")
    _search(browser, "")
    _wait(browser, "Number(document.body.dataset.shown) === 25")

    cell = "document.querySelector('button.cell:not(:empty)')"  # one with mentions
    x, y, row, col = browser.eval(
        f"(b => {{ const r = b.getBoundingClientRect(); return [r.left + r.width / 2,"
        f"r.top + r.height / 2, b.dataset.r, b.dataset.c]; }})({cell})")
    browser.mouse(x, y)
    _wait(browser, f"document.body.dataset.hovered === '{row},{col}'")
    assert data["concerns"][int(row)]["l"] in browser.eval("document.getElementById('kg-tip').textContent")
    browser.click(x, y)
    _wait(browser, f"document.body.dataset.selected === '{row},{col}'")
    details = browser.eval("document.getElementById('kg-details').textContent")
    assert "mentions in" in details and ".txt" in details and "members raised" in details

    browser.eval("(s => { s.value = 'authority'; s.dispatchEvent(new Event('change')); })"
                 "(document.getElementById('kg-columns'))")
    _wait(browser, f"document.body.dataset.columns === '{len(data['authorities'])}'")
    browser.screenshot(SCREENS / f"scale-{tag}-heat-authorities.png")


def test_no_external_url_in_any_page(site: Path) -> None:
    for f in sorted(site.rglob("*")):
        if f.is_file():
            text = f.read_text(encoding="utf-8")
            assert "http://" not in text and "https://" not in text, f
            assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:|//|ftp:)""", text, re.I), f


def test_authority_page_labels_and_tooltip(browser: Chromium, site: Path) -> None:
    pages = sorted(site.glob("authority-*.html"), key=lambda p: -p.stat().st_size)
    if not pages:
        pytest.skip("authority pages are written for the 400-document site only")
    page = pages[0]
    browser.open(page.as_uri(), READY)
    assert browser.errors() == []
    # vis-network draws a label at (its size x the zoom) pixels: legible means 12 or more
    smallest = browser.eval("(() => { const n = kgViz.network, s = n.getScale();"
                            "const o = n.body.nodes; return Math.min(...Object.values(o).map("
                            "x => x.options.font.size * s)); })()")
    assert smallest >= 11.5
    browser.screenshot(SCREENS / "scale-400-authority.png")
    right = browser.eval("document.getElementById('kg-details').getBoundingClientRect().left")
    data = _data(page)
    for n in sorted(data["nodes"], key=lambda n: -n["x"])[:3]:  # the nodes nearest the panel
        x, y = browser.eval(
            f"(() => {{ const n = kgViz.network, p = n.canvasToDOM(n.getPosition({n['i']}));"
            "const r = document.getElementById('kg-network').getBoundingClientRect();"
            "return [r.left + p.x, r.top + p.y]; })()")
        browser.mouse(x - 30, y - 30)
        browser.mouse(x, y)
        _wait(browser, "!document.getElementById('kg-tip').hidden")
        tip = browser.eval("(r => [r.left, r.right])"
                           "(document.getElementById('kg-tip').getBoundingClientRect())")
        assert tip[1] <= right, (tip, right)


def test_inline_pages_draw(browser: Chromium, tmp_path: Path) -> None:
    """--inline: every script in the page (allowed by its hash), common.js included."""
    out = tmp_path / "inline"
    write_site(synth_model(400), out, authority_pages=False, inline=True)
    assert not (out / "assets").exists()
    for page in ("overview.html", "map.html", "concerns.html"):
        html = (out / page).read_text(encoding="utf-8")
        assert "window.kg = " in html and "<script src=" not in html, page
        _open(browser, out / page)
        assert _shown(browser) > 0, page
