"""The query library (*.rq); installed as the package kg._queries."""
