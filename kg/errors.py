"""One error family; every message names the file and the fix. Exit codes live here only."""


def one_line(text: str) -> str:
    """A message on one line whatever it quotes: line breaks and other controls escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class KgError(Exception):
    """Base of every error kg reports to a user as one line."""

    exit_code = 2


class InputError(KgError):
    """A source file cannot be read as minutes."""

    exit_code = 3


class QueryError(KgError):
    """A query is unknown, malformed or given bad parameters."""

    exit_code = 4


class ParamError(QueryError):
    """A query parameter's value is of the wrong kind, empty, unknown or ambiguous."""

    exit_code = 2


class ValidationFailed(KgError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = 1


class StoreError(KgError):
    """A remote store or endpoint failed."""

    exit_code = 5


def shown(path: object) -> str:
    """A file name as one line: printable names as they are, others escaped as repr does."""
    text = str(path)
    return text if text.isprintable() else repr(text)[1:-1]
