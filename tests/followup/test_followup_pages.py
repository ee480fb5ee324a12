"""The overview by the organisation tree, the drill-down to account strings, the unit page
with its chart, and the tertial summary."""

import pytest

from styringshjul.org.models import OrgUnit, ServiceArea

pytestmark = [pytest.mark.django_db]
BASE = "/3439/oppfolging/"


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_overview_starts_with_the_service_areas_and_links_down_to_units(as_per,
                                                                            ringebu_year):
    area = ServiceArea.objects.get(municipality__number="3439", name="Oppvekst")
    page = text(as_per.get(BASE + "?year=2025&period=8"))
    assert "Oppvekst" in page and "Ukjent ansvar" in page
    assert f"within=service_area%3A{area.pk}" in page
    drilled = text(as_per.get(BASE + f"?year=2025&period=8&by=unit&within=service_area:{area.pk}"))
    assert "Fåvang skule" in drilled and "Ringebu sjukeheim" not in drilled
    assert "Viser bare: Oppvekst." in drilled


def test_a_deviation_is_marked_with_text_not_only_colour(as_per, ringebu_year):
    page = text(as_per.get(BASE + "?year=2025&period=8&by=art"))
    assert "Merforbruk" in page and "Mindreforbruk" in page


def test_a_row_drills_down_to_its_account_strings(as_per, ringebu_year):
    page = text(as_per.get(BASE + "linjer/?year=2025&period=8&by=funksjon&key=202"))
    assert "0101" in page and "P100" in page and "2300" in page
    assert "3100" not in page
    assert "/oppfolging/bilag/" in page


def test_the_unknown_row_drills_down_to_the_codes_outside_the_tree(as_per, ringebu_year):
    page = text(as_per.get(BASE + "linjer/?year=2025&period=8&by=unit&key=unknown"))
    assert "9999" in page and "2200" not in page


def test_the_unit_page_shows_its_codes_chart_and_forecast_button_to_its_leader(
        as_ola, as_per, favang_skule, ringebu_year):
    url = f"{BASE}enhet/{favang_skule.pk}/?year=2025&period=8"
    page = text(as_ola.get(url))
    assert "2200" in page and "2210" in page and "3100" not in page
    assert "<svg" in page and "<polyline" in page and "style=" not in page.split("<svg")[1]
    assert "Legg inn prognose" in page
    assert "Legg inn prognose" not in text(as_per.get(url))


def test_a_unit_page_of_another_municipality_is_404(as_kari, gausdal, ringebu_year):
    unit = OrgUnit.objects.filter(municipality=gausdal).first()
    assert as_kari.get(f"{BASE}enhet/{unit.pk}/").status_code == 404


def test_the_tertial_summary_has_each_service_area_at_each_tertial(as_per, ringebu_year):
    page = text(as_per.get(BASE + "tertial/?year=2025"))
    assert "1. tertial" in page and "2. tertial" in page and "Årsslutt" in page
    assert "Helse og omsorg" in page


def test_without_a_budget_the_page_says_so(as_per, ringebu):
    page = text(as_per.get(BASE + "?year=2019"))
    assert "ikke noe vedtatt budsjett" in page


def test_the_main_menu_has_budget_follow_up(as_per, ringebu):
    assert "Budsjettoppfølging" in text(as_per.get("/3439/"))
