"""Hostile files (issue 11, items 5, 7 and 8): every failure is the file's one line, nothing hangs."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.main import main
from kg.errors import InputError
from kg.reading import readers
from kg.reading.readers import Source, find_sources, read_document, scan_sources
from tests.conftest import make_pdf

MINUTES = "Children's Services Scrutiny Committee\n\nOfsted inspection of children's services.\n"


def read(path: Path):
    return read_document(Source(path, path.name))


def one_line_error(path: Path) -> str:
    with pytest.raises(InputError) as err:
        read(path)
    msg = str(err.value)
    assert "\n" not in msg
    return msg


# --- 5. PDFs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "exc",
    [NotImplementedError("unsupported filter"), RecursionError("deep"), AttributeError("x"), IndexError("i")],
)
def test_any_pdf_reader_failure_is_the_files_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: Exception
) -> None:
    import pypdf

    def broken(*args: object, **kwargs: object) -> None:
        raise exc

    monkeypatch.setattr(pypdf, "PdfReader", broken)
    p = make_pdf("Ofsted", tmp_path / "m.pdf")
    msg = one_line_error(p)
    assert str(p) in msg and type(exc).__name__ in msg and "re-export" in msg


def test_pypdf_limit_reached_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdf
    from pypdf.errors import LimitReachedError

    def broken(*args: object, **kwargs: object) -> None:
        raise LimitReachedError("limit reached")

    monkeypatch.setattr(pypdf, "PdfReader", broken)
    assert "LimitReachedError" in one_line_error(make_pdf("Ofsted", tmp_path / "m.pdf"))


def test_mutated_pdfs_never_escape_and_stay_quiet(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    good = make_pdf(MINUTES * 5, tmp_path / "good.pdf").read_bytes()
    rng = random.Random(11)
    for i in range(60):
        data = bytearray(good)
        for _ in range(rng.randint(1, 12)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        p = tmp_path / f"mut{i}.pdf"
        p.write_bytes(bytes(data))
        try:
            read(p)
        except InputError as exc:
            assert "\n" not in str(exc) and str(p) in str(exc)
    out, err = capfd.readouterr()
    assert out == "" and err == ""  # pypdf's warnings and log lines never reach the terminal


def test_build_goes_on_past_a_broken_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdf

    src = tmp_path / "in"
    src.mkdir()
    make_pdf("Ofsted", src / "a.pdf")
    (src / "b.txt").write_text(MINUTES)
    monkeypatch.setattr(pypdf, "PdfReader", lambda *a, **k: (_ for _ in ()).throw(NotImplementedError("x")))
    out = tmp_path / "g.ttl"
    r = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "-j", "1"])
    assert r.exit_code == 3 and not out.exists()
    assert "a.pdf: not a readable PDF (NotImplementedError" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "-j", "1", "--partial"])
    assert r.exit_code == 3 and out.exists() and "Read 1 document" in r.output


# --- 7. special files ------------------------------------------------------------------------


def test_a_fifo_named_txt_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "minutes.txt"
    os.mkfifo(fifo)
    done: list[str] = []
    t = threading.Thread(target=lambda: done.append(one_line_error(fifo)), daemon=True)
    t.start()
    t.join(10)
    assert done and "FIFO" in done[0] and "regular file" in done[0]


def test_a_link_to_dev_zero_is_not_read(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    assert "not a regular file" in one_line_error(link)


def test_links_leaving_the_folder_are_refused_with_a_notice(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(MINUTES)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(MINUTES)
    (folder / "b.txt").symlink_to(outside)
    (folder / "c.txt").symlink_to(folder / "a.txt")  # inside the folder: fine
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    sources, notices = find_sources([folder])
    assert [s.name for s in sources] == ["a.txt", "c.txt"]
    assert len(notices) == 2 and all("outside" in n and "skipped" in n for n in notices)


def test_a_loop_of_links_is_one_error_and_the_rest_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(MINUTES)
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a link to itself
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    found = scan_sources([folder])
    assert [s.name for s in found.sources] == ["a.txt"]
    assert len(found.errors) == 2 and all("leads nowhere" in e and "\n" not in e for e in found.errors)


def test_an_unreadable_folder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(MINUTES)
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # root reads every folder: refuse as chmod 000 would
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    found = scan_sources([folder])
    assert [s.name for s in found.sources] == ["a.txt"]
    assert len(found.errors) == 1 and "locked" in found.errors[0] and "permission" in found.errors[0]
    out = tmp_path / "g.ttl"
    r = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "-j", "1"])
    assert r.exit_code == 3 and "cannot be read" in r.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_really_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0)
    try:
        assert scan_sources([tmp_path]).errors
    finally:
        (tmp_path / "locked").chmod(0o755)


def test_cli_build_on_a_fifo_exits_3(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(MINUTES)
    os.mkfifo(folder / "b.txt")
    cmd = [sys.executable, "-m", "kg", "build", str(folder), "-o", str(tmp_path / "g.ttl"), "--partial"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 3 and "b.txt: a FIFO" in r.stderr and "Traceback" not in r.stderr


def test_size_limit_per_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_TEXT", 1000)
    p = tmp_path / "long.txt"
    p.write_text(MINUTES * 100)
    msg = one_line_error(p)
    assert str(p) in msg and "1,000" in msg and "split" in msg


# --- 8. text checks --------------------------------------------------------------------------


def test_random_bytes_are_not_windows_1252(tmp_path: Path) -> None:
    rng = random.Random(8)
    for i in range(20):
        data = bytes(rng.randrange(1, 256) for _ in range(4000))
        p = tmp_path / f"r{i}.txt"
        p.write_bytes(data)
        assert "binary" in one_line_error(p)


def test_real_windows_1252_still_reads(tmp_path: Path) -> None:
    p = tmp_path / "old.txt"
    p.write_bytes((MINUTES + "Costs of \xa3120,000 \x96 noted; Director\x92s report.\n").encode("latin-1"))
    doc = read(p)
    assert "\u00a3120,000 \u2013 noted" in doc.text and doc.warnings


def test_nul_bytes_anywhere_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "late.txt"
    p.write_bytes(MINUTES.encode() * 1000 + b"\x00" + MINUTES.encode())
    assert "NUL" in one_line_error(p)


def test_control_characters_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "ctl.txt"
    p.write_bytes(bytes(range(1, 9)) * 100 + MINUTES.encode())
    assert "control characters" in one_line_error(p)


def test_a_name_with_a_newline_stays_one_line(tmp_path: Path) -> None:
    p = tmp_path / "bad\nname.txt"
    p.write_bytes(b"\x00")
    msg = one_line_error(p)
    assert "bad\\nname.txt" in msg
