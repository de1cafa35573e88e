"""Answers of `kg query` as text: which formats fit which query form, and each format.

The terminal table is drawn by rich (wrapping cells to the terminal width; an IRI is folded onto
more lines, never cut). csv, tsv, json and jsonl keep every value in full; only the table shows
labels (an authority's name, a post's title, a person's name, a document's file name).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError

_XSD = "http://www.w3.org/2001/XMLSchema#"

FORMATS = {
    "SELECT": ("table", "csv", "tsv", "json", "jsonl", "md"),
    "ASK": ("table", "json"),
    "CONSTRUCT": ("ttl", "nt", "jsonld"),
    "DESCRIBE": ("ttl", "nt", "jsonld"),
}
ALL_FORMATS = ("table", "csv", "tsv", "json", "jsonl", "md", "ttl", "nt", "jsonld")
_EXTENSIONS = {
    ".txt": "table", ".csv": "csv", ".tsv": "tsv", ".json": "json", ".jsonl": "jsonl",
    ".ndjson": "jsonl", ".md": "md", ".ttl": "ttl", ".nt": "nt", ".jsonld": "jsonld",
}


def choose_format(form: str, fmt: str | None, output: Path | None) -> str:
    """The format for a query of this form: -f, else the output file's extension, else the default."""
    fits = FORMATS.get(form, FORMATS["SELECT"])
    if fmt is None and output is not None:
        fmt = _EXTENSIONS.get(output.suffix.lower())
        if fmt is None:
            raise KgError(
                f"{output}: cannot tell the format from {output.suffix or 'no extension'}; "
                f"give -f ({', '.join(fits)}) or an extension such as .{fits[1]}"
            )
    if fmt is None:
        return fits[0]
    if fmt not in fits:
        raise KgError(f"-f {fmt} does not fit a {form} query; choose one of {', '.join(fits)}")
    return fmt


def cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def table_rows(solutions: ox.QuerySolutions) -> tuple[list[str], list[list[str]]]:
    columns = [v.value for v in solutions.variables]
    rows = [[cell(t) for t in sol] for sol in solutions]  # a solution iterates in column order
    return columns, rows


def _plain(term: object) -> Any:
    """A value for JSON lines: numbers and booleans as JSON ones, everything else its text."""
    if isinstance(term, ox.Literal):
        dt = term.datatype.value.removeprefix(_XSD)
        try:
            if dt in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger"):
                return int(term.value)
            if dt in ("decimal", "double", "float"):
                return float(term.value)
        except ValueError:
            return term.value
        if dt == "boolean":
            return term.value in ("true", "1")
    return None if term is None else cell(term)


def iris_in(rows: Iterable[Iterable[object]]) -> set[str]:
    return {t.value for r in rows for t in r if isinstance(t, ox.NamedNode)}


def format_select(
    solutions: ox.QuerySolutions, fmt: str, labels: dict[str, str] | None = None, width: int | None = None
) -> str:
    if fmt == "json":
        return (solutions.serialize(format=ox.QueryResultsFormat.JSON) or b"").decode("utf-8") + "\n"
    return select_text([v.value for v in solutions.variables], [list(sol) for sol in solutions], fmt,
                       labels, width)


def select_text(
    columns: list[str], terms: list[list[Any]], fmt: str,
    labels: dict[str, str] | None = None, width: int | None = None,
) -> str:
    """SELECT rows (lists of terms, None for unbound) in any format but SPARQL JSON."""
    if fmt == "jsonl":
        return "".join(
            json.dumps({c: _plain(t) for c, t in zip(columns, r, strict=True)}, ensure_ascii=False) + "\n"
            for r in terms
        )
    rows = [[cell(t) for t in r] for r in terms]
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([c.replace("\t", " ").replace("\n", " ") if fmt == "tsv" else c for c in r])
        return buf.getvalue()
    if fmt == "md":
        esc = [[c.replace("|", "\\|").replace("\n", " ") for c in r] for r in rows]
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(r) + " |" for r in esc]
        return "\n".join(lines) + "\n"
    names = labels or {}
    shown = [
        [names.get(t.value) or compact(t.value) if isinstance(t, ox.NamedNode) else c
         for t, c in zip(r, cr, strict=True)]
        for r, cr in zip(terms, rows, strict=True)
    ]
    return text_table(columns, shown, width)


def compact(iri: str) -> str:
    """kgid:inspection/E06000002/... for our IRIs (`kg show` takes either form); others in full."""
    from kg.graph.rdf import PREFIXES

    for prefix in ("authority", "document", "concern", "role", "kgid", "vocab"):
        ns = PREFIXES[prefix]
        if iri.startswith(ns) and iri != ns:
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def text_table(columns: list[str], rows: list[list[str]], width: int | None = None) -> str:
    """A table that fits `width` columns (None: as wide as its content), long cells wrapped."""
    gap = 3  # between columns
    natural = [max([len(c)] + [len(x) for r in rows for x in r[i].split("\n")])
               for i, c in enumerate(columns)]
    avail = (width or sum(natural) + gap * len(columns)) - gap * (len(columns) - 1)
    widths = _widths(columns, rows, natural, avail)
    if not widths:  # too narrow for a table: one block of "column: value" per row
        return _records(columns, rows, width or 10**6)
    if widths == natural and all(map(_one_column_each, columns)) and all(
            _one_column_each(x) for r in rows for x in r):
        return _plain_table(columns, rows, widths, gap)
    return _rich_table(columns, rows, widths, gap)


def _rich_table(columns: list[str], rows: list[list[str]], widths: list[int], gap: int) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for c, w in zip(columns, widths, strict=True):
        table.add_column(Text(c), overflow="fold", width=w)
    for r in rows:
        table.add_row(*(Text(c.replace("\r", "")) for c in r))
    buf = io.StringIO()
    Console(file=buf, width=sum(widths) + gap * len(columns), color_system=None, highlight=False,
            emoji=False, markup=False, force_terminal=False, soft_wrap=False).print(table)
    lines = [line.rstrip() for line in buf.getvalue().splitlines()]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _one_column_each(cell: str) -> bool:
    """A cell that rich would draw as it is: printable, one column a character (by rich's own
    measure, for text beyond ASCII: curly quotes and accents are, wide and combining ones not)."""
    if cell.isascii():
        return cell.isprintable()
    from rich.cells import cell_len

    return cell.isprintable() and cell_len(cell) == len(cell)


def _plain_table(columns: list[str], rows: list[list[str]], widths: list[int], gap: int) -> str:
    """The table rich draws when nothing needs wrapping and every character is one column wide,
    written directly: rich takes about 0.8 ms a row (6,000 rows: 5 s), this a few µs. The same
    text (tested against rich)."""
    sep = " " * gap

    def line(cells: list[str]) -> str:
        return sep.join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(columns), "\u2500" * (sum(widths) + gap * (len(columns) - 1))]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _widths(columns: list[str], rows: list[list[str]], natural: list[int], avail: int) -> list[int]:
    """Column widths summing to at most `avail`: short values (dates, names, notations) keep one
    line, and the rest of the room goes to the long columns in proportion to what they need.
    Empty when the short values cannot keep their line."""
    if sum(natural) <= avail:
        return natural
    words = [max([len(c)] + [max(map(len, r[i].split() or [""])) for r in rows])
             for i, c in enumerate(columns)]
    # a column of long words (IRIs, file names) folds anyway: it need not hold on to much room
    mins = [min(n, w) if w <= 14 else 8 for n, w in zip(natural, words, strict=True)]
    if sum(mins) > avail:
        return []
    spare, need = avail - sum(mins), [n - m for n, m in zip(natural, mins, strict=True)]
    out = [m + (spare * x // sum(need) if sum(need) else 0) for m, x in zip(mins, need, strict=True)]
    return out


def _records(columns: list[str], rows: list[list[str]], width: int) -> str:
    """One block per row, a "column: value" line per bound value, values wrapped (IRIs folded)."""
    import textwrap

    label = max(map(len, columns))
    room = max(10, width - label - 2)

    def lines(c: str, v: str) -> str:
        wrap = [textwrap.wrap(para, room, break_on_hyphens=False) or [""] for para in v.split("\n")]
        parts = [p for w in wrap for p in w]
        return "\n".join([f"{c.rjust(label)}: {parts[0]}"] + [" " * (label + 2) + p for p in parts[1:]])

    blocks = ["\n".join(lines(c, v) for c, v in zip(columns, r, strict=True) if v) for r in rows]
    return "\n\n".join(blocks) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


def format_result(
    result: object, fmt: str, prefixes: dict[str, str],
    labels: dict[str, str] | None = None, width: int | None = None,
) -> str:
    if isinstance(result, ox.QuerySolutions):
        return format_select(result, fmt, labels, width)
    if isinstance(result, ox.QueryBoolean):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result)}) + "\n"
        return ("true" if bool(result) else "false") + "\n"
    triples = sorted(set(result), key=lambda t: (t.subject.value, t.predicate.value, str(t.object)))  # type: ignore[call-overload]
    rdf = {"nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}.get(fmt, ox.RdfFormat.TURTLE)
    kw: dict[str, Any] = {"prefixes": prefixes} if rdf == ox.RdfFormat.TURTLE else {}
    return (ox.serialize(triples, format=rdf, **kw) or b"").decode("utf-8")
