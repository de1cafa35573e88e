"""`kg eval`: score the answer tables against hand annotations (shared/gold/README.md rules)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import InputError
from kg.evaluate.matching import Score, brief, date_match, labels, match, norm, sets, similar  # noqa: F401
from kg.graph.store import select
from kg.pipeline.build import process, read_manifest, with_manifest
from kg.reading.readers import MEDIA_TYPES, Source
from kg.sparql.library import as_set, library, run, table_rows

CATEGORIES = (
    "authorities",
    "items",
    "meeting",
    "inspections",
    "interventions",
    "posts",
    "people",
    "concerns",
    "figures",
    "plans",
    "decisions",
)
# the answer tables that gold annotations are scored against
TABLES = (
    "authorities",
    "meetings",
    "inspections",
    "interventions",
    "posts",
    "people",
    "concerns",
    "figures",
    "plans",
    "decisions",
)
def score_document(gold: dict[str, Any], tables: dict[str, list[dict[str, str]]]) -> dict[str, Score]:
    out: dict[str, Score] = {}
    out["authorities"] = sets(gold["authorities"], {r["gss"] for r in tables["authorities"]})
    out["concerns"] = sets(gold["concerns"], {r["concern"] for r in tables["concerns"]})
    items = [
        {"number": r["item_number"] or None, "title": r["item_title"], "item": r["item"]}
        for r in tables["meetings"]
        if r["item"]
    ]
    out["items"] = match(
        gold.get("items", []),
        items,
        lambda g, p: (g.get("number") or None) == p["number"] and similar(g["title"], p["title"]),
    )
    meeting = gold.get("meeting") or {}
    m = Score()
    row = tables["meetings"][0] if tables["meetings"] else {}
    for key in ("venue", "committee", "date"):
        pv = row.get(key) or None
        m.predicted += int(bool(pv))
        if meeting.get(key):
            m.core += 1
            ok = bool(pv) and (date_match(meeting[key], pv) if key == "date" else similar(meeting[key], pv))  # type: ignore[arg-type]
            m.matched_core += int(ok)
            m.matched_pred += int(ok)
    out["meeting"] = m

    def insp_ok(g: dict[str, Any], p: dict[str, str]) -> bool:
        return (
            g["inspectorate"] == p["inspectorate"]
            and p["type"] in g["type"]
            and date_match(g.get("start"), p["start"] or None)
        )

    def insp_attrs(s: Score, g: dict[str, Any], p: dict[str, str]) -> None:
        if "judgement" in g:
            s.attr("judgement", (g["judgement"] or "") == p["judgement"])
        for k in ("start", "end", "published"):
            if g.get(k):
                s.attr("date", date_match(g[k], p[k] or None))

    out["inspections"] = match(
        gold.get("inspections", []), _dedupe(tables["inspections"], "inspection"), insp_ok, insp_attrs
    )
    out["interventions"] = match(
        gold.get("interventions", []),
        _dedupe(tables["interventions"], "intervention"),
        lambda g, p: p["body"] in g["body"] and p["kind"] in g["kind"],
        lambda s, g, p: (
            s.attr("date", date_match(g.get("date"), p["date"] or None)) if g.get("date") else None
        ),
    )

    def post_attrs(s: Score, g: dict[str, Any], p: dict[str, str]) -> None:
        if g.get("role"):
            s.attr("role", p["role"] in g["role"])
        if "interim" in g:
            s.attr("interim", (p["interim"] == "true") == bool(g["interim"]))

    out["posts"] = match(
        gold.get("posts", []),
        tables["posts"],
        lambda g, p: any(similar(t, p["title"]) for t in g["title"]),
        post_attrs,
        exact=lambda g, p: any(norm(t) == norm(p["title"]) for t in g["title"]),
    )
    people = _dedupe(tables["people"], "person")
    out["people"] = match(gold.get("people", []), people, lambda g, p: similar(g["name"], p["name"]))

    def fig_ok(g: dict[str, Any], p: dict[str, str]) -> bool:
        return float(p["value"]) == float(g["value"]) and p["unit"] in g["unit"]

    def fig_attrs(s: Score, g: dict[str, Any], p: dict[str, str]) -> None:
        if g.get("concern"):
            s.attr("figure concern", p["concern"] in g["concern"])
        if g.get("qualifier"):
            s.attr("figure qualifier", p["qualifier"] in g["qualifier"])

    out["figures"] = match(gold.get("figures", []), _dedupe(tables["figures"], "figure"), fig_ok, fig_attrs)
    parts = ("plan_label", "workstream", "component")
    plan_labels = {r[k] for r in tables["plans"] for k in parts if r.get(k)}
    out["plans"] = labels(gold.get("plans", {}), plan_labels)

    def dec_attrs(s: Score, g: dict[str, Any], p: dict[str, str]) -> None:
        if g.get("owner"):
            s.attr("owner", similar(g["owner"], p["owner"] or ""))
        if g.get("due"):
            s.attr("date", date_match(g["due"], p["due"] or None))

    out["decisions"] = match(
        gold.get("decisions", []),
        _dedupe(tables["decisions"], "decision"),
        lambda g, p: p["kind"] in g["kind"] and similar(g["text"], p["text"]),
        dec_attrs,
    )
    return out


def _dedupe(rows: list[dict[str, str]], key: str) -> list[dict[str, str]]:
    seen, out = set(), []
    for r in rows:
        if r[key] not in seen:
            seen.add(r[key])
            out.append(r)
    return out


@dataclass
class EvalReport:
    per_category: dict[str, Score]
    documents: int
    quotes_checked: int
    quote_errors: list[str]
    details: list[str] = field(default_factory=list)
    rules: dict[str, list[int]] = field(default_factory=dict)  # rule -> [predicted, right]

    def rule_lines(self) -> list[str]:
        """Precision per rule, then the rules that made the most false positives."""
        lines = [f"{'rule':38} {'pred':>5} {'right':>5} {'P':>6}"]
        for rule, (n, ok) in sorted(self.rules.items()):
            lines.append(f"{rule:38} {n:5d} {ok:5d} {ok / n if n else 1:6.3f}")
        worst = sorted(((n - ok, rule) for rule, (n, ok) in self.rules.items() if n > ok), reverse=True)
        lines.append("most false positives: " + (", ".join(f"{r} ({k})" for k, r in worst[:5]) or "none"))
        return lines

    @property
    def micro(self) -> Score:
        total = Score()
        for s in self.per_category.values():
            total.add(s)
        return total

    def render(self, details: bool = False) -> str:
        lines = [*self.details, "", *self.rule_lines(), ""] if details else []
        lines += [f"{'category':14} {'pred':>5} {'core':>5} {'P':>6} {'R':>6} {'F1':>6}"]
        for name in CATEGORIES:
            s = self.per_category[name]
            lines.append(f"{name:14} {s.predicted:5d} {s.core:5d} {s.p:6.3f} {s.r:6.3f} {s.f1:6.3f}")
        mic = self.micro
        lines.append("attribute accuracy:")
        for k, (r, t) in sorted(mic.attrs.items()):
            lines.append(f"  {k:18} {r}/{t} = {r / t if t else 1:.3f}")
        right = sum(r for r, _ in mic.attrs.values())
        total = sum(t for _, t in mic.attrs.values())
        lines += [f"  {e}" for e in self.quote_errors[:20]]
        lines.append(f"micro ({self.documents} documents): P={mic.p:.3f} R={mic.r:.3f} F1={mic.f1:.3f}")
        lines.append(f"attribute accuracy: {right}/{total} = {right / total if total else 1:.3f}")
        bad = len(self.quote_errors)
        lines.append(f"quotes: {self.quotes_checked - bad}/{self.quotes_checked} at their offsets")
        return "\n".join(lines) + "\n"


_RULES = """
PREFIX kg: <https://w3id.org/kg-minutes/def#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?node ?rule ?concern ?label ?from WHERE {
  { ?node kg:rule ?rule
    OPTIONAL { ?node a kg:ConcernMention ; kg:concern/skos:notation ?concern }
    OPTIONAL { ?node rdfs:label ?label } }
  UNION { ?node kg:authorityFrom ?from }
}
"""
# The column of each answer table that names the fact a row reports.
_NODE_COLUMN = {
    "items": "item", "inspections": "inspection", "interventions": "intervention", "posts": "post",
    "people": "person", "figures": "figure", "decisions": "decision",
}  # fmt: skip


def _rules_of(store: ox.Store) -> dict[str, set[str]]:
    """Node IRI, "concern:<notation>", "label:<text>" or "authority" -> the rules behind it."""
    out: dict[str, set[str]] = {}
    for sol in select(store, _RULES):
        if sol["from"] is not None:
            out.setdefault("authority", set()).add(
                "authorities.from_" + ("address" if sol["from"].value == "address" else "manifest")
            )
            continue
        rule = sol["rule"].value
        out.setdefault(sol["node"].value, set()).add(rule)
        if sol["concern"] is not None:
            out.setdefault("concern:" + sol["concern"].value, set()).add(rule)
        if sol["label"] is not None:
            out.setdefault("label:" + sol["label"].value, set()).add(rule)
    return out


def _prediction_rules(cat: str, pred: dict[str, Any], rules: dict[str, set[str]]) -> set[str]:
    if cat in _NODE_COLUMN:
        return rules.get(pred.get(_NODE_COLUMN[cat]) or "", set()) or {f"{cat}.unknown"}
    if cat == "concerns":
        return rules.get("concern:" + pred["value"], set()) or {"concerns.unknown"}
    if cat == "plans":
        return rules.get("label:" + pred["label"], set()) or {"plans.part_label"}
    if cat == "authorities":
        return rules.get("authority", set()) or {"authorities.text"}
    return {f"{cat}.header"}


_QUOTES = """
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?q ?exact ?start ?end WHERE { ?q oa:exact ?exact ; oa:start ?start ; oa:end ?end }
"""


def evaluate(gold_dir: Path, corpus_dir: Path, manifest: Path | None = None) -> EvalReport:
    golds = sorted(gold_dir.glob("*.json"))
    if not golds:
        raise InputError(f"{gold_dir}: no gold .json files; give the folder of annotations")
    per: dict[str, Score] = {c: Score() for c in CATEGORIES}
    checked, errors, details = 0, [], []
    rule_tally: dict[str, list[int]] = {}
    queries = library()
    stated = read_manifest(manifest) if manifest else None  # read once for every document
    for gpath in golds:
        try:
            gold = json.loads(gpath.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(f"{gpath}: not valid JSON ({exc}); fix the annotation file") from exc
        name = gold.get("document") or gpath.stem
        doc_path = corpus_dir / name
        if not doc_path.exists():
            cands = [p for p in corpus_dir.glob(gpath.stem + ".*") if p.suffix.lower() in MEDIA_TYPES]
            if not cands:
                raise InputError(f"{gpath}: its document {name} is not in {corpus_dir}")
            doc_path = cands[0]
        sources = [Source(doc_path, doc_path.name)]
        result = process(with_manifest(sources, manifest, stated)[0] if manifest else sources)
        if result.errors:
            raise InputError(result.errors[0])
        store = as_set(result.store)
        tables = {}
        for cat in TABLES:
            solutions = run(store, queries[cat], union=False)
            assert isinstance(solutions, ox.QuerySolutions)  # the answer tables are SELECTs
            cols, rows = table_rows(solutions)
            tables[cat] = [dict(zip(cols, r, strict=True)) for r in rows]
        rules = _rules_of(store)
        for cat, s in score_document(gold, tables).items():
            per[cat].add(s)
            for pred, right in s.outcomes:
                for rule in _prediction_rules(cat, pred, rules):
                    tally = rule_tally.setdefault(rule, [0, 0])
                    tally[0] += 1
                    tally[1] += int(right)
            details += [f"{doc_path.name}: {cat}: missed {m}" for m in s.missed]
            details += [f"{doc_path.name}: {cat}: extra {x}" for x in s.extra]
        text = result.documents[0].text
        for sol in select(store, _QUOTES):
            checked += 1
            s0, e0, exact = int(sol["start"].value), int(sol["end"].value), sol["exact"].value
            if text[s0:e0] != exact:
                errors.append(f"{doc_path.name}: quote at {s0}-{e0} does not match its text")
    return EvalReport(per, len(golds), checked, errors, details, rule_tally)
