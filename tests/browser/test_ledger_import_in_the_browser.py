"""Kari uploads a general-ledger export in the browser, follows the progress, and reads the
result; the import really runs in its background thread."""

from pathlib import Path

import pytest

from styringshjul.ledger.models import Actual
from tests.browser.conftest import axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def test_kari_imports_a_ledger_file_and_the_pages_pass_axe(page):
    log_in(page, "kari")
    page.goto("/3439/regnskap/import/")
    assert axe_violations(page) == []
    page.set_input_files("input[type=file]", str(FIXTURES / "hovedbok_visma_cp1252.csv"))
    page.fill("#id_year", "2025")
    page.get_by_role("button", name="Importer", exact=True).click()
    page.wait_for_selector("text=Importerte 6 linjer", timeout=20_000)

    main = page.locator("main").inner_text()
    assert "Windows-1252" in main
    assert "En summelinje; den ble hoppet over." in main
    assert Actual.objects.filter(municipality__number="3439", year=2025).count() == 6
    assert axe_violations(page) == []


def test_a_rejected_ledger_file_lists_its_issues(page, tmp_path):
    path = tmp_path / "feil.csv"
    path.write_text("Ansvar;Funksjon;Art;Periode;Beløp\n9999;202;1200;1;10,00\n",
                    encoding="utf-8")
    log_in(page, "kari")
    page.goto("/3439/regnskap/import/")
    page.set_input_files("input[type=file]", str(path))
    page.fill("#id_year", "2025")
    page.get_by_role("button", name="Importer", exact=True).click()
    page.wait_for_selector("text=Avvist", timeout=20_000)

    assert page.locator("main table tbody tr").filter(has_text="9999").count() == 1
    assert not Actual.objects.filter(municipality__number="3439").exists()
    assert axe_violations(page) == []
