from datetime import date

import pytest

from styringshjul.cycle.dates import nearest, shift_to_year


@pytest.mark.parametrize("day", [
    date(2013, 1, 1), date(2013, 1, 31), date(2013, 2, 28), date(2013, 3, 31),
    date(2013, 4, 30), date(2013, 6, 30), date(2013, 11, 30), date(2013, 12, 31),
    date(2024, 2, 29), date(2028, 2, 29), date(2023, 3, 1),
])
@pytest.mark.parametrize("year", [2024, 2025, 2026, 2028, 2031])
def test_a_shifted_date_keeps_its_weekday_and_stays_within_three_days(day, year):
    shifted = shift_to_year(day, year)
    assert shifted.weekday() == day.weekday()
    nominal = date(year, day.month, min(day.day, 28 if day.month == 2 else day.day))
    assert abs((shifted - nominal).days) <= 3 or shifted.year == year


@pytest.mark.parametrize("day", [date(2013, 1, 1), date(2013, 12, 31), date(2024, 12, 30)])
def test_a_date_at_the_turn_of_the_year_stays_in_the_target_year(day):
    for year in range(2020, 2035):
        assert shift_to_year(day, year).year == year


def test_the_ringebu_budget_meeting_moves_to_the_tuesday_nearest_26_november():
    assert shift_to_year(date(2013, 11, 26), 2026) == date(2026, 11, 24)


def test_29_february_lands_on_the_same_weekday_near_28_february_in_a_common_year():
    assert shift_to_year(date(2024, 2, 29), 2026) == date(2026, 2, 26)  # Thursday


def test_a_shift_into_a_leap_year_counts_29_february():
    # Thursday 2 March 2023 → Thursday 2 March 2028, 371 days later because of 29.02.2028.
    assert shift_to_year(date(2023, 3, 2), 2028) == date(2028, 3, 2)
    assert shift_to_year(date(2025, 3, 3), 2028) == date(2028, 3, 6)  # Monday


def test_a_date_in_the_year_before_the_template_year_stays_a_year_before():
    assert shift_to_year(date(2012, 12, 20), 2026, source_year=2013).year == 2025


def test_nearest_picks_the_closest_candidate_within_reach():
    days = [date(2026, 11, 5), date(2026, 11, 26)]
    assert nearest(date(2026, 11, 20), days) == date(2026, 11, 26)
    assert nearest(date(2026, 6, 1), days) is None
