"""The controlled vocabularies (ontology/vocabularies.yaml) as Python data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from kg.resources import ontology_file

SCHEMES = {
    # yaml key -> (scheme IRI name, title)
    "inspectorates": ("inspectorate", "Inspectorates"),
    "intervention_bodies": ("intervention-body", "Intervening bodies"),
    "inspection_types": ("inspection-type", "Inspection and visit types"),
    "judgements": ("judgement", "Overall judgements"),
    "intervention_kinds": ("intervention-kind", "Kinds of intervention"),
    "role_types": ("role", "Role types of posts"),
    "concerns": ("concern", "Concerns raised about children's services"),
    "figure_units": ("unit", "Units of reported figures"),
    "figure_qualifiers": ("qualifier", "Qualifiers of reported figures"),
    "decision_kinds": ("decision-kind", "Kinds of decision"),
}


@dataclass(frozen=True)
class Concept:
    scheme: str  # scheme IRI name, e.g. "concern"
    notation: str
    label: str
    alt: tuple[str, ...]
    scope: str | None


@lru_cache(maxsize=1)
def vocabularies() -> dict[str, dict[str, Concept]]:
    data = yaml.safe_load(ontology_file("vocabularies.yaml").read_text(encoding="utf-8"))
    out: dict[str, dict[str, Concept]] = {}
    for key, (name, _title) in SCHEMES.items():
        out[name] = {
            notation: Concept(name, notation, spec["label"], tuple(spec.get("alt", ())), spec.get("scope"))
            for notation, spec in (data.get(key) or {}).items()
        }
    return out


def notations(scheme: str) -> set[str]:
    return set(vocabularies()[scheme])
