"""The same graph gives the same rows in the same order: a library query orders by every column
that can tell its rows apart (the engine's hash joins return tied rows in any order).

Found on stores of a few hundred synthetic minutes, where `plans` (plans of one name, told apart
by their IRIs) and `timeline` (rows of one inspection and document, told apart by their
judgement) came back in a different order from one run to the next.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.graph.store import load
from kg.pipeline.incremental import build_store
from kg.sparql.formats import format_result
from kg.sparql.library import resolve, run
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("order")
    minutes = tmp / "minutes"
    synth = [sys.executable, str(ROOT / "bench" / "synth.py"), "--docs", "60", "--seed", "7"]
    subprocess.run([*synth, "--out", str(minutes)], check=True, stdout=subprocess.DEVNULL)
    build_store([minutes], tmp / "store", jobs=1)
    return tmp / "store"


@pytest.mark.parametrize("name", ["plans", "timeline", "meetings", "people", "posts", "decisions"])
def test_a_query_gives_one_order(store: Path, name: str) -> None:
    opened, q = load([store]), resolve(name)  # opened once: each opening holds files
    answers = {format_result(run(opened, q, union=False), "csv", {}) for _ in range(25)}
    assert len(answers) == 1
