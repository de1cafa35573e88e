from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.extract.facts import Intervention
from kg.extract.interventions import extract
from kg.reading.document import Document
from kg.reading.readers import find_sources, read_document
from tests.conftest import DATA, DEV_CORPUS, DEV_GOLD, make_doc, needs_shared


def facts(text: str) -> list[tuple[str, str, str | None]]:
    doc = make_doc(text)
    found = list(extract(doc))
    for f in found:
        assert doc.text[f.span.start : f.span.end] == f.span.quote
    return [(f.body, f.kind, f.date) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The report follows the recent OFSTED inspection (September 2018) and subsequent DFE notice to "
         "improve issued on the 4 December 2018.", [("dfe", "notice-to-improve", "2018-12-04")]),
        ("The plan follows the improvement notice issued by the Department for Education on "
         "27 November 2017.",
         [("dfe", "notice-to-improve", "2017-11-27")]),
        ("In December 2018 the Department for Education issued an improvement notice to the Council.",
         [("dfe", "notice-to-improve", "2018-12")]),
        ("The Department for Education had issued a statutory direction on 22 November 2016 requiring the "
         "Council to work with the Commissioner.",
         [("dfe", "statutory-direction", "2016-11-22"), ("dfe", "commissioner", None)]),
        ("The Trust had run services since 1 October 2015, following the statutory direction issued by the "
         "Department for Education in 2014.", [("dfe", "statutory-direction", "2014")]),
        ("That inspection had led to the Secretary of State issuing a statutory direction in October 2012 "
         "requiring the Council to enter into a partnership.",
         [("dfe", "statutory-direction", "2012-10")]),
        ("Cabinet received the report on the Warning Notice issued by the Welsh Government on "
         "1 December 2017 under section 150 of the Social Services and Well-being (Wales) Act 2014.",
         [("welsh-government", "warning-notice", "2017-12-01")]),
        ("The Panel welcomed Ian Mellor, the Commissioner for Children's Services appointed by the Secretary "
         "of State.", [("dfe", "commissioner", None)]),
        ("A Commissioner had been appointed by the Department for Education to oversee the arrangements.",
         [("dfe", "commissioner", None)]),
        # the appointment is co-ordinated with the dated direction, so it shares the date
        ("The Secretary of State issued a statutory direction on 3 May 2017 and appointed a Children's "
         "Services Commissioner, Mr John Smith.",
         [("dfe", "statutory-direction", "2017-05-03"), ("dfe", "commissioner", "2017-05-03")]),
        ("The Minister had issued a statutory direction to the Council on 12 March 2021 and had also "
         "appointed Ms Grey as Commissioner for Children's Services.",
         [("dfe", "statutory-direction", "2021-03-12"), ("dfe", "commissioner", "2021-03-12")]),
        # "Children's Services Commissioner for <place>" with the date of the appointment
        ("Members heard that the Minister had appointed Dr Jane Roe as Children's Services Commissioner "
         "for Anytown on 3rd March, 2012, under section 497A of the Education Act 1996.",
         [("dfe", "commissioner", "2012-03-03")]),
    ],
)
def test_interventions(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert facts(text) == expected


def test_the_date_a_notice_was_lifted_is_not_the_date_it_was_issued() -> None:
    lifted = facts("The DfE lifted the Improvement Notice in June 2020.")
    assert lifted == [("dfe", "notice-to-improve", None)]


def test_welsh_ministers_direction_and_local_commissioner() -> None:
    assert facts("A direction was issued by Welsh Ministers under section 154 in 2016.") == [
        ("welsh-government", "statutory-direction", "2016")]
    text = "The Secretary of State appointed Eleanor Brazil as Children's Commissioner for Sunderland."
    assert facts(text) == [("dfe", "commissioner", None)]


def test_mentions_of_one_intervention_merge_and_keep_the_date() -> None:
    text = (
        "To receive an update on progress since the statutory direction and the appointment of the "
        "Commissioner.\nMembers were reminded that the Department for Education had issued a statutory "
        "direction on 22 November 2016.\nThe Commissioner for Children's Services appointed by the Secretary "
        "of State reported on progress."
    )
    doc = make_doc(text)
    found = list(extract(doc))
    kinds = [(f.kind, f.date) for f in found]
    assert kinds == [("statutory-direction", "2016-11-22"), ("commissioner", None)]
    assert "22 November 2016" in found[0].span.quote


@pytest.mark.parametrize(
    "text",
    [
        "The DfE provided funding for the Partners in Practice programme.",
        "The DfE appointed improvement adviser chairs the Improvement Board.",
        "The council could face a statutory direction if progress is not made.",
        "The Children's Commissioner for England published a report on 4 March 2019.",
        "The Police and Crime Commissioner was appointed in May 2016.",
        "Also present: Councillor Mohindra, Commissioner for Education and Children.",
        "The Council's role as commissioner of the Trust was explained.",
        "The Children's Services Commissioner for Anytown spoke about the waiting lists.",
        "The school was given a notice to improve by Ofsted in 2011.",
        "The strategic direction of the service was discussed with the DfE.",
    ],
)
def test_not_an_intervention(text: str) -> None:
    assert facts(text) == []


def _matches(f: Intervention, g: dict[str, Any]) -> bool:
    date, gdate = f.date, g.get("date")
    return f.body in g["body"] and f.kind in g["kind"] and (
        date is None or gdate is None or date.startswith(gdate) or gdate.startswith(date))


def check_against_gold(doc: Document, gold: dict[str, Any]) -> None:
    found = list(extract(doc))
    left = list(found)
    for g in sorted(gold["interventions"], key=lambda g: not g["core"]):
        hits = [f for f in left if _matches(f, g)]
        assert hits or not g["core"], f"{doc.name}: missed {g}"
        if hits:
            left.remove(hits[0])
            if g["core"]:
                assert hits[0].date == g.get("date"), (doc.name, hits[0])
    assert not left, f"{doc.name}: not in gold: {left}"


@needs_shared
@pytest.mark.parametrize("path", sorted(DEV_CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_dev_corpus(path: Path) -> None:
    doc = Document(path.name, "0" * 64, "text/plain", path.read_bytes().decode("utf-8"))
    check_against_gold(doc, json.loads((DEV_GOLD / f"{path.stem}.json").read_text()))


SAMPLES = sorted(p for p in (DATA / "minutes").iterdir() if (DATA / "gold" / f"{p.stem}.json").exists())


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_minutes(path: Path) -> None:
    sources, _ = find_sources([path])
    gold = json.loads((DATA / "gold" / f"{path.stem}.json").read_text())
    check_against_gold(read_document(sources[0]), gold)


def test_commissioner_does_not_take_a_later_directions_date() -> None:
    found = facts("The Secretary of State appointed Mr Ivo Pell as Children's Services Commissioner on "
                  "2 March 2016. Resolved: that the report of the Children's Services Commissioner and the "
                  "statutory direction issued on 9 May 2016 be noted.")
    assert sorted(found) == [("dfe", "commissioner", "2016-03-02"),
                             ("dfe", "statutory-direction", "2016-05-09")]
