"""Budget against actuals through period 8 on a small hand-computed year (see conftest).

Budget to date at period 8: an even line has 8/12 of its annual amount; a wage line
(art series 0) has (7 + 2.224) / 13.224 = 9.224 / 13.224 of it, June carrying holiday pay.
"""

from decimal import Decimal

import pytest

from styringshjul.followup.queries import variance

pytestmark = pytest.mark.django_db
WAGES_TO_P8 = Decimal("9.224") / Decimal("13.224")


def d(text: str) -> Decimal:
    return Decimal(text)


def by_key(report) -> dict:
    return {row.key: row for row in report.rows}


def test_wage_lines_are_spread_with_holiday_pay_and_others_evenly(ringebu, ringebu_year):
    rows = by_key(variance(ringebu, 2025, 8, "ansvar"))
    expected_2200 = (1_200_000 * WAGES_TO_P8 + 80_000).quantize(d("0.01"))
    assert rows["2200"].budget_ytd == expected_2200 == d("917023.59")
    assert rows["2200"].annual_budget == d("1320000.00")
    assert rows["2200"].actual_ytd == d("855000.00")
    assert rows["2200"].variance == d("62023.59")
    assert rows["2200"].variance_pct == d("6.8")


def test_income_is_negative_and_on_budget_gives_zero_variance(ringebu, ringebu_year):
    row = by_key(variance(ringebu, 2025, 8, "ansvar"))["2210"]
    assert (row.annual_budget, row.budget_ytd, row.actual_ytd) == (
        d("-240000.00"), d("-160000.00"), d("-160000.00"))
    assert row.variance == 0 and row.status == ""


def test_an_unknown_responsibility_code_is_its_own_row_never_dropped(ringebu, ringebu_year):
    row = by_key(variance(ringebu, 2025, 8, "ansvar"))["9999"]
    assert row.actual_ytd == d("7000.00")
    assert row.budget_ytd == 0 and row.variance_pct is None
    units = by_key(variance(ringebu, 2025, 8, "unit"))
    assert units["unknown"].actual_ytd == d("7000.00")


def test_every_grouping_adds_up_to_the_same_total(ringebu, ringebu_year):
    totals = {
        grouping: variance(ringebu, 2025, 8, grouping).total
        for grouping in ("ansvar", "funksjon", "art", "art_group", "objekt", "service_area",
                         "unit")
    }
    for total in totals.values():
        assert (total.annual_budget, total.budget_ytd, total.actual_ytd) == (
            d("3960000.00"), d("2769582.58"), d("2632000.00"))


def test_by_function_art_and_art_group(ringebu, ringebu_year):
    functions = by_key(variance(ringebu, 2025, 8, "funksjon"))
    assert functions["202"].actual_ytd == d("1222000.00")
    assert functions["253"].budget_ytd == d("1594047.19")
    arts = by_key(variance(ringebu, 2025, 8, "art"))
    assert arts["710"].variance == d("-50000.00") and arts["710"].status == "over"
    groups = by_key(variance(ringebu, 2025, 8, "art_group"))
    assert set(groups) == {"010-099", "100-399", "600-699", "700-799"}
    assert groups["010-099"].actual_ytd == d("2760000.00")


def test_by_project_and_service_area(ringebu, ringebu_year):
    projects = by_key(variance(ringebu, 2025, 8, "objekt"))
    assert projects["P100"].actual_ytd == d("5000.00")
    areas = {row.name: row for row in variance(ringebu, 2025, 8, "service_area").rows}
    assert areas["Oppvekst"].actual_ytd == d("1055000.00")
    assert areas["Helse og omsorg"].budget_ytd == d("1594047.19")


def test_period_13_counts_only_into_the_year_end(ringebu, ringebu_year):
    at_11 = by_key(variance(ringebu, 2025, 11, "ansvar"))["3100"]
    at_12 = by_key(variance(ringebu, 2025, 12, "ansvar"))["3100"]
    assert at_11.actual_ytd == d("1570000.00")
    assert at_12.actual_ytd == d("1580000.00")
    assert at_12.budget_ytd == at_12.annual_budget


def test_capital_accounts_are_kept_apart(ringebu, ringebu_year):
    operating = variance(ringebu, 2025, 8, "ansvar")
    capital = variance(ringebu, 2025, 8, "ansvar", account_class="capital")
    assert operating.total.actual_ytd == d("2632000.00")
    assert capital.total.actual_ytd == d("1000000.00")


def test_forecasts_show_per_unit_and_on_the_only_code_of_a_unit(ringebu, ringebu_year):
    units = {row.name: row for row in variance(ringebu, 2025, 8, "unit").rows}
    assert units["Ringebu ungdomsskole"].forecast == d("580000.00")
    assert units["Fåvang skule"].forecast is None
    codes = by_key(variance(ringebu, 2025, 8, "ansvar"))
    assert codes["2300"].forecast == d("580000.00")
    assert variance(ringebu, 2025, 8, "funksjon").total.forecast is None


def test_no_budget_means_no_report(ringebu, ringebu_year):
    assert variance(ringebu, 2019, 8, "ansvar") is None
