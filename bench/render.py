"""Blocks of minutes to plain text (optionally hard-wrapped) or to a council web page."""

from __future__ import annotations

import html
import textwrap

Block = tuple[str, object]  # ("h"|"p"|"line", str) or ("ul", (glyph, list[str]))


def _marker(glyph: str, k: int) -> str:
    if glyph.startswith(("(n)", "n)")):
        return glyph.replace("n", str(k), 1)
    return glyph.replace("a)", chr(96 + k) + ")", 1) if glyph.startswith("a)") else glyph


def render_text(blocks: list[Block], wrap: int, sep: str) -> str:
    parts: list[str] = []
    for kind, val in blocks:
        if kind == "ul":
            glyph, items = val  # type: ignore[misc]
            lines = []
            for k, it in enumerate(items, 1):
                mark = _marker(glyph, k)
                lines.append(textwrap.fill(it, wrap, initial_indent=mark) if wrap else mark + it)
            parts.append(sep.join(lines))
        elif kind == "p" and wrap:
            parts.append(textwrap.fill(str(val), wrap))
        else:
            parts.append(str(val))
    return sep.join(parts)


def render_html(title: str, blocks: list[Block], council: str) -> str:
    e = html.escape
    body = [f"<h1>{e(title)}</h1>"]
    for kind, val in blocks:
        if kind == "ul":
            body.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in val[1]) + "</ul>")  # type: ignore[index]
        else:
            body.append(f"<{'h2' if kind == 'h' else 'p'}>{e(str(val))}</{'h2' if kind == 'h' else 'p'}>")
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
