from decimal import Decimal

import pytest

from styringshjul.scorecards.models import Period, Result
from styringshjul.scorecards.queries import sheet
from styringshjul.scorecards.status import Status

pytestmark = pytest.mark.django_db


def test_a_unit_sees_the_shared_factor_with_its_own_results(favang_scorecard, scorecards_2026):
    rows = sheet(favang_scorecard).indicator_rows()
    assert [row.indicator.name for row in rows] == ["Samsvar mellom budsjett og regnskap"]
    Result.objects.create(scorecard=favang_scorecard, indicator=rows[0].indicator,
                          period=Period.FIRST_TERTIAL, value=Decimal("3.1"))
    row = sheet(favang_scorecard).indicator_rows()[0]
    assert row.statuses[Period.FIRST_TERTIAL] == Status.YELLOW
    assert sheet(scorecards_2026).indicator_rows()[0].results[Period.FIRST_TERTIAL] is None
