"""Matching predictions to hand annotations: normalised text, word overlap, dates, one-to-one pairs.

The rules of shared/gold/README.md: titles and labels match after lower-casing and dropping
punctuation, "the" and "interim", exactly or by word overlap (Jaccard) of at least 0.75; dates
match when one is a prefix of the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_DROP = re.compile(r"\b(the|interim)\b")


def norm(s: str) -> str:
    s = s.lower().replace("\u2019", "'").replace("&", " and ")
    s = re.sub(r"[^\w\s]", " ", s).replace("_", " ")
    return re.sub(r"\s+", " ", _DROP.sub(" ", s)).strip()


def similar(a: str, b: str) -> bool:
    x, y = norm(a), norm(b)
    if x == y:
        return True
    wa, wb = set(x.split()), set(y.split())
    return bool(wa | wb) and len(wa & wb) / len(wa | wb) >= 0.75


def date_match(gold: str | None, pred: str | None) -> bool:
    if not gold:
        return True
    return pred is not None and pred != "" and (pred.startswith(gold) or gold.startswith(pred))


@dataclass
class Score:
    predicted: int = 0
    matched_pred: int = 0
    core: int = 0
    matched_core: int = 0
    attrs: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, total]
    missed: list[str] = field(default_factory=list)  # core gold entries not found
    extra: list[str] = field(default_factory=list)  # predictions matching no gold entry
    outcomes: list[tuple[dict[str, Any], bool]] = field(default_factory=list)  # prediction, right?

    def add(self, other: Score) -> None:
        self.predicted += other.predicted
        self.matched_pred += other.matched_pred
        self.core += other.core
        self.matched_core += other.matched_core
        for k, (r, t) in other.attrs.items():
            a = self.attrs.setdefault(k, [0, 0])
            a[0] += r
            a[1] += t

    def attr(self, name: str, ok: bool) -> None:
        a = self.attrs.setdefault(name, [0, 0])
        a[0] += int(ok)
        a[1] += 1

    @property
    def p(self) -> float:
        return self.matched_pred / self.predicted if self.predicted else 1.0

    @property
    def r(self) -> float:
        return self.matched_core / self.core if self.core else 1.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def match(
    golds: list[dict[str, Any]],
    preds: list[dict[str, Any]],
    ok: Callable[[dict[str, Any], dict[str, Any]], bool],
    attrs: Callable[[Score, dict[str, Any], dict[str, Any]], None] | None = None,
    exact: Callable[[dict[str, Any], dict[str, Any]], bool] | None = None,
) -> Score:
    """One-to-one greedy matching, core gold first; exact matches are paired before near ones."""
    ordered = sorted(golds, key=lambda g: not g.get("core", True))
    pairs: dict[int, int] = {}  # gold index -> prediction index
    for test in [t for t in (exact, ok) if t]:
        for gi, g in enumerate(ordered):
            if gi in pairs:
                continue
            for i, p in enumerate(preds):
                if i not in pairs.values() and test(g, p):
                    pairs[gi] = i
                    break
    s = Score(predicted=len(preds), core=sum(1 for g in golds if g.get("core", True)))
    s.matched_pred = len(pairs)
    for gi, i in sorted(pairs.items()):
        s.matched_core += int(ordered[gi].get("core", True))
        if attrs:
            attrs(s, ordered[gi], preds[i])
    s.missed = [brief(g) for gi, g in enumerate(ordered) if gi not in pairs and g.get("core", True)]
    used = set(pairs.values())
    s.extra = [brief(p) for i, p in enumerate(preds) if i not in used]
    s.outcomes = [(p, i in used) for i, p in enumerate(preds)]
    return s


def brief(d: dict[str, Any]) -> str:
    keep = {k: v for k, v in d.items() if v not in (None, "", []) and k not in ("core", "source", "quote")}
    return ", ".join(f"{k}={v}" for k, v in keep.items() if not str(v).startswith("https://"))


def sets(gold: dict[str, list[Any]], preds: set[str]) -> Score:
    core, ok = set(gold.get("core", [])), set(gold.get("core", [])) | set(gold.get("acceptable", []))
    s = Score(len(preds), len(preds & ok), len(core), len(core & preds))
    s.missed, s.extra = sorted(core - preds), sorted(preds - ok)
    s.outcomes = [({"value": p}, p in ok) for p in sorted(preds)]
    return s


def labels(gold: dict[str, list[list[str]]], preds: set[str]) -> Score:
    entries = [(e, True) for e in gold.get("core", [])] + [(e, False) for e in gold.get("acceptable", [])]
    golds: list[dict[str, Any]] = [{"spellings": e, "core": c} for e, c in entries]
    rows = [{"label": p} for p in sorted(preds)]
    s = match(golds, rows, lambda g, p: any(similar(x, p["label"]) for x in g["spellings"]))
    # a label that matches an already-matched entry's spelling is a repeat, not an error
    s.matched_pred = sum(
        1 for r in rows if any(similar(x, r["label"]) for g in golds for x in g["spellings"])
    )
    s.outcomes = [(r, any(similar(x, r["label"]) for g in golds for x in g["spellings"])) for r in rows]
    return s
