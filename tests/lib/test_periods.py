from datetime import date

import pytest

from styringshjul.lib.periods import last_period_of, tertial_of


@pytest.mark.parametrize(("day", "tertial"), [
    (date(2026, 1, 1), 1), (date(2026, 4, 30), 1), (date(2026, 5, 1), 2),
    (date(2026, 8, 31), 2), (date(2026, 9, 1), 3), (date(2026, 12, 31), 3),
])
def test_a_day_falls_in_its_tertial(day, tertial):
    assert tertial_of(day) == tertial


def test_tertial_reports_run_to_periods_four_eight_and_twelve():
    assert [last_period_of(t) for t in (1, 2, 3)] == [4, 8, 12]
    with pytest.raises(ValueError):
        last_period_of(4)
