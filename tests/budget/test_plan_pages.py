"""The plan's settings page and its consequence-adjusted budget page."""

from decimal import Decimal

import pytest
from django.utils.html import escape

from styringshjul.budget.baseline import compute_baseline
from styringshjul.budget.models import (
    AdjustmentKind,
    DemographicDriver,
    EconomicPlan,
    PlanYear,
    VersionState,
)
from styringshjul.lib.money import format_kroner

pytestmark = pytest.mark.django_db

SETTINGS = "/3439/budsjett/plan/2026/innstillinger/"
BASELINE = "/3439/budsjett/plan/2026/konsekvensjustert/"


def years_form(plan, **rates) -> dict:
    """The growth-rate formset as posted, with `rates` = {year: (wage, price)}."""
    data = {"action": "years", "years-TOTAL_FORMS": str(plan.years),
            "years-INITIAL_FORMS": str(plan.years), "years-MIN_NUM_FORMS": "0",
            "years-MAX_NUM_FORMS": "1000"}
    for index, plan_year in enumerate(plan.plan_years.order_by("year")):
        wage, price = rates.get(str(plan_year.year), ("0", "0"))
        data.update({f"years-{index}-id": str(plan_year.pk),
                     f"years-{index}-wage_growth": wage,
                     f"years-{index}-price_growth": price})
    return data


def driver_form(area, **changes) -> dict:
    return {"action": "driver", "driver-service_area": str(area.pk), "driver-year": "2027",
            "driver-driver": "Innbyggere 80 år og eldre", "driver-change_pct": "3,5",
            **changes}


def test_finance_sets_the_opening_balances(as_kari, plan_2026):
    page = as_kari.get(SETTINGS)
    assert page.status_code == 200
    response = as_kari.post(SETTINGS, {
        "action": "plan", "plan-opening_loan_debt": "812 000 000",
        "plan-opening_reserve": "64500000,50", "plan-lock_version": "0"})
    assert response.status_code == 302
    plan_2026.refresh_from_db()
    assert plan_2026.opening_loan_debt == Decimal("812000000")
    assert plan_2026.opening_reserve == Decimal("64500000.50")


def test_a_stale_save_of_the_balances_keeps_what_was_typed(as_kari, plan_2026):
    EconomicPlan.objects.filter(pk=plan_2026.pk).update(lock_version=3)
    response = as_kari.post(SETTINGS, {
        "action": "plan", "plan-opening_loan_debt": "777", "plan-opening_reserve": "1",
        "plan-lock_version": "0"})
    assert response.status_code == 200
    assert 'value="777"' in response.content.decode()
    plan_2026.refresh_from_db()
    assert plan_2026.opening_loan_debt == 0


def test_finance_enters_growth_rates_per_year(as_kari, plan_2026):
    response = as_kari.post(SETTINGS, years_form(plan_2026, **{"2026": ("4,2", "3,1"),
                                                               "2027": ("3.5", "2,5")}))
    assert response.status_code == 302
    rates = {y.year: (y.wage_growth, y.price_growth) for y in plan_2026.plan_years.all()}
    assert rates[2026] == (Decimal("4.2"), Decimal("3.1"))
    assert rates[2027] == (Decimal("3.5"), Decimal("2.5"))
    assert rates[2029] == (0, 0)


def test_a_wrong_growth_rate_is_shown_with_what_was_typed(as_kari, plan_2026):
    response = as_kari.post(SETTINGS, years_form(plan_2026, **{"2026": ("fire", "3,1")}))
    assert response.status_code == 200
    assert 'value="fire"' in response.content.decode()
    assert PlanYear.objects.get(plan=plan_2026, year=2026).price_growth == 0


def test_finance_adds_edits_and_deletes_a_demographic_driver(as_kari, plan_2026,
                                                             favang_skule):
    area = favang_skule.service_area
    assert as_kari.post(SETTINGS, driver_form(area)).status_code == 302
    driver = DemographicDriver.objects.get(plan=plan_2026)
    assert (driver.year, driver.change_pct, driver.service_area) == (2027, Decimal("3.5"), area)
    edit = SETTINGS + f"drivere/{driver.pk}/"
    assert as_kari.get(edit).status_code == 200
    response = as_kari.post(edit, {"service_area": area.pk, "year": "2028",
                                   "driver": "Barn 1–5 år", "change_pct": "-2,25"})
    assert response.status_code == 302
    driver.refresh_from_db()
    assert (driver.year, driver.change_pct) == (2028, Decimal("-2.25"))
    assert as_kari.post(edit + "slett/").status_code == 302
    assert not DemographicDriver.objects.filter(plan=plan_2026).exists()


def test_a_driver_outside_the_plan_or_municipality_is_refused(as_kari, plan_2026, gausdal):
    other_area = gausdal.service_areas.first()
    for changes in ({"driver-year": "2031"}, {"driver-service_area": str(other_area.pk)},
                    {"driver-change_pct": "mye"}):
        response = as_kari.post(SETTINGS, driver_form(other_area if "driver-service_area"
                                                      in changes else
                                                      plan_2026.municipality.service_areas
                                                      .first(), **changes))
        assert response.status_code == 200, changes
        assert "Innbyggere 80 år og eldre" in response.content.decode()
    assert not DemographicDriver.objects.filter(plan=plan_2026).exists()


def test_only_finance_and_leadership_change_the_settings(as_ola, as_per, plan_2026,
                                                         favang_skule):
    for client in (as_ola, as_per):
        assert client.get(SETTINGS).status_code == 403
        assert client.post(SETTINGS, driver_form(favang_skule.service_area)).status_code == 403
    assert not DemographicDriver.objects.exists()


def test_sofie_from_gausdal_gets_404(as_sofie, plan_2026, adopted_2025):
    assert as_sofie.get(SETTINGS).status_code == 404
    assert as_sofie.get(BASELINE).status_code == 404
    assert as_sofie.post(BASELINE).status_code == 404


def test_a_plan_that_does_not_exist_is_404(as_kari, ringebu):
    assert as_kari.get("/3439/budsjett/plan/2040/konsekvensjustert/").status_code == 404


def test_finance_computes_the_baseline_and_everyone_sees_its_rows(
        as_kari, as_per, as_ola, plan_2026, adopted_2025):
    PlanYear.objects.filter(plan=plan_2026, year=2026).update(wage_growth=Decimal("4.2"))
    assert as_per.get(BASELINE).status_code == 200
    assert as_kari.post(BASELINE).status_code == 302
    baseline = plan_2026.versions.get(state=VersionState.BASELINE)
    page = as_ola.get(BASELINE).content.decode()
    wage = baseline.adjustments.filter(kind=AdjustmentKind.WAGE_GROWTH).first()
    assert escape(wage.reason) in page and format_kroner(wage.amount) in page
    assert wage.service_area.name in page
    gap = sum(row.amount for row in baseline.adjustments.filter(year=2026))
    assert format_kroner(gap) in page
    assert "Vedtatt budsjett 2025" in page


def test_per_and_ola_may_not_compute_it(as_per, as_ola, plan_2026, adopted_2025):
    for client in (as_per, as_ola):
        assert client.post(BASELINE).status_code == 403
    assert not plan_2026.versions.exists()


def test_without_last_years_budget_the_page_says_so(as_kari, plan_2026):
    response = as_kari.post(BASELINE, follow=True)
    assert response.status_code == 200
    assert "2025" in str(list(response.context["messages"])[0])
    assert not plan_2026.versions.exists()


def test_computing_again_from_the_page_replaces_the_rows(as_kari, plan_2026, adopted_2025,
                                                        kari):
    first = compute_baseline(plan_2026, user=kari, wage_growth=Decimal("4.2"))
    PlanYear.objects.filter(plan=plan_2026, year=2026).update(wage_growth=0)
    as_kari.post(BASELINE)
    assert plan_2026.versions.get(state=VersionState.BASELINE).pk == first.pk
    assert not first.adjustments.filter(kind=AdjustmentKind.WAGE_GROWTH).exists()


def test_a_driver_is_reached_only_through_its_own_plan(as_kari, as_sofie, ringebu, plan_2026,
                                                       favang_skule):
    other_plan = EconomicPlan.objects.create(municipality=ringebu, first_year=2027)
    driver = DemographicDriver.objects.create(
        plan=other_plan, service_area=favang_skule.service_area, year=2027, driver="Elever",
        change_pct=1)
    assert as_kari.get(SETTINGS + f"drivere/{driver.pk}/").status_code == 404
    assert as_kari.post(SETTINGS + f"drivere/{driver.pk}/slett/").status_code == 404
    own = "/3439/budsjett/plan/2027/innstillinger/"
    assert as_sofie.post(own + f"drivere/{driver.pk}/slett/").status_code == 404
    assert DemographicDriver.objects.filter(pk=driver.pk).exists()
