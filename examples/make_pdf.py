"""Render the sample minutes in examples/src/*.src (plain UTF-8 text) to examples/*.pdf with fpdf2.

The sources use the .src extension so that `kg build examples` does not read them a second
time as .txt minutes.

Usage (from the repository root): python examples/make_pdf.py

The output is deterministic (fixed creation date). DejaVu Sans is embedded when it is
installed (Debian: fonts-dejavu-core); otherwise the core Helvetica font is used and
characters outside Latin-1 are replaced. Paragraphs are separated by blank lines; each
source line starts a new line; long lines wrap; headings and item lines are bold.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
HEADING = re.compile(r"^(\d{1,3}(/\d{2})?\.?\s+\S|[A-Z][A-Z ,'&/()\-]{6,}$)")
ASCII = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2022": "*"}


def render(src: Path, dst: Path) -> None:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2020, 1, 1, 12, 0, 0, tzinfo=UTC))
    pdf.set_creator("kg examples (examples/make_pdf.py)")
    pdf.set_margins(20, 20, 20)
    font, unicode_ok = "Helvetica", False
    if (DEJAVU / "DejaVuSans.ttf").exists() and (DEJAVU / "DejaVuSans-Bold.ttf").exists():
        pdf.add_font("DejaVu", "", str(DEJAVU / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(DEJAVU / "DejaVuSans-Bold.ttf"))
        font, unicode_ok = "DejaVu", True
    pdf.add_page()
    text = src.read_text(encoding="utf-8").replace("\r\n", "\n")
    for i, para in enumerate(p for p in re.split(r"\n\s*\n", text) if p.strip()):
        for line in para.splitlines():
            line = line.replace("\u00a0", " ").strip()
            if not unicode_ok:
                for a, b in ASCII.items():
                    line = line.replace(a, b)
                line = line.encode("latin-1", "replace").decode("latin-1")
            if not line:
                continue
            bold = i == 0 or bool(HEADING.match(line))
            pdf.set_font(font, "B" if bold else "", 13 if i == 0 else 10.5)
            indent = 6 if re.match(r"^([-•·o]|\(?\d+\))\s", line) else 0
            pdf.set_x(pdf.l_margin + indent)
            pdf.multi_cell(pdf.epw - indent, 5.2, line, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.6)
    pdf.output(str(dst))


def main() -> None:
    for src in sorted((HERE / "src").glob("*.src")):
        dst = HERE / (src.stem + ".pdf")
        render(src, dst)
        print(f"{src.relative_to(HERE)} -> {dst.relative_to(HERE)}")


if __name__ == "__main__":
    main()
