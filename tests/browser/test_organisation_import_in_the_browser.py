"""Kari uploads an organisation file in the browser and reads what is wrong with it."""

from pathlib import Path

import pytest

from styringshjul.org.models import Responsibility
from tests.browser.conftest import axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_a_rejected_file_lists_every_problem_and_changes_nothing(page):
    before = Responsibility.objects.count()
    log_in(page, "kari")
    page.goto("/3439/organisasjon/importer/")
    page.set_input_files("input[type=file]", str(FIXTURES / "organisasjon_med_feil.csv"))
    page.get_by_role("button", name="Importer", exact=True).click()
    page.wait_for_load_state()

    assert "avvist" in page.locator("main").inner_text()
    rows = page.locator("main table tbody tr").filter(has_text="Feil")
    assert rows.count() >= 5
    assert Responsibility.objects.count() == before
    assert axe_violations(page) == []


def test_a_good_file_is_imported_and_the_result_passes_axe(page):
    log_in(page, "kari")
    page.goto("/3439/organisasjon/importer/")
    page.set_input_files("input[type=file]", str(FIXTURES / "organisasjon_ringebu_cp1252.csv"))
    page.get_by_role("button", name="Importer", exact=True).click()
    page.wait_for_load_state()

    assert "Windows-1252" in page.locator("main").inner_text()
    assert axe_violations(page) == []
