"""Read minutes from .txt, .html/.htm and .pdf files, and folders of them, into Documents."""

from __future__ import annotations

import hashlib
import io
import logging
import re
import warnings
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError
from kg.reading.document import Document

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


def find_sources(paths: list[Path]) -> tuple[list[Source], list[str]]:
    """Expand files and folders (recursively, sorted). Returns sources and skip notices."""
    sources: list[Source] = []
    skipped: list[str] = []
    for root in paths:
        if root.is_dir():
            for p in sorted(root.rglob("*"), key=lambda q: q.relative_to(root).as_posix()):
                rel = p.relative_to(root)
                if any(part.startswith(".") for part in rel.parts) or not p.is_file():
                    continue
                if p.suffix.lower() in MEDIA_TYPES:
                    sources.append(Source(p, rel.as_posix()))
                elif p.suffix.lower() in _CONVERTIBLE:
                    skipped.append(f"{p}: skipped; save it as PDF, HTML or text to include it")
        elif root.exists():
            sources.append(Source(root, root.name))
        else:
            raise InputError(f"{root}: no such file or folder; check the path")
    return sources, skipped


def read_document(source: Source) -> Document:
    path = source.path
    suffix = path.suffix.lower()
    if suffix not in MEDIA_TYPES:
        raise InputError(
            f"{path}: unsupported file type {suffix or '(none)'}; give .txt, .html, .htm or .pdf"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from exc
    sha = hashlib.sha256(data).hexdigest()
    warnings: list[str] = []
    if suffix == ".pdf":
        text = pdf_text(data, path)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte order mark
        try:
            raw = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: starts as UTF-16 but is not; re-save it as UTF-8") from exc
        text = html_text(raw) if suffix in (".html", ".htm") else raw
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{path}: looks binary (NUL bytes); give the minutes as text")
        raw = _decode(data, path, warnings)
        text = html_text(raw) if suffix in (".html", ".htm") else raw
    if not text.strip():
        raise InputError(f"{path}: no text in this file; give minutes with content")
    return Document(source.name, sha, MEDIA_TYPES[suffix], text, tuple(warnings))


def _decode(data: bytes, path: Path, warnings: list[str]) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        warnings.append(f"{path}: not UTF-8, read as Windows-1252; save it as UTF-8 to be sure")
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: neither UTF-8 nor Windows-1252; re-save it as UTF-8") from exc


# --- PDF -----------------------------------------------------------------------------------


def pdf_text(data: bytes, path: Path) -> str:
    """The text layer. pypdf's own warnings (log records and Python warnings) are kept quiet:
    a PDF that cannot be read gets one InputError, a readable one with quirks gets nothing."""
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pages = _pdf_pages(data, path)
    finally:
        log.setLevel(level)
    text = "\n".join(p.rstrip() for p in pages)
    text = re.sub(r"[ \t]+\n", "\n", text)
    # justified lines come out with runs of spaces: they are layout, not text
    text = re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", text)
    if not text.strip():
        raise InputError(f"{path}: the PDF has no text layer; run OCR (e.g. ocrmypdf) on it first")
    return text.strip("\n") + "\n"


def _pdf_pages(data: bytes, path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path}: the PDF needs a password; save an unprotected copy")
        return [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except DependencyError as exc:
        raise InputError(f"{path}: the PDF is AES-encrypted; `pip install cryptography` to read it") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise InputError(f"{path}: not a readable PDF ({exc}); re-export it from the source") from exc


# --- HTML ----------------------------------------------------------------------------------

_SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "iframe",
    "svg",
    "template",
    "select",
    "head",
    "title",
    "object",
    "canvas",
}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "wbr", "source"}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "address",
    "figure",
    "caption",
    "tbody",
    "thead",
}
_BOILERPLATE = re.compile(
    r"\b(nav|navigation|menu|breadcrumbs?|cookie|banner|footer|header|sidebar|skip|share|"
    r"social|search|masthead|site-?links|pager)\b",
    re.IGNORECASE,
)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.in_title = False
        self.lists: list[list[int]] = []  # open <ol>/<ul>: [counter] for ol, [-1] for ul
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag == "br" and not self.skip_depth:
                self.parts.append("\n")
            return
        attr = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skipping = tag in _SKIP_TAGS or bool(attr and _BOILERPLATE.search(attr))
        if any(k == "hidden" for k, _ in attrs) or (
            any(k == "aria-hidden" and v == "true" for k, v in attrs)
        ):
            skipping = True
        self.stack.append((tag, skipping))
        if skipping:
            self.skip_depth += 1
        elif not self.skip_depth:
            if tag in _BLOCK:
                self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "table") else "\n")
            if tag in ("ol", "ul"):
                self.lists.append([0 if tag == "ol" else -1])
            if tag == "li":
                if self.lists and self.lists[-1][0] >= 0:
                    self.lists[-1][0] += 1  # numbered as a browser shows it
                    self.parts.append(f"{self.lists[-1][0]}) ")
                else:
                    self.parts.append("\u2022 ")
            elif tag in ("td", "th"):
                self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        # Pop to the matching open tag; tolerate unclosed tags as browsers do.
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for _, skipping in self.stack[i:]:
                    if skipping:
                        self.skip_depth -= 1
                del self.stack[i:]
                break
        else:
            return
        if not self.skip_depth and tag in _BLOCK:
            self.parts.append("\n")
        if not self.skip_depth and tag in ("ol", "ul") and self.lists:
            self.lists.pop()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if not self.skip_depth:
            self.parts.append(data)


def html_text(raw: str) -> str:
    """The minutes content of a council web page, one block per line, entities decoded."""
    parser = _Extractor()
    parser.feed(raw)
    parser.close()
    # The page title often carries the only statement of whose minutes these are.
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip()
    text = (f"{title}\n\n" if title else "") + "".join(parser.parts)
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"[ \t\r\f\v]+", " ", line).strip()
        lines.append(line)
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out).strip("\n")
    return out + "\n"
