"""Seeded generator of synthetic council minutes about children's services inspections.

    python bench/synth.py --docs N --seed S --out DIR

The same seed gives byte-identical files. Texts are composed from bench/fragments.py.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fragments as T  # noqa: E402
import phrases as P  # noqa: E402
from render import Block, render_html, render_text  # noqa: E402

CSV = Path(__file__).resolve().parent.parent / "kg" / "data" / "uk_local_authorities.csv"


@dataclass(frozen=True)
class Council:
    official: str
    nice: str
    welsh: bool


def councils() -> list[Council]:
    with CSV.open(encoding="utf-8", newline="") as fh:
        rows = [
            r
            for r in csv.DictReader(fh)
            if r["current-authority"] == "True"
            and r["powers"] in ("unitary", "upper tier")
            and r["nation"] in ("England", "Wales")
        ]
    rows.sort(key=lambda r: r["local-authority-code"])
    return [Council(r["official-name"], r["nice-name"], r["nation"] == "Wales") for r in rows]


class Filler:
    """Fills ``{slot}`` templates; every slot draws afresh except the document's fixed ones.

    ``hi``/``lo``/``up`` (and ``clhi``/``cllo``) draw relative to the last figure drawn, so that
    "down from {hi}% to {lo}%" reads true.
    """

    def __init__(self, rng: random.Random, fixed: dict[str, str], posts: list[str], sents: list[str]) -> None:
        self.r, self.fixed, self.posts, self.sents = rng, fixed, posts, sents
        self.d1, self.last = 1, 50
        self.decks: dict[int, list[str]] = {}

    def __call__(self, template: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: self.slot(m.group(1)), template)

    def deal(self, seq: tuple[str, ...]) -> str:
        """The next template from a shuffled deck of ``seq``, so a document rarely repeats one."""
        deck = self.decks.setdefault(id(seq), [])
        if not deck:
            deck.extend(seq)
            self.r.shuffle(deck)
        return self(deck.pop())

    def name(self) -> str:
        return f"{self.r.choice(T.FIRST)} {self.r.choice(T.LAST)}"

    def date(self) -> str:
        y = int(self.fixed["year"]) + self.r.choice((0, 0, 1))
        return f"{self.r.randint(1, 28)} {self.r.choice(T.MONTHS)} {y}"

    def rel(self, lo: int, hi: int) -> str:
        self.last = self.r.randint(lo, max(lo, hi))
        return str(self.last)

    def slot(self, key: str) -> str:
        r = self.r
        if key in self.fixed:
            return self.fixed[key]
        if key == "d1":
            self.d1 = r.randint(1, 20)
            return str(self.d1)
        gbp = (
            f"\u00a3{r.randint(1, 9)},000",
            f"\u00a3{r.randint(11, 95)}0,000",
            f"\u00a3{r.randint(1, 6)}.{r.randint(1, 9)} million",
        )
        simple = {
            "d2": lambda: str(self.d1 + r.randint(1, 8)),
            "date": self.date,
            "month": lambda: r.choice(T.MONTHS),
            "ordinal": lambda: r.choice(T.ORDINALS),
            "focus": lambda: r.choice(T.FOCUS),
            "sub": lambda: r.choice(T.SUBJUDGE),
            "person": self.name,
            "surname": lambda: r.choice(T.LAST),
            "post": lambda: r.choice(self.posts),
            "workstream": lambda: r.choice(T.WORKSTREAMS),
            "n": lambda: str(r.randint(2, 40)),
            "small": lambda: str(r.randint(0, 5)),
            "big": lambda: f"{r.randint(90, 4800):,}",
            "pct": lambda: str(r.randint(3, 96)),
            "hi": lambda: self.rel(35, 97),
            "lo": lambda: self.rel(max(1, self.last // 3), self.last - 1),
            "up": lambda: self.rel(self.last + 1, min(99, self.last + 40)),
            "clhi": lambda: self.rel(22, 35),
            "cllo": lambda: self.rel(12, self.last - 1),
            "mo": lambda: str(r.choice((3, 3, 6, 6, 9, 12, 18))),
            "ws": lambda: str(r.randint(1, 8)),
            "weeks": lambda: str(r.randint(8, 60)),
            "gbp": lambda: r.choice(gbp),
            "topic": lambda: r.choice(P.TOPICS),
            "answer": lambda: self(r.choice(P.ANSWERS)),
        }
        return simple[key]() if key in simple else "{" + key + "}"


def _inspection(r: random.Random, c: Council, year: int) -> tuple[str, str, list[str]]:
    """(inspectorate, judgement, inspection sentence templates) fitting nation and year."""
    if c.welsh:
        insp = "CSSIW" if year < 2018 else r.choice(("Care Inspectorate Wales (CIW)", "CIW"))
        return insp, "", list(T.INSPECTION_CY)
    kinds = ["old"] if year < 2014 else ["sif", "sif"] if year < 2018 else ["ilacs", "ilacs", "focused"]
    kind = r.choice(kinds)
    judge = r.choice(T.JUDGE_OLD if kind == "old" else T.JUDGE_EN)
    if judge == "inadequate" and kind != "old":
        kinds.append("monitoring")
    sents = list(T.INSPECTION_EN[kind]) + list(T.INSPECTION_EN[r.choice(kinds)])
    return r.choice(("Ofsted", "OFSTED", "Ofsted")), judge, sents


def substantive(r: random.Random, f: Filler, target: int, wales: bool, judge: str) -> list[Block]:
    """Blocks of one substantive item about the inspection, about ``target`` characters long."""
    out: list[Block] = []
    if r.random() < 0.5:
        out.append(("line", r.choice(P.DISTRACTORS)))
    if r.random() < 0.6:
        out.append(("p", f(r.choice(P.PURPOSE))))
    out.append(("h", r.choice(("Minutes:", "Discussion:", "Minutes:"))))
    intro = [f(r.choice(T.LEADS))] + [f(s) for s in r.sample(f.sents, k=min(2, len(f.sents)))]
    if (judge == "inadequate" and r.random() < 0.7) or (wales and r.random() < 0.2):
        intro.append(f(r.choice(T.INTERVENTION_CY if wales else T.INTERVENTION_EN)))
    out.append(("p", " ".join(intro)))
    glyph = f.fixed["glyph"]
    size = sum(len(str(b[1])) for b in out)
    while size < target:
        pick = r.random()
        block: Block
        if pick < 0.25:
            body = " ".join(f.deal(P.CONCERNS) for _ in range(r.randint(1, 3)))
            block = (
                "p",
                f"The {r.choice(f.posts)} reported that {body[0].lower()}{body[1:]}"
                if r.random() < 0.3
                else body,
            )
        elif pick < 0.45:
            block = ("p", " ".join(f.deal(P.NARRATIVE) for _ in range(r.randint(1, 2))))
        elif pick < 0.65:
            out.append(("p", r.choice(T.LISTS)))
            items = [f.deal(P.DISCUSSION if r.random() < 0.6 else P.CONCERNS) for _ in range(r.randint(2, 6))]
            block = ("ul", (glyph, items))
        elif pick < 0.75:
            out.append(
                (
                    "p",
                    f(
                        "The {post} reported that steps were being taken to make "
                        "improvements in response to the inspection which included:"
                    ),
                )
            )
            block = ("ul", (glyph, [f.deal(P.IMPROVEMENTS) for _ in range(r.randint(2, 5))]))
        elif pick < 0.85:
            ws = r.sample(T.WORKSTREAMS, k=r.randint(2, 4))
            out.append(
                (
                    "p",
                    f(f"The report focused on Workstream {{ws}} of the {{plan}} - {ws[0]} namely:"),
                )
            )
            block = ("ul", (glyph, [f"The {w}" if r.random() < 0.3 else w for w in ws[1:]]))
        elif pick < 0.92:
            block = ("p", f(r.choice(P.DISTRACTORS)))
        else:
            block = ("p", f(r.choice(f.sents)))
        out.append(block)
        size += len(str(block[1])) + 8
    out.append(("h", r.choice(T.RESOLVE_HEADS)))
    res = [f(s) for s in r.sample(P.RESOLUTIONS, k=r.randint(1, 4))]
    out.append(("ul", ("(n)  ", res)) if len(res) > 1 else ("p", res[0]))
    if r.random() < 0.2:
        out.append(("line", f"({f.name()})"))
    for _ in range(r.choice((0, 0, 1, 1, 2, 3))):
        owner, due, task = r.choice((f.name(), r.choice(f.posts))), f.date(), f(r.choice(P.ACTIONS))
        out.append(
            (
                "line",
                r.choice(
                    (
                        f"ACTION: {owner} to {task} by {due}.",
                        f"Action: {owner} \u2013 {task} (due {due})",
                        f"ACTION \u2013 {task}",
                        f"Action:           {owner}",
                    )
                ),
            )
        )
    return out


def routine(r: random.Random, f: Filler) -> list[tuple[str, list[Block]]]:
    names = ", ".join(f"Councillor {r.choice(T.LAST)}" for _ in range(r.randint(1, 3)))
    return [
        ("Apologies for Absence", [("p", f"Apologies for absence were received from {names}.")]),
        (
            "Declarations of Interest",
            [
                (
                    "p",
                    r.choice(
                        (
                            "There were no declarations of interest.",
                            f"Councillor {r.choice(T.LAST)} declared a non-pecuniary interest as a foster carer.",
                        )
                    ),
                )
            ],
        ),
        (
            "Minutes of the previous meeting",
            [
                ("h", r.choice(T.RESOLVE_HEADS)),
                (
                    "p",
                    f(
                        "That the minutes of the meeting held on {date} be confirmed as a correct record and "
                        "signed by the Chair."
                    ),
                ),
            ],
        ),
    ]


def make_doc(seed: int, i: int, pool: list[Council]) -> tuple[str, str]:
    r = random.Random(f"kg-bench:{seed}:{i}")
    c = r.choice(pool)
    year = r.randint(2012, 2024)
    insp, judge, sents = _inspection(r, c, year)
    posts = [
        r.choice(T.DCS_CY if c.welsh else T.DCS_EN),
        *r.sample(T.AD, 3),
        r.choice(T.PORTFOLIO),
        *T.OTHER_POSTS[:2],
    ]
    fixed = {
        "council": c.official,
        "nice": c.nice,
        "inspectorate": insp,
        "judgement": judge or "requiring improvement",
        "year": str(year),
        "plan": r.choice(T.PLANS),
        "glyph": r.choice(T.GLYPHS),
    }
    f = Filler(r, fixed, posts, sents)
    target = int(math.exp(r.uniform(math.log(1800), math.log(13500))))
    wrap = r.choice((0, 0, 0, r.randint(55, 66)))
    sep = r.choice(("\n", "\n\n", "\n\n\u00a0\n\n", "\n \n"))
    is_html = r.random() < 0.05
    title = r.choice(
        (
            f"{insp} Inspection of Local Authority Children's Services - update report",
            f"Progress update following the {insp} inspection",
            f"{insp} Monitoring Visit",
            "Full ILACS report",
            f"{insp} Inspection of Children's Services - Action Plan",
            "Children's Services Improvement Plan - progress report",
        )
    )
    title = title.upper() if r.random() < 0.25 else title
    if r.random() < 0.55:  # a single agenda-item page
        num = r.randint(1, 140)
        head: list[Block] = [
            ("line", r.choice((f"{num} {title}", f"Agenda item\n\n{title}", f"{num}.\t{title}")))
        ]
        blocks = head + substantive(r, f, target, c.welsh, judge)
        if r.random() < 0.1:
            blocks.append(("line", f"The service directors ...\nview the full minutes text for item {num}"))
        else:
            blocks.append(("line", "Supporting documents:"))
    else:  # a whole meeting with a header and numbered items
        committee = r.choice(T.COMMITTEES_CY if c.welsh else T.COMMITTEES_EN)
        when = f"{r.choice(('Monday', 'Tuesday', 'Wednesday', 'Thursday'))}, {f.date()}"
        blocks = [
            ("line", c.official.upper() if r.random() < 0.4 else c.official),
            (
                "line",
                f"Minutes of the meeting of the {committee} held on {when} at "
                f"{r.choice(T.TIMES)} in {r.choice(T.VENUES)}",
            ),
            (
                "p",
                f"Present: Councillor {f.name()} (Chair); Councillors "
                + ", ".join(r.choice(T.LAST) for _ in range(r.randint(3, 8))),
            ),
            ("p", f"Officers: {f.name()} ({posts[0]}), {f.name()} ({posts[1]})"),
            (
                "line",
                f"Contact: {f.name()}, Democratic Services Officer, tel. 01{r.randint(100, 999)}"
                f" {r.randint(100000, 999999)}",
            ),
        ]
        num = r.randint(1, 90)
        items = routine(r, f)
        items.append((title, substantive(r, f, int(target * 0.8), c.welsh, judge)))
        for other in r.sample(P.FALLBACK_ITEMS, k=r.randint(0, 2)):
            items.append(
                (
                    other,
                    [
                        ("p", f"The {r.choice(posts)} presented the report."),
                        ("h", r.choice(T.RESOLVE_HEADS)),
                        ("p", "That the report be noted."),
                    ],
                )
            )
        style = r.choice(("{n}. {t}", "{n}\t{t}", "Item {n}: {t}", "{n} {T}"))
        for k, (t, body) in enumerate(items):
            blocks.append(("line", style.format(n=num + k, t=t, T=t.upper())))
            blocks.extend(body)
        blocks.append(("p", f"The meeting ended at {r.choice(T.TIMES)}."))
    if r.random() < 0.5:
        blocks = [(k, v.replace("'", "\u2019")) if isinstance(v, str) else (k, v) for k, v in blocks]
    name = f"{i:05d}_{r.getrandbits(64):016x}"
    if is_html:
        return name + ".html", render_html(title, blocks, c.official)
    return name + ".txt", render_text(blocks, wrap, sep).rstrip() + "\n"


def generate(n: int, seed: int, out: Path) -> int:
    """Write ``n`` documents to ``out``; returns the total number of bytes written."""
    out.mkdir(parents=True, exist_ok=True)
    pool, total = councils(), 0
    for i in range(n):
        name, text = make_doc(seed, i, pool)
        data = text.encode("utf-8")
        (out / name).write_bytes(data)
        total += len(data)
    return total


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    total = generate(a.docs, a.seed, a.out)
    print(f"wrote {a.docs} documents, {total / 1e6:.2f} MB, to {a.out}")


if __name__ == "__main__":
    main()
