"""`/show?iri=...` of `kg serve`: what `kg show` prints for an IRI of the served graph.

Runs in a query worker, on the worker's store. Only IRIs the graph holds are shown; the text is
escaped into a page whose only links are to other `/show` views of IRIs of this graph, so the
page never leads the browser anywhere else and the server never fetches anything.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox

from kg.errors import KgError
from kg.sparql.show import describe, expand, label, present
from kg.sparql.worker import TEXT, Answer

HTML = "text/html; charset=utf-8"
NO_TEXT = "    (kg serve does not have this document's text: see {file} with kg show -s)"
_IRI = re.compile(r"&lt;([^\s&<>\"]+)&gt;")

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - kg show</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="data:,">
</head>
<body class="show">
<header>
  <h1>{title}</h1>
  <p><a href="/">Back to the query page</a> · as text: <a href="{text_link}">/show?format=text</a></p>
</header>
<main class="show"><pre id="show">{body}</pre></main>
</body>
</html>
"""


def show_link(iri: str, fmt: str = "") -> str:
    return "/show?iri=" + quote(iri, safe="") + (f"&format={fmt}" if fmt else "")


def answer(store: ox.Store, job: dict[str, Any]) -> Answer:
    """(status, media type, body) for one `/show` request: text, or an escaped page."""
    name = str(job.get("show", "")).strip()
    if not name:
        return 400, TEXT, b"no IRI: open /show?iri=... with an IRI that a query returned"
    try:
        iri = expand(name)
    except KgError as exc:
        return 404, TEXT, " ".join(str(exc).split())[:300].encode()
    if not present(store, iri):
        return 404, TEXT, f"<{iri[:300]}> is not in this graph; kg show names only its IRIs".encode()
    text = describe(store, iri, missing_text=NO_TEXT)
    if job.get("format") == "text":
        return 200, TEXT, text.encode("utf-8")

    def link(m: re.Match[str]) -> str:
        target = html.unescape(m.group(1))
        if not present(store, target):
            return m.group(0)
        return f'&lt;<a href="{html.escape(show_link(target))}">{m.group(1)}</a>&gt;'

    body = _IRI.sub(link, html.escape(text, quote=False))
    title = html.escape(label(store, iri) or iri)
    page = PAGE.format(title=title, body=body, text_link=html.escape(show_link(iri, "text")))
    return 200, HTML, page.encode("utf-8")
