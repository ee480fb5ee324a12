from decimal import Decimal

import pytest
from django.db.models import Sum

from styringshjul.budget.lines import LineDraft, set_base_amount
from styringshjul.budget.models import ChangeSource, LineChange, VersionState
from styringshjul.budget.versions import derive_version


def _total(version, year):
    return version.lines.filter(year=year).aggregate(total=Sum("amount"))["total"]


@pytest.mark.django_db
def test_a_derived_version_starts_as_an_exact_copy(proposal_2026, adopted_2025, kari):
    recommendation = derive_version(proposal_2026, VersionState.RECOMMENDATION, user=kari)
    assert recommendation.based_on == proposal_2026
    assert recommendation.lines.count() == proposal_2026.lines.count()
    for year in range(2026, 2030):
        assert _total(recommendation, year) == _total(adopted_2025, 2025)
    assert recommendation.name == "Formannskapets innstilling 2026–2029" or recommendation.name


@pytest.mark.django_db
def test_changing_an_amount_is_recorded_with_who(proposal_2026, kari):
    line = proposal_2026.lines.filter(year=2026, kostra_art="010").first()
    draft = LineDraft(year=2026, responsibility=line.responsibility, function=line.function,
                      art=line.art, project=line.project, amount=line.amount + Decimal("1000"))
    change = set_base_amount(proposal_2026, draft, user=kari, source=ChangeSource.FORM)
    assert change.old_amount == line.amount and change.changed_by == kari
    assert set_base_amount(proposal_2026, draft, user=kari, source=ChangeSource.FORM) is None
    assert LineChange.objects.filter(version=proposal_2026).count() == 1
