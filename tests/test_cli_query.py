"""`kg query`, `kg queries` and `kg show` on the graph of examples/, as an analyst runs them."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.cli.main import main
from kg.cli.query import complete_query_name
from tests.conftest import ROOT

MIDDLESBROUGH = "https://w3id.org/kg-minutes/id/authority/E06000002"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("g") / "graph.ttl"
    r = CliRunner().invoke(main, ["build", str(ROOT / "examples"), "-o", str(out), "-j", "1"])
    assert r.exit_code == 0, r.output
    return out


def kg(*args: str, width: int = 120) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args), env={"COLUMNS": str(width)})
    return r.exit_code, r.stdout, r.stderr


# --- formats and files ------------------------------------------------------------------------


@pytest.mark.parametrize(("ext", "check"), [
    ("csv", lambda t: next(csv.reader(io.StringIO(t)))[0] == "inspection"),
    ("tsv", lambda t: t.split("\n")[0].split("\t")[0] == "inspection"),
    ("json", lambda t: json.loads(t)["head"]["vars"][0] == "inspection"),
    ("jsonl", lambda t: all("inspection" in json.loads(line) for line in t.splitlines())),
    ("md", lambda t: t.startswith("| inspection |")),
])
def test_output_file_takes_its_format_from_the_extension(
    graph: Path, tmp_path: Path, ext: str, check
) -> None:
    out = tmp_path / f"answer.{ext}"
    code, stdout, stderr = kg("query", "inspections", "-g", str(graph), "-o", str(out))
    assert code == 0 and stdout == "" and str(out) in stderr
    assert check(out.read_text(encoding="utf-8"))


def test_csv_and_json_keep_full_iris_the_table_shows_names(graph: Path) -> None:
    _, text, _ = kg("query", "inspections", "-g", str(graph), "-f", "csv")
    assert MIDDLESBROUGH in text and "middlesbrough_ilacs_item.txt" not in text
    _, table, _ = kg("query", "inspections", "-g", str(graph), width=300)
    assert "Middlesbrough" in table and MIDDLESBROUGH not in table
    assert "middlesbrough_ilacs_item.txt" in table and "Stoke-on-Trent" in table


def test_jsonl_rows_are_plain_objects_with_numbers(graph: Path) -> None:
    code, text, _ = kg("query", "figures", "-g", str(graph), "-f", "jsonl")
    rows = [json.loads(line) for line in text.splitlines()]
    assert code == 0 and rows and all(isinstance(r["start"], int) for r in rows)
    assert any(r["authority"] == MIDDLESBROUGH and r["value"] == 35 for r in rows)


@pytest.mark.parametrize("width", [80, 120, 200])
def test_table_fits_the_terminal_and_cuts_nothing(graph: Path, width: int) -> None:
    _, table, _ = kg("query", "decisions", "-g", str(graph), width=width)
    lines = table.splitlines()
    assert max(len(line) for line in lines) <= width
    assert "\u2026" not in table  # no ellipsis: long cells wrap, IRIs fold
    assert "2020-06-30" in table and "Middlesbrough" in table


@pytest.mark.parametrize("width", [70, 100, 140])
def test_folded_cells_join_back_to_the_whole_value(width: int) -> None:
    from kg.sparql.formats import _widths, text_table

    columns = ["decision", "authority", "due", "text", "source"]
    row = ["kgid:decision/f3fa7cccf592c1a5/1944-2082", "Middlesbrough", "2020-06-30",
           "That the Executive Director of Children's Services report progress to the Board every month",
           "https://w3id.org/kg-minutes/id/document/f3fa7cccf592c1a599d749f160766b2e9962ae86597e031ddea4"]
    lines = text_table(columns, [row], width).splitlines()
    assert max(map(len, lines)) <= width
    natural = [max(len(c), len(v)) for c, v in zip(columns, row, strict=True)]
    widths = _widths(columns, [row], natural, width - 3 * (len(columns) - 1))
    body = lines[lines.index(next(x for x in lines if x.startswith("\u2500"))) + 1: -1]
    at = 0
    for w, value in zip(widths, row, strict=True):
        pieces = [line[at: at + w].strip() for line in body]
        joined = "".join(pieces) if " " not in value else " ".join(p for p in pieces if p)
        assert joined == value, (joined, value)
        at += w + 3


def test_a_narrow_terminal_gets_one_block_per_row(graph: Path) -> None:
    _, table, _ = kg("query", "decisions", "-g", str(graph), width=40)
    assert "decision: kgid:decision/" in table and "authority: Middlesbrough" in table


@pytest.mark.parametrize(("name", "fmt", "choices"), [
    ("inspections", "nt", "table, csv, tsv, json, jsonl, md"),
    ("authority_card", "csv", "ttl, nt, jsonld"),
    ("ever_inadequate", "ttl", "table, json"),
])
def test_a_format_that_does_not_fit_the_form_names_the_choices(
    graph: Path, name: str, fmt: str, choices: str
) -> None:
    code, _, err = kg("query", name, "-g", str(graph), "-f", fmt, "-p", "authority=E06000002")
    assert code == 2 and f"-f {fmt} does not fit" in err and choices in err


def test_construct_writes_turtle_by_default_and_nt_by_extension(graph: Path, tmp_path: Path) -> None:
    code, ttl, _ = kg("query", "authority_card", "-g", str(graph), "-p", "authority=Middlesbrough")
    assert code == 0 and "@prefix" in ttl
    out = tmp_path / "card.nt"
    code, _, _ = kg("query", "authority_card", "-g", str(graph), "-p", "authority=E06000002", "-o", str(out))
    assert code == 0
    assert f"<{MIDDLESBROUGH}>" in out.read_text()


def test_unknown_output_extension_is_an_error(graph: Path, tmp_path: Path) -> None:
    code, _, err = kg("query", "inspections", "-g", str(graph), "-o", str(tmp_path / "a.xlsx"))
    assert code == 2 and "give -f" in err and not (tmp_path / "a.xlsx").exists()


def test_misspelt_query_name_suggests_the_nearest(graph: Path) -> None:
    code, _, err = kg("query", "inspectons", "-g", str(graph))
    assert code == 4 and "did you mean inspections" in err


def test_query_names_complete_in_the_shell() -> None:
    names = [c.value for c in complete_query_name(None, None, "insp")]  # type: ignore[arg-type]
    assert names == ["inspections"]
    assert {c.value for c in complete_query_name(None, None, "")} >= {"figures", "timeline"}  # type: ignore[arg-type]


# --- parameters -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [
    "E06000002", "e06000002", MIDDLESBROUGH, f"<{MIDDLESBROUGH}>", "Middlesbrough", "middlesbrough",
    "Middlesbrough Borough Council",
])
def test_authority_by_code_iri_or_name(graph: Path, value: str) -> None:
    code, text, err = kg("query", "figures", "-g", str(graph), "-f", "csv", "-p", f"authority={value}")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert code == 0 and rows and {r["authority"] for r in rows} == {MIDDLESBROUGH}, err


def test_register_resolves_analysts_names() -> None:
    from kg.sparql.params import authority_iri

    assert authority_iri("Bradford").endswith("/E08000032")
    assert authority_iri("BCP").endswith("/E06000058")


@pytest.mark.parametrize(("value", "needle"), [
    ("Midlesbrough", "did you mean Middlesbrough (E06000002)"),
    ("Richmond", "Richmond upon Thames (E09000027)"),
    ("E99999999", "not in the register"),
    ("https://example.org/x", "not an authority IRI"),
    ("<bad iri>", "not an authority IRI"),
    ("", "is empty"),
])
def test_unknown_authority_is_one_line_listing_candidates(graph: Path, value: str, needle: str) -> None:
    code, out, err = kg("query", "figures", "-g", str(graph), "-p", f"authority={value}")
    assert code == 2 and out == "" and needle in err and err.count("\n") == 1, err


@pytest.mark.parametrize(("query", "param", "needle"), [
    ("quote_search", 'text="x"@-', "not a language tag"),
    ("quote_search", 'text=""', "is empty"),
    ("quote_search", "text=", "is empty"),
    ("concern_mentions", 'concern="x"^^<not an iri>', "not a concern notation"),
    ("concern_mentions", "concern=agncy-staff", "agency-staff"),
    ("figure_comparison", "unit=pounds", "not a unit notation"),
    ("inadequate_agency", "threshold=thirty", "not a number"),
    ("inadequate_agency", 'threshold="3"^^xsd:integerx', "not a number"),
    ("quote_search", 'text="abc"^^xsd:integer', "not a valid xsd:integer"),
    ("quote_search", 'text="abc"^^nonsense', "not a datatype"),
    ("open_actions", "as_of=last year", "not a date"),
    ("provenance", "fact=not-an-iri", "not an IRI"),
])
def test_values_of_the_wrong_kind_are_one_line_exit_2(
    graph: Path, query: str, param: str, needle: str
) -> None:
    from kg.sparql.library import library

    assert param.split("=")[0] in {p.name for p in library()[query].params}
    code, out, err = kg("query", query, "-g", str(graph), "-p", param)
    assert code == 2 and out == "" and err.startswith("kg: ") and err.count("\n") == 1, err
    assert needle in err and "Traceback" not in err


# --- kg show ----------------------------------------------------------------------------------


def test_show_a_decision_with_its_quote_in_context(graph: Path) -> None:
    _, text, _ = kg("query", "decisions", "-g", str(graph), "-f", "csv")
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["due"] == "2020-06-30")
    code, shown, err = kg("show", row["decision"], "-g", str(graph), "-s", str(ROOT / "examples"))
    assert code == 0, err
    assert "type: kg:Decision" in shown and "Middlesbrough Borough Council" in shown
    assert "middlesbrough_ilacs_item.txt, characters" in shown
    assert "\u00bbThat the Executive Director" in shown and "30 June 2020.\u00ab" in shown
    assert "That the Improvement Plan be endorsed." in shown  # a line before the quote


@pytest.mark.parametrize("how", ["iri", "brackets", "compact", "name"])
def test_every_printed_iri_can_be_pasted_into_show(graph: Path, how: str) -> None:
    _, table, _ = kg("query", "inspections", "-g", str(graph), width=300)
    compact = re.search(r"kgid:inspection/\S+", table).group()  # type: ignore[union-attr]
    full = compact.replace("kgid:", "https://w3id.org/kg-minutes/id/")
    arg = {"iri": full, "brackets": f"<{full}>", "compact": compact, "name": "Stoke-on-Trent"}[how]
    code, shown, err = kg("show", arg, "-g", str(graph))
    assert code == 0, err
    assert ("kg:Inspection" if how != "name" else "kg:LocalAuthority") in shown
    for iri in re.findall(r"<(https://w3id\.org/[^>]+)>", shown):  # and what show prints, again
        assert kg("show", iri, "-g", str(graph))[0] == 0


def test_show_of_an_html_quote_needs_no_sources(graph: Path) -> None:
    _, text, _ = kg("query", "decisions", "-g", str(graph), "-f", "csv")
    seen = 0
    for row in csv.DictReader(io.StringIO(text)):
        code, shown, _ = kg("show", row["decision"], "-g", str(graph))
        assert code == 0
        if re.search(r"\.(html|pdf), characters", shown):  # their text is in the graph
            seen += 1
            assert "pass the minutes with -s" not in shown
            assert "\u00bb" in shown and shown.count("\n    |") >= 3  # the quote and lines around it
        else:
            assert "pass the minutes with -s" in shown
    assert seen


def test_show_of_an_unknown_iri_is_one_line(graph: Path) -> None:
    code, _, err = kg("show", "https://w3id.org/kg-minutes/id/decision/nothing", "-g", str(graph))
    assert code == 2 and "is not in" in err and err.count("\n") == 1


# --- help -------------------------------------------------------------------------------------


def test_help_lists_commands_in_tour_order_and_each_ends_with_examples() -> None:
    _, text, _ = kg("--help")
    listed = re.findall(r"^  (\w+)\s{2,}", text.split("Commands:")[1], re.MULTILINE)
    assert listed[:6] == ["build", "query", "queries", "show", "viz", "serve"]
    for cmd in listed:
        _, helptext, _ = kg(cmd, "--help")
        assert re.search(r"Examples:\n(\s+kg .+\n){2,3}", helptext), f"kg {cmd} --help has no examples"


# --- --open -----------------------------------------------------------------------------------


def test_viz_and_serve_open_the_browser(graph: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import webbrowser

    from kg.sparql import endpoint

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    code, out, err = kg("viz", "-g", str(graph), "-o", str(tmp_path / "site"), "--open")
    assert code == 0, err
    assert opened == [(tmp_path / "site" / "index.html").resolve().as_uri()]

    def fake_serve(graphs, host, port, timeout, max_rows, quiet, say, ready, **options):  # type: ignore[no-untyped-def]
        if ready is not None:
            ready(f"http://{host}:{port}/")

    monkeypatch.setattr(endpoint, "serve", fake_serve)
    assert kg("serve", "-g", str(graph), "--port", "7171")[0] == 0
    assert len(opened) == 1  # not without --open
    assert kg("serve", "-g", str(graph), "--port", "7171", "--open")[0] == 0
    assert opened[-1] == "http://127.0.0.1:7171/"


# --- what users saw: counts and labels ----------------------------------------------------------


def test_stats_counts_kinds_an_analyst_knows(graph: Path) -> None:
    code, text, _ = kg("stats", "-g", str(graph))
    assert code == 0
    for internal in ("skos:", "org:Post", "foaf:", "prov:", "schema:", "kg:"):
        assert internal not in text
    assert re.search(r"^  posts +\d+$", text, re.MULTILINE)
    assert re.search(r"^  inspections and visits +\d+$", text, re.MULTILINE)
    assert text.count("posts ") == 1
    # quotes state no type (a quote is what kg:evidence cites) and are still counted
    quotes = re.search(r"^  supporting quotes +(\d+)$", text, re.MULTILINE)
    assert quotes and int(quotes.group(1)) > 0


def test_figure_and_decision_labels_say_something(graph: Path) -> None:
    from kg.graph.store import load
    from kg.viz.model import figure_label, first_words, load_model

    m = load_model(load([graph]))
    figures = {e.label for e in m.of_class("Figure")}
    assert "\u00a31.3m" in figures and "40%" in figures and not any("pounds sterling" in f for f in figures)
    decisions = [e.label for e in m.of_class("Decision")]
    assert "That the Improvement Plan be endorsed." in decisions
    assert not any(re.fullmatch(r"(Resolution|Recommendation|Action) \d*", d) for d in decisions)
    assert figure_label("750000", "gbp", "pounds sterling") == "\u00a3750,000"
    assert figure_label("2500000000", "gbp", "pounds sterling") == "\u00a32.5bn"
    assert figure_label("12.5", "percent", "per cent") == "12.5%"
    assert first_words("That the Executive Director of Children's Services report progress") == (
        "That the Executive Director of\u2026"
    )


def test_export_for_gephi_and_validate_on_the_examples(graph: Path, tmp_path: Path) -> None:
    code, _, err = kg("export", "-g", str(graph), "-o", str(tmp_path / "n.gexf"))
    assert code == 0 and "<gexf" in (tmp_path / "n.gexf").read_text(), err
    code, text, _ = kg("validate", "-g", str(graph), "-s", str(ROOT / "examples"))
    assert code == 0 and "conforms" in text


def test_the_readme_tour_runs(graph: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every `kg ...` line of the README's tour works (serve and push need a server: left out)."""
    import shlex
    import shutil
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: True)
    tour = (ROOT / "README.md").read_text().split("## A five-minute tour")[1].split("\n## ")[0]
    lines = [line.split("  #")[0].strip() for line in re.findall(r"^kg .*$", tour, re.MULTILINE)]
    assert len(lines) >= 9
    (tmp_path / "output").mkdir()
    shutil.copy(graph, tmp_path / "output" / "graph.ttl")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    for line in lines:
        args = shlex.split(line)[1:]
        if args[0] in ("serve", "push"):
            continue
        code, _, err = kg(*args)
        assert code == 0, f"{line}: {err}"


_ASCII = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=12)
# text as minutes have it beyond ASCII: accents, curly quotes, dashes, the pound sign, and
# characters rich draws two columns wide or none
_WIDER = st.text(alphabet=st.sampled_from(list("ab é’“”–£\u00a0\u0301\u4e2d\U0001f600\t")), max_size=12)


@given(st.integers(min_value=1, max_value=4).flatmap(
    lambda n: st.tuples(st.lists(_ASCII.filter(bool), min_size=n, max_size=n),
                        st.lists(st.lists(_ASCII, min_size=n, max_size=n), max_size=6))))
@settings(max_examples=200, deadline=None)
def test_tables_drawn_directly_are_those_rich_draws(table: tuple[list[str], list[list[str]]]) -> None:
    """Tables that need no wrapping are written without rich (rich takes 0.8 ms a row): the text
    must be the same, spaces, rules and row count included."""
    from kg.sparql.formats import _plain_table, _rich_table

    columns, rows = table
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]
    assert _plain_table(columns, rows, widths, 3) == _rich_table(columns, rows, widths, 3)


@given(st.lists(st.lists(_WIDER, min_size=2, max_size=2), max_size=6))
@settings(max_examples=300, deadline=None)
def test_beyond_ascii_only_what_rich_draws_alike_is_drawn_directly(rows: list[list[str]]) -> None:
    from kg.sparql.formats import _one_column_each, _plain_table, _rich_table

    columns = ["a", "b"]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]
    if all(_one_column_each(x) for r in rows for x in r):
        assert _plain_table(columns, rows, widths, 3) == _rich_table(columns, rows, widths, 3)


def test_a_long_answer_is_drawn_without_rich_when_nothing_wraps(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.sparql.formats as formats

    def refuse(*args: object) -> str:
        raise AssertionError("drawn by rich")

    monkeypatch.setattr(formats, "_rich_table", refuse)
    rows = [[f"kgid:person/E06000002/name-{i}", "Middlesbrough", str(i)] for i in range(5000)]
    text = formats.text_table(["person", "authority", "n"], rows, None)
    assert text.endswith("(5000 rows)\n") and text.count("\n") == 5003
    formats.text_table(["a"], [["Children\u2019s Services \u00a3"]], None)  # one column a character
    with pytest.raises(AssertionError, match="rich"):  # a wide character goes to rich
        formats.text_table(["a"], [["\u4e2d"]], None)
