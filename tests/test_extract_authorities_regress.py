"""Regression tests for the authority resolver, one per bug, on minimal snippets."""

from __future__ import annotations

from pathlib import Path

import rdflib
from click.testing import CliRunner

from kg.cli.main import main
from kg.extract.authorities import extract
from tests.conftest import make_doc

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


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


def test_council_named_in_a_list_before_a_partner_body_is_not_evidence() -> None:
    # Every place before the body word belongs to the body's name, not only the nearest one.
    assert gss("Officers met the Cardiff and Vale Regional Safeguarding Board in May.") == set()
    assert gss("Referrals from Gwent, Newport and Torfaen Youth Offending Service rose.") == set()
    assert gss("Dyfed-Powys Police and the Carmarthenshire and Ceredigion Health Board.") == set()
    # a council named as a council stays evidence, even before such a body
    assert gss("Cardiff Council and the Vale Regional Safeguarding Board.") == {"W06000015"}
    # and a council's own board, one word after its name, is still the council's
    assert gss("The Kirklees Improvement Board met.") == {"E08000034"}


def test_vale_of_glamorgan_sample_is_not_read_as_cardiff(tmp_path: Path) -> None:
    # The sample names Cardiff only inside a health board's and a safeguarding board's names.
    out = tmp_path / "vale.ttl"
    sample = EXAMPLES / "vale_of_glamorgan_ciw_item.txt"
    r = CliRunner().invoke(main, ["build", str(sample), "-o", str(out)])
    assert r.exit_code == 0, r.output
    g = rdflib.Graph().parse(out, format="turtle")
    cardiff = [t for t in g if any("W06000015" in str(x) for x in t)]
    assert cardiff == []
    assert "W06000015" not in out.read_text(encoding="utf-8")
