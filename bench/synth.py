"""Seeded generator of synthetic council minutes about children's services inspections.

    python bench/synth.py --docs N --seed S --out DIR

English and Welsh upper-tier authorities; single agenda-item pages and whole meetings; plain
text (some hard-wrapped) and ~5% HTML pages. The same seed gives byte-identical files.
Fragments live in bench/fragments.py and bench/phrases.py.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fragments as T  # noqa: E402
import phrases as P  # noqa: E402
from filler import Filler  # noqa: E402
from render import Block, render_html, render_text, smart_quotes  # noqa: E402

CSV = Path(__file__).resolve().parent.parent / "kg" / "reference" / "data" / "uk_local_authorities.csv"


@dataclass(frozen=True)
class Council:
    official: str
    nice: str
    welsh: bool
    since: int  # the year the authority came into being


def councils() -> list[Council]:
    """Current English and Welsh authorities with children's services (unitary or upper tier)."""
    with CSV.open(encoding="utf-8", newline="") as fh:
        rows = [
            r
            for r in csv.DictReader(fh)
            if r["current-authority"] == "True"
            and r["powers"] in ("unitary", "upper tier")
            and r["nation"] in ("England", "Wales")
        ]
    rows.sort(key=lambda r: r["local-authority-code"])
    return [
        Council(
            r["official-name"],
            r["nice-name"],
            r["nation"] == "Wales",
            int(r["start-date"][:4] or 0),
        )
        for r in rows
    ]


def inspection(r: random.Random, c: Council, year: int) -> tuple[str, str, list[str]]:
    """(inspectorate, judgement, inspection sentence templates) that fit nation and year."""
    if c.welsh:
        insp = "CSSIW" if year < 2018 else r.choice(("Care Inspectorate Wales (CIW)", "CIW"))
        return insp, "", list(T.INSPECTION_CY)
    kinds = ["old"] if year < 2014 else ["sif", "sif"] if year < 2018 else ["ilacs", "ilacs", "focused"]
    kind = r.choice(kinds)
    judge = r.choice(T.JUDGE_OLD if kind == "old" else T.JUDGE_EN)
    if judge == "inadequate" and kind != "old":
        kinds.append("monitoring")  # monitoring visits follow an inadequate judgement
    sents = list(dict.fromkeys(T.INSPECTION_EN[kind] + T.INSPECTION_EN[r.choice(kinds)]))
    return r.choice(("Ofsted", "OFSTED", "Ofsted")), judge, sents


def substantive(r: random.Random, f: Filler, target: int, wales: bool, judge: str) -> list[Block]:
    """One substantive item about the inspection, about ``target`` characters long."""
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
        if pick < 0.3:
            body = " ".join(f.deal("concerns", P.CONCERNS) for _ in range(r.randint(1, 3)))
            if r.random() < 0.3:
                body = f"The {r.choice(f.posts)} reported that {body[0].lower()}{body[1:]}"
            block = ("p", body)
        elif pick < 0.5:
            block = (
                "p",
                " ".join(f.deal("narrative", P.NARRATIVE) for _ in range(r.randint(1, 2))),
            )
        elif pick < 0.7:
            out.append(("p", r.choice(T.LISTS)))
            decks = (("discussion", P.DISCUSSION), ("concerns", P.CONCERNS))
            items = [f.deal(*decks[r.random() < 0.4]) for _ in range(r.randint(2, 6))]
            block = ("ul", (glyph, items))
        elif pick < 0.8:
            out.append(("p", f(P.IMPROVING)))
            block = (
                "ul",
                (glyph, [f.deal("impr", P.IMPROVEMENTS) for _ in range(r.randint(2, 5))]),
            )
        elif pick < 0.86:
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
    out.extend(("line", f(r.choice(T.ACTION_LINES))) for _ in range(r.choice((0, 0, 1, 1, 2, 3))))
    return out


def item_page(r: random.Random, f: Filler, title: str, target: int, c: Council, judge: str) -> list[Block]:
    """A single agenda-item page, like those a council's minutes site serves."""
    num = str(r.randint(1, 140))
    blocks: list[Block] = [("line", r.choice(T.ITEM_HEADS).format(num=num, title=title))]
    blocks += substantive(r, f, target, c.welsh, judge)
    if r.random() < 0.1:
        blocks.append(("line", f"The service directors ...\nview the full minutes text for item {num}"))
    else:
        blocks.append(("line", r.choice(("Supporting documents:", "Supporting documents:", ""))))
    return blocks


def meeting_page(r: random.Random, f: Filler, title: str, target: int, c: Council, judge: str) -> list[Block]:
    """A whole meeting: header, routine items, the substantive item and perhaps others."""
    blocks: list[Block] = [(kind, f(t)) for kind, t in T.MEETING_HEAD if r.random() < 0.85 or kind == "line"]
    if r.random() < 0.4:
        blocks[0] = ("line", c.official.upper())
    items: list[tuple[str, list[Block]]] = []
    for name, kind, text in P.ROUTINE:
        if r.random() < 0.7 and not any(name == t for t, _ in items):
            body: list[Block] = [("p", f(text))]
            items.append((name, [("h", r.choice(T.RESOLVE_HEADS)), *body] if kind == "resolved" else body))
    items.append((title, substantive(r, f, int(target * 0.8), c.welsh, judge)))
    for other in r.sample(P.FALLBACK_ITEMS, k=r.randint(0, 2)):
        done: list[Block] = [("h", r.choice(T.RESOLVE_HEADS)), ("p", "That the report be noted.")]
        items.append((other, [("p", f("The {post} presented the report.")), *done]))
    style, num = r.choice(T.ITEM_STYLES), r.randint(1, 90)
    for k, (t, body) in enumerate(items):
        blocks.append(("line", style.format(n=num + k, t=t, T=t.upper())))
        blocks.extend(body)
    blocks.append(("p", f"The meeting ended at {r.choice(T.TIMES)}."))
    return blocks


def make_doc(seed: int, i: int, pool: list[Council]) -> tuple[str, str]:
    """Document ``i`` of the corpus for ``seed``: (file name, content)."""
    r = random.Random(f"kg-bench:{seed}:{i}")
    c = r.choice(pool)
    year = r.randint(max(2012, c.since), 2024)
    met = datetime.date(year, r.randint(1, 12), r.randint(1, 28))
    met -= datetime.timedelta(days=max(0, met.weekday() - 4))  # a weekday
    insp, judge, sents = inspection(r, c, year)
    dcs = r.choice(T.DCS_CY if c.welsh else T.DCS_EN)
    posts = [dcs, *r.sample(T.AD, 3), r.choice(T.PORTFOLIO), *r.sample(T.OTHER_POSTS, 2)]
    fixed = {
        "council": c.official,
        "nice": c.nice,
        "inspectorate": insp,
        "judgement": judge or "requiring improvement",
        "year": str(year),
        "meeting": f"{met:%A}, {met.day} {met:%B %Y}",
        "plan": r.choice(T.PLANS),
        "glyph": r.choice(T.GLYPHS),
        "committee": r.choice(T.COMMITTEES_CY if c.welsh else T.COMMITTEES_EN),
    }
    f = Filler(r, fixed, posts, sents)
    target = int(math.exp(r.uniform(math.log(1800), math.log(13000))))
    wrap = r.choice((0, 0, 0, r.randint(55, 66)))
    sep = r.choice(("\n", "\n\n", "\n\n\u00a0\n\n", "\n \n"))
    is_html = r.random() < 0.05
    title = f(r.choice(T.TITLES))
    title = title.upper() if r.random() < 0.25 else title
    page = item_page if r.random() < 0.55 else meeting_page
    blocks = page(r, f, title, target, c, judge)
    if r.random() < 0.5:
        blocks = smart_quotes(blocks)
    name = f"{i:05d}_{r.getrandbits(64):016x}"
    if is_html:
        return name + ".html", render_html(title, blocks, c.official)
    return name + ".txt", render_text(blocks, wrap, sep).rstrip() + "\n"


def generate(n: int, seed: int, out: Path) -> int:
    """Write ``n`` documents into ``out``; returns the number of bytes written."""
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
    ap.add_argument("--docs", type=int, default=100, help="number of documents")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed")
    ap.add_argument("--out", type=Path, required=True, help="folder to write into")
    a = ap.parse_args(argv)
    total = generate(a.docs, a.seed, a.out)
    print(f"wrote {a.docs} documents, {total / 1e6:.2f} MB, to {a.out}")


if __name__ == "__main__":
    main()
