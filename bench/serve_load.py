"""Bounded load on `kg serve` and `oxigraph serve-read-only` (when installed), on 127.0.0.1.

    python bench/serve_load.py -g output/graph.trig [-n 200] [-c 8] [--repeat 3]
    python bench/serve_load.py --store output/store [--ox-store DIR] [--queries a,b,c]

Sends N requests, C at a time, cycling through library queries (each also with an authority
bound, as VALUES in the text, the form `kg query --endpoint` sends), and prints requests per
second and the 95th percentile latency of the best of --repeat runs, and the memory of the
server's whole process tree (RSS, and PSS: shared pages split between the processes sharing
them) idle and after the load, side by side. Both servers get the same texts and a warm-up pass.

With --store, kg serves the store folder and Oxigraph a store of the same quads, the merged
default graph included (so no union default graph is needed): --ox-store DIR is reused when it
exists, else the quads are dumped from the kg store and loaded into it (a few minutes at a
million statements).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kg.sparql.library import bindings, library
from kg.sparql.remote import with_values

QUERIES = "authorities,inspections,figures"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tree(pid: int) -> set[int]:
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout
    rows = [tuple(map(int, line.split())) for line in out.splitlines() if line.strip()]
    tree, grew = {pid}, True
    while grew:
        grew = False
        for p, pp in rows:
            if pp in tree and p not in tree:
                tree.add(p)
                grew = True
    return tree


def cpu(pid: int) -> float:
    """CPU seconds (user and system) used so far by a process and its live descendants."""
    total = 0
    for p in _tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK")


def memory(pid: int) -> tuple[int, int, int]:
    """(RSS kB, PSS kB, processes) of a process and its descendants."""
    rss = pss = 0
    tree = _tree(pid)
    for p in tree:
        try:
            text = Path(f"/proc/{p}/smaps_rollup").read_text()
        except OSError:
            continue
        rss += sum(int(m) for m in re.findall(r"(?m)^Rss:\s+(\d+)", text))
        pss += sum(int(m) for m in re.findall(r"(?m)^Pss:\s+(\d+)", text))
    return rss, pss, len(tree)


def _wait(url: str, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(1200):
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {url}")
        try:
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2).read()  # noqa: S310
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"no answer from {url}")


def texts(names: list[str], authority: str | None) -> list[str]:
    out = []
    for name in names:
        q = library()[name]
        out.append(q.text)
        if authority and any(p.name == "authority" for p in q.params):
            out.append(with_values(q, bindings(q, {"authority": authority})))
    return out


def load(url: str, union: bool, queries: list[str], n: int, conc: int) -> tuple[float, float, int]:
    """(requests per second, p95 seconds, failures) of n requests, conc at a time."""

    def one(i: int) -> tuple[float, bool]:
        fields = [("query", queries[i % len(queries)])]
        if union:
            fields.append(("union-default-graph", ""))
        req = urllib.request.Request(
            url,
            data=urllib.parse.urlencode(fields).encode(),
            headers={
                "Accept": "application/sparql-results+json",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(req, timeout=300) as resp:  # noqa: S310 - 127.0.0.1 only
                resp.read()
                ok = resp.status == 200
        except OSError:
            ok = False
        return time.perf_counter() - start, ok

    start = time.perf_counter()
    with ThreadPoolExecutor(conc) as pool:
        done = list(pool.map(one, range(n)))
    times = sorted(t for t, _ in done)
    return (
        n / (time.perf_counter() - start),
        times[int(0.95 * (len(times) - 1))],
        sum(not ok for _, ok in done),
    )


class Server:
    """One server under test: its process, URL, memory idle, and the runs of the load."""

    def __init__(self, name: str, cmd: list[str], url: str, union: bool) -> None:
        self.name, self.url, self.union = name, url, union
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.runs: list[tuple[float, float, int]] = []
        self.cpu, self.n = 0.0, 0

    def ready(self, queries: list[str]) -> None:
        _wait(self.url, self.proc)
        time.sleep(2)  # let start-up settle before the idle figure
        self.idle = memory(self.proc.pid)
        load(self.url, self.union, queries, len(queries), 1)  # warm-up: each text once

    def measure(self, queries: list[str], n: int, conc: int) -> None:
        before = cpu(self.proc.pid)
        self.runs.append(load(self.url, self.union, queries, n, conc))
        self.cpu += cpu(self.proc.pid) - before

    def row(self) -> str:
        busy = memory(self.proc.pid)
        rps, p95, failed = max(self.runs)
        spread = ", ".join(f"{r[0]:.1f}" for r in self.runs)
        per = 1000 * self.cpu / (len(self.runs) * max(1, self.n))
        return (
            f"| {self.name} | {rps:.1f} ({spread}) | {p95:.2f} | {per:.0f} | {failed} "
            f"| {self.idle[0] // 1024} / {self.idle[1] // 1024} | {busy[0] // 1024} / {busy[1] // 1024} "
            f"| {busy[2]} |"
        )

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def ox_store(kg_store: Path, location: Path, oxigraph: str) -> None:
    """Oxigraph's own store of every quad of the kg store, its merged default graph included."""
    if (location / "CURRENT").exists():
        return
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "all.nq"
        code = (
            "import sys, pyoxigraph as ox; from kg.graph.disk import open_read; from pathlib import Path; "
            "open_read(Path(sys.argv[1]))[0].dump(sys.argv[2], ox.RdfFormat.N_QUADS)"
        )
        subprocess.run([sys.executable, "-c", code, str(kg_store), str(dump)], check=True)
        subprocess.run(
            [oxigraph, "load", "--location", str(location), "--file", str(dump)],
            check=True,
            capture_output=True,
        )


def _authority(graph: list[str]) -> str | None:
    """The authority with the most documents (the first `kg stats` lists)."""
    out = subprocess.run([sys.executable, "-m", "kg", "stats", *graph], capture_output=True, text=True).stdout
    m = re.search(r"(?m)^\s+([EWSN]\d{8})\s", out)
    return m.group(1) if m else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("-g", "--graph", type=Path, help="a graph file (both servers load it in memory)")
    src.add_argument("--store", type=Path, help="a kg store folder (kg serve --store; Oxigraph on disk)")
    ap.add_argument("--ox-store", type=Path, help="Oxigraph store folder for --store (made if missing)")
    ap.add_argument("--queries", default=QUERIES, help=f"library queries to cycle [{QUERIES}]")
    ap.add_argument(
        "--authority",
        help="GSS code bound in the second form of each query [the "
        "authority with most documents; 'none' for no second form]",
    )
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("-c", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=3, help="runs of n requests; the best is shown")
    ap.add_argument("--workers", type=int, help="kg serve --workers [kg's default]")
    ap.add_argument("--threads", type=int, help="kg serve --threads (queries per worker) [kg's default]")
    ap.add_argument("--cache", type=int, help="kg serve --cache MB (0: every request reaches a worker) "
                    "[kg's default]")
    ap.add_argument("--only", choices=["kg", "oxigraph"], help="measure one server only")
    args = ap.parse_args()
    graph = ["--store", str(args.store)] if args.store else ["-g", str(args.graph)]
    authority = None if args.authority == "none" else args.authority or _authority(graph)
    queries = texts(args.queries.split(","), authority)
    print(
        f"{len(queries)} query texts ({args.queries}; authority {authority}), {args.n} requests, "
        f"{args.c} at a time, best of {args.repeat}; load average {os.getloadavg()[0]:.2f}"
    )
    lines = [
        "| server | req/s best (all runs) | p95 s | CPU ms/req | failed | idle MB RSS / PSS "
        "| after MB RSS / PSS | processes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    servers: list[Server] = []
    with tempfile.TemporaryDirectory() as tmp:
        try:
            if args.only != "oxigraph":
                port = _port()
                kg = [
                    sys.executable,
                    "-m",
                    "kg",
                    "serve",
                    *graph,
                    "--port",
                    str(port),
                    "-q",
                    "--timeout",
                    "120",
                ]
                chosen = {"workers": args.workers, "threads": args.threads, "cache": args.cache}
                kg += [a for k, v in chosen.items() if v is not None for a in (f"--{k}", str(v))]
                label = ", ".join(f"--{k} {v}" for k, v in chosen.items() if v is not None) or "defaults"
                servers.append(
                    Server(
                        f"kg serve ({label})",
                        kg,
                        f"http://127.0.0.1:{port}/sparql",
                        False,
                    )
                )
            oxigraph = shutil.which("oxigraph")
            if oxigraph and args.only != "kg":
                location = Path(tmp)
                if args.store:
                    location = args.ox_store or location
                    ox_store(args.store, location, oxigraph)
                else:
                    subprocess.run(
                        [oxigraph, "load", "--location", tmp, "--file", str(args.graph)],
                        check=True,
                        capture_output=True,
                    )
                port = _port()
                cmd = [
                    oxigraph,
                    "serve-read-only",
                    "--location",
                    str(location),
                    "--bind",
                    f"127.0.0.1:{port}",
                ]
                servers.append(
                    Server("oxigraph serve-read-only", cmd, f"http://127.0.0.1:{port}/query", not args.store)
                )
            for srv in servers:
                srv.ready(queries)
                srv.n = args.n
            for _ in range(args.repeat):  # alternate, so both see the same background load
                for srv in servers:
                    srv.measure(queries, args.n, args.c)
            lines += [srv.row() for srv in servers]
        finally:
            for srv in servers:
                srv.stop()
    print("\n".join(lines))
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
