"""Deviation between budget and accounts, computed for each scorecard's part of the
organisation and checked against hand-computed values.

Budget 2026 (even spread, so a third by period 4): Fåvang skule 2200 purchases 1 200 000
and SFO 2210 fees −240 000; Ringebu ungdomsskole 2300 purchases 600 000.
Actuals through period 4: 2200 4 × 105 000 = 420 000; 2210 −60 000; 2300 4 × 45 000.

Fåvang: budget to date 400 000 − 80 000 = 320 000, actual 360 000 → +40 000 = 12.5 %.
Ungdomsskole: budget 200 000, actual 180 000 → −10.0 %.
Municipality: budget 520 000, actual 540 000 → 20 000 / 520 000 = 3.846… → 3.8 %.
"""

from decimal import Decimal

import pytest

from styringshjul.org.models import OrgUnit
from styringshjul.scorecards.ledger_source import accounting_period
from styringshjul.scorecards.models import Level, Period, Result, Scorecard
from styringshjul.scorecards.queries import year_scorecards
from styringshjul.scorecards.sources import refresh
from tests.followup.conftest import add_actuals, add_budget, clear_year

pytestmark = pytest.mark.django_db
YEAR = 2026
BUDGET = [
    ("2200", "202", "1200", "", "1200000"),
    ("2210", "215", "6200", "", "-240000"),
    ("2300", "202", "1200", "", "600000"),
]
ACTUALS = [
    *[("2200", "202", "1200", "", p, "105000") for p in range(1, 5)],
    ("2210", "215", "6200", "", 2, "-60000"),
    *[("2300", "202", "1200", "", p, "45000") for p in range(1, 5)],
]


@pytest.fixture
def ledger_indicator(scorecards_2026):
    indicator = scorecards_2026.success_factors.get().indicators.get()
    indicator.source = "ledger_deviation"
    indicator.save()
    return indicator


@pytest.fixture
def ledger_2026(ringebu, gausdal):
    clear_year(ringebu, gausdal)
    add_budget(ringebu, "Vedtatt budsjett 2026", BUDGET, year=YEAR)
    add_actuals(ringebu, ACTUALS, year=YEAR)
    add_budget(gausdal, "Vedtatt budsjett 2026", [("2200", "202", "1200", "", "5000000")],
               year=YEAR)
    add_actuals(gausdal, [("2200", "202", "1200", "", 4, "999999")], year=YEAR)


def unit_scorecard(ringebu, name: str) -> Scorecard:
    unit = OrgUnit.objects.get(municipality=ringebu, name=name)
    return Scorecard.objects.get(unit=unit, year=YEAR, level=Level.UNIT)


def value_of(scorecard, indicator, period=Period.FIRST_TERTIAL):
    return Result.objects.get(scorecard=scorecard, indicator=indicator, period=period).value


def test_result_periods_run_to_the_end_of_the_tertial():
    assert [accounting_period(p) for p in ("T1", "T2", "year")] == [4, 8, 12]


def test_the_shared_indicator_is_computed_per_unit_with_the_units_own_figures(
        ringebu, scorecards_2026, ledger_indicator, ledger_2026):
    refresh(year_scorecards(ringebu, YEAR), Period.FIRST_TERTIAL)
    assert value_of(unit_scorecard(ringebu, "Fåvang skule"), ledger_indicator) == \
        Decimal("12.5")
    assert value_of(unit_scorecard(ringebu, "Ringebu ungdomsskole"), ledger_indicator) == \
        Decimal("-10.0")
    assert value_of(scorecards_2026, ledger_indicator) == Decimal("3.8")


def test_the_result_says_where_it_came_from_and_when(
        favang_scorecard, ledger_indicator, ledger_2026):
    assert refresh(favang_scorecard, Period.FIRST_TERTIAL) == 1
    result = Result.objects.get(scorecard=favang_scorecard, indicator=ledger_indicator)
    assert "Vedtatt budsjett 2026" in result.source_note
    assert " 4 2026 " in result.source_note
    assert result.computed_at is not None


def test_absolute_gives_the_distance_from_budget_either_way(
        ringebu, scorecards_2026, ledger_indicator, ledger_2026):
    ledger_indicator.source_options = {"absolute": True}
    ledger_indicator.save()
    school = unit_scorecard(ringebu, "Ringebu ungdomsskole")
    refresh(school, Period.FIRST_TERTIAL)
    assert value_of(school, ledger_indicator) == Decimal("10.0")


def test_a_period_the_accounts_do_not_reach_yet_is_left_alone(
        favang_scorecard, ledger_indicator, ledger_2026):
    assert refresh(favang_scorecard, Period.SECOND_TERTIAL) == 0
    assert refresh(favang_scorecard) == 1  # only T1 has its accounts
    assert not Result.objects.filter(period=Period.SECOND_TERTIAL).exists()


def test_the_year_counts_the_whole_budget_and_the_closing_entries(
        ringebu, favang_scorecard, ledger_indicator, ledger_2026):
    add_actuals(ringebu, [("2200", "202", "1200", "", 12, "600000"),
                          ("2200", "202", "1200", "", 13, "120000")], year=YEAR)
    refresh(favang_scorecard, Period.YEAR)
    # Budget 1 200 000 − 240 000 = 960 000; actual 360 000 + 720 000 = 1 080 000 → 12.5 %.
    assert value_of(favang_scorecard, ledger_indicator, Period.YEAR) == Decimal("12.5")


def test_without_a_budget_the_result_is_empty_and_says_why(
        ringebu, gausdal, favang_scorecard, ledger_indicator):
    clear_year(ringebu, gausdal)
    add_actuals(ringebu, ACTUALS, year=YEAR)
    assert refresh(favang_scorecard, Period.FIRST_TERTIAL) == 1
    result = Result.objects.get(scorecard=favang_scorecard, indicator=ledger_indicator)
    assert result.value is None
    assert "2026" in result.source_note


def test_a_unit_without_budget_lines_gets_no_value(
        ringebu, scorecards_2026, ledger_indicator, ledger_2026):
    nursing_home = unit_scorecard(ringebu, "Ringebu sjukeheim")
    refresh(nursing_home, Period.FIRST_TERTIAL)
    assert value_of(nursing_home, ledger_indicator) is None


def test_a_refresh_keeps_what_people_wrote(favang_scorecard, ledger_indicator, ledger_2026):
    Result.objects.create(scorecard=favang_scorecard, indicator=ledger_indicator,
                          period=Period.FIRST_TERTIAL, comment="Vikarbruk",
                          follow_up="Tett oppfølging")
    refresh(favang_scorecard, Period.FIRST_TERTIAL)
    result = Result.objects.get(scorecard=favang_scorecard, indicator=ledger_indicator)
    assert (result.value, result.comment, result.follow_up) == \
        (Decimal("12.5"), "Vikarbruk", "Tett oppfølging")
