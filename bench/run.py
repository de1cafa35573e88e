"""Benchmark ``kg build`` on synthetic minutes from bench/synth.py.

    python bench/run.py [--docs 1000 10000] [--seed 1] [--repeat 1] [--format ttl]
    python bench/run.py --profile 200        # cProfile of one build, top functions by cumtime

Corpora are generated once into bench/.cache/ (regenerated when the generator changes). Every
measurement runs in a fresh interpreter: one full ``kg.pipeline.build.build`` (the figure of record:
wall time, peak RSS, output size) and one run split into phases (reading only, then
``kg.pipeline.build.process`` =
read + extract + quads into the store, then ``kg.graph.store.serialise_store`` =
sorted N-Quads lines + serialise, then the file write). Prints a table and adds it to the top
of bench/results.md.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"
GENERATOR = ("synth.py", "filler.py", "fragments.py", "phrases.py", "render.py")

# Runs in a fresh interpreter: argv = mode, corpus dir, output file. Prints one JSON line.
WORKER = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from pathlib import Path
import pyoxigraph as ox
from kg.pipeline import build as B
from kg.graph.quads import PREFIXES
from kg.reading.readers import read_document
from kg.graph.store import FORMATS, serialise_store, sorted_lines, write_atomic
import hashlib, kg
fp = hashlib.sha256()
for f in sorted(Path(kg.__file__).parent.rglob("*.py")):
    fp.update(f.read_bytes())
r = {"import_s": time.perf_counter() - t0, "kg": fp.hexdigest()[:12]}
mode, src, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
if mode == "build":
    t = time.perf_counter()
    res = B.build([src], out)
    r["build_s"] = time.perf_counter() - t
    me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    r["rss_kb"], r["child_rss_kb"] = me.ru_maxrss, kids.ru_maxrss
    r["cpu_s"] = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    r["docs"], r["errors"] = len(res.documents), len(res.errors)
    r["quads_made"] = res.statements
    r["chars"] = sum(len(d.text) for d in res.documents)
    r["out_bytes"] = out.stat().st_size
    r["statements"] = sum(1 for _ in ox.parse(path=str(out), format=FORMATS[out.suffix]))
elif mode == "phases":
    t = time.perf_counter()
    sources, _ = B.read_sources([src])
    for s in sources:
        read_document(s)
    r["read_s"] = time.perf_counter() - t
    t = time.perf_counter()
    res = B.process(sources)
    r["process_s"] = time.perf_counter() - t
    t = time.perf_counter()
    sorted_lines(res.store, out.suffix in (".trig", ".nq"))
    r["canonical_s"] = time.perf_counter() - t
    t = time.perf_counter()
    data = serialise_store(res.store, out.suffix, PREFIXES)
    r["serialise_s"] = time.perf_counter() - t
    t = time.perf_counter()
    write_atomic(out, data)
    r["write_s"] = time.perf_counter() - t
    r["rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
elif mode == "profile":
    import cProfile, io, pstats
    prof = cProfile.Profile()
    try:  # serial, so that extraction shows up in this process's profile
        prof.runcall(B.build, [src], out, jobs=1)
    except TypeError:  # a kg without the jobs option
        prof.runcall(B.build, [src], out)
    prof.dump_stats(str(out) + ".prof")
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)
    r["profile"] = buf.getvalue()
print(json.dumps(r))
"""


def generator_hash() -> str:
    h = hashlib.sha256()
    for name in GENERATOR:
        h.update((BENCH / name).read_bytes())
    return h.hexdigest()[:16]


def corpus(n: int, seed: int) -> Path:
    """The cached corpus of ``n`` documents for ``seed``; generated if missing or stale."""
    folder, stamp = CACHE / f"corpus-s{seed}-n{n}", CACHE / f"corpus-s{seed}-n{n}.ok"
    want = generator_hash()
    if folder.is_dir() and stamp.exists() and stamp.read_text() == want:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    tmp = CACHE / f".tmp-s{seed}-n{n}"
    shutil.rmtree(tmp, ignore_errors=True)
    cmd = [sys.executable, str(BENCH / "synth.py"), "--docs", str(n), "--seed", str(seed)]
    subprocess.run([*cmd, "--out", str(tmp)], check=True, stdout=subprocess.DEVNULL)
    tmp.rename(folder)
    stamp.write_text(want)
    return folder


def worker(mode: str, src: Path, out: Path, timeout: float) -> dict[str, float | str]:
    """Run WORKER in a fresh interpreter; adds the wall time seen from outside (``wall_s``).

    A run that fails or outlives ``timeout`` seconds gives ``{"failed": why}``.
    """
    t = time.perf_counter()
    cmd = [sys.executable, "-c", WORKER, mode, str(src), str(out)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        print(f"bench: {mode} run stopped after {timeout:.0f} s", file=sys.stderr)
        return {"failed": f"timeout {timeout:.0f} s"}
    if proc.returncode:
        print(f"bench: {mode} run failed:\n{proc.stderr[-3000:]}", file=sys.stderr)
        return {"failed": f"exit {proc.returncode}"}
    res: dict[str, float | str] = json.loads(proc.stdout.strip().splitlines()[-1])
    res["wall_s"] = time.perf_counter() - t
    return res


NAN = float("nan")
BUILD_KEYS = ("docs", "build_s", "wall_s", "import_s", "quads_made", "statements", "out_bytes",
              "rss_kb", "child_rss_kb", "cpu_s", "errors")  # fmt: skip
PHASE_KEYS = ("read_s", "process_s", "canonical_s", "serialise_s", "write_s")


def measure(n: int, seed: int, repeat: int, fmt: str, timeout: float) -> dict[str, float | str]:
    """One row: the median of ``repeat`` full builds, then one run split into phases."""
    src = corpus(n, seed)
    files = [p for p in src.iterdir() if p.is_file()]
    row: dict[str, float | str] = {"n": n, "mb": sum(p.stat().st_size for p in files) / 1e6}
    builds = [worker("build", src, CACHE / f"out-s{seed}-n{n}.{fmt}", timeout) for _ in range(repeat)]
    ok = [b for b in builds if "failed" not in b]
    for k in BUILD_KEYS:
        vals = [float(b[k]) for b in ok]
        row[k] = (max(vals) if k.endswith("rss_kb") else statistics.median(vals)) if vals else NAN
    phases = worker("phases", src, CACHE / f"phases-s{seed}-n{n}.{fmt}", timeout)
    row.update({k: float(phases.get(k, NAN)) for k in PHASE_KEYS})
    row["kg"] = " ".join(sorted({str(x.get("kg", "?")) for x in [*ok, phases] if "kg" in x}))
    row["failed"] = "; ".join(str(x["failed"]) for x in [*builds, phases] if "failed" in x)
    return row


def _f(v: float | str, spec: str) -> str:
    return "-" if isinstance(v, str) or math.isnan(v) else format(v, spec)


def table(rows: list[dict[str, float | str]]) -> list[str]:
    head = (
        "| docs | MB in | build s | docs/s | MB/s | quads made | statements out | out MB "
        "| peak RSS MB (main / worker) | CPU s | wall s (incl. startup) |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        secs, mb = float(r["build_s"]), float(r["mb"])
        lines.append(
            f"| {_f(r['n'], ',')} | {_f(mb, '.2f')} | {_f(secs, '.1f')} | "
            f"{_f(float(r['docs']) / secs, '.1f')} | {_f(mb / secs, '.3f')} | "
            f"{_f(r['quads_made'], ',.0f')} | {_f(r['statements'], ',.0f')} | "
            f"{_f(float(r['out_bytes']) / 1e6, '.2f')} | {_f(float(r['rss_kb']) / 1024, '.0f')} / "
            f"{_f(float(r['child_rss_kb']) / 1024, '.0f')} | {_f(r['cpu_s'], '.1f')} | "
            f"{_f(r['wall_s'], '.1f')} |"
        )
    lines += [
        "",
        "| docs | read only s | process s (read+extract+quads) | dedupe+sort s "
        "| serialise s (incl. dedupe+sort) | write s | extraction share |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        proc, ser, wr = float(r["process_s"]), float(r["serialise_s"]), float(r["write_s"])
        lines.append(
            f"| {_f(r['n'], ',')} | {_f(r['read_s'], '.2f')} | {_f(proc, '.1f')} | "
            f"{_f(r['canonical_s'], '.2f')} | {_f(ser, '.2f')} | {_f(wr, '.3f')} | "
            f"{_f(proc / (proc + ser + wr), '.0%')} |"
        )
    return lines


def machine() -> list[str]:
    info = Path("/proc/cpuinfo")
    models = [ln.split(":", 1)[1].strip() for ln in info.read_text().splitlines()
              if ln.startswith("model name")] if info.exists() else []  # fmt: skip
    cpu = models[0] if models else platform.processor() or "?"
    code = "import importlib.metadata as m; print(*(m.version(p) for p in ('pyoxigraph', 'rdflib')))"
    versions = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    return [
        f"- date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- machine: {platform.system()} {platform.release()}, nproc {len(os.sched_getaffinity(0))}, {cpu}",
        f"- python {platform.python_version()}; pyoxigraph, rdflib {versions.strip()}",
    ]


def report(rows: list[dict[str, float | str]], a: argparse.Namespace, cmd: str) -> str:
    lines = table(rows)
    notes = [
        f"- {r['n']:,} documents: kg source {r['kg'] or '?'}; load average before/after "
        f"{r['load']}; inputs refused {_f(r['errors'], '.0f')}"
        + (f"; FAILED: {r['failed']}" if r["failed"] else "")
        + (" (WARNING: kg changed between runs)" if " " in str(r["kg"]) else "")
        for r in rows
    ]
    return "\n".join([
        "# kg build benchmark", "", *machine(), f"- command: `{cmd}`",
        f"- output: .{a.format}; corpus: bench/synth.py, seed {a.seed}", "",
        f"## Full build (`kg.pipeline.build.build`, fresh interpreter, median of {a.repeat})", "",
        *lines[: len(rows) + 2], "", "## Phases (one separate run)", "",
        *lines[len(rows) + 3 :], "", "## Notes", "", *notes, "",
        "quads made: what `process` produced, duplicates included; statements out: what the "
        "output file holds (Turtle drops graph names). Peak RSS: ru_maxrss of the build process and "
        "of its largest worker process, if kg used any; CPU s: user+sys of both. "
        "MB in: input file bytes. wall s adds interpreter start and imports. kg source: sha256 "
        "of kg/**/*.py as each run imported it; compare only runs with the same one. A load "
        "average above nproc means other work shared the CPUs and the seconds are inflated.", "",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[1000], help="corpus sizes")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1, help="full builds per size (median)")
    ap.add_argument("--format", default="ttl", choices=("ttl", "nq", "nt", "trig"))
    ap.add_argument("--timeout", type=float, default=1800, help="seconds allowed per run")
    ap.add_argument("--profile", type=int, metavar="N", help="profile one build of N documents")
    ap.add_argument("--results", type=Path, default=BENCH / "results.md")
    a = ap.parse_args(argv)
    CACHE.mkdir(exist_ok=True)
    if a.profile:
        out = CACHE / f"prof-n{a.profile}.{a.format}"
        res = worker("profile", corpus(a.profile, a.seed), out, a.timeout)
        text = f"kg source {res.get('kg', '?')}\n{res.get('profile', res)}"
        (CACHE / f"profile-n{a.profile}.txt").write_text(text)
        print(text)
        return
    rows = []
    for n in a.docs:
        print(f"bench: {n} documents (seed {a.seed}) ...", file=sys.stderr, flush=True)
        before = os.getloadavg()[0]
        rows.append(measure(n, a.seed, a.repeat, a.format, a.timeout))
        rows[-1]["load"] = f"{before:.1f}/{os.getloadavg()[0]:.1f}"
        print("\n".join(table(rows[-1:])), file=sys.stderr, flush=True)
    print("\n".join(table(rows)))
    cmd = " ".join(["python", "bench/run.py", *(sys.argv[1:] if argv is None else argv)])
    old = a.results.read_text() if a.results.exists() else ""
    a.results.write_text(report(rows, a, cmd) + ("\n---\n\n" + old if old else ""))  # newest first
    print(f"bench: wrote {a.results}", file=sys.stderr)


if __name__ == "__main__":
    main()
