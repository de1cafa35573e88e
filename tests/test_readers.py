from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.reading.readers import Source, find_sources, html_text, read_document
from tests.conftest import make_pdf


def read(path: Path):
    return read_document(Source(path, path.name))


def test_txt_keeps_text_untouched(tmp_path: Path) -> None:
    raw = "Agenda item\r\n\r\nOfsted\u2019s report\r\n"
    p = tmp_path / "a.txt"
    p.write_bytes(raw.encode("utf-8"))
    doc = read(p)
    assert doc.text == raw
    assert doc.media_type == "text/plain"
    assert len(doc.sha256) == 64
    assert len(doc.flat) == len(doc.text)


def test_cp1252_fallback_warns(tmp_path: Path) -> None:
    p = tmp_path / "old.txt"
    p.write_bytes("Children\x92s Services".encode("latin-1"))
    doc = read(p)
    assert doc.text == "Children\u2019s Services"
    assert doc.warnings and "Windows-1252" in doc.warnings[0] and str(p) in doc.warnings[0]


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("empty.txt", b"  \n\n", "no text"),
        ("binary.txt", b"\x00\x01\x02PK", "binary"),
        ("notes.docx", b"PK\x03\x04", "unsupported"),
        ("broken.pdf", b"%PDF-1.4 garbage", "PDF"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path: Path, name: str, data: bytes, needle: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError) as err:
        read(p)
    msg = str(err.value)
    assert str(p) in msg and needle in msg and "\n" not in msg


def test_html_keeps_minutes_drops_boilerplate() -> None:
    page = """<html><head><title>Agenda item - Ofsted - Medway Council</title><style>p{color:red}</style>
    <script>var x = "<p>not text</p>";</script></head><body>
    <nav><ul><li>Home</li><li>Councillors</li></ul></nav>
    <div class="breadcrumb">Home &gt; Meetings</div>
    <div id="cookie-banner">We use cookies</div>
    <main><h2>Ofsted inspection &ndash; update</h2>
    <p>The Director&rsquo;s report&nbsp;was noted.</p>
    <ul><li>Agency staff at 30%</li><li>Caseloads of 22</li></ul></main>
    <footer>Copyright Council</footer></body></html>"""
    text = html_text(page)
    assert "Ofsted inspection \u2013 update" in text
    assert "The Director\u2019s report" in text
    assert "\u2022 Agency staff at 30%" in text.replace("\n", "\n")
    for junk in ("Home", "cookies", "Copyright", "not text", "color"):
        assert junk not in text
    lines = [x for x in text.splitlines() if x.strip()]
    # the page title comes first: it often names the council when nothing else does
    assert lines[0] == "Agenda item - Ofsted - Medway Council"
    assert lines[1].startswith("Ofsted") and lines[-1].endswith("Caseloads of 22")


def test_pdf_text_layer(tmp_path: Path) -> None:
    p = make_pdf(
        "Agenda item\n\nOfsted Inspection of Children's Services\n\nRESOLVED: That the report be noted.",
        tmp_path / "m.pdf",
    )
    doc = read(p)
    assert doc.media_type == "application/pdf"
    assert "Ofsted Inspection of Children's Services" in doc.text
    assert "RESOLVED: That the report be noted." in doc.text


def test_pdf_without_text_layer_says_ocr(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    p = tmp_path / "scan.pdf"
    pdf.output(str(p))
    with pytest.raises(InputError, match="OCR"):
        read(p)


def test_folders_are_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("x")
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / "c.csv").write_text("x")
    (tmp_path / "minutes.docx").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    sources, skipped = find_sources([tmp_path])
    assert [s.name for s in sources] == ["a.html", "b/z.txt"]
    assert len(skipped) == 1 and "minutes.docx" in skipped[0] and "PDF" in skipped[0]


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        find_sources([tmp_path / "nope"])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_read(tmp_path: Path, encoding: str) -> None:
    raw = "Agenda item 5\r\nOfsted\u2019s inspection of children\u2019s services\r\n"
    p = tmp_path / "u16.txt"
    p.write_bytes(("\ufeff" + raw).encode(encoding))
    doc = read(p)
    assert doc.text == raw  # the mark is not text
    assert not doc.warnings


def _encrypted_pdf(path: Path, user_password: str) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, "Ofsted inspection of children's services: RESOLVED that the report be noted.")
    pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    pdf.output(str(path))
    return path


def test_pdf_encrypted_with_an_empty_password_is_read(tmp_path: Path) -> None:
    doc = read(_encrypted_pdf(tmp_path / "locked.pdf", ""))
    assert "RESOLVED that the report be noted." in doc.text


def test_pdf_with_a_real_password_is_one_clear_line(tmp_path: Path) -> None:
    p = _encrypted_pdf(tmp_path / "secret.pdf", "letmein")
    with pytest.raises(InputError, match="password") as err:
        read(p)
    assert str(p) in str(err.value) and "\n" not in str(err.value)


def test_pypdf_warnings_never_reach_the_terminal(tmp_path: Path) -> None:
    import re
    import subprocess
    import sys

    (tmp_path / "in").mkdir()
    good = make_pdf("Agenda item 4\n\nOfsted inspection of children's services", tmp_path / "in" / "a.pdf")
    # a wrong startxref pointer: pypdf recovers, and says so on stderr unless kg keeps it quiet
    good.write_bytes(re.sub(rb"startxref\s+\d+", b"startxref\n999", good.read_bytes()))
    (tmp_path / "in" / "b.pdf").write_bytes(b"%PDF-1.4 garbage")
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", "in", "-o", "g.ttl", "--partial", "-j", "1"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 3, proc.stderr
    lines = proc.stderr.splitlines()
    assert lines and all(line.startswith("kg: ") for line in lines), proc.stderr
    assert sum("b.pdf" in line for line in lines) == 1
    assert "Read 1 document" in proc.stdout
