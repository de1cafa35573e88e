"""The pages drawn at scale: the sigma.js overview, the map and the heat map (HTML only;
their data comes from kg.viz.scale)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from kg.viz.page import _csp, asset, env
from kg.viz.safe import script_json

SCRIPTS = {
    "overview": ("graphology.umd.min.js", "sigma.min.js", "common.js", "scale.js", "overview.js"),
    "map": ("graphology.umd.min.js", "sigma.min.js", "common.js", "scale.js", "map.js"),
    "heat": ("common.js", "scale.js", "heat.js"),
}
HINTS = {
    "overview": "Colour: class; size: links (degree). Authorities that raise the same "
                "concerns and share plans and interventions sit together. Labels show the most "
                "linked nodes first; zoom in for more. Hover for the quotes and the node's links; click "
                "to open the page.",
    "map": "Colour: latest inspection judgement up to the chosen year; size: documents about the "
           "authority. Hover for the judgement and its source; click to open the authority's page. "
           "Outline: Natural Earth (public domain).",
    "heat": "Shade: mentions of the concern in the column's minutes. Click a cell for its quotes.",
}
MANY_LINKS = 5000  # above this many links the overview draws the strongest first
PLACEHOLDER = {"overview": "name, title, quote…", "map": "authority or region…",
               "heat": "concern or authority…"}


def render_scale(kind: str, title: str, intro: str, data: dict[str, Any], nav: list[tuple[str, str]],
                 inline: bool = False) -> str:
    names = SCRIPTS[kind]
    scripts = [asset(n) for n in names] if inline else []
    template = "viz_heat.html" if kind == "heat" else "viz_scale.html"
    return env().get_template(template).render(
        kind=kind, title=title, intro=intro, nav=nav, data=script_json(data), csp=_csp(scripts),
        inline=inline, scripts=[Markup(s) for s in scripts], script_files=names,
        css=Markup(asset("viz.css")) if inline else "", hint=HINTS[kind],
        placeholder=PLACEHOLDER[kind], classes=data.get("classes", []),
        authorities=data.get("authorities", []), concerns=data.get("concerns", []),
        judgements=data.get("judgements", []), years=data.get("years", []),
        missing=data.get("missing", []), many_links=len(data.get("edges", [])) // 3 > MANY_LINKS,
    )
