"""Bounded load on `kg serve` (and `oxigraph serve-read-only` when installed) on 127.0.0.1.

    python bench/serve_load.py -g output/graph.trig [-n 200] [-c 8]

Sends N requests, C at a time, cycling through three library queries, and prints requests per
second, the 95th percentile latency and the server's resident memory (its process tree) idle
and after the load, side by side.
"""

from __future__ import annotations

import argparse
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

from kg.sparql.library import library

QUERIES = ("authorities", "inspections", "figures")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss(pid: int) -> int:
    """Resident kB of a process and its descendants."""
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,rss="], capture_output=True, text=True).stdout
    rows = [tuple(map(int, line.split())) for line in out.splitlines() if line.strip()]
    tree, total, grew = {pid}, 0, True
    while grew:
        grew = False
        for p, pp, _ in rows:
            if pp in tree and p not in tree:
                tree.add(p)
                grew = True
    return sum(r for p, _, r in rows if p in tree) + total


def _wait(url: str, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {url}")
        try:
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2).read()  # noqa: S310
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"no answer from {url}")


def load(url: str, union: bool, n: int, conc: int) -> tuple[float, float]:
    texts = [library()[q].text for q in QUERIES]

    def one(i: int) -> float:
        fields = [("query", texts[i % len(texts)])]
        if union:
            fields.append(("union-default-graph", ""))
        req = urllib.request.Request(
            url, data=urllib.parse.urlencode(fields).encode(),
            headers={"Accept": "application/sparql-results+json",
                     "Content-Type": "application/x-www-form-urlencoded"})
        start = time.perf_counter()
        with urllib.request.urlopen(req, timeout=120) as resp:  # noqa: S310 - 127.0.0.1 only
            resp.read()
        return time.perf_counter() - start

    start = time.perf_counter()
    with ThreadPoolExecutor(conc) as pool:
        times = sorted(pool.map(one, range(n)))
    return n / (time.perf_counter() - start), times[int(0.95 * (len(times) - 1))]


def run(name: str, cmd: list[str], url: str, union: bool, n: int, conc: int) -> str:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(url, proc)
        idle = _rss(proc.pid)
        rps, p95 = load(url, union, n, conc)
        busy = _rss(proc.pid)
    finally:
        proc.terminate()
        proc.wait(30)
    return f"| {name} | {rps:.1f} | {p95:.2f} | {idle // 1024} | {busy // 1024} |"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-g", "--graph", type=Path, required=True)
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("-c", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    lines = ["| server | req/s | p95 s | RSS idle MB | RSS after MB |", "|---|---|---|---|---|"]
    port = _port()
    kg = [sys.executable, "-m", "kg", "serve", "-g", str(args.graph), "--port", str(port), "-q",
          "--workers", str(args.workers), "--timeout", "60"]
    lines.append(run("kg serve", kg, f"http://127.0.0.1:{port}/sparql", False, args.n, args.c))
    oxigraph = shutil.which("oxigraph")
    if oxigraph:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([oxigraph, "load", "--location", tmp, "--file", str(args.graph)],
                           check=True, capture_output=True)
            port = _port()
            cmd = [oxigraph, "serve-read-only", "--location", tmp, "--bind", f"127.0.0.1:{port}"]
            lines.append(run("oxigraph serve-read-only", cmd, f"http://127.0.0.1:{port}/query", True,
                             args.n, args.c))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
