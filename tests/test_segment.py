from __future__ import annotations

from kg.extract.items import extract as items
from kg.reading.segments import segments_of
from tests.conftest import make_doc

MEETING = """Children's Services Scrutiny Committee
Tuesday, 14 March 2017 6.00 pm
Venue: Council Chamber, Town Hall

1. Apologies for Absence

Apologies were received from Councillor Smith.

2. Declarations of Interest

None.

3. Minutes of the previous meeting

RESOLVED: That the minutes be approved.

290. Ofsted Inspection of Children's Services - Update

The Director presented the report.
\u00b7 Caseloads had fallen.
1. That the report be noted.

291. Improvement Plan
"""


def test_numbered_items_with_header() -> None:
    doc = make_doc(MEETING)
    found = list(items(doc))
    assert [(i.number, i.title) for i in found] == [
        ("1", "Apologies for Absence"),
        ("2", "Declarations of Interest"),
        ("3", "Minutes of the previous meeting"),
        ("290", "Ofsted Inspection of Children's Services - Update"),
        ("291", "Improvement Plan"),
    ]
    for i in found:
        assert doc.text[i.span.start : i.span.end] == i.span.quote
    assert segments_of(doc).header_end == MEETING.index("1. Apologies")
    kinds = [s.kind for s in segments_of(doc).sections]
    assert "resolved" in kinds


def test_single_agenda_item_page_and_truncation() -> None:
    text = (
        "Agenda item\n\nOfsted monitoring visit\n\nMinutes:\nThe panel noted ...\n"
        "view the full minutes text for item 82"
    )
    found = list(items(make_doc(text)))
    assert len(found) == 1
    assert found[0].number is None and found[0].title == "Ofsted monitoring visit"
    assert found[0].truncated


def test_hard_wrapped_lines_are_joined_for_matching_offsets_kept() -> None:
    text = (
        "The Corporate Director of Children\u2019s\nServices presented a report, a copy of which\n"
        "had been circulated.\n\n- Next point\n"
    )
    doc = make_doc(text)
    assert len(doc.flat) == len(text)
    assert "Children's Services presented" in doc.flat
    start = doc.flat.index("Children's Services")
    assert doc.text[start : start + 19] == "Children\u2019s\nServices"
    assert "\n\n- Next" in doc.flat  # paragraph and bullet breaks survive


def test_bullets_in_odd_glyphs() -> None:
    text = (
        "Points:\n\n\u00d8  The MASH\n\u00b7         Front Door\n\u2022 Early help\n"
        "o       Natural turnover\n(1) Note the report.\n2) Agree the plan.\na) Monitor it.\n"
    )
    doc = make_doc(text)
    bullets = [doc.text[b.start : b.end] for b in segments_of(doc).blocks if b.kind == "bullet"]
    assert len(bullets) == 7, bullets


def test_attachment_link_is_not_part_of_the_title() -> None:
    doc = make_doc(
        "Items\n\n4\n\nMinutes PDF 187 KB\n\nThe minutes were agreed.\n\n5\n\nWork programme PDF 96 KB\n"
    )
    assert [(i.number, i.title) for i in items(doc)] == [("4", "Minutes"), ("5", "Work programme")]


def test_numbered_paragraphs_of_an_item_are_not_items() -> None:
    text = (
        "23. MINUTES\n\nThe minutes were approved.\n\n24. OFSTED MONITORING VISIT\n\n"
        "24.1 The Director introduced the report.\n\n24.2 In discussion, the following points were made:\n\n"
        "25. WORK PLAN\n"
    )
    assert [i.number for i in items(make_doc(text))] == ["23", "24", "25"]


def test_item_number_given_on_the_meeting_line() -> None:
    text = (
        "Agenda item\n\nCIW Inspection of Children's Services\n\n"
        "Meeting: 03/06/2019 - Cabinet (Item 12)\n\nText."
    )
    (item,) = items(make_doc(text))
    assert item.number == "12" and item.title == "CIW Inspection of Children's Services"


def test_sentence_under_a_pdf_heading_is_not_title() -> None:
    text = (
        "15/18 Apologies for Absence\nApologies were received.\n"
        "16/18 Declarations of Interest\nThere were none.\n"
    )
    found = list(items(make_doc(text, media_type="application/pdf")))
    assert [(i.number, i.title) for i in found] == [
        ("15/18", "Apologies for Absence"),
        ("16/18", "Declarations of Interest"),
    ]


def test_additional_documents_line_does_not_swallow_the_minutes() -> None:
    text = (
        "5. Ofsted focused visit PDF 412 KB\n\nAdditional documents: Ofsted letter PDF 245 KB\n\n"
        "The Director introduced the report on agency staff.\n\nRESOLVED: That the report be noted.\n"
    )
    doc = make_doc(text)
    body = text.index("The Director")
    section = segments_of(doc).section_at(body)
    assert section is None or section.kind != "documents"


def test_roman_numbered_points_are_separate_blocks() -> None:
    text = (
        "RESOLVED:\ni. That the report be noted.\nii. That the plan be endorsed.\n"
        "iii. That a further report be made.\n"
    )
    doc = make_doc(text)
    bullets = [b for b in segments_of(doc).blocks if b.kind == "bullet"]
    assert [b.marker for b in bullets] == ["i.", "ii.", "iii."]


def test_upper_case_title_wrapped_and_dashed_agenda_item() -> None:
    text = (
        "Agenda item - 6\nCARE INSPECTORATE WALES (CIW) PERFORMANCE EVALUATION\n"
        "INSPECTION OF CHILDREN'S SERVICES - OCTOBER 2019\n\nTo consider the report.\n"
    )
    (item,) = items(make_doc(text))
    assert item.number == "6"
    expected = "CARE INSPECTORATE WALES (CIW) PERFORMANCE EVALUATION INSPECTION OF CHILDREN'S SERVICES"
    assert item.title == expected + " - OCTOBER 2019"


def test_lists_of_papers_are_not_items() -> None:
    text = (
        "4. Joint Targeted Area Inspection\n\nPSC/04/20 JTAI report, PDF 356 KB | Appendix A, PDF 702 KB\n\n"
        "The Committee noted the report.\n\n5. Workforce Update\n\nText.\n"
    )
    assert [i.number for i in items(make_doc(text))] == ["4", "5"]


def test_date_line_is_not_an_item_and_spaced_colon_numbers_are() -> None:
    text = (
        "SCRUTINY COMMITTEE\n\n11 JUNE 2019\n\nPresent: Councillors.\n\n"
        "1 : APOLOGIES FOR ABSENCE\n\nNone.\n\n"
        "2 : DECLARATIONS OF INTEREST\n\nNone.\n"
    )
    assert [(i.number, i.title) for i in items(make_doc(text))] == [
        ("1", "APOLOGIES FOR ABSENCE"),
        ("2", "DECLARATIONS OF INTEREST"),
    ]


def test_single_labelled_item_below_a_header() -> None:
    text = (
        "Borough Council\nScrutiny Committee - 19 October 2016\nCouncil Chamber\n\n"
        "Item 7.  CSSIW INSPECTION\n\nText.\n"
    )
    assert [i.number for i in items(make_doc(text))] == ["7"]
