"""kg: knowledge graphs from UK council minutes about children's services inspections."""

__version__ = "0.1.0"
