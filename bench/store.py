"""The store on disk against the in-memory build: speed, memory, size, and incremental rebuilds.

    python bench/store.py --docs 1000 [--docs 10000] [--no-before]
    python bench/store.py --docs 1000 --against REV [--repeat 2]

For each size: the in-memory build of before (`kg.pipeline.build.build`, one .trig file), a first
build into a store (`kg build --store`), then a rebuild after one document added, one changed and
one removed, an export of the store to N-Quads and a library query read from it. Each step runs
in a fresh interpreter; peak memory is the largest resident set of the main process and of any
worker process. Prints a Markdown table for docs/performance.md. With --against REV, only first
builds, alternating between this checkout's code and commit REV's (in a temporary worktree).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import CACHE, corpus  # noqa: E402

WORKER = r"""
import json, resource, sys, time
from pathlib import Path
mode, src, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
t = time.perf_counter()
r = {}
if mode == "before":
    from kg.pipeline.build import build
    res = build([src], out)
    r["docs"], r["statements"] = len(res.documents), res.statements
elif mode == "store":
    from kg.pipeline.incremental import build_store
    res = build_store([src], out)
    r["docs"], r["statements"], r["summary"] = res.documents, res.statements, res.summary()
elif mode == "export":
    from kg.graph.store import export
    export([src], out)
elif mode == "query":
    from kg.sparql.library import run_query
    run_query("inspections", [src], "csv", {})
r["s"] = time.perf_counter() - t
if mode == "query":  # facts (what cites kg:evidence), for statements per fact; not timed
    from kg.graph.store import load
    facts = "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f <https://w3id.org/kg-minutes/def#evidence> ?q }"
    rows = load([src]).query(facts)
    r["facts"] = int(next(iter(rows))["n"].value)
me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
r["rss_mb"], r["child_rss_mb"] = me.ru_maxrss / 1024, kids.ru_maxrss / 1024
# CPU seconds of the build and its workers: comparable across runs on a shared machine
r["cpu_s"] = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
import kg
r["code"] = str(Path(kg.__file__).parent.parent)
print(json.dumps(r))
"""


def step(mode: str, src: Path, out: Path, code: Path | None = None) -> dict[str, float | str]:
    """One step in a fresh interpreter; with `code`, importing kg from that checkout instead."""
    env = dict(os.environ, PYTHONPATH=str(code)) if code else None
    # run from a folder without a kg package in it: `python -c` puts the working folder first
    # on sys.path, ahead of PYTHONPATH, and a checkout's own kg would shadow `code`
    proc = subprocess.run([sys.executable, "-c", WORKER, mode, str(src), str(out)],
                          capture_output=True, text=True, check=False, env=env, cwd=tempfile.gettempdir())
    if proc.returncode:
        raise SystemExit(f"bench: {mode} failed:\n{proc.stderr[-3000:]}")
    res: dict[str, float | str] = json.loads(proc.stdout.strip().splitlines()[-1])
    res["load"] = os.getloadavg()[0]
    print(f"bench: {mode} {src.name}: {res}", file=sys.stderr)
    return res


def du_mb(path: Path) -> float:
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0]) / 1024


def measure(n: int, before: bool) -> dict[str, object]:
    src = corpus(n + 1, 7)  # one more than measured: the document added by the rebuild
    work = CACHE / f"store-work-n{n}"
    shutil.rmtree(work, ignore_errors=True)
    minutes = work / "minutes"
    files = sorted(p for p in src.iterdir() if p.is_file())
    minutes.mkdir(parents=True)
    for p in files[:n]:
        shutil.copy(p, minutes / p.name)
    row: dict[str, object] = {"n": n, "mb": sum(p.stat().st_size for p in files[:n]) / 1e6}
    if before:
        row["before"] = step("before", minutes, work / "graph.trig")
        (work / "graph.trig").unlink()
    store = work / "store"
    row["first"] = step("store", minutes, store)
    row["size_mb"] = du_mb(next(store.glob("v*")))
    shutil.copy(files[n], minutes / files[n].name)  # one added
    changed = minutes / files[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe committee noted the report.\n",
                       encoding="utf-8")  # one changed
    (minutes / files[1].name).unlink()  # one removed
    row["rebuild"] = step("store", minutes, store)
    row["export"] = step("export", store, work / "graph.nq")
    row["query"] = step("query", store, work / "unused")
    shutil.rmtree(work, ignore_errors=True)
    return row


def table(rows: list[dict[str, object]]) -> list[str]:
    lines = [
        "| docs | build | s | docs/s | MB/s | CPU s | load | statements | peak RSS MB (main / workers) "
        "| store MB |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        for key, label in (("before", "in memory (before)"), ("first", "store, first build"),
                           ("rebuild", "store, +1 ~1 -1")):
            m = r.get(key)
            if not isinstance(m, dict):
                continue
            s = float(m["s"])
            size = f"{r['size_mb']:.0f}" if key == "first" else ""
            lines.append(
                f"| {r['n']:,} | {label} | {s:.1f} | {float(m['docs']) / s:.1f} | "
                f"{float(str(r['mb'])) / s:.3f} | {float(m['cpu_s']):.1f} | "
                f"{float(m['load']):.1f} | {int(m['statements']):,} | "
                f"{float(m['rss_mb']):.0f} / {float(m['child_rss_mb']):.0f} | {size} |"
            )
        first, again = r["first"], r["rebuild"]
        assert isinstance(first, dict) and isinstance(again, dict)
        ratio = float(again["s"]) / float(first["s"])
        lines.append(f"| {r['n']:,} | rebuild / first | {ratio:.1%} | | | | | | | |")
        for key, label in (("export", "export store to .nq"), ("query", "`kg query inspections` from store")):
            m = r[key]
            assert isinstance(m, dict)
            lines.append(f"| {r['n']:,} | {label} | {float(m['s']):.1f} | | | {float(m['cpu_s']):.1f} | | | "
                         f"{float(m['rss_mb']):.0f} / - | |")
        query = r["query"]
        assert isinstance(query, dict)
        facts = int(query["facts"])
        lines.append(f"| {r['n']:,} | statements per fact | {int(again['statements']) / facts:.2f} | | | | | "
                     f"{facts:,} facts | | |")
    return lines


def compare(n: int, rev: str, repeat: int) -> list[str]:
    """First builds of the same n documents by this checkout and by commit `rev`, alternating,
    so that both see the same load on a shared machine."""
    src = corpus(n + 1, 7)
    work = CACHE / f"store-compare-n{n}"
    shutil.rmtree(work, ignore_errors=True)
    minutes = work / "minutes"
    minutes.mkdir(parents=True)
    for p in sorted(p for p in src.iterdir() if p.is_file())[:n]:
        shutil.copy(p, minutes / p.name)
    old = work / "code"
    root = Path(__file__).resolve().parent.parent
    subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", "-f", str(old), rev],
                   check=True, capture_output=True)
    lines = [f"| build of {n:,} documents | s | docs/s | CPU s | CPU ms/doc | load | peak RSS MB "
             "(main / workers) |", "|---|---|---|---|---|---|---|"]
    try:
        for _ in range(repeat):
            for label, code in (("this checkout", None), (rev, old)):
                shutil.rmtree(work / "store", ignore_errors=True)
                m = step("store", minutes, work / "store", code)
                assert (m["code"] == str(old)) == (code is not None), f"{label} ran the code of {m['code']}"
                t, cpu = float(m["s"]), float(m["cpu_s"])
                rss = f"{float(m['rss_mb']):.0f} / {float(m['child_rss_mb']):.0f}"
                lines.append(f"| {label} | {t:.1f} | {n / t:.1f} | {cpu:.1f} | {1000 * cpu / n:.0f} | "
                             f"{float(m['load']):.1f} | {rss} |")
    finally:
        subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(old)], check=False)
        shutil.rmtree(work, ignore_errors=True)
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, action="append", default=None)
    ap.add_argument("--no-before", action="store_true", help="Skip the in-memory build of before.")
    ap.add_argument("--against", metavar="REV", help="Only compare first builds with commit REV's code.")
    ap.add_argument("--repeat", type=int, default=2, help="Alternating runs of each with --against.")
    args = ap.parse_args()
    if args.against:
        for n in args.docs or [1000]:
            print("\n".join(compare(n, args.against, args.repeat)))
        return
    started = time.perf_counter()
    rows = [measure(n, not args.no_before) for n in args.docs or [1000]]
    print("\n".join(table(rows)))
    print(f"\n(bench/store.py, {time.perf_counter() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
