"""The pipeline: sources -> documents -> facts -> quads -> graph file."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import InputError, KgError
from kg.extract import extract_all, extractors
from kg.graph.quads import PREFIXES, authority_quads, document_nquads, vocabulary_quads
from kg.graph.reference import official_quads
from kg.graph.store import write_store
from kg.reading.document import Document
from kg.reading.metadata import SourceMeta, load_manifest
from kg.reading.readers import Found, Source, read_document, scan_sources
from kg.reference.register import register


@dataclass
class BuildResult:
    documents: list[Document] = field(default_factory=list)  # text only, in input order
    store: ox.Store = field(default_factory=ox.Store)  # one named graph per document + reference
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    written: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def statements(self) -> int:
        return len(self.store)


def read_manifest(manifest: Path) -> dict[str, SourceMeta]:
    """The manifest's statements, each authority checked against the register."""
    stated = load_manifest(manifest)
    reg = register()
    for meta in set(stated.values()):
        a = meta.authority
        if a and not (a in reg.by_gss or reg.lookup(a)):
            raise InputError(
                f"{manifest}: authority {a!r} is not in the register; give its GSS code (e.g. E08000032) "
                "or its name as the register spells it"
            )
    return stated


def with_manifest(
    sources: list[Source], manifest: Path, stated: dict[str, SourceMeta] | None = None
) -> tuple[list[Source], list[str]]:
    """The sources with what the manifest states about each (read here unless `stated` is given,
    as when one manifest serves many calls); notices for lines that match none."""
    stated = read_manifest(manifest) if stated is None else stated
    out = [replace(s, meta=stated.get(s.name) or stated.get(Path(s.name).name)) for s in sources]
    names = {s.name for s in sources} | {Path(s.name).name for s in sources}
    missing = sorted(k for k in stated if k not in names and "/" not in k)
    notes = [f"{manifest}: {n} is listed but was not among the inputs" for n in missing[:5]]
    return out, notes


def read_sources(paths: Iterable[Path]) -> tuple[list[Source], list[str]]:
    found = scan_sources(list(paths))
    return found.sources, found.notices


PARALLEL_MIN = 64  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class Done:
    """What a worker sends back: small and cheap to pickle."""

    doc: Document  # without its cached normalised copies
    nquads: bytes  # the document's named graph
    authorities: frozenset[str]


def read_extract_map(src: Source) -> Done | str:
    """One source to its document graph, or the one-line error that names it."""
    try:
        doc = read_document(src)
    except InputError as exc:
        return str(exc)
    found = extract_all(doc)
    data = document_nquads(doc, found)
    gss = frozenset(g for f in found if (g := getattr(f, "gss", None)))
    light = Document(doc.name, doc.sha256, doc.media_type, doc.text, doc.warnings, doc.source)
    return Done(light, data, gss)


def _done(sources: list[Source], jobs: int) -> Iterator[Done | str]:
    if jobs <= 1 or len(sources) < PARALLEL_MIN:
        yield from map(read_extract_map, sources)
        return
    # Extraction is pure Python and CPU-bound: spread it over processes, keep input order.
    extractors()  # loaded once here, so that the workers do not each load them
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(read_extract_map, sources, chunksize=8)


def process(
    sources: list[Source],
    progress: Callable[[Iterable[Any], int], Iterator[Any]] | None = None,
    jobs: int | None = None,
) -> BuildResult:
    """Read and extract every source; a bad file is reported and the rest go on."""
    result = BuildResult()
    authorities: set[str] = set()
    seen: dict[str, str] = {}
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    done = _done(sources, jobs)
    for src, outcome in zip(sources, progress(done, len(sources)) if progress else done, strict=True):
        if isinstance(outcome, str):
            result.errors.append(outcome)
            continue
        doc = outcome.doc
        result.notices.extend(doc.warnings)
        if doc.sha256 in seen:
            result.notices.append(f"{src.path}: same content as {seen[doc.sha256]}; read once")
            continue
        seen[doc.sha256] = str(src.path)
        result.documents.append(doc)
        # every authority a fact points at is described by the register
        authorities.update(outcome.authorities)
        result.store.load(outcome.nquads, format=ox.RdfFormat.N_QUADS)
    result.store.bulk_extend(vocabulary_quads())
    result.store.bulk_extend(authority_quads(authorities))
    result.store.bulk_extend(official_quads(authorities))
    return result


def build(
    paths: Iterable[Path],
    output: Path,
    partial: bool = False,
    progress: Callable[[Iterable[Any], int], Iterator[Any]] | None = None,
    jobs: int | None = None,
    manifest: Path | None = None,
) -> BuildResult:
    found: Found = scan_sources(list(paths))
    sources = found.sources
    if manifest is not None:
        sources, unlisted = with_manifest(sources, manifest)
        found.notices.extend(unlisted)
    if not sources and not found.errors:
        raise InputError(
            f"no minutes found in {', '.join(str(p) for p in paths)}; give .txt, .html, .htm or .pdf files"
        )
    result = process(sources, progress, jobs)
    result.notices[:0] = found.notices
    result.errors[:0] = found.errors
    if result.errors and not partial:
        return result
    if not result.documents:
        raise KgError("no input could be read; fix the files named above")
    write_store(result.store, output, PREFIXES)
    result.written = output
    return result
