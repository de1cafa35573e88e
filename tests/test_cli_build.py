from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from kg.cli.main import main
from tests.conftest import DEV_CORPUS, needs_shared

pytestmark = needs_shared


@pytest.fixture(scope="module")
def dev_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("g") / "graph.ttl"
    r = CliRunner().invoke(main, ["build", str(DEV_CORPUS), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "Read 3 documents" in r.output
    return out


def test_build_is_byte_identical(dev_graph: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.ttl"
    r = CliRunner().invoke(main, ["build", str(DEV_CORPUS), "-o", str(again)])
    assert r.exit_code == 0
    assert again.read_bytes() == dev_graph.read_bytes()


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".nt", ".jsonld", ".ttl"])
def test_every_format_parses_back_to_the_same_graph(dev_graph: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"g{suffix}"
    r = CliRunner().invoke(main, ["build", str(DEV_CORPUS), "-o", str(out)])
    assert r.exit_code == 0, r.output
    fmt = {".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld", ".ttl": "turtle"}[suffix]
    ds = rdflib.Dataset()
    ds.parse(out, format=fmt)
    merged = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    reference = rdflib.Graph().parse(dev_graph, format="turtle")
    assert isomorphic(merged, reference)
    if suffix in (".trig", ".nq", ".jsonld"):
        docs = {str(c.identifier) for c in ds.graphs() if "/id/document/" in str(c.identifier)}
        assert len(docs) == 3  # one named graph per source document


def test_export_converts(dev_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.nt"
    r = CliRunner().invoke(main, ["export", "-g", str(dev_graph), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert isomorphic(rdflib.Graph().parse(out, format="nt"), rdflib.Graph().parse(dev_graph))


def test_bad_input_keeps_previous_output(dev_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    out.write_bytes(dev_graph.read_bytes())
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text((DEV_CORPUS / "002_0f5ef2545b99909a.txt").read_text())
    (src / "empty.txt").write_text("")
    r = CliRunner().invoke(main, ["build", str(src), "-o", str(out)])
    assert r.exit_code == 3
    assert "empty.txt" in r.output and "left unchanged" in r.output
    assert "Traceback" not in r.output
    assert out.read_bytes() == dev_graph.read_bytes()
    r = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "--partial"])
    assert r.exit_code == 3 and "Read 1 document" in r.output
    assert out.read_bytes() != dev_graph.read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".g.ttl")]  # no temp left


def test_unknown_output_format_is_a_clear_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["build", str(DEV_CORPUS), "-o", str(tmp_path / "g.xlsx")])
    assert r.exit_code != 0 and "output format .xlsx" in r.output


def test_stats(dev_graph: Path) -> None:
    r = CliRunner().invoke(main, ["stats", "-g", str(dev_graph)])
    assert r.exit_code == 0
    assert re.search(r"^  documents +3$", r.output, re.MULTILINE) and "authorities:" in r.output


def test_query_missing_graph_says_build_first(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["query", "authorities", "-g", str(tmp_path / "none.ttl")])
    assert r.exit_code != 0 and "kg build" in r.output


def test_validate_passes_then_fails_on_a_tampered_graph(dev_graph: Path, tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["validate", "-g", str(dev_graph), "-s", str(DEV_CORPUS)])
    assert r.exit_code == 0, r.output
    assert "conforms" in r.output
    bad = tmp_path / "bad.ttl"
    bad.write_text(dev_graph.read_text().replace('kg:gssCode "E06000035"', 'kg:gssCode "X123"'))
    r = CliRunner().invoke(main, ["validate", "-g", str(bad)])
    assert r.exit_code == 1
    assert "GSS" in r.output and "does not conform" in r.output


def test_parallel_build_equals_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.pipeline.build

    monkeypatch.setattr(kg.pipeline.build, "PARALLEL_MIN", 2)
    serial, parallel = tmp_path / "s.trig", tmp_path / "p.trig"
    assert CliRunner().invoke(main, ["build", str(DEV_CORPUS), "-o", str(serial), "-j", "1"]).exit_code == 0
    assert CliRunner().invoke(main, ["build", str(DEV_CORPUS), "-o", str(parallel), "-j", "2"]).exit_code == 0
    assert serial.read_bytes() == parallel.read_bytes()
