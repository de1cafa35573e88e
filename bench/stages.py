"""Where a build's time goes, stage by stage, in one process (no workers).

    python bench/stages.py [--docs 400]

Reads the first N synthetic minutes (bench/synth.py, seed 7), then for each document: reading,
extraction, mapping to N-Quads (kg.graph.quads.document_nquads), and loading into an on-disk
store with the merge (kg.pipeline.apply.Adder, as `kg build --store` does); then compaction.
Prints milliseconds of CPU per document for each stage. A parallel build spreads the first three
over worker processes and does the loading in the main process; on 2 cores the sum of all
stages bounds its throughput.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400)
    args = ap.parse_args()

    import pyoxigraph as ox

    from kg.extract import extract_all, extractors
    from kg.graph import iris
    from kg.graph.quads import document_nquads
    from kg.pipeline.apply import Adder
    from kg.reading.readers import read_document, scan_sources

    src = corpus(args.docs, 7)
    sources = scan_sources([src]).sources[: args.docs]
    extractors()  # loaded once, as the build does before starting its workers
    spent = dict.fromkeys(("read", "extract", "N-Quads", "load"), 0.0)
    tmp = Path(tempfile.mkdtemp(prefix="kg-stages-"))
    try:
        store = ox.Store(str(tmp / "store"))
        adder = Adder(store)
        clock = time.process_time
        for s in sources:
            a = clock()
            doc = read_document(s)
            b = clock()
            found = extract_all(doc)
            c = clock()
            data = document_nquads(doc, found)
            d = clock()
            adder.add_nquads(data, ox.NamedNode(iris.document(doc.sha256)))
            spent["read"] += b - a
            spent["extract"] += c - b
            spent["N-Quads"] += d - c
            spent["load"] += clock() - d
        a = clock()
        adder.flush()
        spent["load"] += clock() - a
        a = clock()
        store.optimize()
        spent["compaction"] = clock() - a
        del store
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    n = len(sources)
    print(f"| stage ({n} documents, one process) | CPU ms per document |")
    print("|---|---:|")
    for k, v in spent.items():
        print(f"| {k} | {1000 * v / n:.1f} |")
    print(f"| all | {1000 * sum(spent.values()) / n:.1f} |")


if __name__ == "__main__":
    main()
