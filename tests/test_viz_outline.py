"""The nations outline under the map (kg/viz/outline.py): the dissolve, the simplification, and
the shipped lines (Natural Earth, public domain) against the register's coordinates."""

from __future__ import annotations

import json

from kg.viz.geo import places
from kg.viz.outline import OUTLINE, build, chain, outline, outline_segments, project, simplify


def _square(unit: str, x0: float, y0: float, x1: float, y1: float, adm0: str = "GBR") -> dict:
    ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    return {"properties": {"adm0_a3": adm0, "geonunit": unit},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


def _at(lon: float, lat: float) -> tuple[float, ...]:
    return tuple(round(v, 1) for v in project(lon, lat))


def _points(lines: list[list[float]]) -> set[tuple[float, float]]:
    return {(line[i], line[i + 1]) for line in lines for i in range(0, len(line), 2)}


def test_shared_borders_within_a_group_are_dropped() -> None:
    a, b = _square("England", 0, 50, 1, 51), _square("England", 1, 50, 2, 51)
    outer = outline_segments([a, b])
    assert len(outer) == 6  # the rectangle's six unit edges; the shared edge is gone
    assert ((1.0, 50.0), (1.0, 51.0)) not in outer and ((1.0, 51.0), (1.0, 50.0)) not in outer
    assert len(chain(outer)) == 1  # one closed ring
    assert chain(outer)[0][0] == chain(outer)[0][-1]


def test_nations_border_and_neighbours() -> None:
    feats = [_square("England", -2, 51, 0, 53), _square("England", 0, 51, 2, 53),
             _square("Wales", -4, 51, -2, 53), _square("Scotland", -2, 53, 2, 55),
             _square("", 3, 51, 4, 52, adm0="FRA"), _square("", 20, 51, 21, 52, adm0="DEU")]
    out = build(feats)
    border = _points(out["border"])
    assert border == {_at(-2, 51), _at(-2, 53)}
    nations = _points(out["nations"])
    assert _at(-4, 51) in nations  # Wales's far corner
    assert len(out["nations"]) == 1  # one ring round both nations: the inner borders are gone
    near = _points(out["near"])
    assert _at(-2, 55) in near  # Scotland's coast
    assert _at(3, 51) in near  # France, inside the frame
    assert not any(x > project(10, 51)[0] for x, _y in near)  # Germany is no neighbour here


def test_simplify_drops_what_is_within_the_tolerance() -> None:
    line = [(0.0, 0.0), (1.0, 0.05), (2.0, 0.0), (3.0, 5.0), (4.0, 0.0)]
    assert simplify(line, 0.5) == [(0.0, 0.0), (2.0, 0.0), (3.0, 5.0), (4.0, 0.0)]
    assert simplify(line[:2], 0.5) == line[:2]


def test_the_shipped_outline_holds_england_and_wales() -> None:
    data = outline()
    assert set(data) == {"nations", "border", "near"} and all(data.values())
    assert OUTLINE.stat().st_size < 60_000
    assert "://" not in OUTLINE.read_text(encoding="utf-8")
    assert (OUTLINE.parent / "LICENSE.txt").read_text(encoding="utf-8").count("public domain") >= 1
    xs = [v for line in data["nations"] for v in line[0::2]]
    ys = [v for line in data["nations"] for v in line[1::2]]
    # every authority with coordinates lies within the outline's box; the box is England and
    # Wales's (about 49.9 to 55.8 degrees north, 6.4 west to 1.8 east)
    for p in places().values():
        if p.xy:
            assert min(xs) <= p.xy[0] <= max(xs) and min(ys) <= p.xy[1] <= max(ys), p.name
    assert 49.8 < min(ys) / 100 < 50.0 and 55.7 < max(ys) / 100 < 55.9
    assert sum(len(line) for lines in data.values() for line in lines) // 2 < 5000
    json.dumps(data)  # plain lists of numbers
