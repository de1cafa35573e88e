"""Time every library query on a graph of about a million triples; print the medians.

    python bench/queries.py [--docs 2600] [--seed 7] [--repeat 5] [--graph FILE] [--out FILE]

Without --graph, the graph is generated from facts (kg.extract.facts) through kg.graph.quads.document_quads,
the path the extractors take, with every kind of fact at a realistic density, so the timings do
not depend on how far the extractors have got. With --graph, any built graph is timed instead
(e.g. `python bench/synth.py --docs 3000 --out /tmp/c && kg build /tmp/c -o /tmp/g.trig`).
Each query runs once to warm up, then --repeat times; the time includes formatting as CSV.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import signal
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from kg.extract import facts as F  # noqa: E402
from kg.graph.quads import PREFIXES, authority_quads, document_quads, vocabulary_quads  # noqa: E402
from kg.graph.reference import official_quads  # noqa: E402
from kg.graph.store import load, write_graph  # noqa: E402
from kg.reading.document import Document  # noqa: E402
from kg.reference.ofsted import official_inspections, statistical_neighbours  # noqa: E402
from kg.sparql.library import format_result, library, merge_graphs, run  # noqa: E402

CONCERNS = [
    "agency-staff",
    "recruitment",
    "retention",
    "caseloads",
    "morale-culture",
    "training-development",
    "supervision-oversight",
    "leadership-capacity",
    "practice-quality",
    "quality-assurance",
    "front-door",
    "early-help",
    "multi-agency",
    "placements-accommodation",
    "care-leavers",
    "improvement-governance",
]
TYPES = ["ilacs", "monitoring-visit", "focused-visit", "sif", "jtai"]
JUDGEMENTS = ["outstanding", "good", "requires-improvement", "inadequate"]
ROLES = [
    ("Director of Children's Services", "director-childrens-services"),
    ("Assistant Director, Social Care", "assistant-director"),
    ("Head of Safeguarding", "head-of-service"),
    ("Principal Social Worker", "principal-social-worker"),
    ("Service Manager, Front Door", "service-manager"),
    ("Chief Executive", "chief-executive"),
]
NAMES = [
    "Alex Morgan",
    "Sam Patel",
    "Jo Williams",
    "Chris Evans",
    "Pat Hughes",
    "Nia Jones",
    "Ravi Shah",
    "Kate Brown",
    "Tom Price",
    "Amy Clarke",
    "Lee Davies",
    "Mo Khan",
]


class Writer:
    """Builds a document's text sentence by sentence and hands back each sentence's span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def put(self, text: str) -> F.Span:
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        return F.Span(start, start + len(text), text)

    def text(self) -> str:
        return "".join(self.parts)


def minutes(r: random.Random, n: int, gss: str) -> tuple[Document, list[F.Fact]]:
    w, found = Writer(), []  # type: ignore[var-annotated]
    year = r.randint(2013, 2024)
    date = f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
    committee = r.choice(
        [
            "Children's Services Scrutiny Committee",
            "Corporate Parenting Panel",
            "Cabinet",
            "Children and Young People Overview and Scrutiny Committee",
        ]
    )
    found.append(F.AuthorityMention(gss, True, w.put(f"Council {gss}\n")))
    found.append(F.MeetingInfo(w.put(f"{committee}\n"), None, committee, date, "Town Hall"))
    w.put(f"Minutes of the meeting held on {date}\n\n")
    for k in range(1, r.randint(5, 9)):
        start = w.size
        title = r.choice(
            [
                "Ofsted Inspection",
                "Improvement Plan Update",
                "Workforce Report",
                "Performance Report",
                "Monitoring Visit",
                "Apologies",
                "Minutes",
            ]
        )
        head = w.put(f"{k}. {title} {k}\n\n")
        for _ in range(r.randint(2, 4)):
            pick = r.random()
            if pick < 0.35:
                c = r.choice(CONCERNS)
                found.append(F.ConcernMention(c, w.put(f"Members raised {c} concerns. ")))
                if r.random() < 0.5:
                    unit, v = (
                        ("percent", r.randint(5, 60)) if c == "agency-staff" else ("cases", r.randint(12, 35))
                    )
                    q = r.choice(["actual", "actual", "target", "previous"])
                    found.append(F.Figure(v, unit, w.put(f"{v} {unit} reported. "), concern=c, qualifier=q))
            elif pick < 0.55:
                title_, role = r.choice(ROLES)
                # a post has one holder, sometimes an interim one as well
                who = NAMES[(sum(map(ord, gss + role)) + (r.random() < 0.2)) % len(NAMES)]
                holder = who if r.random() < 0.6 else None
                found.append(
                    F.Post(
                        title_,
                        role,
                        r.random() < 0.2,
                        w.put(f"The {title_} presented. "),
                        holder=holder,
                        contribution=r.choice(["presented", "reported", "answered"]),
                    )
                )
            elif pick < 0.7:
                t = r.choice(TYPES)
                s = f"{r.randint(year - 3, year)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
                j = r.choice(JUDGEMENTS) if t in ("ilacs", "sif") else None
                found.append(
                    F.Inspection("ofsted", t, w.put(f"The {t} from {s} judged {j}. "), start=s, judgement=j)
                )
            elif pick < 0.75:
                found.append(
                    F.Intervention(
                        "dfe",
                        r.choice(["notice-to-improve", "commissioner"]),
                        w.put("The DfE intervened. "),
                        date=f"{year}-{r.randint(1, 12):02d}",
                    )
                )
            elif pick < 0.85:
                found.append(
                    F.PlanElement(
                        "Improvement Plan",
                        w.put("The improvement plan workstream. "),
                        workstream=f"Workstream {r.randint(1, 5)}",
                        component=f"Component {r.randint(1, 9)}",
                    )
                )
            else:
                kind = r.choice(["resolution", "action", "recommendation"])
                owner = r.choice(ROLES)[0] if kind == "action" else None
                due = f"{year}-{r.randint(1, 12):02d}" if kind == "action" else None
                text = f"That item {k} decision {r.randint(1, 10**6)} be noted."
                found.append(F.Decision(kind, text, w.put(text + " "), owner=owner, due=due))
        w.put("\n\n")
        found.append(F.AgendaItem(k - 1, str(k), f"{title} {k}", head, start, w.size))
    text = w.text()
    doc = Document(f"bench_{n:05d}.txt", hashlib.sha256(text.encode()).hexdigest(), "text/plain", text)
    return doc, found


def generate(docs: int, seed: int) -> list[ox.Quad]:
    r = random.Random(seed)
    codes = sorted(set(official_inspections()) & set(statistical_neighbours()))
    quads: list[ox.Quad] = []
    used: set[str] = set()
    for n in range(docs):
        gss = r.choice(codes)
        used.add(gss)
        doc, found = minutes(r, n, gss)
        quads.extend(document_quads(doc, found))
    everyone = used | {x for c in used for x in statistical_neighbours().get(c, ())}
    quads.extend(vocabulary_quads())
    quads.extend(authority_quads(everyone))
    quads.extend(official_quads(everyone))
    g, p = (
        ox.NamedNode(f"{PREFIXES['kgid'][:-3]}graph/register"),
        ox.NamedNode(f"{PREFIXES['kg']}statisticalNeighbour"),
    )
    authority = f"{PREFIXES['kgid']}authority/"
    quads.extend(
        ox.Quad(ox.NamedNode(authority + a), p, ox.NamedNode(authority + b), g)
        for a in sorted(used)
        for b in statistical_neighbours().get(a, ())
    )
    return quads


PARAMS = {
    "authority": "E08000032",
    "judgement": "inadequate",
    "concern": "agency-staff",
    "unit": "percent",
    "qualifier": "actual",
    "role": "assistant-director",
    "kind": "presented",
    "as_of": "2020-01-01",
    "threshold": "40",
    "text": "agency",
    "file": '"bench_00007.txt"',
}


def time_query(
    store: ox.Store, name: str, params: dict[str, str], repeat: int, union: bool, cap: float
) -> str:
    """'median ms | rows', measured in a forked child that the kernel stops after `cap` s."""
    q = library()[name]
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: a runaway query cannot be cancelled in-thread
        os.close(r)
        signal.setitimer(signal.ITIMER_REAL, cap)
        out = format_result(run(store, q, params, union=union), "csv", PREFIXES)
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            out = format_result(run(store, q, params, union=union), "csv", PREFIXES)
            times.append(time.perf_counter() - t0)
        rows = out.strip() if q.form == "ASK" else str(max(0, len(out.splitlines()) - 1))
        os.write(w, f"{rows} | {statistics.median(times) * 1000:.0f}".encode())
        os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as fh:
        got = fh.read().decode()
    os.waitpid(pid, 0)
    return got or f"? | > {cap * 1000:.0f} (stopped)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--graph", type=Path, help="time this built graph instead of generating one")
    ap.add_argument("--out", type=Path, default=ROOT / "output" / "bench" / "queries-graph.trig")
    ap.add_argument("--only", nargs="*", help="query names to time (default: all)")
    ap.add_argument(
        "--union",
        action="store_true",
        help="query the union of the named graphs (a bag) instead of their merge",
    )
    ap.add_argument("--cap", type=float, default=30.0, help="seconds after which a query is stopped")
    a = ap.parse_args()
    if a.graph:
        path = a.graph
    else:
        path = a.out
        if not path.exists():
            t0 = time.perf_counter()
            write_graph(generate(a.docs, a.seed), path, PREFIXES)
            print(f"generated {a.docs} documents into {path} in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    store = load([path])
    quads = len(store)
    print(f"loaded {quads} quads from {path} in {time.perf_counter() - t0:.1f} s")
    if not a.union:
        t1 = time.perf_counter()
        merge_graphs(store)  # as kg serve does: the default graph is the merge (a set) of all graphs
        print(f"merged them into {len(store) - quads} distinct triples in {time.perf_counter() - t1:.1f} s")
    print()
    fact = next(
        iter(
            store.query(
                f"SELECT ?f WHERE {{ ?f a <{PREFIXES['kg']}Figure> }} LIMIT 1",
                use_default_graph_as_union=True,
            )
        )
    )["f"]
    PARAMS["fact"] = f"<{fact.value}>"
    print("| query | rows | median ms | with parameters | rows | median ms |\n|---|---:|---:|---|---:|---:|")
    for name, q in sorted(library().items()):
        if a.only and name not in a.only:
            continue
        line = f"| `{name}` | {time_query(store, name, {}, a.repeat, a.union, a.cap)} |"
        params = {p.name: PARAMS[p.name] for p in q.params[:1]}
        if params:
            shown = ", ".join(f"{k}={v}" for k, v in params.items())
            line += f" {shown} | {time_query(store, name, params, a.repeat, a.union, a.cap)} |"
        else:
            line += " | | |"
        print(line, flush=True)


if __name__ == "__main__":
    main()
