"""Seeded fuzzed texts for bench/probes.py: real minutes cut, spliced and mutated, tokens of
minutes shuffled, pathological repeats and random Unicode; and the extraction they go through."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

ODD = "\u00a0\u200b\u200e\u202e\ufeff\u2028\u2029\u0301\t\r\x0b\x0c\u00ad\u2013\u2019\u201c\U0001f600"
SHAPES = [
    "7 ",
    "87% ",
    "(1) ",
    "RESOLVED:\n",
    "a) ",
    "Ofsted ",
    "inadequate ",
    "</p>",
    "12.5 ",
    "\u00a3",
    "1 January 2019 ",
    "Councillor ",
    "Director of Children's Services ",
    "\n",
    "...",
    "|",
]


def texts(seed: int, n: int, corpus: list[Path]) -> Iterator[str]:
    rng = random.Random(seed)
    docs = [p.read_text(encoding="utf-8", errors="replace") for p in corpus]
    words = [w for d in docs for w in d.split()]
    for _ in range(n):
        how = rng.randrange(5)
        if how == 0:  # a real passage with mutations
            d = rng.choice(docs)
            a = rng.randrange(len(d))
            t = list(d[a : a + rng.randint(100, 6000)])
            for _ in range(rng.randint(1, 40)):
                i = rng.randrange(len(t) + 1)
                t[i:i] = rng.choice([rng.choice(ODD), rng.choice(SHAPES), chr(rng.randrange(32, 0x2FFF))])
            yield "".join(t)
        elif how == 1:  # splices of several documents
            yield "".join(
                d[(a := rng.randrange(len(d))) : a + rng.randint(10, 800)]
                for d in rng.choices(docs, k=rng.randint(2, 8))
            )
        elif how == 2:  # tokens of minutes shuffled, odd separators
            yield "".join(
                rng.choice(words) + rng.choice([" ", " ", "\n", "\n\n", ", ", rng.choice(ODD)])
                for _ in range(rng.randint(1, 900))
            )
        elif how == 3:  # a shape repeated, as tables and long pages have it
            yield rng.choice(SHAPES) * rng.randint(1, 1500)
        else:  # random code points, no surrogates
            yield "".join(
                chr(
                    rng.choice(
                        [rng.randrange(0, 0xD800), rng.randrange(0xE000, 0x110000), rng.randrange(32, 127)]
                    )
                )
                for _ in range(rng.randint(0, 2000))
            )


def extract(text: str) -> None:
    """Every extractor, then the mapping to RDF: what a build does with one document."""
    from kg.extract import extract_all
    from kg.graph.quads import document_quads
    from kg.reading.document import Document

    doc = Document("fuzz.txt", hashlib.sha256(text.encode("utf-8")).hexdigest(), "text/plain", text)
    document_quads(doc, extract_all(doc))
