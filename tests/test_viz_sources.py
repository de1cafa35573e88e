"""The authority page says where each inspection comes from and pairs the two accounts of one."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from click.testing import CliRunner

from kg.cli.main import main

MINUTES = Path(__file__).resolve().parent / "data" / "minutes"
HEREFORDSHIRE = "E06000019"


def _timeline(page: str) -> list[list[str]]:
    start = page.index("<h2>Inspection timeline")
    table = page[start : page.index("</table>", start)]
    return [[html.unescape(re.sub(r"<[^>]+>", " ", c)).strip()
             for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]]


def test_minutes_and_ofsted_record_of_one_inspection_are_labelled_and_paired(tmp_path: Path) -> None:
    # Herefordshire's minutes report the June 2018 ILACS inspection that Ofsted's record also
    # holds (kg:matchesRecord); its later records have no account in these minutes.
    store, site = tmp_path / "store", tmp_path / "site"
    r = CliRunner().invoke(main, ["build", str(MINUTES / "herefordshire_focused_visit.txt"),
                                  "--store", str(store)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["viz", "--store", str(store), "-o", str(site)])
    assert r.exit_code == 0, r.output
    page = (site / f"authority-{HEREFORDSHIRE}.html").read_text(encoding="utf-8")
    assert "<th scope=\"col\">Source</th>" in page
    rows = _timeline(page)
    sources = [row[2] for row in rows]
    minutes = next(i for i, s in enumerate(sources) if "the same inspection as Ofsted" in s)
    assert sources[minutes] == ("minutes: herefordshire_focused_visit.txt: "
                                "the same inspection as Ofsted's published record")
    # the record follows its minutes' account, and says which account it pairs with
    assert sources[minutes + 1] == ("Ofsted's published record: the same inspection as in the "
                                    "minutes (herefordshire_focused_visit.txt)")
    assert rows[minutes + 1][1].endswith("published record")
    assert rows[minutes][4] and not rows[minutes + 1][4]  # quotes only from the minutes
    # every other inspection says its source too
    assert "minutes: herefordshire_focused_visit.txt" in sources  # the focused visit
    assert sources.count("Ofsted's published record") >= 1  # records the minutes do not report
    assert all(s for s in sources)

    # the network links the two accounts, and each node's details name its source
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1))
    nodes = data["nodes"]
    pairs = [(nodes[e["f"]], nodes[e["t"]]) for e in data["edges"] if e["l"] == "same inspection"]
    assert len(pairs) == 1
    told, record = pairs[0]
    assert ["Source", "minutes: herefordshire_focused_visit.txt"] in told["t"]
    assert ["Source", "Ofsted's published record"] in record["t"]
    assert record["k"].startswith("kgid:ofsted-record/")
