"""Fingerprints of the graphs built from every set of minutes we hold.

Run `python tests/snapshots/graphs.py --update` after a deliberate change to what kg extracts;
`tests/test_snapshots.py` then holds every later change of code to the same output, byte for
byte. Only SHA-256 digests are kept: the graphs quote councils' text, which is not ours to copy.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
DIGESTS = Path(__file__).with_name("graphs.json")


def sets() -> dict[str, Path]:
    out = {
        "examples": ROOT / "examples",
        "shared-dev": SHARED / "corpus" / "dev",
        "shared-real": SHARED / "corpus" / "real",
    }
    data = ROOT / "tests" / "data"
    out["tests-minutes"] = data / "minutes"
    for d in sorted(data.iterdir()):
        if (d / "minutes").is_dir():
            out[f"tests-{d.name}"] = d / "minutes"
    return {k: v for k, v in out.items() if v.is_dir()}


def digest(folder: Path) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "graph.trig"
        # through the command line, exactly as a user builds; one process for determinism checks
        subprocess.run(
            [sys.executable, "-m", "kg", "build", str(folder), "-o", str(out), "--partial", "-j", "1"],
            check=False,
            capture_output=True,
        )
        return hashlib.sha256(out.read_bytes()).hexdigest() if out.exists() else "missing"


def current() -> dict[str, str]:
    return {name: digest(folder) for name, folder in sets().items()}


if __name__ == "__main__":
    if "--update" in sys.argv:
        DIGESTS.write_text(json.dumps(current(), indent=1, sort_keys=True) + "\n")
        print(f"wrote {DIGESTS}")
    else:
        print(json.dumps(current(), indent=1, sort_keys=True))
