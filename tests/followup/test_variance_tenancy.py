from decimal import Decimal

import pytest

from styringshjul.followup.queries import variance

pytestmark = [pytest.mark.django_db]


def test_gausdals_actuals_never_appear_in_ringebus_report(ringebu, gausdal, ringebu_year):
    for grouping in ("ansvar", "unit", "funksjon"):
        report = variance(ringebu, 2025, 8, grouping)
        assert report.total.actual_ytd == Decimal("2632000.00")
    gausdal_report = variance(gausdal, 2025, 8, "ansvar")
    assert gausdal_report.total.actual_ytd == Decimal("999999.00")


def test_sofie_of_gausdal_gets_404_on_every_ringebu_followup_page(as_sofie, ringebu_year,
                                                                    favang_skule):
    for url in ("/3439/oppfolging/", "/3439/oppfolging/tertial/", "/3439/oppfolging/prognoser/",
                f"/3439/oppfolging/enhet/{favang_skule.pk}/",
                "/3439/oppfolging/linjer/?by=ansvar&key=2200",
                "/3439/budsjett/periodeprofiler/"):
        assert as_sofie.get(url).status_code == 404, url


def test_gausdals_figures_are_not_on_ringebus_page(as_kari, ringebu_year):
    page = as_kari.get("/3439/oppfolging/?year=2025&period=8&by=ansvar").content.decode()
    assert "999" not in page.replace("9999", "")
