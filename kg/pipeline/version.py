"""The extraction version: a digest of everything that decides what a document's graph says.

A store built with another version is re-extracted in full. The digest covers the source of
reading, extraction and graph building, the word lists, the vocabularies and the reference
data, so that any change to them (and nothing else, such as the CLI or the viz) forces it.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from kg.resources import ontology_file

PACKAGE = Path(__file__).resolve().parent.parent
PARTS = [
    (PACKAGE / "reading", "*.py"),
    (PACKAGE / "extract", "*.py"),
    (PACKAGE / "graph", "*.py"),
    (PACKAGE / "extract" / "data", "*.yaml"),
    (PACKAGE / "reference" / "data", "*.csv"),
    (PACKAGE / "reference", "*.py"),
]


def version_files() -> list[Path]:
    return sorted({p for folder, pattern in PARTS for p in folder.glob(pattern) if p.is_file()})


@lru_cache(maxsize=1)
def extraction_version() -> str:
    h = hashlib.sha256()
    for path in version_files():
        rel = path.relative_to(PACKAGE.parent).as_posix()
        h.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    # the vocabularies ship as package data of kg._ontology (ontology/ in the checkout)
    vocab = ontology_file("vocabularies.yaml").read_bytes()
    h.update(b"ontology/vocabularies.yaml\0" + hashlib.sha256(vocab).digest())
    return h.hexdigest()[:32]
