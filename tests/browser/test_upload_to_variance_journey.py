"""The whole journey: Kari uploads the ledger, reads the result, and finds the booked
amounts on the follow-up page, drilled down to the vouchers."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.conftest import axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_an_uploaded_ledger_shows_up_on_the_follow_up_page(page, tmp_path):
    budget = tmp_path / "budsjett.csv"
    budget.write_text("Ansvar;Funksjon;Art;Beløp\n2100;202;010;500 000\n", encoding="utf-8")
    call_command("import_budget", str(budget), municipality="3439", year=2025,
                 name="Vedtatt budsjett 2025", stdout=StringIO())
    log_in(page, "kari")
    page.goto("/3439/regnskap/import/")
    page.set_input_files("input[type=file]", str(FIXTURES / "hovedbok_visma_cp1252.csv"))
    page.fill("#id_year", "2025")
    page.get_by_role("button", name="Importer", exact=True).click()
    page.wait_for_selector("text=Importerte 6 linjer", timeout=20_000)

    page.goto("/3439/oppfolging/?year=2025&period=12&by=ansvar&account_class=operating")
    row = page.locator("main table tbody tr").filter(has_text="2100")
    assert row.count() == 1
    assert "46\xa0485" in row.inner_text()  # 45 250,00 + 1 234,50 = 46 484,50, in whole kroner
    assert axe_violations(page) == []

    row.get_by_role("link").first.click()
    page.wait_for_load_state()
    assert "202" in page.locator("main").inner_text()
    assert axe_violations(page) == []
