from datetime import date

import pytest

from styringshjul.cycle.checks import check_cycle
from styringshjul.cycle.holidays import easter_sunday, holiday_name, working_day_on_or_before

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year, easter", [
    (2013, date(2013, 3, 31)), (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)),
    (2026, date(2026, 4, 5)), (2027, date(2027, 3, 28)), (2028, date(2028, 4, 16)),
    (2038, date(2038, 4, 25)),
])
def test_easter_moves_from_year_to_year(year, easter):
    assert easter_sunday(year) == easter


def test_the_moving_and_the_fixed_holidays_of_2026():
    assert holiday_name(date(2026, 4, 2)) == "Skjærtorsdag"
    assert holiday_name(date(2026, 5, 14)) == "Kristi himmelfartsdag"
    assert holiday_name(date(2026, 5, 25)) == "2. pinsedag"
    assert holiday_name(date(2026, 5, 17)) == "Grunnlovsdagen"
    assert holiday_name(date(2026, 5, 13)) is None


def test_a_deadline_on_a_holiday_moves_to_the_working_day_before():
    assert working_day_on_or_before(date(2026, 4, 6)) == date(2026, 4, 1)  # over Easter
    assert working_day_on_or_before(date(2026, 5, 1)) == date(2026, 4, 30)
    assert working_day_on_or_before(date(2026, 4, 7)) == date(2026, 4, 7)


def test_the_ringebu_template_steps_off_may_day_and_good_friday(ringebu_2026):
    closing = ringebu_2026.activities.get(title="Periode 4 stenges")
    assert closing.start == date(2026, 4, 30)  # 03.05.2013 → Friday 01.05.2026, May Day
    training = ringebu_2026.activities.get(title="Opplæring Windows budsjettmodul")
    assert training.start == date(2026, 4, 1)  # 05.04.2013 → Good Friday 03.04.2026


def test_an_activity_put_on_a_holiday_by_hand_is_a_warning(ringebu_2026):
    ringebu_2026.activities.filter(title="Periode 4 stenges").update(start=date(2026, 5, 17))
    finding = next(f for f in check_cycle(ringebu_2026) if f.code == "public_holiday")
    assert finding.severity == "WARNING" and "Grunnlovsdagen" in finding.message
