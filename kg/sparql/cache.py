"""Answers that kg serve keeps for repeated queries.

The graph does not change while kg serve runs: a store on disk is served at the version it had
at start (the server holds that version's read lock and every worker opens that version), and
graph files are loaded once. So the same query (text, parameters, dataset and answer format)
always gets the same answer, and a repeated one is answered from here without a worker. Only
successful answers are kept, the least recently used go first, and the whole is bounded in bytes
(keys included); an answer over a quarter of the bound is not kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

Kept = tuple[str, bytes]  # media type, body


class Answers:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes, self.largest = max_bytes, max_bytes // 4
        self.kept: OrderedDict[str, Kept] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: str) -> Kept | None:
        with self.lock:
            found = self.kept.get(key)
            if found is not None:
                self.kept.move_to_end(key)
            return found

    def put(self, key: str, media: str, body: bytes) -> None:
        cost = len(key) + len(body)
        if cost > self.largest:
            return
        with self.lock:
            if key in self.kept:
                return
            self.kept[key] = (media, body)
            self.size += cost
            while self.size > self.max_bytes:
                old, (_, old_body) = self.kept.popitem(last=False)
                self.size -= len(old) + len(old_body)
