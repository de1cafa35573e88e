"""Blocks of minutes to plain text (optionally hard-wrapped) or to a council web page."""

from __future__ import annotations

import html
import textwrap
from typing import TypeAlias

# ("h" | "p" | "line", text) or ("ul", (glyph, items)); a glyph "(n)", "n)" or "a)" is numbered.
Block: TypeAlias = tuple[str, str | tuple[str, list[str]]]


def _marker(glyph: str, k: int) -> str:
    if glyph.startswith(("(n)", "n)")):
        return glyph.replace("n", str(k), 1)
    return glyph.replace("a)", chr(96 + k) + ")", 1) if glyph.startswith("a)") else glyph


def render_text(blocks: list[Block], wrap: int, sep: str) -> str:
    parts: list[str] = []
    for kind, val in blocks:
        if not isinstance(val, str):
            glyph, items = val
            lines = []
            for k, it in enumerate(items, 1):
                mark = _marker(glyph, k)
                lines.append(textwrap.fill(it, wrap, initial_indent=mark) if wrap else mark + it)
            parts.append(sep.join(lines))
        elif kind == "p" and wrap:
            parts.append(textwrap.fill(val, wrap))
        else:
            parts.append(val)
    return sep.join(parts)


def render_html(title: str, blocks: list[Block], council: str) -> str:
    e = html.escape
    body = [f"<h1>{e(title)}</h1>"]
    for kind, val in blocks:
        if not isinstance(val, str):
            body.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in val[1]) + "</ul>")
        else:
            tag = "h2" if kind == "h" else "p"
            body.append(f"<{tag}>{e(val)}</{tag}>")
    nav = "".join(
        f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ("Home", "Councillors", "Meetings", "Committees")
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{e(title)} - '
        f"{e(council)}</title><script>window.dataLayer=[];function gtag(){{}}</script>"
        f'</head>\n<body><div class="cookie-banner">We use cookies. <button>Accept</button>'
        f'</div><header class="site-header"><nav class="navigation"><ul>{nav}</ul></nav>'
        f'</header>\n<main id="content"><div class="mgContent">\n'
        + "\n".join(body)
        + f"\n</div></main>\n<footer><p>&copy; {e(council)}</p><p>Accessibility | "
        f'Privacy</p></footer><script src="/js/site.js"></script></body></html>\n'
    )


def smart_quotes(blocks: list[Block]) -> list[Block]:
    def q(s: str) -> str:
        return s.replace("'", "\u2019")

    out: list[Block] = []
    for kind, val in blocks:
        if isinstance(val, str):
            out.append((kind, q(val)))
        else:
            glyph, items = val
            out.append((kind, (glyph, [q(i) for i in items])))
    return out
