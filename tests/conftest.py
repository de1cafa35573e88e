from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.reading.document import Document
from kg.viz.browser import Chromium

ROOT = Path(__file__).resolve().parent.parent  # the checkout

SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"
DEV_GOLD = SHARED / "gold" / "dev"
DATA = ROOT / "tests" / "data"

needs_shared = pytest.mark.skipif(not DEV_CORPUS.exists(), reason="../shared is not beside the checkout")


def make_doc(text: str, name: str = "snippet.txt", media_type: str = "text/plain") -> Document:
    return Document(name, hashlib.sha256(text.encode()).hexdigest(), media_type, text)


def make_pdf(text: str, path: Path) -> Path:
    """A real PDF with a text layer (fpdf2, core font)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(
        __import__("datetime").datetime(2020, 1, 1, tzinfo=__import__("datetime").timezone.utc)
    )
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for para in text.split("\n"):
        pdf.multi_cell(0, 5, para or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def repo_gold_pairs() -> list[tuple[Path, Path]]:
    """(document, gold file) for each annotated minutes file of tests/data."""
    pairs = []
    for gold_path in sorted((DATA / "gold").glob("*.json")):
        doc_path = next((DATA / "minutes").glob(gold_path.stem + ".*"), None)
        if doc_path is not None:
            pairs.append((doc_path, gold_path))
    return pairs


@pytest.fixture(autouse=True)
def _own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs in a folder of its own, so `kg build`'s default store (output/store,
    relative) never lands in the checkout or in another test's way."""
    monkeypatch.chdir(tmp_path)


# Pages drawn in headless Chromium (tests/test_viz_browser.py, tests/test_viz_scale.py)
SCREENS = ROOT / "output" / "screens"  # screenshots for review, in the checkout's output/
READY = "document.body.dataset.ready === '1'"


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    b = Chromium()
    try:
        yield b
    finally:
        b.close()
