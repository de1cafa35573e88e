"""Where the authorities are: coordinates and regions from the register (mySociety, CC-BY-4.0).

Children's services authorities of England and Wales (GSS E06, E08, E09, E10, W06), current
and former. Points are projected for the map page with a plain equirectangular projection
scaled by cos(latitude) at 52.5°N, which keeps England and Wales's shape within a few per cent.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache

from kg.resources import reference_file

CHILDRENS_SERVICES = ("E06", "E08", "E09", "E10", "W06")
_COS = math.cos(math.radians(52.5))
SCALE = 100.0  # map units per degree of latitude


@dataclass(frozen=True)
class Place:
    gss: str
    name: str
    region: str  # England's nine regions, or "Wales"
    nation: str
    lat: float | None
    lon: float | None
    current: bool

    @property
    def xy(self) -> tuple[float, float] | None:
        """Map coordinates: x east, y north (the renderer draws y upwards)."""
        if self.lat is None or self.lon is None:
            return None
        return round(self.lon * _COS * SCALE, 2), round(self.lat * SCALE, 2)


def _num(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    out: dict[str, Place] = {}
    with reference_file("uk_local_authorities.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            gss = r["gss-code"]
            if gss[:3] not in CHILDRENS_SERVICES:
                continue
            region = r["region"] or ("Wales" if gss.startswith("W") else "England (former authorities)")
            out[gss] = Place(gss, r["nice-name"] or r["official-name"], region, r["nation"],
                             _num(r["lat"]), _num(r["long"]), not r["end-date"])
    return out


def place_of(authority_iri: str) -> Place | None:
    return places().get(authority_iri.rstrip("/").rsplit("/", 1)[-1])
