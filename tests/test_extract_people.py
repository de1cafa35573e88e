"""People: named people only, from lists, contacts, brackets, honorifics and post holders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import DEV_CORPUS, DEV_GOLD, make_doc, needs_shared, repo_gold_pairs

from kg.extract import people
from kg.extract.facts import Person
from kg.reading.readers import find_sources, read_document


def extract(text: str) -> dict[str, Person]:
    doc = make_doc(text)
    out = list(people.extract(doc))
    for p in out:
        assert doc.text[p.span.start : p.span.end] == p.span.quote
    names = [p.name for p in out]
    assert len(names) == len(set(names)), names
    return {p.name: p for p in out}


def test_apologies_sentence() -> None:
    found = extract("Apologies for absence were received from Councillor J Smith and Ms S A Webb "
                    "(Parent Governor Representative).")
    assert set(found) == {"J Smith", "S A Webb"}
    assert {p.capacity for p in found.values()} == {"apologies"}


def test_present_list_with_councillors_governing_surnames() -> None:
    found = extract(
        "Members Present: Councillors Pemberton (Chair), Bains (Vice-Chair), Arvind Sohal, "
        "Kelsey, Sadler and Smith\n\nNon-Voting Co-optees: Mr J Balmer and Ms K Hartley\n\n"
        "Apologies for Absence: Councillor Qureshi\n\nItems\n"
    )
    assert set(found) == {"Pemberton", "Bains", "Arvind Sohal", "Kelsey", "Sadler", "Smith",
                          "J Balmer", "K Hartley", "Qureshi"}
    assert found["Pemberton"].post_title == "Chair"
    assert found["Bains"].post_title == "Vice-Chair"
    assert found["Qureshi"].capacity == "apologies"
    assert found["Kelsey"].capacity == "present"


def test_attendance_block_over_lines_with_dotted_initials_and_wrapped_entries() -> None:
    found = extract(
        "Attendance:\n\nCouncillor E.G. Thomas (Chair)\nCouncillors: S.M. Allen, K. Davies, P\n"
        "Morrell and D. Price\nMrs V. Kenny - Roman Catholic Church Representative\n\n"
        "Officers in Attendance:\nA Jarvis (Director of Social Services, Health and Housing), "
        "A Tanner (Head of Children and\nYoung People Services), K Dyer (Principal Officer, "
        "Commissioning)\n\n1. APOLOGIES\n"
    )
    assert set(found) == {"E.G. Thomas", "S.M. Allen", "K. Davies", "P Morrell", "D. Price",
                          "V. Kenny", "A Jarvis", "A Tanner", "K Dyer"}
    assert found["E.G. Thomas"].post_title == "Chair"
    assert found["A Jarvis"].post_title == "Director of Social Services, Health and Housing"


def test_officers_with_dashes_and_guests() -> None:
    found = extract(
        "Officers:\n\nSusan Cadwallader - Corporate Director, Social Services and Wellbeing\n"
        "Laura Kendrick - Head of Children's Social Care\n\nInvitees:\n\n"
        "Councillor P J Whitcombe - Cabinet Member Social Services and Early Help\n\n1. Apologies\n"
    )
    assert found["Susan Cadwallader"].post_title == (
        "Corporate Director, Social Services and Wellbeing")
    assert found["Laura Kendrick"].post_title == "Head of Children's Social Care"
    assert found["P J Whitcombe"].capacity == "guest"
    assert found["P J Whitcombe"].post_title == "Cabinet Member Social Services and Early Help"


def test_report_author_in_brackets_and_contact() -> None:
    found = extract(
        "Contact: Rachel Ogden, Democratic Services Officer\n\n"
        "Recommended -\n\n(1) Note the contents of this report.\n\n(Catherine Knowles)\n\nMinutes:"
    )
    assert found["Catherine Knowles"].capacity == "author"
    assert found["Rachel Ogden"].capacity == "contact"
    assert found["Rachel Ogden"].post_title == "Democratic Services Officer"


def test_honorifics_are_not_part_of_the_name() -> None:
    found = extract("Councillor Mrs P Jones asked a question. Cllr. Ahmed replied. Dr Peter Tait "
                    "and County Councillor Rhiannon Pryce-Jones attended.")
    assert set(found) == {"P Jones", "Ahmed", "Peter Tait", "Rhiannon Pryce-Jones"}
    assert found["Ahmed"].capacity == "councillor"


def test_surname_mention_merges_with_full_name() -> None:
    found = extract("Present: Councillors D Ashcroft and T Sweeney.\n\nCouncillor Sweeney declared "
                    "a personal interest.")
    assert set(found) == {"D Ashcroft", "T Sweeney"}


def test_holders_named_beside_posts() -> None:
    found = extract("The Director of Children's Services, Graham Pinder, introduced the report. "
                    "The Convener welcomed Councillor Emlyn Kear, Cabinet Member for Children's "
                    "Services, and Nia Harries, Head of Child and Family Services, to the meeting.")
    assert found["Graham Pinder"].post_title == "Director of Children's Services"
    assert found["Emlyn Kear"].post_title == "Cabinet Member for Children's Services"
    assert found["Nia Harries"].post_title == "Head of Child and Family Services"


def test_capitalised_phrases_and_pronouns_are_not_people() -> None:
    assert extract(
        "The Front Door and the Corporate Parenting Board were discussed with Children's Social "
        "Care and Early Help. She explained the Signs of Safety model. The Director said that "
        "Hywel Dda University Health Board and Grace Academy had helped. Mark Scheme changes and "
        "Victoria Park were noted. The Head of Service, North Yorkshire, agreed.\n\n"
        "(Improvement Plan)\n(Children Looked After)\n"
    ) == {}


# --- against the gold annotations -------------------------------------------------------------

def key(name: str) -> set[str]:
    return set(re.sub(r"[^\w\s]", " ", name.lower()).split())


def score(doc_path: Path, gold_path: Path) -> tuple[int, int, list[str], list[str]]:
    sources, _ = find_sources([doc_path])
    doc = read_document(sources[0])
    gold = [g["name"] for g in json.loads(gold_path.read_text())["people"]]
    used: set[int] = set()
    tp, fp = 0, []
    for p in people.extract(doc):
        a = key(p.name)
        hit = next((i for i, g in enumerate(gold) if i not in used
                    and (a == key(g) or len(a & key(g)) / len(a | key(g)) >= 0.75)), None)
        if hit is None:
            fp.append(p.name)
        else:
            used.add(hit)
            tp += 1
    return tp, len(gold), fp, [g for i, g in enumerate(gold) if i not in used]


@needs_shared
@pytest.mark.parametrize("name", sorted(p.stem for p in DEV_CORPUS.glob("*.txt")))
def test_dev_gold_people(name: str) -> None:
    _, _, fp, missed = score(DEV_CORPUS / f"{name}.txt", DEV_GOLD / f"{name}.json")
    assert not fp and not missed, (fp, missed)


def test_repo_gold_people() -> None:
    tp = total = bad = 0
    for doc_path, gold_path in repo_gold_pairs():
        t, n, fp, _ = score(doc_path, gold_path)
        tp, total, bad = tp + t, total + n, bad + len(fp)
    assert total and tp / total >= 0.9 and bad <= max(2, tp // 20)


def test_firms_and_ambiguous_surnames_are_not_new_people() -> None:
    found = extract("Present: Councillors G. Jones and K. Jones.\n\nCouncillor Jones asked whether "
                    "Mark Taylor Associates had reported.")
    assert set(found) == {"G. Jones", "K. Jones"}


# --- plural honorific lists, labels, non-names ------------------------------------------------

def test_plural_councillors_in_running_text() -> None:
    found = extract("Vice-Chair: Cllr Ada Ferris. Board members present: Cllrs Ferris, Umeh, "
                    "Kowalczyk and Brandt; Co-opted Member Mr T. Vale.")
    assert {"Umeh", "Kowalczyk", "Brandt"} <= set(found)
    assert found["Umeh"].capacity == "councillor"


def test_plural_councillors_need_a_list() -> None:
    assert "Allowances" not in extract("The Councillors Allowances panel met in June.")


def test_county_councillors_label() -> None:
    found = extract("Present:\nCounty Councillor E. Varga (Chair)\n"
                    "County Councillors: F. Onyango, G. Lindqvist, H. Bell\n")
    assert {"E. Varga", "F. Onyango", "G. Lindqvist", "H. Bell"} <= set(found)


def test_office_and_scrutiny_are_not_names() -> None:
    found = extract("Also present:\nMs P. Ahern, Research and Policy Officer, Scrutiny Office\n"
                    "Scrutiny Coordinator - Mr Owen Pask\nScrutiny Support - Ms Lena Roe\n")
    assert "Scrutiny Office" not in found
    assert {"P. Ahern", "Owen Pask", "Lena Roe"} <= set(found)


def test_surname_holder_is_the_full_name() -> None:
    found = extract("Also present:\nMr Ivo Dunmore, Improvement Adviser\n\n"
                    "Mr Dunmore, the Improvement Adviser, said that staffing was stable.")
    assert set(found) == {"Ivo Dunmore"}


def test_police_ranks_introduce_names() -> None:
    found = extract("Apologies were received from Detective Chief Inspector Ola Brandt (County Police). "
                    "Detective Superintendent Ines Varga of the Metropolitan Police was also present.")
    assert {"Ola Brandt", "Ines Varga"} <= set(found)


def test_given_names_from_many_origins() -> None:
    found = extract("The Chair thanked Ingeborg Salt and Oluwaseun Pratt for the presentation.")
    assert {"Ingeborg Salt", "Oluwaseun Pratt"} <= set(found)


def test_list_printed_in_capitals() -> None:
    found = extract("PRESENT: COUNCILLOR R J QUILLFEATHER (CHAIRMAN)\n\nCouncillors A Brook and C Dale.")
    assert "R J Quillfeather" in found
    p = found["R J Quillfeather"]
    assert p.span.quote == "R J QUILLFEATHER"


def test_initialled_name_is_the_full_name_given_later() -> None:
    found = extract("IN ATTENDANCE:- D. Farrow (Children's Services Commissioner) for minute 4 only.\n\n"
                    "The minister had appointed Mr Dennis Farrow as Commissioner in May.")
    assert "Dennis Farrow" in found
    assert "D. Farrow" not in found


def test_initials_that_do_not_fit_stay_apart() -> None:
    found = extract("IN ATTENDANCE:- K. Farrow (Head of Finance).\n\n"
                    "The minister had appointed Mr Dennis Farrow as Commissioner in May.")
    assert {"K. Farrow", "Dennis Farrow"} <= set(found)


def test_hyphenated_given_names() -> None:
    found = extract("The report was written by Rose-Mary Tennant and checked by Lucy-Ann\nHargreaves.")
    assert {"Rose-Mary Tennant", "Lucy-Ann Hargreaves"} <= set(found)


def test_list_line_before_absent_label_keeps_the_label_out_of_the_name() -> None:
    found = extract("Present: Councillor Olu Adeyemi (Chair), Councillor Dawn\nPetrie, "
                    "Councillor Mark Tully\n"
                    "Absent: Councillor Wendy Harker\n\nThe meeting began.")
    assert "Mark Tully" in found and not any("Absent" in n for n in found)


def test_name_wrapped_after_the_given_name_is_one_person() -> None:
    found = extract("Present: Councillor Keith Lomas (Chair), Councillor Yusuf\nPatel (Vice-Chair), "
                    "Councillor Ann Brady\n\nThe meeting began.")
    assert "Yusuf Patel" in found and "Yusuf" not in found


def test_surnames_inside_a_three_word_name_are_not_another_person() -> None:
    found = extract("Councillors Glenys Roberts, Aled Morgan Hughes, Gareth Lloyd Evans\n\n"
                    "The meeting began.")
    assert "Gareth Lloyd Evans" in found and "Lloyd Evans" not in found


def test_initials_run_together_and_an_honorific_run_into_the_name() -> None:
    text = (
        "Cllr.P.R.Owen and Cllr.T.Baines visited the teams, with thanks to Mrs.E.Lloyd.\n"
        "Apologies: Councillor DW Pritchard - on leave\n"
    )
    found = [p.name for p in people.extract(make_doc(text))]
    assert found == ["P.R.Owen", "T.Baines", "E.Lloyd", "DW Pritchard"]
    # capitals that are not initials stay out: an acronym before a word is not a name
    assert [p.name for p in people.extract(make_doc("The OFSTED Report was noted.\n"))] == []


def test_a_name_in_apposition_after_by_or_with() -> None:
    text = "The Director was accompanied by K Pell, Head of Fostering, and met with T. Oduya, Team Manager.\n"
    assert {p.name for p in people.extract(make_doc(text))} >= {"K Pell", "T. Oduya"}
