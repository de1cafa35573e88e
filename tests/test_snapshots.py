"""Every set of minutes builds to the same graph, byte for byte, as when the digests were taken."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "snapshots"))
import graphs  # noqa: E402

RECORDED = json.loads(graphs.DIGESTS.read_text())


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_graph_unchanged(name: str) -> None:
    folder = graphs.sets().get(name)
    if folder is None:
        pytest.skip(f"{name} is not here (../shared missing?)")
    assert graphs.digest(folder) == RECORDED[name], (
        f"{name} builds to a different graph; if the change is deliberate, run "
        "`python tests/snapshots/graphs.py --update` and say why in the commit"
    )
