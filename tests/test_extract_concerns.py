"""Concern mentions: cue phrases per concept, in passages that discuss them."""

from __future__ import annotations

import json

import pytest
from conftest import DEV_CORPUS, DEV_GOLD, make_doc, needs_shared

from kg.extract import concerns
from kg.extract.concern_cues import CUES, cues, mask
from kg.graph.vocab import notations


def found(text: str) -> set[str]:
    doc = make_doc(text)
    facts = list(concerns.extract(doc))
    for f in facts:
        assert doc.text[f.span.start : f.span.end] == f.span.quote
    return {f.concern for f in facts}


def test_every_concept_has_cues() -> None:
    assert set(CUES) == notations("concern")


@pytest.mark.parametrize(
    "sentence, concept",
    [
        ("The service still relied on locum social workers.", "agency-staff"),
        ("Some agency staff were being converted to permanent employees.", "agency-staff"),
        ("An overseas recruitment campaign would start in May.", "recruitment"),
        ("Exit interviews showed that staff were leaving for better pay.", "retention"),
        ("Work was ongoing to stabilise the workforce.", "retention"),
        ("Some workers held case loads of over 30.", "caseloads"),
        ("The council was reviewing pay scales and the market supplement.", "pay-conditions"),
        ("Newly qualified social workers had a protected first year.", "training-development"),
        ("Management oversight on case files was not consistently evident.", "supervision-oversight"),
        ("Senior leaders understood the weaknesses.", "leadership-capacity"),
        ("Too many assessments lacked analysis of risk.", "practice-quality"),
        ("Monthly case audits were moderated by the principal social worker.", "quality-assurance"),
        ("Not all children knew about the Children in Care Council or how to complain.",
         "voice-of-child"),
        ("Changes had been made to the MASH and the contact centre.", "front-door"),
        ("The threshold document and consent policy had been revised.", "thresholds-consent"),
        ("The early help offer would be strengthened.", "early-help"),
        ("Information sharing with the police and health partners had improved.", "multi-agency"),
        ("Waiting times for CAMHS remained long.", "mental-health"),
        ("Care leavers were living in houses in multiple occupation.", "placements-accommodation"),
        ("Pathway plans for care leavers were not good enough.", "care-leavers"),
        ("Members discussed their corporate parenting responsibilities.", "corporate-parenting"),
        ("There were delays in care proceedings at court.", "court-proceedings"),
        ("Performance management information was weak.", "data-systems"),
        ("An additional £750,000 was found from reserves.", "funding-resources"),
        ("The Improvement Board noted that the pace of change must increase.",
         "improvement-governance"),
        ("Members asked about children who go missing and child sexual exploitation.",
         "exploitation-missing"),
        # said the other way round or in passing, as real minutes say them
        ("More care leavers should be able to have a voice in shaping services.", "voice-of-child"),
        ("Most children took part in their reviews in some way.", "voice-of-child"),
        ("The aim was to prevent more children entering care.", "early-help"),
        ("Progress had slowed owing to the financial restraints on the council.", "funding-resources"),
        ("The workforce had been stable for a year.", "retention"),
        ("Three areas were named: management overview and recording.", "supervision-oversight"),
        ("Team managers handled the day to day management of social workers.", "supervision-oversight"),
        ("A cultural change had been prompted in the north team.", "morale-culture"),
    ],
)
def test_cue_per_concept(sentence: str, concept: str) -> None:
    assert concept in found("Minutes:\n\n" + sentence + "\n")


def test_passing_words_are_not_concerns() -> None:
    # header, committee names, headings, attendance lists and procedural items are not discussion
    text = (
        "Corporate Parenting Panel\n\n"
        "Tuesday, 14 March 2017 6.00 pm\n\n"
        "Present: Councillor A Smith (Cabinet Member for Early Help and Prevention)\n\n"
        "1. Declarations of Interest\n\n"
        "Councillor Jones declared an interest as a foster carer.\n\n"
        "2. Fostering Service Annual Report\n\n"
        "The Head of Early Help and Prevention presented the report.\n"
    )
    assert found(text) == set()


def test_post_titles_and_framework_names_are_masked() -> None:
    s = "The Cabinet Member Social Services and Early Help agreed to the changes."
    assert "Early Help" not in mask(s)
    sif = (
        "the inspection of services for children in need of help and protection, children "
        "looked after and care leavers"
    )
    assert not cues(sif)
    assert "multi-agency" not in {c for c, _, _ in cues("the Multi Agency Safeguarding Hub")}
    assert {c for c, _, _ in cues("some contacts from the Metropolitan Police")} >= {
        "front-door", "multi-agency"
    }


def test_child_protection_plan_is_not_improvement_planning() -> None:
    got = found("Minutes:\n\nThe number of children subject to a child protection plan fell.\n")
    assert "improvement-governance" not in got
    assert "practice-quality" in got


def test_leaving_care_is_not_staff_leaving() -> None:
    got = found("Minutes:\n\nYoung people leaving care were not aware of their entitlements.\n")
    assert got == {"care-leavers"}


def test_bullets_in_any_glyph_are_passages() -> None:
    text = (
        "Minutes:\n\n"
        "Members raised the following:\n\n"
        "\u00a7  caseloads in the assessment teams remained too high;\n\n"
        "o   the recruitment campaign had attracted 27 applications;\n\n"
        "a) the voice of the child was not recorded.\n"
    )
    doc = make_doc(text)
    facts = list(concerns.extract(doc))
    by = {f.concern: f.span.quote for f in facts}
    assert by["caseloads"].startswith("caseloads in the assessment")  # marker left out
    assert by["recruitment"].startswith("the recruitment campaign")
    assert by["voice-of-child"].startswith("the voice of the child")


def test_one_mention_per_concept_and_passage() -> None:
    doc = make_doc("Minutes:\n\nAgency staff and agency workers, and more agency staff.\n")
    assert [f.concern for f in concerns.extract(doc)] == ["agency-staff"]


@needs_shared
def test_dev_documents_against_gold() -> None:
    core = ok = pred = hits = matched = 0
    for gold_path in sorted(DEV_GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (DEV_CORPUS / gold["document"]).read_text(encoding="utf-8")
        doc = make_doc(text, gold["document"])
        facts = list(concerns.extract(doc))
        for f in facts:
            assert doc.text[f.span.start : f.span.end] == f.span.quote
        got = {f.concern for f in facts}
        want = set(gold["concerns"]["core"])
        allowed = want | set(gold["concerns"]["acceptable"])
        core += len(want)
        hits += len(want & got)
        pred += len(got)
        matched += len(got & allowed)
        ok += 1
    assert ok == 3
    assert hits / core >= 0.9, f"core recall {hits}/{core}"
    assert matched / pred >= 0.9, f"precision {matched}/{pred}"


def test_senior_appointments_and_joint_work() -> None:
    assert "leadership-capacity" in found(
        "5. Workforce\n\nMembers heard that two Heads of Service had been appointed this year.\n")
    assert "multi-agency" in found(
        "5. Exploitation\n\nThe service described its joint work with the neighbouring borough on "
        "exploitation.\n")


@pytest.mark.parametrize(
    "sentence, concept",
    [
        ("The Cabinet Member thanked officers for their hard work on the report.", "morale-culture"),
        ("Five of the six vacant posts had been filled since the spring.", "leadership-capacity"),
        ("The programme was run with the Northshire and Eastvale Mental Health NHS Foundation Trust.",
         "mental-health"),
        ("The action was given to the Head of Service (Permanence and Care Leavers) for a reply.",
         "care-leavers"),
        ("The sergeant said the unit was a police resource run by the force.", "funding-resources"),
        ("A £1,500 retention payment would be paid after two years.", "funding-resources"),
        ("Members asked about the timeliness of return home interviews.", "practice-quality"),
    ],
)
def test_passing_mentions_are_not_concerns(sentence: str, concept: str) -> None:
    assert concept not in found("Item 5\n\n" + sentence)


def test_management_grip_is_oversight() -> None:
    assert "supervision-oversight" in found("Item 5\n\nThe themes were management grip and oversight, and "
                                            "a stable workforce.")


def test_procedure_and_the_councils_own_self_assessment_raise_no_concern() -> None:
    text = (
        "Minutes:\n\nWith the consent of the Chair, the Head of Service spoke to the item. The findings "
        "matched the council's own self-assessment of its services.\n"
    )
    found = {c.concern for c in concerns.extract(make_doc(text))}
    assert "thresholds-consent" not in found and "practice-quality" not in found
    # consent and assessments in social work still count
    text = "Minutes:\n\nMembers asked how parental consent was recorded and why assessments were late.\n"
    found = {c.concern for c in concerns.extract(make_doc(text))}
    assert {"thresholds-consent", "practice-quality"} <= found
