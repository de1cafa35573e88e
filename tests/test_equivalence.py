"""The same minutes as .txt, .html and .pdf give the same facts."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from kg.extract import extract_all
from kg.extract.facts import AgendaItem, AuthorityMention
from kg.reading.document import normalise_chars
from kg.reading.readers import Source, read_document
from tests.conftest import DATA

FOLDER = DATA / "equivalence"


def comparable(path: Path) -> set[tuple[object, ...]]:
    doc = read_document(Source(path, path.name))
    out = set()
    for f in extract_all(doc):
        fields = []
        for fld in dataclasses.fields(f):
            if fld.name in ("span", "start", "end"):
                continue
            v = getattr(f, fld.name)
            if isinstance(v, str):
                v = re.sub(r"\s+", " ", normalise_chars(v)).strip()
            fields.append((fld.name, v))
        if isinstance(f, AuthorityMention | AgendaItem):
            fields = [x for x in fields if x[0] not in ("index",)]
        out.add((type(f).__name__, *fields))
    return out


@pytest.mark.parametrize("other", ["same.html", "same.pdf"])
def test_html_and_pdf_give_the_same_facts_as_txt(other: str) -> None:
    txt = comparable(FOLDER / "same.txt")
    assert len(txt) >= 5
    got = comparable(FOLDER / other)
    assert got == txt, {"missing": txt - got, "extra": got - txt}
