"""Whose minutes a page is, from beside its text: the page's own address, or a manifest."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.main import main
from kg.reading.html import html_document
from kg.reference.register import authority_from_address

# Minutes of a single item that never name their council (our own words).
ITEM = (
    "Agenda item\n\nOfsted focused visit\n\nMinutes:\n\nThe Director of Children's Services "
    "reported that Ofsted had made a focused visit on 12 and 13 May 2021 and looked at care leavers.\n"
)


def _build(tmp_path: Path, *extra: str) -> list[dict[str, str]]:
    out = tmp_path / "graph.trig"
    r = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(out), *extra])
    assert r.exit_code == 0, r.output
    q = CliRunner().invoke(main, ["query", "inspections", "-g", str(out), "-f", "csv"])
    assert q.exit_code == 0, q.output
    return list(csv.DictReader(io.StringIO(q.output)))


@pytest.mark.parametrize(
    ("url", "gss"),
    [
        ("https://democracy.durham.gov.uk/mgAi.aspx?ID=1", "E06000047"),
        ("https://hackney.moderngov.co.uk/ieListDocuments.aspx?CId=1", "E09000012"),
        ("http://decisionmaking.westberks.gov.uk/mgAi.aspx?ID=2", "E06000037"),
        ("https://democracy.hants.gov.uk/x", "E10000014"),
        ("https://modgov.lbbd.gov.uk/internet/mgAi.aspx", "E09000002"),
        ("https://democracy.npt.gov.uk/mgAi.aspx", "W06000012"),
        ("https://democracy.bathnes.gov.uk/mgAi.aspx?ID=1", "E06000022"),  # a head word and initials
        ("https://www.example.com/minutes", None),
        ("https://democracy.gov.uk/", None),
        ("not an address", None),
    ],
)
def test_the_host_of_an_address_names_its_council(url: str, gss: str | None) -> None:
    assert authority_from_address(url, "2021-06-01") == gss


def test_the_address_a_page_gives_itself() -> None:
    page = (
        '<html><head><title>Item</title><link rel="canonical" href="https://democracy.york.gov.uk/mgAi.aspx?ID=7">'
        '<meta property="og:url" content="https://elsewhere.example/"></head><body><p>Text</p></body></html>'
    )
    assert html_document(page)[1] == "https://democracy.york.gov.uk/mgAi.aspx?ID=7"
    assert html_document("<html><base href='/relative/'><p>x</p></html>")[1] is None


def test_an_html_page_with_a_canonical_council_address_resolves_its_authority(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    body = "".join(f"<p>{line}</p>" for line in ITEM.split("\n") if line)
    page = (
        '<html><head><link rel="canonical" href="https://democracy.durham.gov.uk/mgAi.aspx?ID=52333">'
        f"</head><body>{body}</body></html>"
    )
    (tmp_path / "in" / "item.html").write_text(page, encoding="utf-8")
    rows = _build(tmp_path)
    assert [(r["authority"].rsplit("/", 1)[-1], r["type"], r["start"]) for r in rows] == [
        ("E06000047", "focused-visit", "2021-05-12")
    ]
    graph = (tmp_path / "graph.trig").read_text(encoding="utf-8")
    assert '"https://democracy.durham.gov.uk/mgAi.aspx?ID=52333"^^' in graph
    assert '"address"' in graph  # kg:authorityFrom: not a quote, the address


def test_a_text_listed_in_a_manifest_resolves_its_authority(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "item.txt").write_text(ITEM, encoding="utf-8")
    # no council named: the inspection is still reported, with no authority until one is given
    [row] = _build(tmp_path)
    assert (row["authority"], row["type"], row["start"]) == ("", "focused-visit", "2021-05-12")
    manifest = tmp_path / "sources.csv"
    manifest.write_text(
        "file,url,authority,committee,date\nitem.txt,,Plymouth City Council,,\n", encoding="utf-8"
    )
    rows = _build(tmp_path, "--manifest", str(manifest))
    assert [r["authority"].rsplit("/", 1)[-1] for r in rows] == ["E06000026"]
    assert '"sources.csv"' in (tmp_path / "graph.trig").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("name_of_file,where\nitem.txt,x\n", "no 'file' column"),
        ("file,authority\nitem.txt,Atlantis Borough Council\n", "not in the register"),
        ("file,authority\n,E06000026\n", "line 2"),
        ("", "empty"),
    ],
)
def test_a_bad_manifest_is_one_line_naming_it(tmp_path: Path, content: str, needle: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "item.txt").write_text(ITEM, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text(content, encoding="utf-8")
    r = CliRunner().invoke(
        main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "g.ttl"), "--manifest", str(manifest)]
    )
    assert r.exit_code != 0
    assert needle in r.output and "m.csv" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "g.ttl").exists()


def test_inspections_of_two_unnamed_councils_stay_apart_and_conform(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ITEM, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(ITEM.replace("care leavers", "the front door"), encoding="utf-8")
    rows = _build(tmp_path)
    assert len(rows) == 2 and len({r["inspection"] for r in rows}) == 2
    assert {r["authority"] for r in rows} == {""}
    # an authority parameter keeps only that authority's inspections
    out = tmp_path / "graph.trig"
    args = ["query", "inspections", "-g", str(out), "-f", "csv", "-p", "authority=E06000026"]
    q = CliRunner().invoke(main, args)
    assert q.exit_code == 0 and list(csv.DictReader(io.StringIO(q.output))) == []
    v = CliRunner().invoke(main, ["validate", "-g", str(out)])
    assert v.exit_code == 0, v.output


def test_posts_of_two_unnamed_councils_are_two_posts(tmp_path: Path) -> None:
    # one page's Chief Executive is interim, the other's is not: the same title, two councils
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Agenda item\n\nBudget\n\nMinutes:\n\nThe Interim Chief Executive presented the budget.\n",
        encoding="utf-8",
    )
    (tmp_path / "in" / "b.txt").write_text(
        "Agenda item\n\nStaffing\n\nMinutes:\n\nThe Chief Executive presented the staffing report.\n",
        encoding="utf-8")
    out = tmp_path / "graph.trig"
    r = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(out)])
    assert r.exit_code == 0, r.output
    q = CliRunner().invoke(main, ["query", "posts", "-g", str(out), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(q.output)))
    assert len({r["post"] for r in rows}) == 2 and sorted(r["interim"] for r in rows) == ["false", "true"]
    v = CliRunner().invoke(main, ["validate", "-g", str(out)])
    assert v.exit_code == 0, v.output
