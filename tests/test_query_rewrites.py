"""The rewritten library queries answer exactly as the ones they replaced.

tests/data/queries_before/ keeps the texts as they were before they were rewritten for speed
(the authority bound as a triple pattern instead of FILTER EXISTS over every fact; sub-SELECTs
that make the engine join whole columns by hash; provenance.rq reads a quote's document from
its IRI, as the lighter provenance model requires, and is otherwise as it was). Each old
and new text runs on the graph of tests/data/minutes, without parameters and with every
parameter the old text took, with values that select something; the CSV answers must be equal.
A document that names no authority is added, so that facts of no authority are in the answers
without a parameter and out of them with one. The paging parameters (limit, offset) must page
that same answer.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.graph.quads import PREFIXES
from kg.graph.store import load
from kg.pipeline.build import build
from kg.sparql.library import PAGING, as_set, format_result, library, parse_query_file, run

HERE = Path(__file__).resolve().parent
BEFORE = sorted((HERE / "data" / "queries_before").glob("*.rq"))

UNPLACED = """Corporate Parenting Panel
Minutes of the meeting held on 3 March 2020

1. Workforce Report

Members raised concerns about the recruitment and retention of social workers. Agency social
workers make up 41% of the workforce and average caseloads are 24 cases per worker.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    work = tmp_path_factory.mktemp("rewrites")
    (work / "minutes").mkdir()
    (work / "minutes" / "unplaced.txt").write_text(UNPLACED, encoding="utf-8")
    out = work / "g.trig"
    build([HERE / "data" / "minutes", work / "minutes"], out)
    return as_set(load([out]))


def answer(store: ox.Store, text_of: str | Path, params: dict[str, str]) -> str:
    q = library()[text_of] if isinstance(text_of, str) else parse_query_file(text_of)
    return format_result(run(store, q, params, union=False), "csv", PREFIXES)


def values(store: ox.Store, name: str) -> list[str]:
    """Values of parameter `name` that the graph holds (every authority, concern, ...), at most 6."""
    if name == "text":
        return ["agency", "Social Worker", "inspection"]
    col = {"fact": "figure"}.get(name, name)
    table = {"fact": "figures", "authority": "figures", "concern": "concern_mentions",
             "role": "contributions", "kind": "contributions", "file": "documents"}.get(
        name, "figure_comparison"
    )
    rows = csv.DictReader(io.StringIO(answer(store, table, {})))
    found = sorted({r[col] for r in rows if r.get(col)})
    assert found, f"the test graph has no {name}"
    return [f"<{v}>" if v.startswith("http") else v for v in found[:6]]


def cases() -> list[tuple[Path, str | None]]:
    out: list[tuple[Path, str | None]] = []
    for path in BEFORE:
        out.append((path, None))
        out.extend((path, p.name) for p in parse_query_file(path).params)
    return out


@pytest.mark.parametrize("path,param", cases(), ids=lambda x: x.stem if isinstance(x, Path) else str(x))
def test_rewritten_query_answers_as_before(store: ox.Store, path: Path, param: str | None) -> None:
    name = path.stem
    assert name in library()
    picks = [None] if param is None else values(store, param)
    for value in picks:
        params = {} if param is None or value is None else {param: value}
        old, new = answer(store, path, params), answer(store, name, params)
        assert new == old, f"{name} {params}"
        if param is None and name != "quote_search":  # which answers only with a text to find
            assert len(old.splitlines()) > 1, f"{name} answers nothing on the test graph"
            if name in ("figures", "concern_mentions", "concerns"):
                unplaced = [r for r in csv.DictReader(io.StringIO(old)) if not r["authority"]]
                assert unplaced, f"{name}: no fact of no authority in the test graph"


def test_the_old_texts_still_filtered_with_exists() -> None:
    """What was rewritten: the FILTER EXISTS over every fact is gone from the new texts."""
    for path in BEFORE:
        if "EXISTS { ?" in path.read_text():
            assert "|| EXISTS" not in library()[path.stem].text, path.stem


PAGED = sorted(n for n, q in library().items() if {p.name for p in q.params} & set(PAGING))


@pytest.mark.parametrize("name", PAGED)
def test_limit_and_offset_page_the_answer(store: ox.Store, name: str) -> None:
    declared = {p.name for p in library()[name].params}
    assert set(PAGING) <= declared, "limit and offset go together"
    def table(**params: str) -> list[list[str]]:
        return list(csv.reader(io.StringIO(answer(store, name, params))))

    rows = table()
    assert len(rows) > 3, f"{name}: too few rows on the test graph to page"
    assert table(limit="2") == rows[:3]
    assert table(limit="2", offset="1") == [rows[0], *rows[2:4]]
    assert table(offset=str(len(rows) - 1)) == rows[:1]
    assert table(limit="0") == rows[:1]
