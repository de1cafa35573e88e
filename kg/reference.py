"""Ofsted's published ILACS record (reference/ofsted_ilacs_history.csv), joined on codes.

Source: ofsted-ilacs-scrape-tool (data-to-insight), MIT, derived from Ofsted reports (OGL).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg import iris
from kg.ns import GRAPHS, KG
from kg.paths import REFERENCE_DIR

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
    with (REFERENCE_DIR / "ofsted_la_lookup.csv").open(encoding="utf-8-sig") as fh:
        return {r["urn"]: r["la_code_new"] for r in csv.DictReader(fh) if r["la_code_new"]}


@lru_cache(maxsize=1)
def statistical_neighbours() -> dict[str, tuple[str, ...]]:
    with (REFERENCE_DIR / "ofsted_la_lookup.csv").open(encoding="utf-8-sig") as fh:
        return {
            r["la_code_new"]: tuple(c.strip() for c in r["stat_neighbours_la_code"].split(",") if c.strip())
            for r in csv.DictReader(fh)
            if r["la_code_new"]
        }


@lru_cache(maxsize=1)
def official_inspections() -> dict[str, tuple[OfficialInspection, ...]]:
    out: dict[str, list[OfficialInspection]] = {}
    gss_of = urn_to_gss()
    with (REFERENCE_DIR / "ofsted_ilacs_history.csv").open(encoding="utf-8") as fh:
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


def official_quads(codes: Iterable[str]) -> Iterator[ox.Quad]:
    """The official record for the given authorities, in its own named graph."""
    g = ox.NamedNode(str(GRAPHS) + "ofsted-ilacs")
    src = ox.NamedNode(OFSTED_DATASET)

    def q(s: str, p: str, o: ox.NamedNode | ox.Literal) -> ox.Quad:
        return ox.Quad(ox.NamedNode(s), ox.NamedNode(str(p)), o, g)

    def date(v: str) -> ox.Literal:
        return ox.Literal(v, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))

    yield q(OFSTED_DATASET, RDF.type, ox.NamedNode(str(PROV.Entity)))
    yield q(OFSTED_DATASET, RDFS.label, ox.Literal("Ofsted ILACS inspection outcomes"))
    yield q(OFSTED_DATASET, DCTERMS.license, ox.NamedNode("https://opensource.org/licenses/MIT"))
    yield q(OFSTED_DATASET, DCTERMS.rights, ox.Literal("MIT; derived from Ofsted reports under the OGL"))
    records = official_inspections()
    for gss in sorted(set(codes)):
        for rec in records.get(gss, ()):
            node = iris.official_record(gss, rec.start)
            yield q(node, RDF.type, ox.NamedNode(str(KG.Inspection)))
            yield q(node, KG.authority, ox.NamedNode(iris.authority(gss)))
            yield q(node, KG.inspectorate, ox.NamedNode(iris.concept("inspectorate", "ofsted")))
            yield q(node, KG.inspectionType, ox.NamedNode(iris.concept("inspection-type", "ilacs")))
            yield q(node, KG.startDate, date(rec.start))
            if rec.end:
                yield q(node, KG.endDate, date(rec.end))
            if rec.published:
                yield q(node, KG.publishedDate, date(rec.published))
            if rec.judgement:
                yield q(node, KG.judgement, ox.NamedNode(iris.concept("judgement", rec.judgement)))
            if rec.report:
                yield q(node, DCTERMS.source, ox.NamedNode(rec.report))
            yield q(
                node,
                KG.officialRecord,
                ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")),
            )
            yield q(node, PROV.wasDerivedFrom, src)
