from decimal import Decimal

import pytest

from styringshjul.budget.models import PeriodProfile
from styringshjul.followup.queries import variance

pytestmark = pytest.mark.django_db


def test_the_database_spreads_each_line_by_its_most_specific_profile(ringebu, ringebu_year):
    PeriodProfile.objects.create(municipality=ringebu, name="Sjukeheim lønn i januar",
                                 weights=[1] + [0] * 11, art_prefix="0",
                                 responsibility_prefix="31")
    PeriodProfile.objects.create(municipality=ringebu, name="Alt fra 3", weights=[0] * 11 + [1],
                                 responsibility_prefix="3")
    rows = {row.key: row for row in variance(ringebu, 2025, 1, "art").rows}
    # 3100 wages all in January; 2200 and 2300 wages by holiday pay: 1 / 13.224 of 1 800 000.
    wages = Decimal(2_400_000) + Decimal(1_800_000) / Decimal("13.224")
    assert rows["010"].budget_ytd == wages.quantize(Decimal("0.01"))
    # the refund on 3100 (art 710) falls to the responsibility-only profile: nothing before 12.
    assert rows["710"].budget_ytd == 0
    assert rows["120"].budget_ytd == Decimal("10000.00")
