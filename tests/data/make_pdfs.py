"""Render plain-text minutes into PDF test fixtures, deterministically.

Usage (from the repository root, with fpdf2 installed):

    python tests/data/make_pdfs.py

Sources and outputs:

* ``tests/data/pdf_src/NAME.txt``   -> ``tests/data/minutes/NAME.pdf``
  (the gold file for the PDF is ``tests/data/gold/NAME.json``)
* ``tests/data/equivalence/same.txt`` -> ``tests/data/equivalence/same.pdf``

The .txt sources are kept out of ``minutes/`` so that they are not counted twice.

Layout: a blank line separates paragraphs; every source line starts a new line in the
PDF and long lines wrap at the page width, as a council's "print to PDF" would.
Lines that look like headings (the first paragraph, item numbers such as ``3.`` or
``18/18``, or upper-case lines) are set in bold; bullet lines are indented.

The output is reproducible: the creation date is fixed and fpdf2's document ID is derived
from the content. DejaVu Sans (Debian package fonts-dejavu-core) is embedded when it is
installed, so curly quotes, dashes and bullets survive; otherwise the script falls back to
the core Helvetica font and replaces the characters that Latin-1 cannot encode.
"""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FIXED_DATE = datetime(2020, 1, 1, 12, 0, 0, tzinfo=UTC)

HEADING = re.compile(
    r"^(\d{1,3}(/\d{2})?\.?\s+\S"  # "3. TITLE", "18/18 Title", "290. Title"
    r"|[A-Z0-9][A-Z0-9 ,'’&/()\-–.]{6,}$)"  # all-capitals line
)
BULLET = re.compile(r"^(\s*)([-•·o§Ø]|\(?\d+\)|\(?[a-z]\)|\(?[ivx]+\))\s+")

# Characters outside Latin-1 and their replacements, for the core-font fallback only.
FALLBACK = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2022": "*",
    "\u00d8": "O",
}


def jobs() -> list[tuple[Path, Path, str]]:
    """(source, output, alignment): the fixtures are justified, as council PDFs usually are
    (text extractors then see runs of spaces); the equivalence PDF is left-aligned."""
    out = [
        (src, HERE / "minutes" / (src.stem + ".pdf"), "J") for src in sorted((HERE / "pdf_src").glob("*.txt"))
    ]
    same = HERE / "equivalence" / "same.txt"
    if same.exists():
        out.append((same, same.with_suffix(".pdf"), "L"))
    return out


def new_pdf(title: str) -> tuple[FPDF, str, bool]:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(title)
    pdf.set_author("Democratic Services")
    pdf.set_creator("kg test fixtures (tests/data/make_pdfs.py)")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
        return pdf, "DejaVu", True
    return pdf, "Helvetica", False


def clean(line: str, unicode_ok: bool) -> str:
    line = line.replace("\u00a0", " ").rstrip()
    if not unicode_ok:
        for a, b in FALLBACK.items():
            line = line.replace(a, b)
        line = line.encode("latin-1", "replace").decode("latin-1")
    return line


def render(src: Path, dst: Path, align: str = "J") -> None:
    text = src.read_text(encoding="utf-8").replace("\r\n", "\n")
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    pdf, font, unicode_ok = new_pdf(paragraphs[0].splitlines()[0].strip() if paragraphs else src.stem)
    pdf.add_page()
    width = pdf.epw
    for i, para in enumerate(paragraphs):
        for raw in para.splitlines():
            line = clean(raw, unicode_ok)
            if not line.strip():
                continue
            bold = i == 0 or bool(HEADING.match(line.strip()))
            pdf.set_font(font, "B" if bold else "", 13 if i == 0 else 10.5)
            indent = 6 if BULLET.match(line) else 0
            pdf.set_x(pdf.l_margin + indent)
            pdf.multi_cell(width - indent, 5.2, line.strip(), align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.6)
    dst.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(dst))


def main() -> int:
    for src, dst, align in jobs():
        render(src, dst, align)
        print(f"{src.relative_to(HERE)} -> {dst.relative_to(HERE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
