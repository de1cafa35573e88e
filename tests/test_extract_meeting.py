"""Meeting header: committee, date, venue, contact; nothing for pages without a header."""

from __future__ import annotations

import json

import pytest
from conftest import DEV_CORPUS, make_doc, needs_shared, repo_gold_pairs

from kg.extract import meeting
from kg.extract.facts import MeetingInfo
from kg.reading.readers import find_sources, read_document


def extract(text: str) -> list[MeetingInfo]:
    doc = make_doc(text)
    out = list(meeting.extract(doc))
    for m in out:
        assert doc.text[m.span.start : m.span.end] == m.span.quote
    assert len(out) <= 1
    return out


WHOLE_PAGE = """Derbyshire County Council

Children and Young People Overview and Scrutiny Committee

Tuesday, 14 March 2017 6.00 pm

Venue: Committee Room 1, County Hall, Matlock, DE4 3AG

Contact: Jane Doe, Democratic Services Officer  Tel: 01629 538000

Items

1. Apologies for absence

Apologies were received from Councillor R Brown.

2. Ofsted inspection - outcome

The Director of Children's Services presented the report on 2 February 2017.
"""


def test_whole_meeting_page_header() -> None:
    [m] = extract(WHOLE_PAGE)
    assert m.committee == "Children and Young People Overview and Scrutiny Committee"
    assert m.date == "2017-03-14"
    assert m.venue == "Committee Room 1, County Hall, Matlock, DE4 3AG"
    assert m.contact == "Jane Doe, Democratic Services Officer"


def test_welsh_cabinet_board_minutes_held_line_wrapped() -> None:
    [m] = extract(
        "NEATH PORT TALBOT COUNTY BOROUGH COUNCIL\nSOCIAL CARE, HEALTH AND WELLBEING CABINET "
        "BOARD\nMinutes of the meeting held on Thursday, 11 May 2017 at 2.00 pm in Committee "
        "Rooms\nA/B, Neath Civic Centre\nMembers Present:\nCouncillor A R Lockwood (Chairperson)\n"
        "1. APPOINTMENT OF CHAIRPERSON\nAgreed.\n2. MINUTES OF PREVIOUS MEETING\nNoted.\n"
    )
    assert m.committee == "SOCIAL CARE, HEALTH AND WELLBEING CABINET BOARD"
    assert (m.date, m.venue) == ("2017-05-11", "Committee Rooms A/B, Neath Civic Centre")


def test_meeting_of_x_held_on() -> None:
    [m] = extract(
        "Meeting of Corporate Parenting Panel held on Thursday 5 July 2018 at 2.00 pm "
        "at Room 2.1, Civic Centre, Newcastle.\n\nPresent: Councillor A Smith\n"
    )
    assert (m.committee, m.date, m.venue) == (
        "Corporate Parenting Panel",
        "2018-07-05",
        "Room 2.1, Civic Centre, Newcastle",
    )


def test_minutes_of_the_meeting_of_the_cabinet_upper_case() -> None:
    [m] = extract(
        "MINUTES OF THE MEETING OF THE CABINET HELD ON WEDNESDAY 12 MARCH 2019 AT 10.00 "
        "AM IN COMMITTEE ROOM 1, COUNTY HALL, CARDIFF\n\nPRESENT: Councillor Huw David\n"
    )
    assert (m.committee, m.date, m.venue) == (
        "CABINET",
        "2019-03-12",
        "COMMITTEE ROOM 1, COUNTY HALL, CARDIFF",
    )


def test_labelled_fields_place_and_numeric_date() -> None:
    [m] = extract(
        "Committee: Children's Services Scrutiny Panel\nDate: 05/04/2017\n"
        "Place:\nCouncil Chamber, Town Hall\n\n1. Apologies\n\nNone.\n\n"
        "2. Minutes\n\nAgreed.\n"
    )
    assert (m.committee, m.date, m.venue) == (
        "Children's Services Scrutiny Panel",
        "2017-04-05",
        "Council Chamber, Town Hall",
    )


def test_html_title_minutes_for_committee_on_date() -> None:
    [m] = extract(
        "Minutes for Children's Select Committee on Tuesday 6 March 2018, 10.30 am - "
        "Wiltshire Council\n\nItems\n\n10\n\nApologies\n\nNone.\n\n11\n\nMinutes\n\n"
        "Agreed.\n"
    )
    assert (m.committee, m.date) == ("Children's Select Committee", "2018-03-06")


def test_single_item_page_has_no_meeting() -> None:
    assert (
        extract(
            "Agenda item\n\nOfsted inspection - update report\n\nMinutes:\n\nThe Director "
            "reported that the inspection took place on 7 March 2019.\n"
        )
        == []
    )


@needs_shared
@pytest.mark.parametrize("name", sorted(p.stem for p in DEV_CORPUS.glob("*.txt")))
def test_dev_pages_have_no_header(name: str) -> None:
    assert extract((DEV_CORPUS / f"{name}.txt").read_text(encoding="utf-8")) == []


def test_repo_gold_meetings() -> None:
    checked = 0
    for doc_path, gold_path in repo_gold_pairs():
        want = json.loads(gold_path.read_text()).get("meeting") or {}
        sources, _ = find_sources([doc_path])
        got = list(meeting.extract(read_document(sources[0])))
        if not any(want.get(k) for k in ("committee", "date", "venue")):
            assert got == [], gold_path.name
            continue
        [m] = got
        assert m.date == want["date"], gold_path.name
        assert (m.committee or "").lower() == (want["committee"] or "").lower(), gold_path.name
        assert m.venue == want["venue"], gold_path.name
        checked += 1
    assert checked >= 3


# --- sentence headers and single-item pages ---------------------------------------------------


def test_at_a_meeting_of_uppercase_header() -> None:
    out = extract(
        "At a meeting of the PEOPLE SCRUTINY COMMITTEE held in the TOWN HALL, WESTBURY on "
        "MONDAY, 7th MARCH, 2022 at 6.00 p.m.\n\nPresent:-\n\nCouncillor A Rowe in the "
        "Chair\n\n1. Apologies\n\nNone."
    )
    assert out and out[0].committee == "PEOPLE SCRUTINY COMMITTEE"
    assert out[0].date == "2022-03-07"
    assert out[0].venue == "TOWN HALL, WESTBURY"


def test_was_held_header_venue_stops_before_date() -> None:
    out = extract(
        "HARBURY BOROUGH COUNCIL\n\nCHILDREN'S SERVICES PANEL\n\nA MEETING of the "
        "CHILDREN'S SERVICES PANEL was held at the GUILDHALL, MARKET SQUARE, HARBURY on "
        "WEDNESDAY, 2ND JUNE, 2021, at 2.00 p.m.\n\nPRESENT:\nChair - Councillor B Lyle\n\n"
        "1. APOLOGIES\n\nNone."
    )
    assert out and out[0].venue == "GUILDHALL, MARKET SQUARE, HARBURY"
    assert out[0].date == "2021-06-02"


def test_single_item_page_meeting_line() -> None:
    out = extract(
        "Agenda item - Fostering Update | Some Council\n\nAgenda item\n\n12. Fostering "
        "Update\n\nMeeting: 04/10/2021 - Corporate Parenting Board (Item 12.)\n\nMinutes:"
        "\n\nThe Board noted the update."
    )
    assert out and out[0].committee == "Corporate Parenting Board"
    assert out[0].date == "2021-10-04"


def test_committee_before_the_date_on_one_line() -> None:
    [m] = extract(
        "Agenda and minutes\n\nSchools Forum - Wednesday, 4th March, 2020 2.00 pm\n\n"
        "Venue: Room 5, Town Hall\n\nItems\n\n1. Apologies\n\nNone.\n"
    )
    assert (m.committee, m.date) == ("Schools Forum", "2020-03-04")


def test_meeting_held_in_a_venue_line() -> None:
    [m] = extract(
        "NORTHTOWN COUNCIL\n\nCHILDREN'S SCRUTINY PANEL\n\nMINUTES - 9 MAY 2018\n\n"
        "Meeting held in Committee Room 2, Town Hall, High Street, Northtown at 7.00 pm.\n\n"
        "Present: Councillor A Smith (Chair).\n\n1. MINUTES\n\nAgreed.\n"
    )
    assert m.venue == "Committee Room 2, Town Hall, High Street, Northtown"
    assert m.date == "2018-05-09"


def test_item_page_breadcrumb_is_not_the_committee_and_venue_follows() -> None:
    text = (
        "Agenda item - Budget Update - Anyshire Council\n\n"
        "Home > Meetings > Corporate Parenting Panel > Issue\n\nAgenda item\n\nBudget Update\n\n"
        "Meeting: 04/05/2021 - Corporate Parenting Panel (Item 7.)\n\n"
        "Venue: Room 2, Shire Hall, Anytown AN1 1AA\n\nContact: Ivo Pell, Democratic Services\n\n"
        "Minutes:\n\nThe Panel noted the report.\n"
    )
    (m,) = extract(text)
    assert m.committee == "Corporate Parenting Panel"
    assert m.date == "2021-05-04"
    assert m.venue == "Room 2, Shire Hall, Anytown AN1 1AA"


def test_meeting_held_date_time_and_venue_on_one_line() -> None:
    text = (
        "BARCHESTER COUNTY COUNCIL\n\nChildren's Scrutiny Committee\n\n"
        "Meeting held 4 May 2021 at 2.00 pm, Shire Hall, High Street, Barchester\n\n"
        "1. Apologies for Absence\n\nNone.\n\n2. Ofsted Update\n\nThe report was noted.\n"
    )
    (info,) = list(meeting.extract(make_doc(text)))
    assert info.date == "2021-05-04"
    assert info.venue == "Shire Hall, High Street, Barchester"
