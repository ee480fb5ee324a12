"""Searching the KOSTRA lists updates the table as one types, without reloading the page."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_typing_in_the_search_field_narrows_the_table(page):
    page.goto("/kostra/funksjoner/")
    page.evaluate("() => { window.stayedOnPage = true; }")
    page.fill("#id_q", "barnehage")
    page.wait_for_url("**/kostra/funksjoner/?q=barnehage*")
    page.wait_for_function("() => document.querySelectorAll('#kostra-codes tbody tr').length < 10")
    assert page.evaluate("() => window.stayedOnPage") is True
    assert "Barnehage" in page.locator("#kostra-codes").inner_text()
    assert page.locator("#kostra-count").count() == 1
    assert page.csp_violations == []
