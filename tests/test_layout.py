"""The package's imports point down the pipeline: a stage imports only from stages before it.

reading -> extract -> graph -> pipeline -> sparql / viz -> evaluate -> cli; errors and resources
are below everything, the register and Ofsted's record (reference) below extraction.
"""

import ast
from pathlib import Path

import kg

PACKAGE = Path(kg.__file__).parent
RANK = {
    "errors": 0,
    "resources": 0,
    "reading": 1,
    "reference": 1,
    "extract": 2,
    "graph": 3,
    "pipeline": 4,
    "sparql": 5,
    "viz": 5,
    "evaluate": 6,
    "cli": 7,
    "__main__": 8,
}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg."):
            found.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.module == "kg":
            found.update(f"kg.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("kg."))
    return found


def test_every_module_belongs_to_a_stage() -> None:
    stages = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir() if not p.name.startswith("_")}
    stages -= {"__pycache__"}
    assert stages <= set(RANK), f"modules outside the known stages: {sorted(stages - set(RANK))}"


def test_imports_point_down_the_pipeline() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        here = _stage(rel)
        if here == "__init__":
            continue
        for target in _imports(path):
            there = _stage(target)
            if there != here and RANK[there] >= RANK[here]:
                wrong.append(f"{rel} imports {target}")
    assert not wrong, "imports against the pipeline:\n" + "\n".join(wrong)


def test_only_the_cli_imports_from_every_stage() -> None:
    reached: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        rel = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        reached.setdefault(_stage(rel), set()).update(_stage(t) for t in _imports(path))
    everything = {s for s in RANK if RANK[s] < RANK["cli"]} - {"errors", "resources"}
    for stage, targets in reached.items():
        if stage not in ("cli", "__main__"):
            assert not everything <= targets, f"{stage} imports from every stage"
