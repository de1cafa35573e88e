"""A network page: the data it embeds, and its HTML (our template, never pyvis's Bootstrap one).

vis-network comes from pyvis's package files and is written beside the pages (or inlined with
``inline=True``); the node and edge lists are built here, so no page names an external URL.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup

from kg.errors import KgError
from kg.viz import views
from kg.viz.safe import html_text, script_json, script_source

PHYSICS_MAX = 1000  # above this many nodes: positions from Python, physics off
TEMPLATES = Path(__file__).resolve().parent / "templates"
STYLE: dict[str, tuple[str, str]] = {  # class -> (colour, vis-network shape); Okabe-Ito first
    "Authority": ("#0072B2", "hexagon"),
    "Inspection": ("#D55E00", "diamond"),
    "Intervention": ("#CC79A7", "triangle"),
    "Post": ("#009E73", "square"),
    "Person": ("#56B4E9", "dot"),
    "Plan": ("#E69F00", "star"),
    "Workstream": ("#A6761D", "triangleDown"),
    "Component": ("#8C8C8C", "dot"),
    "Concern": ("#882255", "diamond"),
    "Decision": ("#332288", "square"),
    "Figure": ("#117733", "triangle"),
}
CLASS_LABEL = {"Authority": "Local authority", "Inspection": "Inspection or visit",
               "Component": "Plan component"}
CLASS_PLURAL = {"Authority": "local authorities", "Inspection": "inspections and visits",
                "Person": "people", "Component": "plan components"}


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """vis-network as pyvis ships it (found without importing pyvis, which pulls in IPython)."""
    spec = importlib.util.find_spec("pyvis")
    roots = list(spec.submodule_search_locations or []) if spec else []
    for root in roots:
        for rel in ("templates/lib/vis-9.1.2/vis-network.min.js", "lib/vis-9.1.2/vis-network.min.js"):
            p = Path(root) / rel
            if p.exists():
                return p.read_text(encoding="utf-8")
    raise KgError("vis-network.min.js not found in the pyvis package; reinstall with pip install -e .")


# sigma.js and graphology as the npm registry ships them (MIT; licences beside them)
VENDORED = {"sigma.min.js": "lib/sigma-3.0.2/sigma.min.js",
            "graphology.umd.min.js": "lib/graphology-0.25.4/graphology.umd.min.js"}


@lru_cache(maxsize=16)
def asset(name: str) -> str:
    """Our own scripts and styles, vis-network, sigma.js and graphology: never http(s)://."""
    if name == "vis-network.min.js":
        return str(script_source(vis_network_js()))
    return str(script_source((TEMPLATES / VENDORED.get(name, name)).read_text(encoding="utf-8")))


ASSETS = ("vis-network.min.js", "common.js", "viz.js", "viz.css", "graphology.umd.min.js",
          "sigma.min.js", "scale.js", "overview.js", "map.js", "heat.js")
NETWORK_SCRIPTS = ("vis-network.min.js", "common.js", "viz.js")


@lru_cache(maxsize=1)
def env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, finalize=html_text,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


@dataclass
class Page:
    file: str
    title: str
    kind: str  # overview | authorities | concerns | authority
    graph: nx.DiGraph
    intro: str = ""
    tables: list[dict[str, Any]] = field(default_factory=list)


def network_data(g: nx.DiGraph, authority_labels: dict[str, str]) -> dict[str, Any]:
    """What the page script reads: compact, sorted, positions included."""
    ids = {n: i for i, n in enumerate(sorted(g))}
    size, cent, pos = views.sizes(g), views.centrality(g), views.layout(g)
    present, cidx, auths, aidx = views.indexes(g, authority_labels)
    nodes = []
    for n in sorted(g, key=ids.__getitem__):
        d = g.nodes[n]
        mine = d["authorities"]
        nodes.append({
            "i": ids[n], "l": d["label"], "c": cidx[d["cls"]], "a": [aidx[a] for a in mine],
            "s": size[n], "x": pos[n][0], "y": pos[n][1], "q": [list(q) for q in d["quotes"]],
            "n": d["nquotes"], "t": [list(t) for t in d["attrs"]], "k": d["iri"],
            "d": round(cent[n], 4), "p": views.page_of(mine[0]) if mine else "",
        })
    top = max((w for _s, _t, w in g.edges(data="weight")), default=1)
    edges = [{"f": ids[s], "t": ids[t], "l": d["label"], "w": d["weight"],
              "q": [list(q) for q in d["quotes"][:3]],
              "v": round(1 + 5 * math.sqrt((d["weight"] - 1) / (top - 1)), 2) if top > 1 else 1.2}
             for s, t, d in sorted(g.edges(data=True), key=lambda e: (ids[e[0]], ids[e[1]]))]
    classes = [{"k": c, "l": CLASS_LABEL.get(c, c), "color": STYLE[c][0], "shape": STYLE[c][1],
                "n": sum(1 for x in nodes if x["c"] == cidx[c])} for c in present]
    authorities = [{"l": authority_labels.get(a, a), "p": views.page_of(a)} for a in auths]
    return {"nodes": nodes, "edges": edges, "classes": classes, "authorities": authorities,
            "physics": len(nodes) <= PHYSICS_MAX}


def _csp(inline_sources: list[str]) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in inline_sources
    )
    script = f"'self' file: {hashes}".strip() if hashes else "'self' file:"
    return (f"default-src 'none'; script-src {script}; style-src 'self' file: 'unsafe-inline'; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def render_network(page: Page, nav: list[tuple[str, str]], authority_labels: dict[str, str],
                   inline: bool = False) -> str:
    data = network_data(page.graph, authority_labels)
    scripts = [asset(n) for n in NETWORK_SCRIPTS] if inline else []
    return env().get_template("viz_page.html").render(
        page=page, nav=nav, data=script_json(data), csp=_csp(scripts), inline=inline,
        scripts=[Markup(s) for s in scripts], script_files=NETWORK_SCRIPTS,
        css=Markup(asset("viz.css")) if inline else "",
        classes=data["classes"], authorities=data["authorities"],
        n_nodes=len(data["nodes"]), n_edges=len(data["edges"]), physics=data["physics"],
    )


def render_index(context: dict[str, Any], nav: list[tuple[str, str]], inline: bool) -> str:
    return env().get_template("viz_index.html").render(
        nav=nav, csp=_csp([]), inline=inline, css=Markup(asset("viz.css")) if inline else "",
        **context,
    )
