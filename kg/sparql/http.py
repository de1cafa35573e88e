"""One HTTP request with a total deadline: connecting, sending and every byte of the answer.

A socket timeout bounds each wait, not the whole: a store that sends a byte a second never
trips it. Here the time left is recomputed before every read, so `--timeout` is the most any
request costs, whatever the other side does.
"""

from __future__ import annotations

import http.client
import time
from urllib.parse import urlsplit

from kg.errors import StoreError


def request(
    url: str, method: str, body: bytes | None, headers: dict[str, str], timeout: float, what: str
) -> tuple[int, str, bytes]:
    """(status, content type, body) of one request; StoreError naming `what` when it cannot."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{url}: give an http:// or https:// URL of the {what}")
    deadline = time.monotonic() + timeout
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = cls(parts.hostname, parts.port, timeout=timeout)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        conn.request(method, target, body=body, headers=headers)
        _left(conn, deadline)
        resp = conn.getresponse()
        chunks = []
        while True:
            _left(conn, deadline)
            chunk = resp.read1(1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
        return resp.status, resp.getheader("Content-Type") or "", b"".join(chunks)
    except TimeoutError as exc:
        raise StoreError(
            f"the {what} at {url} gave no complete answer within {timeout:g} s; "
            "check it, or pass a longer --timeout"
        ) from exc
    except http.client.HTTPException as exc:
        raise StoreError(
            f"the {what} at {url} did not answer in HTTP ({type(exc).__name__}: {_shown(exc)}); "
            "is this the right URL and port?"
        ) from exc
    except OSError as exc:
        raise StoreError(f"cannot reach the {what} at {url} ({_shown(exc)}); is it running?") from exc
    finally:
        conn.close()


def _shown(exc: Exception) -> str:
    """An exception's text on one short line, control characters escaped (a hostile server
    chooses what http.client quotes back)."""
    text = str(exc).encode("unicode_escape").decode("ascii")
    return " ".join(text.split())[:200] or type(exc).__name__


def _left(conn: http.client.HTTPConnection, deadline: float) -> None:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    if conn.sock is not None:
        conn.sock.settimeout(left)


def check(url: str, status: int, media: str, body: bytes, what: str, expect: tuple[str, ...]) -> None:
    """Refuse an error status, and an answer that is not of the expected media types."""
    if status >= 300:
        first = body.decode("utf-8", "replace").strip().splitlines()
        msg = " ".join(first[0].split())[:300] if first else ""
        raise StoreError(f"the {what} at {url} answered HTTP {status}: {msg}")
    kind = media.split(";")[0].strip().lower()
    if kind == "text/html":
        raise StoreError(
            f"the {what} at {url} answered with an HTML page, not {expect[0] if expect else 'data'}; "
            "is this the right URL?"
        )
    if not expect and body and not _text(body):
        raise StoreError(
            f"the {what} at {url} answered HTTP {status} with {len(body):,} bytes that are not text, "
            "not a store's acknowledgement; is this the right URL?"
        )
    if expect and body and kind and kind not in expect:
        raise StoreError(f"the {what} at {url} answered {kind}, not {expect[0]}; is this the right URL?")


def _text(body: bytes) -> bool:
    """UTF-8 without control characters other than white space: a status message, JSON, RDF."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not any(ord(c) < 32 and c not in "\t\n\r" for c in text)
