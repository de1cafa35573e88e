"""Where the project's own resources live (the package runs from an editable checkout)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
QUERIES_DIR = ROOT / "queries"
REFERENCE_DIR = Path(__file__).resolve().parent / "reference" / "data"
DEFAULT_GRAPH = Path("output") / "graph.ttl"
DEFAULT_STORE = Path("output") / "store"
