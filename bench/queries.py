"""Time every library query on about a million statements, with and without each parameter.

    python bench/queries.py [--minutes 750] [--store DIR] [--texts DIR] [--repeat 3]
    python bench/queries.py --facts [--docs 2600] [--out FILE]     # the older fact-level graph
    python bench/queries.py --graph FILE                           # any built graph

By default the graph is the store that `kg build --store` makes of `--minutes` synthetic minutes
(bench/synth.py, seed --seed; 750 give about 1.1 million statements), built once into --store
(default output/bench/queries-store) and reused; queries read it as `kg query` does (the on-disk
store, read-only, its default graph the merge). `--facts` generates the graph from facts
(kg.extract.facts) through kg.graph.quads.document_quads instead, so the timings do not depend on
the extractors. `--texts DIR` times the .rq files in DIR in place of the library's of the same
name (e.g. tests/data/queries_before, the texts before they were rewritten). Each query runs once
to warm up, then --repeat times; the time is the best of those (the machine is shared, so the
fastest run is the one least disturbed) and includes formatting as CSV. Each
query runs without parameters and then once with each parameter it declares.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from kg.extract import facts as F  # noqa: E402
from kg.graph import disk  # noqa: E402
from kg.graph.quads import PREFIXES, authority_quads, document_quads, vocabulary_quads  # noqa: E402
from kg.graph.reference import official_quads  # noqa: E402
from kg.graph.store import load, write_graph  # noqa: E402
from kg.reading.document import Document  # noqa: E402
from kg.reference.ofsted import official_inspections, statistical_neighbours  # noqa: E402
from kg.sparql.library import Query, format_result, library, merge_graphs, parse_query_file, run  # noqa: E402

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
    "authority": "E08000032",  # replaced by the authority with the most figures in the graph
    "judgement": "inadequate",
    "concern": "agency-staff",
    "unit": "percent",
    "qualifier": "actual",
    "role": "assistant-director",
    "kind": "presented",
    "as_of": "2020-01-01",
    "threshold": "40",
    "text": "agency",
    "file": '"bench_00007.txt"',  # replaced by a file in the graph
    "limit": "100",
    "offset": "100",
}


def time_query(
    store: ox.Store, q: Query, params: dict[str, str], repeat: int, union: bool, cap: float
) -> str:
    """'rows | best ms', measured in a forked child that the kernel stops after `cap` s."""
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
        os.write(w, f"{rows} | {min(times) * 1000:.0f}".encode())
        os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as fh:
        got = fh.read().decode()
    os.waitpid(pid, 0)
    return got or f"? | > {cap * 1000:.0f} (stopped)"


def minutes_store(root: Path, n: int, seed: int) -> Path:
    """The store of `n` synthetic minutes, built with `kg build --store` unless already there."""
    if disk.is_store(root):
        return root
    from run import corpus  # bench/run.py: the cached synthetic corpus

    from kg.pipeline.incremental import build_store

    t0 = time.perf_counter()
    res = build_store([corpus(n, seed)], root)
    took = time.perf_counter() - t0
    print(f"built {res.summary()} ({res.statements} statements) into {root} in {took:.0f} s")
    return root


PROVENANCE = """
SELECT (COUNT(DISTINCT ?f) AS ?facts) (COUNT(*) AS ?on_facts) WHERE {
  { SELECT DISTINCT ?f WHERE { ?f kg:evidence ?any } }
  VALUES ?p { prov:wasDerivedFrom kg:rule kg:evidence } ?f ?p ?o }"""
QUOTES = """
SELECT (COUNT(DISTINCT ?q) AS ?quotes) (COUNT(*) AS ?on_quotes) WHERE {
  { SELECT DISTINCT ?q WHERE { ?f kg:evidence ?q } } ?q ?p ?o }"""


def provenance_figures(store: ox.Store) -> str:
    """Statements per fact: a fact is what cites kg:evidence; its provenance is its
    prov:wasDerivedFrom, kg:rule and kg:evidence statements and every statement about its quotes."""
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    total = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0]  # type: ignore[index]
    facts, on_facts = next(iter(store.query(head + PROVENANCE)))  # type: ignore[misc]
    quotes, on_quotes = next(iter(store.query(head + QUOTES)))  # type: ignore[misc]
    n, f, q = int(total.value), int(facts.value), int(quotes.value)
    prov = int(on_facts.value) + int(on_quotes.value)
    return (
        f"{n} statements, {f} facts, {q} quotes; provenance {prov} statements ({prov / n:.0%}), "
        f"{prov / f:.2f} per fact ({int(on_facts.value) / f:.2f} on the fact, "
        f"{int(on_quotes.value) / f:.2f} on its quotes); {n / f:.2f} statements per fact in all"
    )


def pick(store: ox.Store, sparql: str) -> str | None:
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    for sol in store.query(head + sparql):  # type: ignore[union-attr]
        return str(sol[0].value)
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=int, default=750, help="synthetic minutes in the store")
    ap.add_argument("--store", type=Path, default=ROOT / "output" / "bench" / "queries-store")
    ap.add_argument("--facts", action="store_true", help="time the fact-level generated graph instead")
    ap.add_argument("--docs", type=int, default=2600, help="documents of the --facts graph")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--graph", type=Path, help="time this built graph file instead")
    ap.add_argument("--out", type=Path, default=ROOT / "output" / "bench" / "queries-graph.trig")
    ap.add_argument("--texts", type=Path, help="a folder of .rq files timed in place of the library's")
    ap.add_argument("--only", nargs="*", help="query names to time (default: all)")
    ap.add_argument(
        "--union",
        action="store_true",
        help="query the union of the named graphs (a bag) instead of their merge",
    )
    ap.add_argument("--provenance", action="store_true", help="print the statements per fact only")
    ap.add_argument("--cap", type=float, default=30.0, help="seconds after which a query is stopped")
    a = ap.parse_args()
    t0 = time.perf_counter()
    if a.graph or a.facts:
        path = a.graph or a.out
        if not path.exists():
            write_graph(generate(a.docs, a.seed), path, PREFIXES)
            print(f"generated {a.docs} documents into {path} in {time.perf_counter() - t0:.1f} s")
            t0 = time.perf_counter()
        store = load([path])
        quads = len(store)
        print(f"loaded {quads} quads from {path} in {time.perf_counter() - t0:.1f} s")
        if not a.union:
            t1 = time.perf_counter()
            merge_graphs(store)  # as kg serve does: the default graph is the merge (a set) of all graphs
            took = time.perf_counter() - t1
            print(f"merged them into {len(store) - quads} distinct triples in {took:.1f} s")
    else:
        store, _ = disk.open_read(minutes_store(a.store, a.minutes, a.seed))
        print(f"opened the store {a.store} ({len(store)} quads) in {time.perf_counter() - t0:.1f} s")
    print(provenance_figures(store))
    if a.provenance:
        return
    print()
    fact = pick(store, "SELECT ?f WHERE { GRAPH ?g { ?f a kg:Figure } } LIMIT 1")
    PARAMS["fact"] = f"<{fact}>"
    most = "SELECT ?a { ?f a kg:Figure ; kg:authority ?a } GROUP BY ?a ORDER BY DESC(COUNT(?f)) ?a LIMIT 1"
    top = pick(store, most)
    if top:
        PARAMS["authority"] = top.rsplit("/", 1)[-1]
    file = pick(store, "SELECT ?n WHERE { ?d a kg:Document ; kg:fileName ?n } ORDER BY ?n LIMIT 1")
    if file:
        PARAMS["file"] = f'"{file}"'
    texts = {p.stem: parse_query_file(p) for p in sorted(a.texts.glob("*.rq"))} if a.texts else {}
    print(f"| query | parameters | rows | best of {a.repeat}, ms |\n|---|---|---:|---:|")
    for name, q in sorted(library().items()):
        if a.only and name not in a.only:
            continue
        q = texts.get(name, q)
        for params in [{}] + [{p.name: PARAMS[p.name]} for p in q.params]:
            shown = ", ".join(f"{k}={v if k != 'fact' else '<a figure>'}" for k, v in params.items())
            took = time_query(store, q, params, a.repeat, a.union, a.cap)
            print(f"| `{name}` | {shown} | {took} |", flush=True)


if __name__ == "__main__":
    main()
