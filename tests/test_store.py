"""The store on disk: incremental builds, what changed, readers beside a build, interruptions."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli.main import main
from kg.graph import disk
from kg.graph.export import write_from_store
from kg.graph.store import load
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
MINUTES = ROOT / "tests" / "data" / "minutes"
DOCS = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html", ".pdf"))


def kg(*args: str) -> str:
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, r.output
    return r.output


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "minutes"
    folder.mkdir()
    for p in DOCS:
        shutil.copy(p, folder / p.name)
    return folder


def fresh_trig(folder: Path, where: Path) -> bytes:
    """The graph a first build of `folder` writes, from a store of its own."""
    out = where / "fresh.trig"
    kg("build", str(folder), "--store", str(where / "fresh-store"), "-o", str(out))
    return out.read_bytes()


def count(store: Path) -> int:
    rows = load([store]).query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert isinstance(rows, ox.QuerySolutions)
    return int(next(iter(rows))["n"].value)  # type: ignore[union-attr]


def test_rebuild_reads_only_what_changed(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert "5 added, 0 changed, 0 removed, 0 unchanged" in kg("build", str(corpus), "--store", str(store))
    assert "0 added, 0 changed, 0 removed, 5 unchanged" in kg("build", str(corpus), "--store", str(store))
    shutil.copy(MINUTES / "powys_cabinet_warning_notice.txt", corpus)
    txt = corpus / "middlesbrough_ilacs_item.txt"
    txt.write_text(txt.read_text(encoding="utf-8") + "\nThe committee noted the report.\n", encoding="utf-8")
    (corpus / "lambeth_cabinet_item.html").unlink()
    out = tmp_path / "inc.trig"
    said = kg("build", str(corpus), "--store", str(store), "-o", str(out))
    assert "1 added, 1 changed, 1 removed, 3 unchanged" in said
    # the store now holds exactly what a first build of the same inputs holds, byte for byte
    assert out.read_bytes() == fresh_trig(corpus, tmp_path)
    graphs = {g.value for g in load([store]).named_graphs()}
    assert not any("lambeth" in g for g in graphs)
    assert len(disk.Manifest.read(disk.current_version(store) / disk.MANIFEST).documents) == 5  # type: ignore[operator]


def test_unchanged_documents_are_not_extracted(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    kg("build", str(corpus), "--store", str(store), "-j", "1")
    import kg.pipeline.build as B

    seen: list[str] = []
    real = B.read_extract_map
    monkeypatch.setattr(B, "read_extract_map", lambda src: seen.append(src.name) or real(src))
    (corpus / "vale_of_glamorgan_ciw_item.txt").write_text("Minutes of a meeting.\n", encoding="utf-8")
    kg("build", str(corpus), "--store", str(store), "-j", "1")
    assert seen == ["vale_of_glamorgan_ciw_item.txt"]


def test_a_new_extraction_version_reads_everything_again(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    kg("build", str(corpus), "--store", str(store))
    import kg.pipeline.incremental as inc

    monkeypatch.setattr(inc, "extraction_version", lambda: "another-version")
    said = kg("build", str(corpus), "--store", str(store), "-o", str(tmp_path / "again.trig"))
    assert "every document read again" in said and "5 changed" in said
    assert (tmp_path / "again.trig").read_bytes() == fresh_trig(corpus, tmp_path)
    assert disk.Manifest.read(disk.current_version(store) / disk.MANIFEST).version == "another-version"  # type: ignore[operator]


def test_changes_lists_added_and_removed_statements(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg("build", str(corpus), "--store", str(store))
    html = corpus / "lambeth_cabinet_item.html"
    name = html.name
    html.unlink()
    shutil.copy(MINUTES / "powys_cabinet_warning_notice.txt", corpus)
    changes = tmp_path / "changes.trig"
    kg("build", str(corpus), "--store", str(store), "--changes", str(changes))
    ds = ox.Dataset(ox.parse(path=str(changes), format=ox.RdfFormat.TRIG))
    by_graph: dict[str, list[ox.Quad]] = {}
    for q in ds:
        by_graph.setdefault(q.graph_name.value, []).append(q)  # type: ignore[union-attr]
    added = next(v for k, v in by_graph.items() if k.endswith("/added"))
    removed = next(v for k, v in by_graph.items() if k.endswith("/removed"))
    values = lambda qs: {q.object.value for q in qs}  # noqa: E731
    assert name in values(removed) and "powys_cabinet_warning_notice.txt" in values(added)
    exact = "http://www.w3.org/ns/oa#exact"
    assert any(q.predicate.value == exact for q in added) and any(q.predicate.value == exact for q in removed)
    # nothing added is still there before, nothing removed is still there after
    after = load([store])
    for q in removed:
        assert not list(after.quads_for_pattern(q.subject, q.predicate, q.object, ox.DefaultGraph()))
    # a rebuild with nothing changed has nothing to list
    kg("build", str(corpus), "--store", str(store), "--changes", str(changes))
    assert ox.Dataset(ox.parse(path=str(changes), format=ox.RdfFormat.TRIG)).__len__() == 0


def test_an_interrupted_build_keeps_the_previous_store(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    kg("build", str(corpus), "--store", str(store))
    before, version = count(store), disk.current_version(store)
    import kg.pipeline.apply as apply

    calls = []

    def fail(self: apply.Adder, data: bytes, graph: ox.NamedNode) -> None:
        calls.append(1)
        raise RuntimeError("killed midway")

    monkeypatch.setattr(apply.Adder, "add_nquads", fail)
    shutil.copy(MINUTES / "powys_cabinet_warning_notice.txt", corpus)
    (corpus / "lambeth_cabinet_item.html").unlink()
    r = CliRunner().invoke(main, ["build", str(corpus), "--store", str(store)])
    assert r.exit_code != 0 and calls
    assert disk.current_version(store) == version and count(store) == before
    assert sorted(p.name for p in store.glob("v*")) == [version.name]  # type: ignore[union-attr]


def test_a_killed_build_keeps_the_previous_store(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg("build", str(corpus), "--store", str(store))
    before, version = count(store), disk.current_version(store)
    for p in sorted(MINUTES.iterdir()):
        shutil.copy(p, corpus)
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store), "-j", "1"]
    proc = subprocess.Popen(cmd)
    # kill it once it has started its new version, before it can finish
    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(store.glob("v*"))) < 2:
        time.sleep(0.01)
    proc.kill()
    proc.wait()
    assert disk.current_version(store) == version and count(store) == before
    # the next build removes the unfinished version and finishes the job
    said = kg("build", str(corpus), "--store", str(store))
    assert "0 changed" in said and count(store) > before
    assert len(list(store.glob("v*"))) <= 2


def test_readers_share_the_store_and_keep_their_version(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg("build", str(corpus), "--store", str(store))
    first, second = load([store]), load([store])  # two read-only openings at once
    n = count(store)
    shutil.copy(MINUTES / "powys_cabinet_warning_notice.txt", corpus)
    kg("build", str(corpus), "--store", str(store))
    kg("build", str(corpus), "--store", str(store))
    # readers opened before the builds still see the whole previous graph: nothing removed under them
    for s in (first, second):
        assert sum(1 for g in s.named_graphs()) == 5 + 3
        assert len(list(s.quads_for_pattern(None, None, None, None))) >= n
    assert count(store) > n


def test_two_commands_read_while_a_build_runs(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    kg("build", str(corpus), "--store", str(store))
    for p in sorted(MINUTES.iterdir()):
        shutil.copy(p, corpus)
    build = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store), "-j", "1"],
        stdout=subprocess.DEVNULL,
    )
    answers = set()
    while build.poll() is None:
        readers = [
            subprocess.Popen([sys.executable, "-m", "kg", "stats", "--store", str(store)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        for r in readers:
            out, err = r.communicate()
            assert r.returncode == 0, err
            answers.add(out.decode().splitlines()[0])
    assert build.returncode == 0 and answers
    # each reader saw the old graph or the new one, nothing in between
    assert answers <= {"documents: 5", f"documents: {5 + len(list(MINUTES.iterdir()))}"}


def test_export_from_the_store_matches_the_file(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    for suffix in (".trig", ".ttl", ".nq", ".nt", ".jsonld"):
        built = tmp_path / f"built{suffix}"
        kg("build", str(corpus), "--store", str(store), "-o", str(built))
        exported = tmp_path / f"exported{suffix}"
        kg("export", "--store", str(store), "-o", str(exported))
        assert exported.read_bytes() == built.read_bytes(), suffix
        mem = ox.Store()
        mem.load(path=str(built), format=ox.RdfFormat.from_extension(suffix[1:]))  # type: ignore[arg-type]
        if suffix in (".trig", ".nq", ".jsonld"):
            assert sum(1 for _ in mem.named_graphs()) == 5 + 3


def test_small_runs_sort_externally(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "store"
    whole = tmp_path / "whole.nq"
    kg("build", str(corpus), "--store", str(store), "-o", str(whole))
    import kg.graph.export as export

    monkeypatch.setattr(export, "RUN_BYTES", 20_000)  # dozens of runs, merged
    for suffix in (".nq", ".ttl"):
        kg("build", str(corpus), "--store", str(store), "-o", str(tmp_path / f"whole{suffix}"))
        runs = tmp_path / f"runs{suffix}"
        write_from_store(load([store]), runs)
        assert runs.read_bytes() == (tmp_path / f"whole{suffix}").read_bytes()


def test_query_reads_the_store_by_default(corpus: Path) -> None:
    kg("build", str(corpus))  # into output/store, beside this test's folder
    assert Path("output/store/current").is_symlink()
    assert "ilacs" in kg("query", "inspections")
    assert "documents: 5" in kg("stats")


def test_the_statements_reported_are_those_the_store_holds(corpus: Path, tmp_path: Path) -> None:
    """Counted from what each document's graph recorded, not by reading the whole store."""
    from kg.graph import disk
    from kg.pipeline.incremental import build_store

    store = tmp_path / "store"
    first = build_store([corpus], store)
    assert first.statements == count(store)
    shutil.copy(MINUTES / "powys_cabinet_warning_notice.txt", corpus)  # a new authority too
    txt = corpus / "middlesbrough_ilacs_item.txt"
    txt.write_text(txt.read_text(encoding="utf-8") + "\nThe committee noted the report.\n", encoding="utf-8")
    (corpus / "lambeth_cabinet_item.html").unlink()
    again = build_store([corpus], store)
    assert again.summary() == "1 added, 1 changed, 1 removed, 3 unchanged"
    assert again.statements == count(store) != first.statements
    # the version's manifest keeps the count, and kg serve reads it there instead of counting
    from kg.sparql.pool import Exec

    version = disk.current_version(store)
    assert version is not None
    assert disk.Manifest.read(version / disk.MANIFEST).statements == again.statements
    spawner = Exec(store, 1 << 30, 1)
    assert spawner.counting is None and spawner.statements == again.statements
    spawner.close()
    # a store whose manifest records no counts (written before they were) is counted whole
    manifest = disk.Manifest.read(version / disk.MANIFEST)
    for d in manifest.documents.values():
        d.pop("statements")
    manifest.statements = None
    (version / disk.MANIFEST).write_text(manifest.dumps(), encoding="utf-8")
    spawner = Exec(store, 1 << 30, 1)
    assert spawner.counting is not None and spawner.statements == again.statements
    spawner.close()
    (corpus / "powys_cabinet_warning_notice.txt").unlink()
    last = build_store([corpus], store)
    assert last.statements == count(store)
