"""Figures: values, units, what they measure, and whether they are targets or earlier values."""

from __future__ import annotations

import json

import pytest
from conftest import DEV_CORPUS, DEV_GOLD, make_doc, needs_shared

from kg.extract import figures
from kg.extract.facts import Figure
from kg.extract.numbers import MONEY, money_value, word_value


def figs(text: str) -> list[Figure]:
    doc = make_doc("Minutes:\n\n" + text + "\n")
    out = list(figures.extract(doc))
    for f in out:
        assert doc.text[f.span.start : f.span.end] == f.span.quote
    return out


def values(text: str) -> set[tuple[float, str]]:
    return {(f.value, f.unit) for f in figs(text)}


def one(text: str) -> Figure:
    got = figs(text)
    assert len(got) == 1, got
    return got[0]


def test_numbers_in_words_and_money() -> None:
    assert word_value("twenty-five") == 25
    assert word_value("one") == 1
    assert word_value("someone") is None
    m = MONEY.search("an extra £1.2m was agreed")
    assert m and money_value(m) == 1_200_000
    m = MONEY.search("the contract value of £28,500,000")
    assert m and money_value(m) == 28_500_000


@pytest.mark.parametrize(
    "text, value, unit, concern, qualifier",
    [
        ("The front door currently had 87% agency staff filling the roles.", 87, "percent",
         "agency-staff", "actual"),
        ("Some staff had a caseload of 30.", 30, "cases", "caseloads", "actual"),
        ("What was the reason for 133 children not being under the correct team?", 133,
         "children", None, "actual"),
        ("The Director confirmed that approximately 17 LAC had responded.", 17, "children",
         "placements-accommodation", "actual"),
        ("The vacancy rate was 6%.", 6, "percent", "recruitment", "actual"),
        ("An additional £750,000 had been identified from reserves.", 750000, "gbp",
         "funding-resources", "actual"),
        ("A recruitment campaign would be started in 3 months time.", 3, "months",
         "recruitment", "target"),
        ("The Council had appointed three new team managers.", 3, "staff", None, "actual"),
        ("Officers redirected the five email boxes where contacts and referrals came in.", 5,
         "count", "front-door", "actual"),
        ("At the time of the inspection there were 14 young people in HMOs.", 14, "children",
         "placements-accommodation", "previous"),
        ("The aim was to reduce agency use to 10% by March 2018.", 10, "percent", "agency-staff",
         "target"),
    ],
)
def test_figure(
    text: str, value: float, unit: str, concern: str | None, qualifier: str
) -> None:
    f = one(text)
    assert (f.value, f.unit, f.qualifier) == (value, unit, qualifier)
    if concern:
        assert f.concern == concern


def test_compared_values_share_their_unit() -> None:
    got = figs(
        "At the time of the inspection, there was 14 young people in HMOs and that had now "
        "been reduced to one."
    )
    assert [(f.value, f.unit, f.qualifier) for f in got] == [
        (14, "children", "previous"), (1, "children", "actual")
    ]
    got = figs("Average caseloads had fallen from 28 to 21 since the inspection.")
    assert [(f.value, f.unit, f.qualifier) for f in got] == [
        (28, "cases", "previous"), (21, "cases", "actual")
    ]
    got = figs("The number of agency social workers had reduced to two.")
    assert [(f.value, f.unit, f.concern) for f in got] == [(2, "staff", "agency-staff")]


def test_targets() -> None:
    got = figs(
        "The Panel was originally told caseload would be reduced to 20 and now being told the "
        "Service would reduce caseload down to 25."
    )
    assert [(f.value, f.unit, f.qualifier) for f in got] == [
        (20, "cases", "target"), (25, "cases", "target")
    ]
    got = figs("Average caseloads were now 17, against a target of 15.")
    assert [(f.value, f.qualifier) for f in got] == [(17, "actual"), (15, "target")]
    got = figs("Looking at reducing caseloads to a level of 20 for experienced staff and 17 for "
               "newly qualified.")
    assert [(f.value, f.unit, f.qualifier) for f in got] == [
        (20, "cases", "target"), (17, "cases", "target")
    ]


def test_part_of_a_whole() -> None:
    got = figs("15 of the 62 social workers in the safeguarding teams were agency workers.")
    assert {(f.value, f.unit, f.concern) for f in got} == {
        (15, "staff", "agency-staff"), (62, "staff", "agency-staff")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Ofsted inspection report PDF 53 KB",
        "The inspection took place between 7 and 16 January 2013.",
        "The first monitoring visit took place on 6 - 7 March 2019.",
        "The report was considered under item 82 and Appendix 2.",
        "Members asked whether the Children Act 1989 duties were being met.",
        "Document B was circulated; see Appendix A.",
        "The meeting began at 6.00 pm and ended at 7.45 pm.",
        "Contact Jane Smith on 01274 437077 or at City Hall, Bradford BD1 1HY.",
        "Ofsted's first monitoring visit and the second monitoring visit were discussed.",
        "(1) That the report be noted.",
        "The average caseload of 14 was one of the lowest in Wales.",
        "The budget for 2017/18 was agreed in 2017.",
        "Cabinet would consider the report in six months.",
    ],
)
def test_not_figures(text: str) -> None:
    got = figs(text)
    assert all(f.value == 14 for f in got), got


def test_durations_in_decisions_are_due_dates_not_figures() -> None:
    doc = make_doc("RESOLVED:\n\n(1) That the Director report back in six months.\n")
    assert list(figures.extract(doc)) == []


def test_one_figure_per_value_and_unit_in_an_item() -> None:
    got = figs("The caseload target was 20. Ideally caseloads of 20 would be reached by June.")
    assert [(f.value, f.unit) for f in got] == [(20, "cases")]


@needs_shared
def test_dev_documents_against_gold() -> None:
    core = hits = pred = matched = 0
    for gold_path in sorted(DEV_GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = make_doc((DEV_CORPUS / gold["document"]).read_text(encoding="utf-8"))
        got = list(figures.extract(doc))
        for f in got:
            assert doc.text[f.span.start : f.span.end] == f.span.quote
        used: set[int] = set()
        golds = sorted(gold["figures"], key=lambda g: not g.get("core", True))
        for g in golds:
            for i, f in enumerate(got):
                if i not in used and f.value == g["value"] and f.unit in g["unit"]:
                    used.add(i)
                    hits += int(g.get("core", True))
                    break
        core += sum(1 for g in golds if g.get("core", True))
        pred += len(got)
        matched += len(used)
    assert hits / core >= 0.85, f"core recall {hits}/{core}"
    assert matched / pred >= 0.85, f"precision {matched}/{pred}"


def test_money_has_no_binary_rounding_error() -> None:
    for text, value in [("£7.3m", 7_300_000), ("£0.35 million", 350_000), ("£2.9bn", 2_900_000_000)]:
        m = MONEY.search(text)
        assert m and money_value(m) == value


def test_plural_senior_titles_count_leaders() -> None:
    f = one("The service has had six Directors of Children's Services in eight years.")
    assert (f.value, f.unit, f.concern) == (6, "staff", "leadership-capacity")
    f = one("Two Heads of Service were recruited on a permanent basis last autumn.")
    assert (f.value, f.unit, f.concern) == (2, "staff", "leadership-capacity")


def test_cases_a_worker_holds_are_a_caseload() -> None:
    f = one("A few practitioners in the disability team carry up to 31 cases.")
    assert (f.value, f.unit, f.concern) == (31, "cases", "caseloads")
    assert (300, "cases") not in values("An audit looked at 300 cases across the service.")


def test_rate_base_and_age_range_are_not_counts() -> None:
    got = values("The rate of children in care is 97 per 10,000 children, above the regional rate.")
    assert (10000, "children") not in got and (97, "children") in got
    assert not any(v == 25 for v, _ in values("Support for care leavers aged 18 to 25 was improving."))


def test_staff_counts_from_verbs_after_the_number() -> None:
    got = {f.value: f for f in figs("Of 52 applicants for the posts, only 7 had been appointed.")}
    assert (got[52].unit, got[52].concern) == ("count", "recruitment")
    assert (got[7].unit, got[7].concern) == ("staff", "recruitment")
    fs = figs("Overseas social workers were being recruited from Kenya. The Director said that 12 "
              "had joined in March and a further 9 were expected by the summer.")
    by_value = {f.value: f for f in fs}
    assert by_value[12].unit == "staff" and by_value[12].concern == "recruitment"
    assert by_value[9].unit == "staff" and by_value[9].qualifier == "target"


def test_childrens_services_is_not_a_count_of_children() -> None:
    got = values("The Assistant Director, Children's Services said 14 had been seconded.")
    assert (14, "children") not in got


def test_numbers_in_compound_words_and_timescales_are_not_figures() -> None:
    got = figs(
        "Members would receive six-monthly reports. Referrals were screened within 48 hours. "
        "There were 310 children subject to a child protection plan."
    )
    assert [(f.value, f.unit) for f in got] == [(310, "children")]


def test_hundreds_in_words_and_a_word_target() -> None:
    assert word_value("two hundred and thirty-one") == 231
    assert word_value("a hundred") == 100
    got = figs("Caseloads stood at 23 per worker, against a target of sixteen.")
    assert {(f.value, f.qualifier) for f in got} == {(23, "actual"), (16, "target")}


def test_earlier_value_keeps_the_noun_not_a_following_period() -> None:
    got = figs("The number of looked after children rose to 412, from 380 two years earlier.")
    assert {(f.value, f.unit) for f in got} == {(412, "children"), (380, "children")}


def test_children_waiting_beyond_a_threshold() -> None:
    got = figs("The number of children waiting over 12 weeks had fallen from 140 in May to 65.")
    units = {f.value: f.unit for f in got}
    assert units.get(140) == "children" and units.get(65) == "children"


def test_members_of_staff_are_staff() -> None:
    got = one("A trainee scheme was helping seven members of staff to qualify as social workers.")
    assert (got.value, got.unit) == (7, "staff")


def test_an_age_limit_is_not_a_figure() -> None:
    assert not any(f.value == 21 for f in figs(
        "The Council extended its support for care leavers to those aged up to 21."))


def test_progress_on_a_plans_actions_is_counted() -> None:
    got = values("Of the 62 actions in the improvement plan, 40 had been completed and the rest "
                 "were on track.")
    assert {(62, "count"), (40, "count")} <= got
    assert all(f.concern == "improvement-governance" for f in figs(
        "Of the 62 actions in the improvement plan, 40 had been completed.") if f.unit == "count")


def test_the_recommendations_an_inspection_made_are_counted_but_not_a_lists_parts() -> None:
    # what the inspectorate asked for is a finding about the service's improvement ...
    got = figs("The Ofsted report made six recommendations about care planning.")
    got = [f for f in got if f.unit == "count"]
    assert [(f.value, f.concern) for f in got] == [(6, "improvement-governance")]
    # ... the parts of a paper's own list are not
    assert not any(f.unit == "count" for f in figs(
        "The strategy sets out six recommendations about the quality of care planning."))


def test_a_waiting_time_takes_the_concern_of_its_paragraph() -> None:
    text = ("Members asked about CAMHS capacity for looked after children. The manager said "
            "that the waiting time for the local service had fallen to 6 weeks.")
    got = [f for f in figs(text) if f.unit == "weeks"]
    assert [(f.value, f.concern) for f in got] == [(6, "mental-health")]


def test_children_per_worker_is_a_caseload() -> None:
    got = figs("Caseloads in the duty team stood at 19 children per social worker.")
    assert [(f.value, f.unit, f.concern) for f in got] == [(19, "cases", "caseloads")]


def test_caseload_range_in_words() -> None:
    assert values("Caseloads in the locality teams ranged between fifteen and twenty-one.") == {
        (15, "cases"), (21, "cases")}
    assert values("The average caseload of 12 was one of the lowest in the region.") == {(12, "cases")}


def test_word_number_parts_of_a_whole_and_of_them() -> None:
    got = values("Five of the six agency social workers had been made permanent.")
    assert (5, "staff") in got
    got = values("Two team managers were interim; three substantive appointments had been made.")
    assert (3, "staff") in got
    got = values("Thirty newly qualified social workers had joined, and eight of them had since left.")
    assert (8, "staff") in got
    assert (6, "count") in values("The inspectors made ten recommendations, six of which were now complete.")


def test_number_of_cases_fallen_from() -> None:
    got = one("The number of unallocated cases had fallen from 64 to nil.")
    assert (got.value, got.unit, got.qualifier) == (64, "count", "previous")


def test_a_count_whose_noun_is_left_out_after_a_lists_comma() -> None:
    got = values("Some 2,400 children get a service, 380 are on a child protection plan and 290 are in care.")
    assert {(2400, "children"), (380, "children"), (290, "children")} <= got
    got = values("There were 40 agency social workers, and 12 were interim managers.")
    assert (12, "staff") in got
