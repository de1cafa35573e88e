from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.extract.facts import Inspection
from kg.extract.inspections import extract
from kg.reading.document import Document
from kg.reading.readers import find_sources, read_document
from tests.conftest import DATA, DEV_CORPUS, DEV_GOLD, make_doc, needs_shared


def facts(text: str) -> list[Inspection]:
    doc = make_doc(text)
    found = list(extract(doc))
    for f in found:
        assert doc.text[f.span.start : f.span.end] == f.span.quote
    return found


def one(text: str) -> Inspection:
    found = facts(text)
    assert len(found) == 1, found
    return found[0]


def summary(f: Inspection) -> tuple[str, str, str | None, str | None, str | None, str | None]:
    return (f.inspectorate, f.type, f.start, f.end, f.published, f.judgement)


# --- types, inspectorates and dates ----------------------------------------------------------------


def test_protection_of_children_with_range_and_published() -> None:
    f = one(
        "An Ofsted inspection of the local authority arrangements for the protection of children in "
        "Medway took place between 7 and 16 January 2013.  The Ofsted report was published on "
        "15 February 2013.  This report provides a summary of the actions since the inspection."
    )
    assert summary(f) == ("ofsted", "protection-of-children", "2013-01-07", "2013-01-16", "2013-02-15", None)
    assert "between 7 and 16 January 2013" in f.span.quote


def test_ilac_title_and_month_in_parentheses_are_one_inspection() -> None:
    found = facts(
        "PROGRESS UPDATE FOLLOWING THE OFSTED INSPECTION OF LOCAL AUTHORITIES CHILDREN'S SERVICES (ILAC)\n\n"
        "The report gave an update following the recent OFSTED inspection (September 2018) and "
        "subsequent DFE notice to improve issued on the 4 December 2018.\n\n"
        "Officers reported on the OFSTED Inspection of Local Authorities Children's Services.\n"
    )
    assert [summary(f) for f in found] == [("ofsted", "ilacs", "2018-09", None, None, None)]
    assert "(September 2018)" in found[0].span.quote


def test_month_straight_after_inspection() -> None:
    assert one("following the recent OFSTED inspection September 2018 and the plan").start == "2018-09"


def test_monitoring_visit_ordinal_focus_and_inferred_year() -> None:
    text = (
        "Meeting of the panel, 15 April 2019\n\n"
        "OFSTED had completed their first monitoring visit on the 6 \u2013 7 March, where they "
        "specifically focussed on the front door and MASH which went well.\n"
    )
    f = one(text)
    assert (f.type, f.start, f.end, f.ordinal, f.focus) == (
        "monitoring-visit", "2019-03-06", "2019-03-07", 1, "the front door and MASH")
    assert f.date_inferred


def test_visits_with_different_ordinals_are_different_inspections() -> None:
    found = facts(
        "The second monitoring visit took place on 5 and 6 June 2018 and focused on children in care. "
        "The first monitoring visit in February 2018 looked at the front door. "
        "The monitoring visit letter was shared with Members."
    )
    by_ordinal = {f.ordinal: (f.start, f.end, f.focus) for f in found}
    assert by_ordinal == {
        2: ("2018-06-05", "2018-06-06", "children in care"),
        1: ("2018-02", None, "the front door"),
    }


def test_sif_by_its_long_name_with_judgement_and_months() -> None:
    f = one(
        "Members were reminded that the inspection of services for children in need of help and "
        "protection, children looked after and care leavers, carried out in June and July 2017, had "
        "rated the Council's children's services as inadequate in every area except adoption."
    )
    assert summary(f) == ("ofsted", "sif", "2017-06", "2017-07", None, "inadequate")


def test_single_inspection_framework_published_month() -> None:
    f = one("Ofsted had judged services inadequate in the single inspection framework inspection "
            "published in February 2016.")
    assert summary(f) == ("ofsted", "sif", None, None, "2016-02", "inadequate")


def test_sif_and_lscb_review_reported_together() -> None:
    found = facts(
        "The Committee received the report setting out the outcome of the inspection of services for "
        "children in need of help and protection, children looked after and care leavers, and the review "
        "of the Norfolk Safeguarding Children Board, carried out under Ofsted's single inspection framework "
        "between 2 and 26 November 2015.\nThe report, published on 4 January 2016, had given Norfolk an "
        "overall 'Requires Improvement to be Good' judgement. Adoption performance had been judged good. "
        "The Norfolk Safeguarding Children Board had been judged to require improvement."
    )
    by_type = {f.type: summary(f) for f in found}
    assert by_type["sif"] == (
        "ofsted", "sif", "2015-11-02", "2015-11-26", "2016-01-04", "requires-improvement")
    assert by_type["lscb-review"][2] == "2015-11-02"
    assert by_type["lscb-review"][4] == "2016-01-04"  # published with the SIF report
    assert by_type["lscb-review"][5] == "requires-improvement"


def test_cssiw_weeks_commencing_is_a_ciw_inspection() -> None:
    f = one(
        "The Corporate Director presented the report on the outcome of the inspection of children's "
        "services undertaken by the Care and Social Services Inspectorate Wales (CSSIW) during the weeks "
        "commencing 30 January 2017 and 13 February 2017. The final report had been published on 9 May 2017."
    )
    assert summary(f) == ("ciw", "ciw-inspection", "2017-01-30", "2017-02", "2017-05-09", None)


def test_cssiw_month_pair() -> None:
    f = one("The Committee considered the report of the inspection of children's services in "
            "Carmarthenshire undertaken by the Care and Social Services Inspectorate Wales in "
            "January/February 2017.")
    assert summary(f) == ("ciw", "ciw-inspection", "2017-01", "2017-02", None, None)


def test_ciw_performance_evaluation_inspection() -> None:
    f = one(
        "The Head of Service briefed the Panel on the Performance Evaluation Inspection of children's "
        "services undertaken by Care Inspectorate Wales from 25 February to 1 March 2019. "
        "The report had been published on 14 May 2019."
    )
    assert summary(f) == ("ciw", "ciw-inspection", "2019-02-25", "2019-03-01", "2019-05-14", None)


def test_cssiw_pei_by_acronym() -> None:
    f = one("The CSSIW Performance Evaluation Inspection (PEI) of children's services took place in "
            "May 2016. The report was published on 1 August 2016.")
    assert summary(f) == ("ciw", "ciw-inspection", "2016-05", None, "2016-08-01", None)


def test_ciw_inspection_named_after_the_inspectorate() -> None:
    f = one("Care Inspectorate Wales (CIW) undertook an inspection of Children's Services in October 2019.")
    assert summary(f) == ("ciw", "ciw-inspection", "2019-10", None, None, None)


def test_jtai_has_dates_but_no_judgement() -> None:
    found = facts(
        "The Director introduced the report on the joint targeted area inspection carried out by Ofsted, "
        "the Care Quality Commission, HMICFRS and HM Inspectorate of Probation between 22 and 26 January "
        "2018. The findings letter was published on 9 March 2018.\n"
        "He reminded Members that the council's children's services had been judged good at the last "
        "full Ofsted inspection in 2017, and that the JTAI did not give a graded judgement."
    )
    by_type = {f.type: summary(f) for f in found}
    assert by_type["jtai"] == ("ofsted", "jtai", "2018-01-22", "2018-01-26", "2018-03-09", None)
    assert by_type["sif"] == ("ofsted", "sif", "2017", None, None, "good")  # the framework of 2017


def test_focused_visit_with_numeric_date() -> None:
    f = one("Ofsted's focused visit took place on 21/05/2019 and looked at care leavers.")
    assert (f.type, f.start, f.focus) == ("focused-visit", "2019-05-21", "care leavers")


def test_focused_visit_and_earlier_full_inspection() -> None:
    found = facts(
        "The director presented the letter following the Ofsted focused visit to Herefordshire on 4 and "
        "5 December 2018, which looked at children in need. She reminded the committee that the full "
        "inspection in June 2018 had judged the council's services as requiring improvement."
    )
    assert sorted(summary(f) for f in found) == [
        ("ofsted", "focused-visit", "2018-12-04", "2018-12-05", None, None),
        ("ofsted", "ilacs", "2018-06", None, None, "requires-improvement"),
    ]


def test_looked_after_children_inspection_of_an_earlier_year() -> None:
    found = facts(
        "The overall effectiveness of the arrangements for the protection of children inspection had been "
        "judged adequate. Members noted that this was a significant improvement on the inspection of "
        "safeguarding and looked after children services in 2012, which had judged safeguarding to be "
        "inadequate. There were 166 children on a plan compared with 214 at the time of the 2012 inspection."
    )
    assert sorted(summary(f) for f in found) == [
        ("ofsted", "looked-after-children", "2012", None, None, "inadequate"),
        ("ofsted", "protection-of-children", None, None, None, "adequate"),
    ]


def test_ilacs_under_the_framework_with_judgement() -> None:
    f = one("The Council's children's services were inspected by Ofsted between 14 and 25 January 2019 "
            "under the ILACS framework and were judged to be good.")
    assert summary(f) == ("ofsted", "ilacs", "2019-01-14", "2019-01-25", None, "good")


def test_heading_with_ordinal_day_range_and_overall_judgement() -> None:
    f = one("Ofsted ILACS Inspection - 5th to 16th November 2018\nThe report was published on 10 January "
            "2019 and gave an overall judgement of requires improvement to be good.")
    assert summary(f) == ("ofsted", "ilacs", "2018-11-05", "2018-11-16", "2019-01-10", "requires-improvement")


def test_quoted_judgement() -> None:
    f = one("Ofsted rated the council 'Requires Improvement to be Good' in its ILACS inspection of "
            "October 2018.")
    assert (f.type, f.start, f.judgement) == ("ilacs", "2018-10", "requires-improvement")


def test_untyped_ofsted_inspection_type_follows_the_date() -> None:
    assert summary(one("The Ofsted inspection in 2015 judged the council inadequate.")) == (
        "ofsted", "sif", "2015", None, None, "inadequate")
    assert one("The Ofsted inspection in March 2019 judged services good.").type == "ilacs"


def test_judgement_of_this_authority_not_of_neighbours() -> None:
    f = one(
        "82 Full ILACS (inspecting local authority children's services) report\n"
        "The Committee was made aware of the difficulties when rated as inadequate in comparison to "
        "neighbouring authorities who were rated as good and outstanding.\n"
        "Best practice could be shared from the areas with those rated inadequate."
    )
    assert (f.type, f.judgement) == ("ilacs", "inadequate")


def test_inspectorate_of_a_welsh_authority_overrides_ofsted_types() -> None:
    f = one("CIW carried out a monitoring visit on 3 and 4 April 2019.")
    assert (f.inspectorate, f.type) == ("ciw", "ciw-inspection")


def test_a_typed_phrase_that_qualifies_another() -> None:
    f = one("The Ofsted ILACS focused visit on 5 and 6 November 2019 looked at care leavers.")
    assert (f.type, f.start, f.end, f.focus) == ("focused-visit", "2019-11-05", "2019-11-06", "care leavers")


def test_welsh_joint_inspection_of_child_protection_arrangements() -> None:
    f = one("Members noted the findings of the joint inspection of child protection arrangements (JICPA) "
            "led by CIW in November 2019.")
    assert (f.inspectorate, f.type, f.start) == ("ciw", "ciw-inspection", "2019-11")


def test_earlier_judgement_with_its_own_year_is_another_inspection() -> None:
    found = facts("Ofsted inspected the council's children's services in March 2019 and judged them good. "
                  "Services were previously judged to be inadequate in 2015.")
    assert sorted((f.type, f.start, f.judgement) for f in found) == [
        ("ilacs", "2019-03", "good"), ("sif", "2015", "inadequate")]


MEETING = """Children and Young People Scrutiny Committee
Monday, 9 December 2019 6.30 pm

46. Children's Services Performance Report
The Assistant Director presented the quarter 2 performance report. 92% of children's homes in the area \
were rated good or outstanding by Ofsted. The Council's own residential home, Oak Lodge, was inspected \
on 3 September 2019 and judged good. Members asked about preparation for the next ILACS inspection, \
which was expected in 2020. The service was using the ILACS framework for its self-evaluation. The \
fostering service had been judged good at its last inspection in 2016.

47. School Standards
The Ofsted inspection of St Mary's Primary School in June 2019 judged the school to be outstanding. 85% \
of schools were judged good or better. Ofsted inspectors visited three secondary schools.

49. Highways
The annual inspection of the footways took place in April 2019.

50. Corporate Parenting Board annual report
The Chair noted that the Council had been judged Requires Improvement to be Good in its inspection of \
local authority children's services in March 2018, and that Ofsted's focused visit in July 2019 had \
looked at care leavers. Members discussed how to move to good at the next inspection.
"""


def test_whole_meeting_keeps_only_the_authoritys_inspections() -> None:
    assert sorted(summary(f) for f in facts(MEETING)) == [
        ("ofsted", "focused-visit", "2019-07", None, None, None),
        ("ofsted", "ilacs", "2018-03", None, None, "requires-improvement"),
    ]


# --- what is not an inspection of the authority ----------------------------------------------------

NEGATIVES = [
    "She explained the changes to the frameworks used for Ofsted inspections and that the new "
    "inspection single framework had been issued the previous day.",
    "The Director explained the new inspection framework introduced in January 2018 and the handbook.",
    "Seventeen children responded to the Ofsted inspectors' questionnaire. Inspectors will visit.",
    "An inspection of the Council's services is expected in the autumn.",
    "The next ILACS inspection will take place in 2021. Officers are preparing for the inspection.",
    "Leeds City Council, which was rated outstanding, is our partner in practice.",
    "Bradford was compared with neighbouring authorities who were rated as good.",
    "The Ofsted inspection of Hillside Primary School in March 2019 rated the school as good.",
    "The children's home was inspected by Ofsted on 3 May 2019.",
    "CIW's inspection of adult services in 2018 found good practice.",
    "Social workers must use good judgement. Inspectors found good practice in the MASH.",
    "Work programme: Ofsted Inspection Update.",
    "Officers were preparing for ILACS and the annual conversation with Ofsted.",
    "92% of schools in the borough were rated good or outstanding by Ofsted.",
    "Any inspection would look at the experiences of children in care.",
    "The school had a short inspection in May 2018. The academy received a monitoring visit on 3 May 2018.",
    "5. Adult care\nThe Council's adult social care was rated good by CQC.",
    "8. Parks\nThe annual inspection of the play areas took place in May 2019.",
]


def test_judgement_with_inspectorate_and_year_but_no_inspection_word() -> None:
    f = one("Ofsted rated the council's children's services as good in 2019.")
    assert summary(f) == ("ofsted", "ilacs", "2019", None, None, "good")


def test_protection_of_children_of_the_councils_arrangements_with_effectiveness_judgement() -> None:
    f = one(
        "This followed the Ofsted inspection of the authority's arrangements for the protection of "
        "children, undertaken between 6th and 15th February, 2012. The inspection report, published on "
        "20th March, 2012, judged the overall effectiveness of the council's arrangements to be inadequate."
    )
    assert summary(f) == ("ofsted", "protection-of-children", "2012-02-06", "2012-02-15", "2012-03-20",
                          "inadequate")


def test_child_protection_inspection_is_protection_of_children() -> None:
    f = one("The unannounced Ofsted child protection inspection took place in March 2013.")
    assert summary(f)[:3] == ("ofsted", "protection-of-children", "2013-03")


def test_monitoring_visits_listed_by_ordinal() -> None:
    found = facts(
        "Improvement Update\n\n"
        "The Committee heard that Ofsted inspectors had completed two monitoring visits since spring:\n\n"
        "  - the first, on 3rd and 4th May, 2017, considered the multi-agency front door;\n"
        "  - the second, on 19th and 20th September, 2017, looked at children on child protection plans.\n\n"
        "The next monitoring visit is expected in January 2018.\n"
    )
    assert [(f.type, f.start, f.end, f.ordinal) for f in found] == [
        ("monitoring-visit", "2017-05-03", "2017-05-04", 1),
        ("monitoring-visit", "2017-09-19", "2017-09-20", 2),
    ]
    assert found[0].focus == "the multi-agency front door"
    assert found[1].span.quote.startswith("- the second, on 19th")


def test_monitoring_visits_listed_in_one_sentence() -> None:
    found = facts(
        "Ofsted has undertaken three monitoring visits, the first on 5 June 2017, the second on "
        "12 September 2017 and the third on 9 and 10 January 2018. The first took place in the spring."
    )
    assert [(f.start, f.end, f.ordinal) for f in found] == [
        ("2017-06-05", None, 1), ("2017-09-12", None, 2), ("2018-01-09", "2018-01-10", 3)]


def test_ordinal_items_need_a_list_of_visits_and_a_date() -> None:
    assert facts("Ofsted made two recommendations:\n- the first, on 3 May 2017, was on supervision;") == []
    assert facts("Ofsted has carried out two monitoring visits:\n- the first looked at the front door;\n"
                 "- the second looked at care leavers.") == []


@pytest.mark.parametrize(
    "later",
    [
        "the inspection had taken place a few weeks before the Children and Families (Wales) Measure 2010 "
        "came into force on 6 April 2016.",
        "the inspection had been completed shortly before the children's services restructure was launched "
        "on 6 April 2016.",
    ],
)
def test_dates_of_other_events_are_not_fieldwork(later: str) -> None:
    found = facts(
        "Members considered the findings of the inspection of children's services carried out by CSSIW "
        f"between 9 and 20 November 2015. Officers noted that {later}"
    )
    assert [(f.inspectorate, f.start) for f in found] == [("ciw", "2015-11-09")]


def test_a_date_after_the_meeting_is_not_fieldwork() -> None:
    found = facts(
        "MINUTES OF THE CHILDREN'S SCRUTINY PANEL HELD ON 14 JUNE 2016\n\n1. Apologies\n\nNone were received."
        "\n\n2. Inspection of Children's Services\n\nMembers considered the findings of the inspection of "
        "children's services carried out by CSSIW between 9 and 20 November 2015.\n\nThe Panel noted the "
        "CSSIW inspection report and asked for an update in six months' time (December 2016).\n"
    )
    assert [(f.inspectorate, f.start) for f in found] == [("ciw", "2015-11-09")]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_an_inspection(text: str) -> None:
    assert facts(text) == []


# --- end to end against the gold annotations ---------------------------------------------------------


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _matches(f: Inspection, g: dict[str, Any]) -> bool:
    same = f.inspectorate == g["inspectorate"] and f.type in g["type"]
    return same and _compatible(f.start, g.get("start"))


def check_against_gold(doc: Document, gold: dict[str, Any]) -> None:
    """Every fact pairs with a gold inspection (core or not); every core one is found, attributes right."""
    found = list(extract(doc))
    for f in found:
        assert doc.text[f.span.start : f.span.end] == f.span.quote
    left = list(found)
    for g in sorted(gold["inspections"], key=lambda g: (not g["core"], g.get("start") is None)):
        dated = g.get("start") is not None
        hits = sorted((f for f in left if _matches(f, g)), key=lambda f: (f.start is not None) != dated)
        if not hits:
            assert not g["core"], f"{doc.name}: missed {g}"
            continue
        f = hits[0]
        left.remove(f)
        if g["core"]:
            for attr in ("start", "end", "published"):
                if g.get(attr):
                    assert getattr(f, attr) and _compatible(getattr(f, attr), g[attr]), (doc.name, attr, f)
            assert f.judgement == g.get("judgement"), (doc.name, f)
    assert not left, f"{doc.name}: not in gold: {[summary(f) for f in left]}"


@needs_shared
@pytest.mark.parametrize("path", sorted(DEV_CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_dev_corpus(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    doc = Document(path.name, "0" * 64, "text/plain", text)
    check_against_gold(doc, json.loads((DEV_GOLD / f"{path.stem}.json").read_text()))


SAMPLES = sorted(p for p in (DATA / "minutes").iterdir() if (DATA / "gold" / f"{p.stem}.json").exists())


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_minutes(path: Path) -> None:
    sources, _ = find_sources([path])
    doc = read_document(sources[0])
    check_against_gold(doc, json.loads((DATA / "gold" / f"{path.stem}.json").read_text()))


# --- context: dates in a later sentence, recall, letters, missing years -----------------------------


def test_joint_inspection_dates_in_the_next_sentence() -> None:
    f = one("The panel considered the statement of action prepared in response to the joint targeted area "
            "inspection of the response to children living with domestic abuse in Northtown. The inspection "
            "had been carried out by Ofsted, the Care Quality Commission, HM Inspectorate of Constabulary "
            "and Fire & Rescue Services and HM Inspectorate of Probation between 3 and 7 June 2019.")
    assert summary(f)[:4] == ("ofsted", "jtai", "2019-06-03", "2019-06-07")


def test_letter_date_in_a_document_title_is_publication_not_fieldwork() -> None:
    found = facts("Background papers: Ofsted focused visit letter, 14 March 2019 PDF 200 KB\n\n"
                  "Ofsted carried out a focused visit on 12 and 13 February 2019, looking at care leavers.")
    assert [summary(f)[:5] for f in found] == [
        ("ofsted", "focused-visit", "2019-02-12", "2019-02-13", "2019-03-14")]


def test_members_will_recall_is_not_a_future_inspection() -> None:
    f = one("2.1 Members will recall that Ofsted's inspection of services for children in need of help and "
            "protection, children looked after and care leavers, carried out between 2 and 26 May 2016, "
            "judged services in Northtown to be inadequate.")
    assert summary(f) == ("ofsted", "sif", "2016-05-02", "2016-05-26", None, "inadequate")


def test_graded_overall_effectiveness_before_a_clause_about_an_older_inspection() -> None:
    found = facts("Ofsted inspected children's services between 2 and 13 March 2020. Ofsted had graded the "
                  "overall effectiveness of services as 'Good', an improvement on the Inadequate "
                  "judgement that followed the single inspection in 2015.")
    by_type = {f.type: f for f in found}
    assert by_type["ilacs"].judgement == "good"
    assert by_type["sif"].judgement == "inadequate"


def test_visit_year_without_a_meeting_date_follows_the_narrative() -> None:
    found = facts("Update on children's social care\n\nThe Ofsted inspection report was published on "
                  "5 December 2014 and judged services inadequate. The Director reported on progress "
                  "since the panel's February 2016 meeting:\n\n- Ofsted's second monitoring visit on 8 and "
                  "9 March had focused on care planning.")
    visit = next(f for f in found if f.type == "monitoring-visit")
    assert (visit.start, visit.end) == ("2016-03-08", "2016-03-09")


def test_page_footer_inside_a_sentence_and_board_review_judgement() -> None:
    text = ("4 OFSTED INSPECTION\n\n(a) Ofsted had inspected the Council's children's services under the "
            "single\n\n"
            "Overview Committee - 03.05.17\n\n2\n\x0c\ninspection framework between 6 and 30 March 2017 and "
            "published its report on 9 May 2017. Overall, children's services were found to be inadequate. "
            "The review of the Local Safeguarding Children Board, carried out alongside the inspection, "
            "found that the Board required improvement;\n")
    got = {f.type: f for f in facts(text)}
    assert summary(got["sif"]) == ("ofsted", "sif", "2017-03-06", "2017-03-30", "2017-05-09", "inadequate")
    assert got["lscb-review"].judgement == "requires-improvement"
    assert got["lscb-review"].start == "2017-03-06"


def test_judgement_in_a_sentence_with_an_ungraded_jtai_goes_to_the_graded_inspection() -> None:
    text = ("Ofsted had carried out a joint targeted area inspection between 2 and 6 March 2020. Members "
            "were reminded that a JTAI is not graded, and that the county had been judged good overall at "
            "its inspection of local authority children's services in June 2019.")
    got = {f.type: f for f in facts(text)}
    assert got["ilacs"].judgement == "good" and got["jtai"].judgement is None


def test_found_services_to_be_requiring_improvement() -> None:
    f = one("The Council's last standard inspection, in March 2019, had found services to be requiring "
            "improvement to be good.")
    assert f.judgement == "requires-improvement"


def test_days_without_years_read_against_a_numeric_meeting_date() -> None:
    # the item page gives its meeting as 03/05/2022; the days in the text take that year
    text = (
        "Meeting: 03/05/2022 - Cabinet (Item 4)\n\nMinutes:\n\nThe council had its latest inspection "
        "on 7 February - 18 February and Ofsted's report was published on 30 March. The overall "
        "judgement was 'Requires Improvement'.\n"
    )
    [f] = list(extract(make_doc(text)))
    assert (f.start, f.end, f.published) == ("2022-02-07", "2022-02-18", "2022-03-30")
    assert f.judgement == "requires-improvement"


def test_a_month_naming_the_visit_after_from_is_the_visits_date() -> None:
    text = "The board tracks the actions arising from the May 2021 Ofsted focused visit.\n"
    [f] = list(extract(make_doc(text)))
    assert (f.type, f.start) == ("focused-visit", "2021-05")


def test_a_thematic_inspection_is_of_no_framework_and_glued_day_month_reads() -> None:
    text = "The Ofsted thematic inspection of early help took place on 3 and 4March 2015.\n"
    [f] = list(extract(make_doc(text)))
    assert (f.inspectorate, f.type, f.start, f.end) == ("ofsted", "other", "2015-03-03", "2015-03-04")
    [f] = list(extract(make_doc("CIW carried out a thematic review of care leavers services in May 2019.\n")))
    assert (f.inspectorate, f.type, f.start) == ("ciw", "other", "2019-05")


def test_the_inspection_not_chosen_is_not_one() -> None:
    text = ("Ofsted suggested that a focused visit in 2019 rather than a full inspection in 2019 "
            "would suit the council's children's services.\n")
    assert [f.type for f in extract(make_doc(text))] == ["focused-visit"]


def test_a_report_dated_in_a_title_is_its_publication_and_the_fieldwork_types_it() -> None:
    text = (
        "Update on Ofsted report June 2019 - Inspection of Children's Social Care\n\n"
        "The Director spoke about services following the Ofsted inspection in April 2019, which "
        "judged them inadequate.\n"
    )
    [f] = list(extract(make_doc(text)))
    assert (f.type, f.start, f.published, f.judgement) == ("ilacs", "2019-04", "2019-06", "inadequate")


def test_the_authority_judged_in_passing_is_an_inspection() -> None:
    text = (
        "Ofsted made its second monitoring visit on 2 and 3 March 2022. This was the second monitoring "
        "visit since the local authority had been judged inadequate in October 2020.\n"
    )
    found = {(f.type, f.start, f.judgement) for f in extract(make_doc(text))}
    assert ("ilacs", "2020-10", "inadequate") in found
    # a judgement without a date or of someone else is not
    text = "Ofsted made a monitoring visit in March 2022. The provider had been judged inadequate.\n"
    assert {f.type for f in extract(make_doc(text))} == {"monitoring-visit"}


def test_a_thematic_inspection_known_only_by_its_report_stays_thematic() -> None:
    [f] = list(extract(make_doc("The Ofsted thematic inspection report was published in May 2019.\n")))
    assert (f.type, f.published) == ("other", "2019-05")
