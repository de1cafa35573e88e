"""The package's own resources, found through importlib.resources (installed or editable alike).

ontology/ and queries/ sit at the top of the repository and ship as the packages kg._ontology and
kg._queries (pyproject.toml maps them); reference data ships in kg/reference/data. Nothing here
depends on where the checkout is, so a wheel installed anywhere finds the same files.
"""

import os
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

DEFAULT_GRAPH = Path("output") / "graph.ttl"
DEFAULT_STORE = Path("output") / "store"


def ontology_file(name: str) -> Traversable:
    """A file of ontology/: kg.ttl, shapes.ttl, vocabularies.ttl or vocabularies.yaml."""
    return files("kg._ontology") / name


def query_files() -> list[Traversable]:
    """The library queries (queries/*.rq), sorted by name."""
    return sorted((f for f in files("kg._queries").iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)


def reference_file(name: str) -> Traversable:
    """A reference data file of kg/reference/data (the register, Ofsted's lookup and record)."""
    return files("kg.reference") / "data" / name


def child_env() -> dict[str, str]:
    """The environment for another interpreter that runs a module of kg (`python -m kg...`):
    kg importable from where this one imported it, installed or not."""
    here = str(Path(__file__).resolve().parent.parent)
    path = os.environ.get("PYTHONPATH")
    return dict(os.environ, PYTHONPATH=here + (os.pathsep + path if path else ""))
