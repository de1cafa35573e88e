"""Every fact names the rule that read it, and kg eval -v reports precision per rule."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner

from kg.cli.main import main
from kg.extract import extract_all
from kg.pipeline.build import build
from tests.conftest import DATA

MINUTES = DATA / "minutes"


def test_every_fact_read_from_the_text_has_a_named_rule(tmp_path: Path) -> None:
    out = tmp_path / "g.nq"
    result = build([MINUTES], out, jobs=1)
    assert result.ok
    from kg.reading.readers import find_sources, read_document

    sources, _ = find_sources([MINUTES])
    for src in sources[:6]:
        for fact in extract_all(read_document(src)):
            assert re.fullmatch(r"[a-z]+\.[a-z_-]+", fact.rule), (type(fact).__name__, fact.rule)
    store = ox.Store()
    store.load(out.read_bytes(), format=ox.RdfFormat.N_QUADS)
    unruled = store.query(
        "PREFIX kg: <https://w3id.org/kg-minutes/def#> "
        "SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE { GRAPH ?g { ?n kg:evidence ?q "
        "FILTER NOT EXISTS { ?n kg:rule ?r } } }"
    )
    assert next(iter(unruled))["c"].value == "0"


def test_eval_details_give_precision_per_rule() -> None:
    r = CliRunner().invoke(main, ["eval", str(DATA / "gold"), str(MINUTES), "-v"])
    assert r.exit_code == 0, r.output
    table = r.output[r.output.index("rule ") : r.output.index("most false positives")]
    rows = {
        m.group(1): (int(m.group(2)), int(m.group(3)))
        for m in re.finditer(r"^(\S+)\s+(\d+)\s+(\d+)\s+[\d.]+$", table, re.M)
    }
    assert {"posts.head_dir", "inspections.type_phrase", "decisions.resolved_section"} <= set(rows)
    assert all(right <= pred for pred, right in rows.values())
    assert "most false positives:" in r.output
