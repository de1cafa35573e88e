"""Regression tests for the authority resolver, one per bug, on minimal snippets."""

from __future__ import annotations

from kg.extract.authorities import extract
from tests.conftest import make_doc


def gss(text: str) -> set[str]:
    return {m.gss for m in extract(make_doc(text))}


def test_hyphenated_surname_is_not_a_county() -> None:
    assert gss("Present: Councillor Precious Adebayo-Kent and Councillor Roche.") == set()


def test_uppercase_header_before_an_uppercase_committee_name() -> None:
    text = "CAERPHILLY COUNTY BOROUGH COUNCIL\n\nHEALTH, SOCIAL CARE AND WELLBEING SCRUTINY COMMITTEE\n"
    assert gss(text) == {"W06000018"}


def test_place_inside_a_health_board_name_is_not_the_council() -> None:
    assert gss("The Abertawe Bro Morgannwg University Health Board attended.") == set()


def test_police_force_is_not_the_county() -> None:
    assert gss("Work with Cambridgeshire Constabulary continued.") == set()


def test_council_improvement_board_names_the_council() -> None:
    assert gss("The Kirklees Improvement Board met monthly.") == {"E08000034"}


def test_authority_by_date_bournemouth_before_and_after_2019() -> None:
    assert gss("Bournemouth Borough Council met on 4 March 2015.") == {"E06000028"}
    assert gss("Children in Bournemouth were discussed on 4 March 2021.") == {"E06000058"}


def test_acronym_and_page_title() -> None:
    assert gss("The front door at BCP had 87% agency staff.") == {"E06000058"}


def test_district_town_is_weak_evidence_for_its_county() -> None:
    assert gss("The Cabinet met at County Hall, Worcester.") == {"E10000034"}
    # a named council wins over a town
    assert gss("Herefordshire Council met at County Hall, Worcester.") == {"E06000019"}
    # towns of two counties decide nothing
    assert gss("Meetings were held in Worcester and in Lewes.") == set()


def test_places_listed_in_a_health_body_name_are_not_councils() -> None:
    text = (
        "Barnet, Enfield and Haringey Mental Health NHS Trust and the Bristol, North Somerset and\n"
        "South Gloucestershire Clinical Commissioning Group attended."
    )
    assert gss(text) == set()


def test_possessive_names_the_council() -> None:
    assert gss("Ofsted visited Bristol's children's services in October.") == {"E06000023"}
