"""Layouts of real council web pages (snippets in our own words): furniture, item pages, headers."""

from __future__ import annotations

from conftest import make_doc

from kg.extract import items, meeting
from kg.reading.furniture import content_end
from kg.reading.segments import segments_of


def _cut(s: str) -> str:
    return s[: content_end(s, 0, len(s))]


def test_website_furniture_ends_a_title_or_venue() -> None:
    assert _cut("Budget Monitoring pdf icon PDF 81 KB") == "Budget Monitoring"
    assert _cut("Fostering Review (18.40) pdf icon PDF 2 MB") == "Fostering Review"
    assert _cut("Room 4, The Guildhall. View directions") == "Room 4, The Guildhall"
    assert _cut("Welsh Coversheet (96K/bytes)") == "Welsh Coversheet"
    assert _cut("Children's Services Update") == "Children's Services Update"
    assert _cut("Report on PDF accessibility") == "Report on PDF accessibility"


ITEM_PAGE = """Issue - meetings

Fostering Sufficiency Strategy

Meeting: 03/03/2021 - Executive (Item 41)

41 Fostering Sufficiency Strategy pdf icon PDF 310 KB

Additional documents:

Minutes:

The Lead Member introduced the strategy and the Executive agreed it.
"""


def test_an_item_page_gives_its_meeting_and_its_single_item() -> None:
    doc = make_doc(ITEM_PAGE)
    [m] = list(meeting.extract(doc))
    assert (m.committee, m.date) == ("Executive", "2021-03-03")
    assert doc.text[m.span.start : m.span.end] == m.span.quote
    [it] = list(items.extract(doc))
    assert (it.number, it.title) == ("41", "Fostering Sufficiency Strategy")
    assert doc.text[it.span.start : it.span.end] == it.span.quote


def test_a_lone_numbered_line_in_prose_is_still_not_an_item() -> None:
    text = (
        "Issue - meetings\n\nSome page\n\nMeeting: 03/03/2021 - Executive (Item 41)\n\n\n"
        "7 Members asked about costs\n"
    )
    assert not segments_of(make_doc(text)).items


def test_several_labels_on_one_line_and_a_full_council_meeting() -> None:
    text = (
        "Meeting documents\n\nSpecial Meeting of the County Council\nMonday, 2nd May, 2016 10.00 am\n\n"
        "Date: Monday 2nd May 2016 Time: 10.00 a.m. Place: Council Chamber, Shire Hall\n\n"
        "Apologies were received from Councillor Dee.\n"
    )
    [m] = list(meeting.extract(make_doc(text)))
    assert m.committee == "Special Meeting of the County Council"
    assert m.date == "2016-05-02"
    assert m.venue == "Council Chamber, Shire Hall"


def _inspections(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    from kg.extract.inspections import extract as inspections

    doc = make_doc(text)
    out = list(inspections(doc))
    for f in out:
        assert doc.text[f.span.start : f.span.end] == f.span.quote
    return [(f.type, f.start, f.published, f.judgement) for f in out]


def test_an_untyped_ofsted_inspection_takes_the_framework_of_its_time() -> None:
    found = _inspections(
        "Members discussed the Ofsted inspection of children's social care services in March 2015, which "
        "had judged the council inadequate.\n"
    )
    assert found == [("sif", "2015-03", None, "inadequate")]
    found = _inspections("Ofsted carried out a full inspection of children's services in June 2012.\n")
    assert [t for t, *_ in found] == ["other"]


def test_a_focussed_inspection_is_a_focused_visit() -> None:
    found = _inspections("The report set out the findings of the focussed Ofsted inspection of May 2022.\n")
    assert found == [("focused-visit", "2022-05", None, None)]


def test_a_report_published_years_after_a_date_is_of_a_later_inspection() -> None:
    found = _inspections(
        "Ofsted Inspection Report\n\nThe inspection report on children's services was published by Ofsted "
        "on 3 June 2023. Since the previous inspection of children's services in 2019 the council had "
        "improved.\n"
    )
    assert ("ilacs", None, "2023-06-03", None) in found
    assert any(start == "2019" for _, start, _, _ in found)


def test_a_list_entry_opening_with_a_name_before_its_title_names_the_holder() -> None:
    from kg.extract import people, posts

    doc = make_doc(
        "In attendance:\n\n\u00b7  Odile Pennant, Director of Children's Services\n\n"
        "Contact: Morwenna Tregarthen  Tel: 01234 567890 Email: m.t@example.gov.uk\n"
    )
    assert [(p.title, p.holder) for p in posts.extract(doc)] == [
        ("Director of Children's Services", "Odile Pennant")
    ]
    assert {p.name for p in people.extract(doc)} == {"Odile Pennant", "Morwenna Tregarthen"}


def test_lettered_resolutions_run_together_are_one_decision_each() -> None:
    from kg.extract import decisions

    doc = make_doc(
        "Resolved - (a) That the revised fees be approved, and (b) that the Cabinet Member writes to "
        "foster carers about the change.\n"
    )
    found = [(d.number, d.text) for d in decisions.extract(doc)]
    assert found == [
        ("a", "That the revised fees be approved"),
        ("b", "that the Cabinet Member writes to foster carers about the change."),
    ]


def test_an_upper_case_heading_that_runs_into_its_minute_is_the_item_title() -> None:
    doc = make_doc(
        "Cabinet Member - Minutes - 9 March 2012\n\n"
        "12  (12) FOSTERING FEES - The Director of Children's Services submitted a report on fees.\n\n"
        "13  (13) OFSTED - ILACS\n\nThe Director reported.\n"
    )
    assert [(i.number, i.title) for i in segments_of(doc).items] == [
        ("12", "FOSTERING FEES"),
        ("13", "OFSTED - ILACS"),
    ]


def test_names_and_courtesies_that_sound_like_concerns_raise_none() -> None:
    from kg.extract.concern_cues import cues

    def raised(text: str) -> set[str]:
        return {c for c, _, _ in cues(text)}

    assert "care-leavers" not in raised(
        "Ofsted inspected Services for Children in Need of Help and Protection, Looked After Children and "
        "Care Leavers."
    )
    assert "morale-culture" not in raised("The Chair congratulated the team for their hard work this year.")
    assert "morale-culture" not in raised("Members praised the service for their hard work.")
    assert "improvement-governance" not in raised("Areas for improvement were acknowledged.")
    assert "care-leavers" in raised("Members asked how many care leavers were in suitable accommodation.")


def test_lead_in_lines_and_section_words_are_not_item_titles() -> None:
    doc = make_doc(
        "Minutes:\n\n1. The Director gave an oral update on the following issues:-\n\n\u00b7 Recruitment\n\n"
        "2. The Chair then gave an update on the following issues:-\n\n\u00b7 Budget\n"
    )
    assert not segments_of(doc).items
    assert not segments_of(make_doc("Agenda item\n\nDecision:\n\nThe Cabinet noted the report.\n")).items


def test_a_recommendation_made_in_the_discussion() -> None:
    from kg.extract import decisions

    doc = make_doc(
        "The Lead Member introduced the report and recommended that the fostering strategy be approved for "
        "consultation. Members asked about costs.\n"
    )
    found = [(d.kind, d.text, d.rule) for d in decisions.extract(doc)]
    assert found == [
        (
            "recommendation",
            "the fostering strategy be approved for consultation.",
            "decisions.proposed_that",
        )
    ]


def test_a_year_just_before_a_mention_belongs_to_that_mention() -> None:
    found = _inspections(
        "The Cabinet Member referred to the 2018 Ofsted inspection action plan of children's services and "
        "to the 2019 focused visit action plan.\n"
    )
    assert sorted((t, s) for t, s, _, _ in found) == [("focused-visit", "2019"), ("ilacs", "2018")]


def test_a_framework_named_by_its_acronym_is_not_an_inspection() -> None:
    found = _inspections(
        "The annual conversation with Ofsted took place on 28 February 2022 as part of the Inspecting Local "
        "Authority Children's Services Framework (ILACS).\n"
    )
    assert found == []


def test_apologies_naming_councillors_are_not_items_and_document_lists_end_titles() -> None:
    doc = make_doc(
        "Apologies for Absence\n\nCouncillor Jo Pengelly \u2013 personal\n\n"
        "Councillor Ed Trelawny - unwell\n\n"
        "Declarations of Interests\n\nNone.\n\nFostering Update\n\nThe report was noted.\n"
    )
    assert [i.title for i in segments_of(doc).items] == [
        "Apologies for Absence",
        "Declarations of Interests",
        "Fostering Update",
    ]
    assert _cut("Ofsted Inspection PDF 67 KB Additional documents:") == "Ofsted Inspection"


def test_it_was_resolved_that_is_a_sentence_kept_whole() -> None:
    from kg.extract import decisions

    doc = make_doc("Minutes\n\nIt was resolved that the minutes of the last meeting were a true record.\n")
    assert [d.text for d in decisions.extract(doc)] == [
        "It was resolved that the minutes of the last meeting were a true record."
    ]


def test_elected_mayors_and_their_cabinets_are_posts_but_not_the_lord_mayor() -> None:
    from kg.extract import posts

    doc = make_doc(
        "Councillor Penhale, Deputy Mayor with responsibility for Children's Services, said the Mayor "
        "had approved the plan. The Lord Mayor sent apologies.\n"
    )
    assert [(p.title, p.role, p.holder) for p in posts.extract(doc)] == [
        ("Deputy Mayor with responsibility for Children's Services", "cabinet-member", "Penhale"),
        ("Mayor", "leader", None),
    ]


def test_a_number_alone_on_its_line_belongs_to_the_next_item_not_to_this_decision() -> None:
    from kg.extract import decisions

    doc = make_doc(
        "21.\n\nAppointment of Chair\n\nDecision\n\n\u00a0\n\n"
        "To agree that Councillor Tamsin Roe be appointed as Chair of this meeting.\n\n\u00a0\n\n"
        "22.\n\nMinutes\n\nDecision\n\nTo approve the minutes.\n"
    )
    items = segments_of(doc).items
    assert [(i.number, doc.text[i.start : i.start + 3]) for i in items] == [("21", "21."), ("22", "22.")]
    assert [d.text for d in decisions.extract(doc)] == [
        "To agree that Councillor Tamsin Roe be appointed as Chair of this meeting.",
        "To approve the minutes.",
    ]


def test_a_judgement_in_quotes_keeps_the_year_after_it() -> None:
    from kg.extract.inspections import _read_judgements

    doc = make_doc("The service was previously judged as \u2018good\u2019 in 2016.\n")
    [j] = list(_read_judgements(doc.flat, 0, len(doc.flat)))
    assert (j.notation, j.year) == ("good", "2016")


def _meeting(text: str) -> tuple[str | None, str | None]:
    doc = make_doc(text)
    [m] = list(meeting.extract(doc))
    assert doc.text[m.span.start : m.span.end] == m.span.quote
    return m.committee, m.date


def test_an_item_page_listing_its_meeting_under_the_title() -> None:
    text = (
        "Agenda item\nFoster Carer Allowances\n"
        "- Meeting of Special, Children's Overview Panel, Tuesday, 4th May, 2021 6.30 p.m. (Item 7.2)\n"
        "- View the background to item 7.2\nMinutes:\nThe Panel agreed the new rates.\n"
    )
    assert _meeting(text) == ("Special, Children's Overview Panel", "2021-05-04")
    [it] = list(items.extract(make_doc(text)))
    assert (it.number, it.title) == ("7.2", "Foster Carer Allowances")


def test_a_meeting_page_headed_by_its_name_a_dash_and_the_weekday() -> None:
    # whatever the name's head word: the dash and the weekday make it the meeting's name
    text = (
        "Agenda and minutes\n\nLeaders' Session with Ward Councillors - Monday 7 June 2021 4.00 p.m.\n\n"
        "Venue: Town Hall\n\nItems\nNo. Item\n\n1.\n\nWelcome\n\nMinutes:\n\nThe Leader opened it.\n"
    )
    assert _meeting(text) == ("Leaders' Session with Ward Councillors", "2021-06-07")
    # a page label before the name is not part of it
    text = text.replace("Leaders' Session with Ward Councillors", "Agenda and minutes - Cabinet")
    assert _meeting(text)[0] == "Cabinet"


def test_the_word_minutes_between_a_name_and_its_date_is_the_pages_label() -> None:
    text = "Cabinet Member for Fostering - Minutes - 9 March 2012\n\n12  FOSTERING - The report was noted.\n"
    assert _meeting(text) == ("Cabinet Member for Fostering", "2012-03-09")


def test_items_of_an_unnumbered_meeting_page_that_links_each_paper() -> None:
    text = (
        "Minutes of the Previous Meeting held on 3 May 2021 pdf icon PDF 120 KB\n\n"
        "The minutes were approved as a correct record.\n\n"
        "Update on the Fostering Service Review by the Independent Reviewer for the Borough Council "
        "of Somewhere pdf icon PDF 2 MB\n\n"
        "The Director presented the review.\n"
    )
    titles = [it.title for it in items.extract(make_doc(text))]
    assert titles == [
        "Minutes of the Previous Meeting held on 3 May 2021",
        "Update on the Fostering Service Review by the Independent Reviewer for the Borough Council "
        "of Somewhere",
    ]
