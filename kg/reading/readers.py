"""Read minutes from .txt, .html/.htm and .pdf files, and folders of them, into Documents."""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import stat
import warnings as _warnings
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError, shown
from kg.reading.document import Document
from kg.reading.html import html_document, html_text
from kg.reading.metadata import SourceMeta, merged

__all__ = ["Found", "Source", "find_sources", "html_text", "read_document", "scan_sources"]

MEDIA_TYPES = {
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
}


# Minutes that arrive in these formats are worth a note; anything else in a folder is ignored.
_CONVERTIBLE = {".doc", ".docx", ".rtf", ".odt", ".wpd", ".msg", ".eml", ".mht", ".mhtml", ".xps"}


@dataclass(frozen=True)
class Source:
    path: Path
    name: str
    meta: SourceMeta | None = None  # what a manifest states about it


@dataclass
class Found:
    """What a scan of the inputs found: sources to read, notices, and errors (unreadable folders)."""

    sources: list[Source] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def find_sources(paths: list[Path]) -> tuple[list[Source], list[str]]:
    """Expand files and folders (recursively, sorted). Returns sources and skip notices; an
    unreadable folder is an error here (the build reports it beside the other files instead)."""
    found = scan_sources(paths)
    if found.errors:
        raise InputError(found.errors[0])
    return found.sources, found.notices


def scan_sources(paths: list[Path]) -> Found:
    """Expand files and folders: recursively, sorted, hidden names skipped, links that leave the
    folder refused, unreadable folders reported."""
    found = Found()
    for root in paths:
        if root.is_dir():
            _scan_folder(root, found)
        elif root.exists() or root.is_symlink():
            found.sources.append(Source(root, root.name))
        else:
            raise InputError(f"{shown(root)}: no such file or folder; check the path")
    return found


def _scan_folder(root: Path, found: Found) -> None:
    inside = root.resolve()

    def unreadable(exc: OSError) -> None:
        found.errors.append(
            f"{shown(exc.filename)}: the folder cannot be read ({exc.strerror}); check its permissions"
        )

    entries: list[tuple[str, Path]] = []
    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            p = Path(folder, name)
            entries.append((p.relative_to(root).as_posix(), p))
    for rel, p in sorted(entries):
        suffix = p.suffix.lower()
        if suffix in MEDIA_TYPES:
            target = p
            if p.is_symlink():
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):  # a loop of links, or a link to nothing
                    found.errors.append(f"{shown(p)}: a link that leads nowhere (a loop?); remove or fix it")
                    continue
            if p.is_symlink() and not target.is_relative_to(inside):
                found.notices.append(
                    f"{shown(p)}: skipped; it links to {shown(p.resolve())}, outside {shown(root)}"
                )
                continue
            found.sources.append(Source(p, rel))
        elif suffix in _CONVERTIBLE:
            found.notices.append(f"{shown(p)}: skipped; save it as PDF, HTML or text to include it")


MAX_TEXT = 5_000_000  # characters of text per document: the last guard on extraction time
MAX_BYTES = 64 << 20  # bytes read from one file (a PDF carries more than its text)


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, at most MAX_BYTES; FIFOs, devices and sockets are refused
    without being opened for a blocking read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise InputError(f"{shown(path)}: cannot be read ({exc.strerror}); check its permissions") from exc
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or (
                stat.S_ISBLK(mode)) else "not a regular file"
            raise InputError(f"{shown(path)}: {kind}, not a regular file; give the minutes as a file")
        try:
            data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{shown(path)}: cannot be read ({exc.strerror}); check the file") from exc
    if len(data) > MAX_BYTES:
        raise InputError(f"{shown(path)}: over {MAX_BYTES >> 20} MB, the limit per file; split it")
    return data


def read_document(source: Source) -> Document:
    path = source.path
    suffix = path.suffix.lower()
    if suffix not in MEDIA_TYPES:
        raise InputError(
            f"{shown(path)}: unsupported file type {suffix or '(none)'}; give .txt, .html, .htm or .pdf"
        )
    data = read_bytes(path)
    sha = hashlib.sha256(data).hexdigest()
    warnings: list[str] = []
    address = None
    if suffix == ".pdf":
        text = pdf_text(data, path)
    else:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte order mark
            try:
                data = data.decode("utf-16").encode("utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{shown(path)}: starts as UTF-16 but is not; re-save it as UTF-8") from None
        if b"\x00" in data:
            raise InputError(f"{shown(path)}: looks binary (NUL bytes); give the minutes as text")
        raw = _decode(data, path, warnings)
        text, address = html_document(raw) if suffix in (".html", ".htm") else (raw, None)
    if not text.strip():
        raise InputError(f"{shown(path)}: no text in this file; give minutes with content")
    if len(text) > MAX_TEXT:
        raise InputError(
            f"{shown(path)}: {len(text):,} characters of text, over the limit of {MAX_TEXT:,} per "
            "document; split it into one file per meeting"
        )
    meta = merged(address, source.meta)
    return Document(source.name, sha, MEDIA_TYPES[suffix], text, tuple(warnings), meta)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_PLAIN = re.compile(r"[\x20-\x7e\s]")


def _decode(data: bytes, path: Path, warnings: list[str]) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = ""
        # Most byte strings decode as Windows-1252: text in it is still mostly plain ASCII.
        if len(_PLAIN.findall(text)) < 0.8 * len(text) or not text:
            raise InputError(
                f"{shown(path)}: neither UTF-8 nor text in Windows-1252 (binary?); re-save it as UTF-8"
            ) from None
        warnings.append(f"{shown(path)}: not UTF-8, read as Windows-1252; save it as UTF-8 to be sure")
    if len(_CONTROL.findall(text)) > max(1, len(text) // 100):
        raise InputError(f"{shown(path)}: looks binary (control characters); give the minutes as text")
    return text


# --- PDF -----------------------------------------------------------------------------------


def pdf_text(data: bytes, path: Path) -> str:
    """The PDF's text layer. pypdf is a third-party parser of hostile input: whatever it raises
    becomes this file's one-line error, and its warnings and log lines stay off the terminal."""
    from pypdf import PdfReader

    log = logging.getLogger("pypdf")
    level, log.level = log.level, logging.CRITICAL + 1
    try:
        with _warnings.catch_warnings():
            _warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):  # an empty password opens many
                raise InputError(f"{shown(path)}: the PDF needs a password; save an unprotected copy")
            pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure of the parser is this file's failure
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise InputError(
            f"{shown(path)}: not a readable PDF ({type(exc).__name__}: {reason}); "
            "re-export it from the source"
        ) from exc
    finally:
        log.level = level
    text = "\n".join(p.rstrip() for p in pages)
    text = re.sub(r"[ \t]+\n", "\n", text)
    # justified lines come out with runs of spaces: they are layout, not text
    text = re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", text)
    if not text.strip():
        raise InputError(f"{shown(path)}: the PDF has no text layer; run OCR (e.g. ocrmypdf) on it first")
    return text.strip("\n") + "\n"
