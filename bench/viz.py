"""Network pages at scale: generation time, file sizes and Chromium load times.

    python bench/viz.py --docs 10000 [--seed 1] [--out DIR] [--no-browser] [--runs 3]

The graph is synthesised directly as facts (every drawn class, seeded, through
kg.graph.quads.document_quads), so it holds posts, people, plans, concerns, figures and decisions
however far the extractors have got. ``--synth`` instead writes minutes with bench/synth.py
and reads them with ``kg build`` (slower; only as rich as the extractors).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.extract import facts as F
from kg.graph.quads import PREFIXES, authority_quads, document_quads, vocabulary_quads
from kg.graph.store import write_graph
from kg.graph.vocab import vocabularies
from kg.reading.document import Document
from kg.reference.register import register

FIRST = (
    "Alex Sam Jo Chris Pat Lee Robin Kim Jordan Morgan Taylor Casey Jamie Ali Sian Rhys "
    "Priya Fatima Tom Ruth Owen Megan Dylan Aisha"
).split()
LAST = (
    "Smith Jones Williams Taylor Davies Evans Thomas Roberts Khan Patel Hughes Lewis Ahmed "
    "Walker Wright Green Hall Wood Clarke Price"
).split()
POSTS = (
    ("Director of Children's Services", "director-childrens-services"),
    ("Assistant Director, Safeguarding", "assistant-director"),
    ("Head of Service, Children Looked After", "head-of-service"),
    ("Principal Social Worker", "principal-social-worker"),
    ("Chief Executive", "chief-executive"),
    ("Cabinet Member for Children", "cabinet-member"),
    ("Service Manager, Front Door", "service-manager"),
)
WORKSTREAMS = ("Workforce", "Practice quality", "Leadership", "Partnerships", "Front door")


def synth_facts(i: int, r: random.Random, codes: list[str]) -> tuple[Document, list[F.Fact]]:
    gss = codes[r.randrange(len(codes))]
    year = r.randint(2013, 2024)
    text = f"Minutes {i} of {gss} ({year}). " + "x" * 200
    doc = Document(
        f"minutes_{i:05d}_{gss}.txt", hashlib.sha256(text.encode()).hexdigest(), "text/plain", text
    )
    v = vocabularies()

    def sp(quote: str) -> F.Span:
        at = r.randint(0, 150)
        return F.Span(at, at + len(quote), quote)

    facts: list[F.Fact] = [
        F.AuthorityMention(gss, True, sp(gss)),
        F.MeetingInfo(
            sp("Scrutiny"),
            committee="Scrutiny",
            date=f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
        ),
    ]
    if r.random() < 0.3:
        facts.append(
            F.Inspection(
                "ofsted",
                r.choice(("ilacs", "sif", "focused-visit", "monitoring-visit")),
                sp("Ofsted inspected children's services"),
                start=f"{year}-{r.randint(1, 12):02d}",
                judgement=r.choice(sorted(v["judgement"])),
            )
        )
    if r.random() < 0.05:
        facts.append(
            F.Intervention(
                "dfe",
                r.choice(sorted(v["intervention-kind"])),
                sp("the Department for Education issued a notice"),
                date=str(year),
            )
        )
    rng = random.Random(f"{gss}-people")  # each authority has its own stable cast
    cast = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(12)]
    for title, role in r.sample(POSTS, r.randint(1, 3)):
        facts.append(
            F.Post(
                title,
                role,
                r.random() < 0.2,
                sp(f"the {title}"),
                holder=r.choice(cast) if r.random() < 0.6 else None,
            )
        )
    if r.random() < 0.4:
        facts.append(
            F.PlanElement(
                "Improvement Plan",
                sp("the improvement plan"),
                workstream=r.choice(WORKSTREAMS),
                component=f"Action {r.randint(1, 6)}",
            )
        )
    concerns = sorted(v["concern"])
    for c in r.sample(concerns, r.randint(1, 4)):
        facts.append(F.ConcernMention(c, sp(f"members raised {c.replace('-', ' ')}")))
    for _ in range(r.randint(0, 2)):
        facts.append(F.Figure(r.randint(1, 60), "percent", sp("25% of posts"), concern=r.choice(concerns)))
    for n in range(r.randint(1, 3)):
        facts.append(
            F.Decision(
                r.choice(("resolution", "action")),
                "That the report be noted",
                sp("RESOLVED"),
                number=str(n + 1),
            )
        )
    return doc, facts


def synth_graph(docs: int, seed: int, out: Path) -> Path:
    r = random.Random(seed)
    reg = register()
    codes = sorted(g for g in reg.by_gss if g[:3] in ("E06", "E08", "E09", "E10", "W06"))
    quads: list = []
    seen: set[str] = set()
    for i in range(docs):
        doc, found = synth_facts(i, r, codes)
        first = found[0]
        assert isinstance(first, F.AuthorityMention)
        seen.add(first.gss)
        quads.extend(document_quads(doc, found))
    quads.extend(vocabulary_quads())
    quads.extend(authority_quads(seen))
    path = out / "graph.nq"
    write_graph(quads, path, PREFIXES)
    return path


def synth_minutes(docs: int, seed: int, out: Path) -> Path:
    here = Path(__file__).resolve().parent
    subprocess.run(
        [
            sys.executable,
            str(here / "synth.py"),
            "--docs",
            str(docs),
            "--seed",
            str(seed),
            "--out",
            str(out / "minutes"),
        ],
        check=True,
    )
    from kg.pipeline.build import build

    res = build([out / "minutes"], out / "graph.nq", partial=True)
    print(f"kg build: {len(res.documents)} documents read, {len(res.errors)} failed")
    return out / "graph.nq"


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--synth", action="store_true", help="minutes from bench/synth.py + kg build")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--runs", type=int, default=3, help="loads of each page; the best is reported")
    a = ap.parse_args(argv)
    out = a.out or Path(tempfile.mkdtemp(prefix="kg-viz-bench-"))
    out.mkdir(parents=True, exist_ok=True)

    t = time.perf_counter()
    graph = (synth_minutes if a.synth else synth_graph)(a.docs, a.seed, out)
    print(
        f"graph: {a.docs} documents, {mb(graph.stat().st_size)} N-Quads, "
        f"made in {time.perf_counter() - t:.1f} s"
    )

    from kg.viz.site import build_site

    for name in ("site",):
        t = time.perf_counter()
        res = build_site([graph], out / name)
        gen = time.perf_counter() - t
        files = [p for p in (out / name).rglob("*") if p.is_file()]
        total = sum(p.stat().st_size for p in files)
        pages = sorted((p for p in files if p.suffix == ".html"), key=lambda p: -p.stat().st_size)
        print(
            f"{name}: {len(res.pages)} pages in {gen:.1f} s; {mb(total)} in all; "
            f"overview {res.nodes['overview.html']} nodes"
            f"{' (sigma.js)' if res.sigma else ''}; largest page {pages[0].name} "
            f"{mb(pages[0].stat().st_size)}"
        )
        if a.no_browser:
            continue
        from kg.viz.browser import CHROMIUM, Chromium

        if not CHROMIUM.exists():
            print("no /usr/bin/chromium: load times skipped")
            continue
        big_authority = max((p for p in res.pages if p.startswith("authority-")), key=lambda p: res.nodes[p])
        with Chromium() as b:
            b.open((out / name / "index.html").as_uri())  # warm the browser's caches
            for page in ("overview.html", "map.html", "concerns.html", "authorities.html", big_authority):
                ready = "document.body.dataset.ready === '1'"
                times = []
                for _ in range(a.runs):  # the machine may be shared: the best of a few loads
                    b.open("about:blank")
                    times.append(b.open((out / name / page).as_uri(), ready, timeout=600))
                errs = b.errors()
                print(
                    f"  load {page}: {res.nodes[page]} nodes, "
                    f"{mb((out / name / page).stat().st_size)}, {min(times):.2f} s to drawn "
                    f"(best of {a.runs}: {' '.join(f'{t:.2f}' for t in times)}; "
                    f"load average {os.getloadavg()[0]:.1f})"
                    f"{'; ERRORS ' + str(errs[:2]) if errs else ''}"
                )

if __name__ == "__main__":
    main()
