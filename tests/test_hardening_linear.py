"""Time that grows with the input, not its square (issue 11, item 6).

Each shape is text real tables and long pages contain, on which an extractor or reader once took
time quadratic in the length. Eight times the input must cost under twelve times the time
(CPU time of this process, so that other work on the machine does not decide the outcome).
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable

import pytest

from kg.extract import extract_all
from kg.reading.document import Document
from kg.reading.html import html_text

WRAPPED = (
    "The Ofsted inspection of children's services in March 2022 found that services were "
    "inadequate and the committee noted the report of the Director of Children's Services and "
)


def _wrapped(n: int) -> str:
    text = (WRAPPED * (n // len(WRAPPED) + 1))[:n]
    lines, line = [], ""
    for word in text.split(" "):
        if len(line) + len(word) > 70:
            lines.append(line)
            line = ""
        line += word + " "
    return "\n".join([*lines, line]) + "\n"


def _table(n: int) -> str:
    rows = ["Children's Services Performance Scorecard", "Indicator  2021  2022  2023  Target"]
    for i in range(n // 78):
        rows.append(
            f"Indicator {i} percentage of re-referrals  {i % 90}.{i % 10}%  {(i * 7) % 100}  "
            f"{(i * 3) % 100}%  {i % 50}"
        )
    return "\n".join(rows) + "\n"


MONTHS = "January February March April May June July August September October November December".split()


def _month(i: int) -> str:
    return f"{MONTHS[i % 12]} {1990 + i // 12 % 40}"


def _run_on(phrase: Callable[[int], str]) -> Callable[[int], str]:
    """One run-on sentence of phrases, about n characters long."""

    def text(n: int) -> str:
        parts: list[str] = []
        size = 0
        while size < n:
            parts.append(phrase(len(parts)))
            size += len(parts[-1]) + 6
        return "Minutes. " + ", and ".join(parts) + ".\n"

    return text


SHAPES: dict[str, tuple[Callable[[int], str], int]] = {  # text of about n characters, small n
    "sevens": (lambda n: "7 " * (n // 2), 400),
    "percent": (lambda n: "87% " * (n // 4), 1000),
    "parens": (lambda n: "(1) " * (n // 4), 2000),
    "wrapped": (_wrapped, 2000),
    "table": (_table, 2000),
    # inspections said again and again in one sentence: each mention was once compared with
    # every cluster and each cluster's every mention
    "inspections": (_run_on(lambda i: "the Ofsted inspection"), 2000),
    "dated inspections": (_run_on(lambda i: f"the Ofsted inspection in {_month(i)}"), 2000),
    "bare dated inspections": (_run_on(lambda i: f"the inspection in {_month(i)}"), 2000),
    # each notice read every date of its sentence; each judgement asked the whole sentence again
    "dated notices": (_run_on(lambda i: f"the improvement notice issued in {_month(i)}"), 2000),
    "judgements": (_run_on(lambda i: "Ofsted judged the service inadequate"), 2000),
    # a heading on every line: each section asked every block, each block every section read
    "headings": (lambda n: "RESOLVED:\n" * (n // 10), 2000),
}


def _clear_caches() -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith(("kg.extract", "kg.reading")):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _extract_time(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        _clear_caches()
        doc = Document("shape.txt", hashlib.sha256(text.encode()).hexdigest(), "text/plain", text)
        start = time.process_time()
        extract_all(doc)
        best = min(best, time.process_time() - start)
    return best


def _html_time(raw: str) -> float:
    best = float("inf")
    for _ in range(5):  # the best of several: a few milliseconds are easily disturbed
        start = time.process_time()
        html_text(raw)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_extraction_is_linear_on_pathological_shapes(shape: str) -> None:
    make, n = SHAPES[shape]
    small, large = _extract_time(make(n)), _extract_time(make(8 * n))
    assert large < 12 * small, f"{shape}: {n} chars {small:.3f} s, {8 * n} chars {large:.3f} s"


def test_html_reader_is_linear_on_stray_end_tags() -> None:
    def page(n: int) -> str:  # every stray end tag once searched every open tag
        return "<div>" * n + "</span>" * n + "<p>Minutes</p>"

    small, large = _html_time(page(2000)), _html_time(page(16000))
    assert large < 12 * small, f"{small:.3f} s, then {large:.3f} s"
