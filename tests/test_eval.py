"""kg eval: the matching rules of gold/README.md, and the command on real annotations."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli.main import main
from kg.evaluate.matching import date_match, norm, similar
from kg.evaluate.matching import match as _match
from kg.evaluate.score import TABLES, score_document
from tests.conftest import DATA, DEV_CORPUS, DEV_GOLD, needs_shared


def test_titles_match_after_dropping_case_punctuation_the_and_interim() -> None:
    assert norm("The Interim Assistant Director, Children\u2019s Social Care") == (
        "assistant director children s social care"
    )
    assert similar(
        "Assistant Director, Children's Social Care", "Interim Assistant Director Children's Social Care"
    )
    assert not similar("Director of Children's Services", "Assistant Director, Partnership Commissioning")


def test_word_overlap_threshold() -> None:
    assert similar(
        "workstream 2 of the improvement plan partnerships", "Workstream 2 of Improvement Plan Partnerships"
    )
    assert not similar("improvement plan", "improvement board")


def test_dates_match_by_prefix() -> None:
    assert date_match("2018-09", "2018-09-17") and date_match("2018-09-17", "2018-09")
    assert not date_match("2018-09", "2018-10") and not date_match("2018", None)
    assert date_match(None, None)


def test_exact_matches_pair_before_near_ones() -> None:
    golds = [
        {"t": "Deputy Strategic Director, Children", "core": True},
        {"t": "Strategic Director, Children", "core": True},
    ]
    preds = [{"t": "Strategic Director, Children"}, {"t": "Deputy Strategic Director, Children"}]
    pairs: list[tuple[str, str]] = []

    def note(_s: object, g: dict, p: dict) -> None:  # type: ignore[type-arg]
        pairs.append((g["t"], p["t"]))

    _match(
        golds,
        preds,
        lambda g, p: similar(g["t"], p["t"]),
        note,
        exact=lambda g, p: norm(g["t"]) == norm(p["t"]),
    )
    assert sorted(pairs) == sorted((t, t) for t in (g["t"] for g in golds))


def test_acceptable_facts_count_for_precision_not_recall() -> None:
    gold = json.loads((DATA / "gold" / "croydon_subcommittee_improvement.json").read_text())
    tables: dict[str, list[dict[str, str]]] = {k: [] for k in TABLES}
    acceptable = gold["concerns"]["acceptable"]
    tables["concerns"] = [{"concern": c} for c in acceptable[:1]]
    scores = score_document(gold, tables)
    if acceptable:
        assert scores["concerns"].matched_pred == 1 and scores["concerns"].matched_core == 0


@needs_shared
def test_eval_command_on_dev_gold_reports_every_quote_at_its_offsets() -> None:
    r = CliRunner().invoke(main, ["eval", str(DEV_GOLD), str(DEV_CORPUS)])
    assert r.exit_code == 0, r.output
    lines = r.output.strip().splitlines()
    assert lines[-3].startswith("micro (3 documents)")
    checked = lines[-1].split()[1]
    ok, total = checked.split("/")
    assert ok == total and int(total) > 50


def test_eval_details_name_documents(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["eval", "-v", str(DATA / "gold"), str(DATA / "minutes")])
    assert r.exit_code == 0, r.output
    assert "category" in r.output


def test_eval_bad_gold_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "x.json").write_text("{not json")
    r = CliRunner().invoke(main, ["eval", str(tmp_path / "g"), str(DATA / "minutes")])
    assert r.exit_code != 0 and "x.json" in r.output and "Traceback" not in r.output
