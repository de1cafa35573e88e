"""The HTML reader: the minutes content of a council web page as plain text, in linear time."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

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
        self.open = Counter[str]()  # open tags by name: a stray end tag costs no stack search
        self.skip_depth = 0
        self.addresses: dict[str, str] = {}  # the page's own address: canonical, og:url, base

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in ("link", "meta", "base"):
            self._address(tag, dict(attrs))
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
        self.open[tag] += 1
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

    def _address(self, tag: str, a: dict[str, str | None]) -> None:
        if tag == "link" and "canonical" in (a.get("rel") or "").lower().split() and a.get("href"):
            self.addresses.setdefault("canonical", str(a["href"]))
        elif tag == "meta" and (a.get("property") or "").lower() == "og:url" and a.get("content"):
            self.addresses.setdefault("og", str(a["content"]))
        elif tag == "base" and a.get("href"):
            self.addresses.setdefault("base", str(a["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if not self.open[tag]:
            return  # a stray end tag: nothing to close
        # Pop to the matching open tag; tolerate unclosed tags as browsers do. Every tag popped
        # here was pushed once, so the pops of a whole page cost its length.
        while self.stack:
            name, skipping = self.stack.pop()
            self.open[name] -= 1
            if skipping:
                self.skip_depth -= 1
            if name == tag:
                break
        if not self.skip_depth and tag in _BLOCK:
            self.parts.append("\n")
        if not self.skip_depth and tag in ("ol", "ul") and self.lists:
            self.lists.pop()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if not self.skip_depth:
            self.parts.append(data)


def page_address(raw: str) -> str | None:
    """The address a saved page gives for itself (canonical link, og:url, base), if absolute."""
    return html_document(raw)[1]


def html_text(raw: str) -> str:
    """The minutes content of a council web page, one block per line, entities decoded."""
    return html_document(raw)[0]


def html_document(raw: str) -> tuple[str, str | None]:
    """The minutes content of a council web page (one block per line, entities decoded) and the
    address the page gives for itself."""
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
    found = (parser.addresses.get(k) for k in ("canonical", "og", "base"))
    address = next((a.strip() for a in found if a and re.match(r"https?://[^/\s]+", a.strip())), None)
    return out + "\n", address
