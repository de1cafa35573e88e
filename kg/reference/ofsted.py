"""Ofsted's published ILACS record (reference/ofsted_ilacs_history.csv), joined on codes.

Source: ofsted-ilacs-scrape-tool (data-to-insight), MIT, derived from Ofsted reports (OGL).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from kg.resources import reference_file

OFSTED_DATASET = "https://github.com/data-to-insight/ofsted-ilacs-scrape-tool"
_JUDGEMENTS = {
    "outstanding": "outstanding",
    "good": "good",
    "inadequate": "inadequate",
    "requires improvement": "requires-improvement",
}


@dataclass(frozen=True)
class OfficialInspection:
    gss: str
    start: str
    end: str | None
    published: str | None
    judgement: str | None
    framework: str
    report: str


def _dmy(s: str) -> str | None:
    parts = s.strip().split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    d, m, y = (int(p) for p in parts)
    y = y + 2000 if y < 100 else y
    return f"{y:04d}-{m:02d}-{d:02d}"


@lru_cache(maxsize=1)
def urn_to_gss() -> dict[str, str]:
    with reference_file("ofsted_la_lookup.csv").open(encoding="utf-8-sig") as fh:
        return {r["urn"]: r["la_code_new"] for r in csv.DictReader(fh) if r["la_code_new"]}


@lru_cache(maxsize=1)
def statistical_neighbours() -> dict[str, tuple[str, ...]]:
    with reference_file("ofsted_la_lookup.csv").open(encoding="utf-8-sig") as fh:
        return {
            r["la_code_new"]: tuple(c.strip() for c in r["stat_neighbours_la_code"].split(",") if c.strip())
            for r in csv.DictReader(fh)
            if r["la_code_new"]
        }


@lru_cache(maxsize=1)
def official_inspections() -> dict[str, tuple[OfficialInspection, ...]]:
    out: dict[str, list[OfficialInspection]] = {}
    gss_of = urn_to_gss()
    with reference_file("ofsted_ilacs_history.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            gss, start = gss_of.get(r["urn"]), _dmy(r["inspection_start_date"] or "")
            if not gss or not start:
                continue
            out.setdefault(gss, []).append(
                OfficialInspection(
                    gss,
                    start,
                    _dmy(r["inspection_end_date"] or ""),
                    _dmy(r["publication_date"] or ""),
                    _JUDGEMENTS.get((r["overall_effectiveness_grade"] or "").strip().lower()),
                    r["inspection_framework"] or "",
                    r["inspection_link"] or "",
                )
            )
    return {k: tuple(sorted(v, key=lambda x: x.start)) for k, v in out.items()}
