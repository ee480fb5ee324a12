from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from styringshjul.budget.models import PeriodProfile
from styringshjul.budget.period_profiles import (
    EVEN_WEIGHTS,
    HOLIDAY_PAY_WEIGHTS,
    clean_weights,
    cumulative_share,
    effective_profiles,
    profile_for,
    spread,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_stored_profiles(demo):
    PeriodProfile.objects.all().delete()


def test_an_even_profile_spreads_the_year_in_twelve_equal_parts():
    assert spread(Decimal("1200000"), EVEN_WEIGHTS) == [Decimal("100000.00")] * 12
    assert sum(spread(Decimal("100"), EVEN_WEIGHTS)) == Decimal("100.00")


def test_wages_put_the_holiday_pay_in_june():
    months = spread(Decimal("1322400"), HOLIDAY_PAY_WEIGHTS)
    assert months[5] == Decimal("222400.00")
    assert set(months[:5] + months[6:]) == {Decimal("100000.00")}
    assert cumulative_share(HOLIDAY_PAY_WEIGHTS, 12) == 1


def test_the_most_specific_profile_wins(ringebu):
    PeriodProfile.objects.create(municipality=ringebu, name="Sjukeheim lønn",
                                 weights=[1] * 12, art_prefix="01",
                                 responsibility_prefix="31")
    PeriodProfile.objects.create(municipality=ringebu, name="Skole", weights=[1] * 12,
                                 responsibility_prefix="2")
    profiles = effective_profiles(ringebu)
    assert profile_for(profiles, "0101", "3100").name == "Sjukeheim lønn"
    assert profile_for(profiles, "0101", "3200").name == "Lønn med feriepenger i juni"
    assert profile_for(profiles, "1200", "2200").name == "Skole"
    assert profile_for(profiles, "0101", "2200").name == "Lønn med feriepenger i juni"
    assert profile_for(profiles, "1200", "4100").name == "Jevn fordeling"


def test_a_stored_profile_with_the_same_prefixes_replaces_the_built_in_one(ringebu):
    PeriodProfile.objects.create(municipality=ringebu, name="Vår lønn", weights=[2] * 12,
                                 art_prefix="0")
    names = [p.name for p in effective_profiles(ringebu)]
    assert "Vår lønn" in names and "Lønn med feriepenger i juni" not in names


@pytest.mark.parametrize("values", [[1] * 11, [1] * 11 + [-1], [0] * 12, ["x"] * 12])
def test_weights_must_be_twelve_non_negative_numbers_with_a_positive_sum(values):
    with pytest.raises(ValidationError):
        clean_weights(values)


def test_weights_accept_a_decimal_comma():
    assert clean_weights(["1,5"] * 12)[0] == Decimal("1.5")
