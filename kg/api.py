"""Library functions behind the CLI commands (one per command)."""

from __future__ import annotations

from pathlib import Path

from kg import queries
from kg.graph import PREFIXES
from kg.store import load, write_graph

_STATS = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class }
GROUP BY ?class ORDER BY DESC(?n) ?class
"""


def run_query(name: str, graphs: list[Path], fmt: str, params: dict[str, str]) -> str:
    q = queries.resolve(name)
    store = load(graphs)
    return queries.format_result(queries.run(store, q, params), fmt, PREFIXES)


def export(graphs: list[Path], output: Path) -> str:
    store = load(graphs)
    write_graph(store.quads_for_pattern(None, None, None, None), output, PREFIXES)
    return f"wrote {output}"


def stats(graphs: list[Path]) -> str:
    store = load(graphs)
    rows = store.query(_STATS, use_default_graph_as_union=True)
    lines = ["class counts:"]
    for r in rows:
        iri = r["class"].value
        short = next((f"{p}:{iri[len(ns):]}" for p, ns in PREFIXES.items() if iri.startswith(ns)), iri)
        lines.append(f"  {short:40} {r['n'].value:>8}")
    return "\n".join(lines) + "\n"
