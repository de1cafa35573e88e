"""A build into the store on disk: only what changed is read, extracted and written.

A document is unchanged when its file's SHA-256 and name are those the store holds and the
extraction version is the same; its bytes are hashed before anything is extracted. Changed
documents replace their graphs, documents no longer among the inputs are dropped, and the
reference graphs follow the authorities the documents point at. See kg/graph/disk.py for how
the new version replaces the old one atomically.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import InputError, KgError
from kg.graph import disk, iris
from kg.graph.export import count_quads, write_changes, write_from_store
from kg.pipeline.apply import Adder, diff, drop_graph, reference_graphs
from kg.pipeline.build import _done, with_manifest
from kg.pipeline.version import extraction_version
from kg.reading.readers import Source, read_bytes, scan_sources

Progress = Callable[[Iterable[Any], int], Iterator[Any]]


@dataclass
class StoreBuild:
    store: Path
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    reextracted: bool = False  # the extraction version changed: every document was read again
    documents: int = 0
    statements: int = 0
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    committed: bool = False
    written: Path | None = None
    changes: tuple[int, int] | None = None  # triples added, removed

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.changed} changed, {self.removed} removed, "
            f"{self.unchanged} unchanged"
        )


def _meta_key(src: Source) -> str:
    m = src.meta
    if m is None:
        return ""
    return "\t".join(x or "" for x in (m.origin, m.url, m.authority, m.committee, m.date))


def _hash(src: Source) -> str | None:
    try:
        return hashlib.sha256(read_bytes(src.path)).hexdigest()
    except InputError:
        return None  # reported when the file is read for extraction


def build_store(
    paths: Iterable[Path],
    store: Path,
    output: Path | None = None,
    partial: bool = False,
    progress: Progress | None = None,
    jobs: int | None = None,
    changes: Path | None = None,
    sources_manifest: Path | None = None,
) -> StoreBuild:
    found = scan_sources(list(paths))
    if sources_manifest is not None:  # what the analyst states about the files
        found.sources, unlisted = with_manifest(found.sources, sources_manifest)
        found.notices.extend(unlisted)
    if not found.sources and not found.errors:
        raise InputError(
            f"no minutes found in {', '.join(str(p) for p in paths)}; give .txt, .html, .htm or .pdf files"
        )
    result = StoreBuild(store, errors=list(found.errors), notices=list(found.notices))
    version = extraction_version()
    with disk.writer(store, version) as w:
        fresh = w.fresh  # an empty store: nothing extracted with another version is kept
        result.reextracted = fresh and bool(w.previous.documents)
        documents: dict[str, dict[str, object]] = {}
        names = {str(d["name"]) for d in w.previous.documents.values()}
        todo: list[Source] = []
        seen: dict[str, str] = {}
        for src in found.sources:
            sha = _hash(src)
            if sha is not None and sha in seen:
                result.notices.append(f"{src.path}: same content as {seen[sha]}; read once")
                continue
            before = w.previous.documents.get(sha or "")
            if (
                sha is not None and not fresh and before is not None and before["name"] == src.name
                and before.get("meta", "") == _meta_key(src)  # what a manifest states is read too
            ):
                seen[sha] = str(src.path)
                documents[sha] = before
                result.unchanged += 1
                continue
            if sha is not None:
                seen[sha] = str(src.path)
            todo.append(src)
        # what is gone is known before anything is extracted: drop it first, then stream the new
        # graphs into the store as they arrive (memory stays flat, whatever the number of documents)
        gone = [sha for sha in w.previous.documents if sha not in documents or fresh]
        dropped = [ox.NamedNode(iris.document(sha)) for sha in gone]
        for g in dropped if not fresh else []:
            drop_graph(w.store, g)
        adder = Adder(w.store)
        new: list[tuple[str, str]] = []  # sha256, name
        meta_of = {src.name: _meta_key(src) for src in todo}
        done = _done(todo, jobs if jobs is not None else _cpus())
        for outcome in progress(done, len(todo)) if progress else done:
            if isinstance(outcome, str):
                result.errors.append(outcome)
                continue
            result.notices.extend(outcome.doc.warnings)
            documents[outcome.doc.sha256] = {
                "name": outcome.doc.name, "authorities": sorted(outcome.authorities),
                "meta": meta_of.get(outcome.doc.name, ""),
                # its graph's statements: the lines of its N-Quads, each written once
                "statements": outcome.nquads.count(b"\n"),
            }
            new.append((outcome.doc.sha256, outcome.doc.name))
            adder.add_nquads(outcome.nquads, ox.NamedNode(iris.document(outcome.doc.sha256)))
        if result.errors and not partial:
            return result  # leaving the block without commit keeps the previous version
        if not documents:
            raise KgError("no input could be read; fix the files named above")
        new_names = {str(d["name"]) for d in documents.values()}
        result.changed = sum(1 for _, name in new if name in names)
        result.added = len(new) - result.changed
        result.removed = len(names - new_names)
        manifest = disk.Manifest(version, documents)
        authorities = manifest.authorities()
        refs = reference_graphs(authorities)
        rebuilt_refs = list(refs) if fresh or authorities != w.previous.authorities() else []
        adder.flush()
        for g in rebuilt_refs:
            if not fresh:
                drop_graph(w.store, g)
            adder.add(refs[g])
        adder.flush()
        if changes is not None:
            added = [ox.NamedNode(iris.document(sha)) for sha, _ in new] + rebuilt_refs
            gained, lost = diff(w.old, w.store, dropped + (rebuilt_refs if w.old else []), added)
            write_changes(changes, gained, lost)
            result.changes = (len(gained), len(lost))
        result.documents = len(documents)
        result.statements = manifest.statements = _statements(w.store, documents, refs)
        if output is not None:
            write_from_store(w.store, output)
            result.written = output
        disk.commit(w, manifest)
        result.committed = True
    return result


def _statements(
    store: ox.Store, documents: dict[str, dict[str, object]], refs: Iterable[ox.NamedNode]
) -> int:
    """The statements of the store's graphs: each document's as the manifest records it, plus
    the reference graphs' (small) counted. Counting the whole store reads every statement (about
    a second per million); a store written before documents recorded theirs is counted so."""
    counts = [d.get("statements") for d in documents.values()]
    if not all(isinstance(c, int) for c in counts):
        return count_quads(store)
    in_refs = sum(1 for g in refs for _ in store.quads_for_pattern(None, None, None, g))
    return sum(c for c in counts if isinstance(c, int)) + in_refs


def _cpus() -> int:
    import os

    return os.cpu_count() or 1
