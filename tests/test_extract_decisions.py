"""Decisions: resolutions, recommendations and actions, with number, owner and due date."""

from __future__ import annotations

import json

from conftest import DEV_CORPUS, DEV_GOLD, make_doc, needs_shared

from kg.evaluate.score import similar
from kg.extract import decisions
from kg.extract.facts import Decision


def decs(text: str) -> list[Decision]:
    doc = make_doc(text)
    out = list(decisions.extract(doc))
    for d in out:
        assert doc.text[d.span.start : d.span.end] == d.span.quote
    return out


def test_numbered_resolutions_with_due_date() -> None:
    text = (
        "Resolved-\n\n \n\n"
        "(1)          That the progress being made to the Improvement Plan continue to be "
        "monitored.\n\n"
        "(2)          That this be reported to the Panel\u2019s meeting on 15 April 2019.\n\n"
        "Action:           Assistant Director, Children\u2019s Social Care Improvement\n\n"
        "Supporting documents:\n"
    )
    got = decs(text)
    assert [(d.kind, d.number) for d in got] == [
        ("resolution", "1"), ("resolution", "2"), ("action", None)
    ]
    assert got[0].text.startswith("That the progress")  # the marker is not part of the text
    assert got[1].due == "2019-04-15"
    assert got[2].owner == "Assistant Director, Children\u2019s Social Care Improvement"


def test_single_unnumbered_resolution_and_decision_block() -> None:
    got = decs("289. Minutes\n\nRESOLVED: That the report be noted.\n\nThe meeting ended at 7.45 pm\n")
    assert [(d.kind, d.text) for d in got] == [("resolution", "That the report be noted.")]
    got = decs("Minutes:\n\nDiscussion.\n\nDecision:\n\n \n\nThe committee noted the reports.\n")
    assert [(d.kind, d.text) for d in got] == [("resolution", "The committee noted the reports.")]


def test_recommendations() -> None:
    text = (
        "Recommended \u2013\n\n(1)       Note the contents of this report.\n\n"
        "(2)       Note the latest Improvement Plan.\n\n(Catherine Knowles)\n\nMinutes:\n\nText.\n"
    )
    got = decs(text)
    assert [(d.kind, d.number, d.text) for d in got] == [
        ("recommendation", "1", "Note the contents of this report."),
        ("recommendation", "2", "Note the latest Improvement Plan."),
    ]


def test_inline_action_inside_a_bullet() -> None:
    text = (
        "Minutes:\n- A Committee Member advised that this matter was going to the Corporate\n"
        "Parenting Board and suggested sharing a report. ACTION \u2013 add\nto action sheet\n"
        "- The importance of communication was discussed\n"
    )
    got = decs(text)
    assert [(d.kind, d.text, d.owner) for d in got] == [("action", "add to action sheet", None)]
    got = decs(
        "Minutes:\n- The Commissioner commented on the pace of change. ACTION \u2013 Strategic "
        "Director\nto circulate the monitoring visit letter to all Members\n- A Member asked.\n"
    )
    assert got[0].owner == "Strategic Director"


def test_resolved_colon_numbered_with_owner_and_month() -> None:
    text = (
        "RESOLVED:\n\n1) That the progress against the Improvement Plan be noted.\n\n"
        "2) That the Director of Children's Services provide a report on private fostering to "
        "the meeting in June 2017.\n\n"
        "ACTION - Assistant Director, Safeguarding and Quality Assurance to circulate the case "
        "audit findings to all Panel Members by 31 March 2017.\n"
    )
    got = decs(text)
    assert [(d.kind, d.number) for d in got] == [
        ("resolution", "1"), ("resolution", "2"), ("action", None)
    ]
    assert (got[1].owner, got[1].due) == ("Director of Children's Services", "2017-06")
    assert (got[2].owner, got[2].due) == (
        "Assistant Director, Safeguarding and Quality Assurance", "2017-03-31"
    )


def test_lettered_points_after_a_preamble_and_relative_due_date() -> None:
    text = (
        "Bridgend County Borough Council\n\nMonday, 12 June 2017 2.00 pm\n\n"
        "4.   CSSIW Inspection of Children\u2019s Services\n\n"
        "RESOLVED\nThat the Committee:\na) Notes the outcome of the inspection.\n"
        "b) Asks the Executive Director of Children's Services to report on progress to the\n"
        "Committee in six months.\n"
    )
    got = decs(text)
    assert [(d.number, d.kind) for d in got] == [("a", "resolution"), ("b", "resolution")]
    assert got[1].owner == "Executive Director of Children's Services"
    assert got[1].due == "2017-12"


def test_welsh_cabinet_board_style() -> None:
    text = (
        "NEATH PORT TALBOT COUNTY BOROUGH COUNCIL\nCABINET BOARD\n"
        "1. APPOINTMENT OF CHAIRPERSON\n"
        "Agreed that Councillor A R Lockwood be appointed Chairperson for the meeting.\n"
        "3. CSSIW INSPECTION OF CHILDREN'S SERVICES - FINAL REPORT\n"
        "Members received the final report.\n"
        "Decision:\n"
        "That the report be noted and that the action plan be monitored every six months.\n"
        "Reason for Decision:\n"
        "To ensure that the areas for development are addressed.\n"
        "Implementation of Decision:\n"
        "The decision is for immediate implementation.\n"
    )
    got = decs(text)
    texts = [d.text for d in got]
    assert "That the report be noted and that the action plan be monitored every six months." in texts
    assert "that Councillor A R Lockwood be appointed Chairperson for the meeting." in texts
    assert not any(t.startswith(("To ensure", "The decision is")) for t in texts)
    assert all(d.due is None for d in got)  # "every six months" is not a due date


def test_bulleted_resolutions_and_agreed_sentence() -> None:
    text = (
        "Minutes:\n\nThe Panel agreed to write to the Cabinet Member reflecting the discussion.\n\n"
        "Resolved:\n\n\u2022 To note the findings of the Joint Targeted Area Inspection.\n\n"
        "\u2022 To ask the Chairman to write to the Chief Constable about notifications.\n\n"
        "(Duration of meeting: 10.30 am - 12.40 pm)\n"
    )
    got = decs(text)
    assert {d.text for d in got} == {
        "The Panel agreed to write to the Cabinet Member reflecting the discussion.",
        "To note the findings of the Joint Targeted Area Inspection.",
        "To ask the Chairman to write to the Chief Constable about notifications.",
    }
    assert {d.owner for d in got} == {None, "Chairman"}


def test_roman_numerals_and_resolved_that_inline() -> None:
    text = (
        "Decision:\n\n(i)   That the findings of the CIW inspection be noted.\n\n"
        "(ii)  That the Chief Officer \u2013 Social Care present a progress report to the "
        "Committee in January 2020.\n\nSupporting documents:\n\n"
        "4. FORTHCOMING ITEMS\n\nRESOLVED that the list of forthcoming items be noted.\n"
    )
    got = decs(text)
    assert [d.number for d in got] == ["i", "ii", None]
    assert got[1].owner == "Chief Officer \u2013 Social Care"
    assert got[1].due == "2020-01"
    assert got[2].text == "that the list of forthcoming items be noted."


def test_minutes_approval_date_is_not_due() -> None:
    got = decs("RESOLVED: That the minutes of the meeting held on 17 January 2017 be approved.\n")
    assert got[0].due is None


@needs_shared
def test_dev_documents_against_gold() -> None:
    core = hits = pred = matched = 0
    for gold_path in sorted(DEV_GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = make_doc((DEV_CORPUS / gold["document"]).read_text(encoding="utf-8"))
        got = list(decisions.extract(doc))
        used: set[int] = set()
        for g in sorted(gold["decisions"], key=lambda g: not g.get("core", True)):
            for i, d in enumerate(got):
                if i not in used and d.kind in g["kind"] and similar(g["text"], d.text):
                    used.add(i)
                    hits += int(g.get("core", True))
                    if g.get("due"):
                        assert d.due and d.due.startswith(g["due"])
                    break
        core += sum(1 for g in gold["decisions"] if g.get("core", True))
        pred += len(got)
        matched += len(used)
    assert hits == core
    assert matched == pred


def test_resolved_inside_numbered_paragraph() -> None:
    got = decs("Minutes of the previous meeting\n\n"
               "4. RESOLVED that the minutes of the meeting held on 3 May 2022 be approved as a "
               "correct record.\n")
    assert [d.kind for d in got] == ["resolution"]
    assert "the minutes of the meeting held on 3 May 2022 be approved" in got[0].text


def test_routine_outcome_as_plain_sentence() -> None:
    got = decs("1. Minutes\n\nThe minutes of the last meeting were received, confirmed and signed.\n\n"
               "2. Forward Plan\n\nThe Panel's forward work programme for 2022/23 was noted.\n\n"
               "3. Update\n\nThe Director said the report was noted by the Board in May and that "
               "staffing was improving.\n")
    texts = [d.text for d in got if d.kind == "resolution"]
    assert len(texts) == 2
    assert any(t.startswith("The minutes of the last meeting") for t in texts)
    assert any("work programme" in t for t in texts)


def test_action_table_in_columns_with_wrapped_cells() -> None:
    text = (
        "7. Improvement update\n\nActions:\n\n"
        "  Action                          Owner                        Due\n"
        "  ------------------------------  ---------------------------  ------------\n"
        "  Send the audit findings to      Head of Quality              15 June 2021\n"
        "  all members of the Panel        Assurance\n"
        "  Arrange a visit to the front    Service Manager, Front       30 September\n"
        "  door team                       Door                         2021\n"
        "\n8. Any other business\n"
    )
    got = [d for d in decs(text) if d.kind == "action"]
    assert [(d.text, d.owner, d.due) for d in got] == [
        ("Send the audit findings to all members of the Panel", "Head of Quality Assurance",
         "2021-06-15"),
        ("Arrange a visit to the front door team", "Service Manager, Front Door", "2021-09-30"),
    ]


def test_due_month_without_year_and_owner_with_brackets() -> None:
    got = decs("Meeting held on 10 October 2021\n\n5. Item\n\nRESOLVED that the Assistant Director, "
               "Finance (Children's Services) provides a costed plan to the Committee by the end "
               "of March.\n")
    assert got[0].owner == "Assistant Director, Finance (Children's Services)"
    assert got[0].due == "2022-03"


def test_action_owners_with_a_remit_or_a_plural_title() -> None:
    text = (
        "Minutes:\n\n"
        "ACTION: Head of Service, Family Support to send the audit summary to Members.\n"
        "ACTION: Committee Services Officer to add the item to the next agenda.\n"
    )
    owners = {d.owner for d in decs(text) if d.kind == "action"}
    assert owners == {"Head of Service, Family Support", "Committee Services Officer"}


def test_bare_title_completed_from_the_attendance() -> None:
    text = (
        "Present: Ms A Jones, Corporate Director, Children and Family Services.\n\n"
        "Minutes:\n\n"
        "RESOLVED: That the Corporate Director report back to the Panel on staffing in June 2020.\n"
    )
    got = [d for d in decs(text) if d.owner]
    assert got and got[0].owner == "Corporate Director, Children and Family Services"


def test_roman_points_run_together_in_one_paragraph() -> None:
    text = (
        "5. Fostering Review\n\nResolved:\n"
        "i.   The Panel noted the review of fostering allowances.\n"
        "ii.  The Panel asked that the fees be benchmarked against neighbouring councils.\n"
        "iii. The Panel requested a further update at its March meeting.\n"
    )
    got = decs(text)
    assert [d.number for d in got] == ["i", "ii", "iii"]
    assert got[1].text.startswith("The Panel asked that the fees")


def test_minutes_confirmed_as_a_correct_record() -> None:
    got = decs("Minutes:\n\nThe Panel confirmed the minutes of its meeting on 3 March 2015 "
               "as an accurate record.\n")
    assert [(d.kind, d.text[:9]) for d in got] == [("resolution", "The Panel")]
    got = decs("Minutes:\n\nThe minutes of the last meeting of the Children's Scrutiny Panel held on "
               "4 May, 2015 "
               "were submitted and were approved as correct.\n")
    assert [d.kind for d in got] == ["resolution"]


def test_resolved_over_a_list_of_points() -> None:
    got = decs("Minutes:\n\nIt was RESOLVED -\n\n* To note the update on the improvement plan.\n"
               "* That the Panel meet again in July.\n\nThe meeting closed at 5 pm.\n")
    assert [d.text for d in got] == ["To note the update on the improvement plan.",
                                     "That the Panel meet again in July."]


def test_it_was_resolved_to_is_kept_whole() -> None:
    got = decs("Minutes:\n\nIt was RESOLVED to adopt the work programme as amended.\n")
    assert [d.text for d in got] == ["It was RESOLVED to adopt the work programme as amended."]


def test_agreed_with_an_aside() -> None:
    got = decs("Minutes:\n\nThe Panel AGREED, with the changes noted, to recommend that "
               "the plan be endorsed.\n")
    assert len(got) == 1 and got[0].kind == "resolution"


def test_options_joined_by_or_are_separate() -> None:
    got = decs("Recommended -\n\nThat the Panel endorse the plan (Option 1);\nor\n\n"
               "That the Panel ask for changes to the plan (Option 2).\n\nMinutes:\n\nDiscussed.\n")
    recs = [d.text for d in got if d.kind == "recommendation"]
    assert len(recs) == 2 and recs[1].endswith("(Option 2).")


def test_action_row_with_lead_and_by_cells() -> None:
    got = decs("Action: Circulate the audit summary to members | Lead: Head of Quality | By: 5 May 2017\n")
    assert [(d.text, d.owner, d.due) for d in got] == [
        ("Circulate the audit summary to members", "Head of Quality", "2017-05-05")]


def test_decisions_summarised_then_printed_formally_are_said_once() -> None:
    text = (
        "5 Fostering Allowances\n\nRESOLVED that:\n(1) the new allowances be approved;\n"
        "(2) a review be held in a year.\n\nMembers discussed the costs at length.\n\n"
        "The formal decision follows.\n\nRESOLVED that:\n(1) the new allowances be approved;\n"
        "(2) a review be held in a year.\n"
    )
    out = list(decisions.extract(make_doc(text)))
    said = [d.text.rstrip(";.") for d in out]
    assert said == ["the new allowances be approved", "a review be held in a year"]
    assert out[0].span.start < text.index("Members")  # read where first said


def test_a_resolution_whose_heading_the_page_lost_and_a_noting_after_an_adverbial() -> None:
    text = (
        "7 Adoption Service Update\n\nMembers asked about waiting times for adopters.\n\n"
        "That the update on the adoption service be noted.\n"
    )
    [d] = list(decisions.extract(make_doc(text)))
    assert (d.kind, d.text.rstrip(".")) == ("resolution", "That the update on the adoption service be noted")
    text = "7 Adoption Update\n\nMembers asked questions.\n\nFollowing discussion, the report was noted.\n"
    [d] = list(decisions.extract(make_doc(text)))
    assert d.kind == "resolution"
    # prose that starts with "That" is not a resolution
    text = "7 Adoption Service Update\n\nThat said, members felt the service should be praised.\n"
    assert list(decisions.extract(make_doc(text))) == []


def test_that_with_a_modal_is_reported_speech_not_a_resolution() -> None:
    text = "7 Adoption Update\n\nThat unannounced visits could be expected at any time.\n"
    assert list(decisions.extract(make_doc(text))) == []


def test_a_body_resolved_to_points_numbered_like_report_paragraphs() -> None:
    text = (
        "9 Ofsted Inspection\n\nThe Leader and Cabinet, RESOLVED to;\n\n"
        "3.1 Note the findings of the inspection of children's services.\n\n"
        "3.2 Agree that the improvement plan be refreshed.\n\nMembers then discussed the findings.\n"
    )
    out = list(decisions.extract(make_doc(text)))
    assert [(d.number, d.text.rstrip(".")) for d in out] == [
        ("3.1", "Note the findings of the inspection of children's services"),
        ("3.2", "Agree that the improvement plan be refreshed"),
    ]


def test_what_the_paper_recommends_the_meeting_do() -> None:
    text = "9 Ofsted\n\nCabinet is RECOMMENDED to note the report and its findings.\n\nMinutes:\n\nNoted.\n"
    [d] = [d for d in decisions.extract(make_doc(text)) if d.kind == "recommendation"]
    assert d.text.startswith("Cabinet is RECOMMENDED to note the report")
