"""The graph on disk: an Oxigraph store that a build replaces in one atomic step.

Layout of a store folder (default ``output/store``)::

    current -> v000007      a symbolic link naming the version readers open
    v000007/                an Oxigraph (RocksDB) store, and its manifest ``kg-store.json``
    .build.lock             held by the one build that may write at a time

A build never writes into the version readers see. It copies the current version with
``Store.backup`` (RocksDB hard-links its immutable files, so the copy is instant and takes no
space), changes the copy, flushes it and only then points ``current`` at it with a rename. A
reader therefore sees the previous graph or the next one, never half of one; a build that is
killed leaves a folder that is not ``current`` and that the next build removes. Oxigraph's own
transactions would not do: a read-only opening "while another process is writing the database
is undefined behaviour" (pyoxigraph), and two commands must be able to read while a build runs.

Each reader holds a shared lock on its version's manifest for as long as it runs; a build
removes an old version only when it can take that lock exclusively.

Every version holds one named graph per document (its IRI keyed by the document's SHA-256),
the reference graphs, and, in its default graph, the merge of all of them as a set: the graph
that library queries read. A read-only store cannot compute that merge itself.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import InputError, KgError

MANIFEST = "kg-store.json"
CURRENT = "current"
LOCK = ".build.lock"
FORMAT = 1  # of the manifest


@dataclass
class Manifest:
    """What a version holds: the extraction version it was built with, and its documents."""

    version: str = ""
    # sha256 -> {"name": file name, "authorities": [GSS codes its facts point at],
    #            "statements": its graph's}
    documents: dict[str, dict[str, object]] = field(default_factory=dict)
    statements: int | None = None  # in every named graph (None: written before it was recorded)

    def authorities(self) -> set[str]:
        out: set[str] = set()
        for d in self.documents.values():
            out.update(str(a) for a in d.get("authorities", []))  # type: ignore[attr-defined]
        return out

    def dumps(self) -> str:
        data: dict[str, object] = {"format": FORMAT, "version": self.version, "documents": self.documents}
        if self.statements is not None:
            data["statements"] = self.statements
        return json.dumps(data, indent=1, sort_keys=True) + "\n"

    @classmethod
    def read(cls, path: Path) -> Manifest:
        data = json.loads(path.read_text(encoding="utf-8"))
        n = data.get("statements")
        documents = dict(data.get("documents", {}))
        return cls(str(data.get("version", "")), documents, n if isinstance(n, int) else None)


def is_store(path: Path) -> bool:
    return (path / CURRENT).is_symlink() or (path / CURRENT).is_dir()


def current_version(root: Path) -> Path | None:
    link = root / CURRENT
    try:
        return root / os.readlink(link)
    except OSError:
        return None


_HELD: list[IO[bytes]] = []  # shared locks held by this process's readers, released at exit


def open_read(root: Path) -> tuple[ox.Store, Manifest]:
    """The current version, read-only, with a shared lock that keeps a build from removing it."""
    version = lock_current(root)
    manifest = Manifest.read(version / MANIFEST)
    try:
        return ox.Store.read_only(str(version)), manifest
    except OSError as exc:
        raise KgError(f"{root}: the store cannot be opened ({exc}); rebuild it with `kg build`") from exc


def lock_current(root: Path) -> Path:
    """The current version's folder, under a shared lock held for the process's
    life (kg serve holds it while its query workers open the folder themselves)."""
    for _ in range(20):
        version = current_version(root)
        if version is None:
            raise InputError(f"{root}: not a kg store; build one with `kg build PATH... --store {root}`")
        try:
            fh = open(version / MANIFEST, "rb")  # noqa: SIM115 - held for the process's life
        except FileNotFoundError:
            continue  # a build swapped and removed it between the two steps: read the link again
        fcntl.flock(fh, fcntl.LOCK_SH)
        if os.fstat(fh.fileno()).st_nlink == 0:  # removed while we waited for the lock
            fh.close()
            continue
        _HELD.append(fh)
        return version
    raise KgError(f"{root}: the store kept changing while it was opened; try again")


@dataclass
class Writer:
    """A build's private copy of the store; `commit` makes it the current version."""

    root: Path
    path: Path
    store: ox.Store
    previous: Manifest
    old: ox.Store | None  # the version being replaced, read-only (None for a first build)
    fresh: bool  # started empty: the extraction version differs from the previous one
    committed: bool = False


def _versions(root: Path) -> list[Path]:
    return sorted(p for p in root.glob("v[0-9]*") if p.is_dir())


@contextmanager
def writer(root: Path, version: str) -> Iterator[Writer]:
    """Hold the build lock, give a copy of the current version (an empty store when it was
    built with another extraction `version`), and remove the copy unless `commit` made it
    current: an exception, or leaving early, keeps the current version as it was."""
    root.mkdir(parents=True, exist_ok=True)
    if (root / CURRENT).exists() is False and any(root.iterdir()) and not (root / LOCK).exists():
        raise KgError(f"{root}: exists and is not a kg store; give another --store folder")
    lock = open(root / LOCK, "ab")  # noqa: SIM115
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise KgError(f"{root}: another build is writing this store; wait for it to finish") from None
        collect(root)
        versions = _versions(root)
        number = int(versions[-1].name[1:]) + 1 if versions else 1
        path = root / f"v{number:06d}"
        old: ox.Store | None = None
        previous = Manifest()
        here = current_version(root)
        if here is not None:
            old, previous = open_read(root)
        fresh = previous.version != version
        if old is not None and not fresh:
            old.backup(str(path))
        w = Writer(root, path, ox.Store(str(path)), previous, old, fresh)
        try:
            yield w
        finally:
            if not w.committed:
                del w.store
                shutil.rmtree(path, ignore_errors=True)
    finally:
        lock.close()


def commit(w: Writer, manifest: Manifest) -> None:
    """Make the writer's copy the current version, atomically, and remove unused old ones.

    The copy is compacted first (``Store.optimize``): the bulk loader leaves many overlapping
    files, and every triple lookup of a query would visit each of them. At 1.1 million
    statements compaction takes a few seconds and makes joins about 2.5 times faster.
    """
    w.store.flush()
    w.store.optimize()
    (w.path / MANIFEST).write_text(manifest.dumps(), encoding="utf-8")
    fd = os.open(w.path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    tmp = w.root / f".{CURRENT}.{os.getpid()}"
    tmp.unlink(missing_ok=True)
    os.symlink(w.path.name, tmp)
    os.replace(tmp, w.root / CURRENT)
    w.committed = True


def collect(root: Path) -> None:
    """Remove versions that are not current and that no reader holds (and unfinished builds)."""
    here = current_version(root)
    for version in _versions(root):
        if here is not None and version.name == here.name:
            continue
        manifest = version / MANIFEST
        if not manifest.exists():  # a build that never finished
            shutil.rmtree(version, ignore_errors=True)
            continue
        with open(manifest, "rb") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a reader still has it open; a later build removes it
            manifest.unlink()
            shutil.rmtree(version, ignore_errors=True)
