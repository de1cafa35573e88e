"""`python -m kg` runs the command line, as `kg` does."""

from kg.cli.main import run

run()
