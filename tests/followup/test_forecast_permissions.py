from decimal import Decimal

import pytest

from styringshjul.followup.models import Forecast
from styringshjul.org.models import OrgUnit

pytestmark = [pytest.mark.django_db]
FORM = {"amount": "1 300 000", "as_of_period": "8", "comment": "Vikarutgifter i høst"}


def url(unit) -> str:
    return f"/3439/oppfolging/enhet/{unit.pk}/prognose/?year=2025&period=8"


def test_ola_enters_and_updates_the_forecast_of_his_own_unit(as_ola, favang_skule,
                                                             ringebu_year):
    assert as_ola.post(url(favang_skule), FORM).status_code == 302
    as_ola.post(url(favang_skule), {**FORM, "amount": "1 250 000,50"})
    forecast = Forecast.objects.get(unit=favang_skule, year=2025)
    assert forecast.amount == Decimal("1250000.50")
    assert forecast.comment == "Vikarutgifter i høst"
    assert forecast.history.count() == 2


def test_ola_may_not_forecast_another_unit(as_ola, ringebu, ringebu_year):
    other = OrgUnit.objects.get(municipality=ringebu, name="Ringebu skole")
    assert as_ola.post(url(other), FORM).status_code == 403
    assert not Forecast.objects.filter(unit=other).exists()


def test_per_the_councillor_may_not_forecast(as_per, favang_skule, ringebu_year):
    assert as_per.get(url(favang_skule)).status_code == 403
    assert as_per.post(url(favang_skule), FORM).status_code == 403


def test_sofie_of_gausdal_gets_404(as_sofie, favang_skule, ringebu_year):
    assert as_sofie.post(url(favang_skule), FORM).status_code == 404


def test_a_forecast_that_is_not_an_amount_is_refused(as_ola, favang_skule, ringebu_year):
    response = as_ola.post(url(favang_skule), {**FORM, "amount": "mye"})
    assert response.status_code == 200
    assert not Forecast.objects.filter(unit=favang_skule).exists()


def test_finance_sees_the_total_forecast_against_budget(as_kari, ringebu_year):
    page = as_kari.get("/3439/oppfolging/prognoser/?year=2025&period=8").content.decode()
    assert "Ringebu ungdomsskole" in page
    assert "580\xa0000" in page and "Litt lavere" in page
