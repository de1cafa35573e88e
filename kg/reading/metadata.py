"""What is known about a document beside its text: its address, and what a manifest states.

Minutes saved from a council website carry their address (`<link rel="canonical">`, `og:url`,
`<base>`); harvested minutes come with a list of sources. `kg build --manifest FILE` reads such a
list (CSV or TSV; columns `file,url,authority,committee,date`, any may be empty; `document` and
`council` are read as `file` and `authority`), so an analyst can state what the text leaves out.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

_ALIASES = {
    "file": "file", "document": "file", "filename": "file", "name": "file",
    "url": "url", "address": "url", "source": "url", "link": "url",
    "authority": "authority", "council": "authority", "gss": "authority", "gss_code": "authority",
    "committee": "committee", "date": "date",
}  # fmt: skip


@dataclass(frozen=True)
class SourceMeta:
    """Metadata of one document; `origin` names where it came from (a manifest's file name, or
    "page" for the address the page gives itself)."""

    origin: str
    url: str | None = None
    authority: str | None = None  # as stated: a GSS code or a name
    committee: str | None = None
    date: str | None = None


def load_manifest(path: Path) -> dict[str, SourceMeta]:
    """File name (as listed, and its last part) -> what the manifest states about it."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the manifest ({exc}); give a UTF-8 CSV or TSV file") from None
    first = raw.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(raw), delimiter=delimiter))
    if not rows:
        raise InputError(f"{path}: the manifest is empty; give a header line such as file,url,authority")
    header = [_ALIASES.get(h.strip().lower()) for h in rows[0]]
    if "file" not in header:
        raise InputError(
            f"{path}: the manifest has no 'file' column; "
            "its header must name file,url,authority,committee,date"
        )
    out: dict[str, SourceMeta] = {}
    for n, row in enumerate(rows[1:], 2):
        if not any(c.strip() for c in row):
            continue
        values = {k: v.strip() for k, v in zip(header, row, strict=False) if k and v.strip()}
        name = values.get("file")
        if not name:
            raise InputError(f"{path}, line {n}: no file name; fill the 'file' column or drop the line")
        meta = SourceMeta(
            path.name, values.get("url"), values.get("authority"), values.get("committee"), values.get("date")
        )
        out[name] = meta
        out.setdefault(Path(name).name, meta)
    return out


def merged(page_url: str | None, stated: SourceMeta | None) -> SourceMeta | None:
    """The manifest's statements, with the page's own address where the manifest gives none."""
    if stated is None:
        return SourceMeta("page", page_url) if page_url else None
    if stated.url is None and page_url:
        return SourceMeta(stated.origin, page_url, stated.authority, stated.committee, stated.date)
    return stated
