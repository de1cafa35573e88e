"""One parametrised test over queries/: each runs on the dev graph with the contract's columns."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli.main import main
from kg.errors import QueryError
from kg.graph.store import load
from kg.pipeline.build import build
from kg.sparql.library import library, parse_term, run
from tests.conftest import DEV_CORPUS, SHARED, needs_shared

pytestmark = needs_shared


def contract_columns() -> dict[str, list[str]]:
    text = (SHARED / "spec" / "contract.md").read_text(encoding="utf-8")
    out = {}
    for m in re.finditer(r"^\| `(\w+)` \| ([^|]+) \|$", text, re.MULTILINE):
        out[m.group(1)] = [c.strip() for c in m.group(2).split(",")]
    return out


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("q") / "g.ttl"
    build([DEV_CORPUS], out)
    return out


def test_contract_has_eleven_tables_all_shipped() -> None:
    cols = contract_columns()
    assert len(cols) == 11
    assert set(cols) <= set(library())


@pytest.mark.parametrize("name", sorted(library()))
def test_query_runs_with_contract_columns(graph: Path, name: str) -> None:
    fmt = {"CONSTRUCT": "nt", "DESCRIBE": "nt", "ASK": "json"}.get(library()[name].form, "csv")
    r = CliRunner().invoke(main, ["query", name, "-g", str(graph), "-f", fmt])
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.output)))
    expected = contract_columns().get(name)
    if expected:
        assert rows[0][: len(expected)] == expected
    again = CliRunner().invoke(main, ["query", name, "-g", str(graph), "-f", fmt])
    assert again.output == r.output  # sorted, same on every run


def test_authorities_answer(graph: Path) -> None:
    r = CliRunner().invoke(main, ["query", "authorities", "-g", str(graph), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert {x["gss"] for x in rows} == {"E06000058", "E08000032", "E06000035"}
    assert {x["nation"] for x in rows} == {"England"}


def test_parameter_binds_gss_code(graph: Path) -> None:
    r = CliRunner().invoke(
        main, ["query", "authorities", "-g", str(graph), "-f", "csv", "--param", "authority=E06000035"]
    )
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert [x["name"] for x in rows] == ["Medway Council"]


@pytest.mark.parametrize(
    "value",
    ['"> } ; DROP ALL', "E06000035> } DROP ALL #", '" } DROP ALL { "', "{}", "<bad iri>"],
)
def test_hostile_values_return_nothing_or_clear_error(graph: Path, value: str) -> None:
    before = graph.read_bytes()
    r = CliRunner().invoke(
        main, ["query", "authorities", "-g", str(graph), "-f", "csv", "--param", f"authority={value}"]
    )
    assert "Traceback" not in r.output
    # never a silent empty answer: a one-line error, exit 2
    assert r.exit_code == 2 and r.output.startswith("kg: ") and r.output.count("\n") == 1, r.output
    assert "authority" in r.output
    assert graph.read_bytes() == before


def test_unknown_parameter_is_an_error(graph: Path) -> None:
    store = load([graph])
    with pytest.raises(QueryError, match="no parameter 'gss'"):
        run(store, library()["authorities"], {"gss": "x"})


def test_parse_term_types() -> None:
    assert isinstance(parse_term("<https://example.org/a>"), ox.NamedNode)
    assert parse_term("E06000058").value.endswith("/authority/E06000058")
    assert parse_term("42").datatype.value.endswith("#integer")
    assert parse_term("2019-04").datatype.value.endswith("#gYearMonth")
    assert parse_term('"x"@en').language == "en"


FILTERED = ["concerns", "concern_mentions", "decisions", "figures", "meetings", "people", "plans", "posts"]


@pytest.mark.parametrize("name", FILTERED)
def test_authority_parameter_filters_rows(graph: Path, name: str) -> None:
    """Regression: a parameter bound only inside OPTIONAL labelled every row instead of filtering."""
    every = CliRunner().invoke(main, ["query", name, "-g", str(graph), "-f", "csv"])
    one = CliRunner().invoke(
        main, ["query", name, "-g", str(graph), "-f", "csv", "-p", "authority=E06000035"]
    )
    assert every.exit_code == 0 and one.exit_code == 0, one.output
    all_rows = list(csv.DictReader(io.StringIO(every.output)))
    rows = list(csv.DictReader(io.StringIO(one.output)))
    medway = [r for r in all_rows if r["authority"].endswith("/E06000035")]
    assert len(rows) == len(medway)
    assert all(r["authority"].endswith("/E06000035") for r in rows)


def test_named_graphs_do_not_duplicate_rows(tmp_path: Path) -> None:
    """Regression: the union of document graphs is a bag; a shared node matched once per graph."""
    src = tmp_path / "in"
    src.mkdir()
    text = (DEV_CORPUS / "001_3ca51ee998c5f37e.txt").read_text(encoding="utf-8")
    (src / "a.txt").write_text(text, encoding="utf-8")
    (src / "b.txt").write_text(text + "\nA second copy of the same item.\n", encoding="utf-8")
    trig, ttl = tmp_path / "g.trig", tmp_path / "g.ttl"
    build([src], trig)
    build([src], ttl)
    for name in ("inspections", "posts", "interventions", "plans"):
        a = CliRunner().invoke(main, ["query", name, "-g", str(trig), "-f", "csv"]).output
        b = CliRunner().invoke(main, ["query", name, "-g", str(ttl), "-f", "csv"]).output
        assert a == b, name
        lines = a.splitlines()
        assert len(lines) == len(set(lines)) > 1, name
