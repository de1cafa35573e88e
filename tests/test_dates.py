from __future__ import annotations

import pytest

from kg.extract.dates import all_dates, find_dates, infer_year, iso, parse_date

REF = "2019-04-15"


Resolved = list[tuple[str | None, str | None, bool]]


def resolved(text: str, ref: str | None = REF, years: bool = False) -> Resolved:
    return [d.resolve(ref) for d in find_dates(text, years=years)]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("between 7 and 16 January 2013", "2013-01-07", "2013-01-16"),
        ("on 12 and 13 September 2017", "2017-09-12", "2017-09-13"),
        ("6 - 7 March 2019", "2019-03-06", "2019-03-07"),
        ("6th to 7th March 2019", "2019-03-06", "2019-03-07"),
        ("from 25 February to 1 March 2019", "2019-02-25", "2019-03-01"),
        ("between 30 September and 11 October 2019", "2019-09-30", "2019-10-11"),
        ("28 December to 3 January 2019", "2018-12-28", "2019-01-03"),
        ("weeks commencing 30 January 2017 and 13 February 2017", "2017-01-30", "2017-02"),
        ("during the week beginning 4 March 2019", "2019-03-04", None),
        ("October 2016", "2016-10", None),
        ("in January/February 2017", "2017-01", "2017-02"),
        ("September and October 2016", "2016-09", "2016-10"),
        ("December 2016 to January 2017", "2016-12", "2017-01"),
        ("inspection September 2018", "2018-09", None),
        ("(September 2018)", "2018-09", None),
        ("issued on the 4 December 2018", "2018-12-04", None),
        ("Tuesday, 14th March 2017", "2017-03-14", None),
        ("on 21/05/2019", "2019-05-21", None),
        ("24 and 25\nOctober 2017", "2017-10-24", "2017-10-25"),
    ],
)
def test_date_forms(text: str, start: str, end: str | None) -> None:
    assert resolved(text) == [(start, end, False)]


def test_year_inferred_from_reference_date() -> None:
    assert resolved("on the 6 - 7 March, where") == [("2019-03-06", "2019-03-07", True)]
    # a day later in the year than the reference date fell in the year before
    assert resolved("on 2 and 3 May") == [("2018-05-02", "2018-05-03", True)]
    assert resolved("on 2 and 3 May", ref=None) == [(None, None, False)]
    assert find_dates("on 6 - 7 March")[0].year_missing


def test_infer_year() -> None:
    assert infer_year(3, 6, "2019-04-15") == 2019
    assert infer_year(12, 1, "2019-04-15") == 2018
    assert infer_year(4, 15, "2019-04-15") == 2019
    assert infer_year(6, None, "2019") == 2019
    assert infer_year(6, None, None) is None


def test_bare_years_only_when_asked_and_not_statutes_or_financial_years() -> None:
    assert resolved("in 2014", years=True) == [("2014", None, False)]
    assert resolved("in 2014") == []
    assert resolved("the Social Services and Well-being (Wales) Act 2014", years=True) == []
    assert resolved("the budget for 2016/17 and 2017-18", years=True) == []


def test_may_the_verb_is_not_a_month() -> None:
    assert find_dates("there were 30 may be more") == []
    assert resolved("on 30 May 2019") == [("2019-05-30", None, False)]


def test_overlapping_forms_prefer_the_longest() -> None:
    found = find_dates("between 7 and 16 January 2013. Published on 15 February 2013.")
    assert [d.resolve() for d in found] == [("2013-01-07", "2013-01-16", False), ("2013-02-15", None, False)]


def test_existing_helpers_unchanged() -> None:
    assert iso(2013, 1, 7) == "2013-01-07"
    assert parse_date("The meeting on Tuesday, 14th March 2017") == "2017-03-14"
    assert parse_date("March 2019") == "2019-03"
    assert [d for _, _, d in all_dates("7 January 2013 and 16 January 2013")] == ["2013-01-07", "2013-01-16"]


def test_resolve_after_an_anchor() -> None:
    from kg.extract.dates import find_dates

    [d] = find_dates("on 12 and 13 April")
    assert d.resolve(None, "2016-01") == ("2016-04-12", "2016-04-13", True)
    assert d.resolve(None, "2016-06-01")[0] == "2017-04-12"
    assert d.resolve("2016-06-01", "2015-01")[0] == "2016-04-12"  # a meeting date wins
