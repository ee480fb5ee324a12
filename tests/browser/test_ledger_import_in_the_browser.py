"""Kari uploads a general-ledger export in the browser, follows the progress, and reads the
result; the import really runs in its background thread. Every page on the way passes axe:
upload, progress (held while axe looks), column mapping and result."""

import re
from pathlib import Path

import pytest

from styringshjul.ledger import import_jobs
from styringshjul.ledger.models import Actual
from styringshjul.org.models import Municipality
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


def test_the_progress_page_passes_axe_and_turns_into_the_result(page, monkeypatch):
    held = []
    monkeypatch.setattr(import_jobs, "start", lambda municipality, job_id, user:
                        held.append((municipality, job_id, user)))
    log_in(page, "kari")
    page.goto("/3439/regnskap/import/")
    page.set_input_files("input[type=file]", str(FIXTURES / "hovedbok_visma_cp1252.csv"))
    page.fill("#id_year", "2025")
    page.get_by_role("button", name="Importer", exact=True).click()
    page.wait_for_selector("progress#import-progress-bar")

    assert page.get_by_label("Leser filen").count() == 1
    assert axe_violations(page) == []
    import_jobs.run(*held[0], "nb")  # htmx polls every second and reloads when it is done
    page.wait_for_selector("text=Importerte 6 linjer", timeout=20_000)
    assert axe_violations(page) == []


def test_the_column_mapping_page_passes_axe_and_imports_with_the_mapping(page, tmp_path):
    path = tmp_path / "egen.csv"
    path.write_text("K1;K2;K3;K4;K5;K6\n2100;202;1200;5;;7,00\n", encoding="utf-8")
    log_in(page, "kari")
    page.goto("/3439/regnskap/import/")
    page.set_input_files("input[type=file]", str(path))
    page.fill("#id_year", "2025")
    page.get_by_role("button", name="Importer", exact=True).click()
    page.wait_for_url(re.compile(r"/kolonner/$"), timeout=20_000)

    assert axe_violations(page) == []
    page.get_by_role("button", name="Lagre og importer").click()  # nothing chosen yet
    page.wait_for_selector(".ds-validation-message")
    assert axe_violations(page) == []
    page.fill("#id_name", "Debet og kredit")
    for field, column in (("responsibility", "K1"), ("function", "K2"), ("art", "K3"),
                          ("period", "K4"), ("debit", "K5"), ("credit", "K6")):
        page.select_option(f"#id_{field}", column)
    page.get_by_role("button", name="Lagre og importer").click()
    page.wait_for_selector("text=Importerte 1 linjer", timeout=20_000)
    ringebu = Municipality.objects.get(number="3439")
    assert Actual.objects.for_municipality(ringebu).get(year=2025).amount == -7
    assert axe_violations(page) == []
