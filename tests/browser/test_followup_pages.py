"""The follow-up pages in a browser: they pass axe, and a row leads down to its lines."""

import pytest

from styringshjul.org.models import Municipality, OrgUnit
from tests.browser.conftest import axe_violations, log_in
from tests.followup.conftest import ACTUALS, BUDGET, add_actuals, add_budget, clear_year

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ringebu_year(demo):
    ringebu = Municipality.objects.get(number="3439")
    clear_year(ringebu)
    add_budget(ringebu, "Vedtatt budsjett 2025", BUDGET)
    add_actuals(ringebu, ACTUALS)
    return ringebu


def test_every_followup_page_passes_axe(page, ringebu_year):
    unit = OrgUnit.objects.get(municipality=ringebu_year, name="Fåvang skule")
    log_in(page, "kari")
    failures = {}
    for url in ["/3439/oppfolging/?year=2025&period=8",
                "/3439/oppfolging/?year=2025&period=8&by=art_group",
                "/3439/oppfolging/linjer/?year=2025&period=8&by=funksjon&key=202",
                f"/3439/oppfolging/enhet/{unit.pk}/?year=2025&period=8",
                f"/3439/oppfolging/enhet/{unit.pk}/prognose/?year=2025&period=8",
                "/3439/oppfolging/prognoser/?year=2025&period=8",
                "/3439/oppfolging/tertial/?year=2025",
                "/3439/budsjett/periodeprofiler/",
                "/3439/budsjett/periodeprofiler/ny/?from=1"]:
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            failures[url] = violations
    assert failures == {}


def test_kari_chooses_a_grouping_and_drills_down_to_the_account_strings(page, ringebu_year):
    log_in(page, "kari")
    page.goto("/3439/oppfolging/?year=2025&period=8")
    page.select_option("#id_by", "funksjon")
    page.click("#main button[type=submit]")
    page.wait_for_load_state()
    page.get_by_role("link", name="202", exact=True).click()
    page.wait_for_load_state()
    assert "Kontostrenger bak" in page.inner_text("h1")
    assert page.locator("table tbody tr").count() == 5


def test_ola_enters_a_forecast_and_sees_it_on_his_unit_page(page, ringebu_year):
    unit = OrgUnit.objects.get(municipality=ringebu_year, name="Fåvang skule")
    log_in(page, "ola")
    page.goto(f"/3439/oppfolging/enhet/{unit.pk}/?year=2025&period=8")
    page.get_by_role("link", name="Legg inn prognose").click()
    page.fill("#id_amount", "1 100 000")
    page.fill("#id_comment", "Færre vikarer")
    page.click("#main button[type=submit]")
    page.wait_for_load_state()
    assert "Færre vikarer" in page.inner_text("main")
    assert axe_violations(page) == []
