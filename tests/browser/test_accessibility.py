"""Every page passes axe-core's WCAG 2.1 AA rules."""

import pytest
from django.urls import reverse

from styringshjul.org.models import OrgUnit, Responsibility
from tests.browser.conftest import axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def kari_pages() -> list[str]:
    unit = OrgUnit.objects.get(municipality__number="3439", name="Fåvang skule")
    responsibility = Responsibility.objects.filter(unit=unit).first()
    return [
        reverse("municipality", args=["3439"]),
        reverse("organisation", args=["3439"]),
        reverse("unit", args=["3439", unit.pk]),
        reverse("unit_edit", args=["3439", unit.pk]),
        reverse("unit_create", args=["3439"]),
        reverse("service_area_create", args=["3439"]),
        reverse("responsibility_edit", args=["3439", unit.pk, responsibility.pk]),
        reverse("organisation_import", args=["3439"]),
        reverse("people", args=["3439"]),
        reverse("membership_create", args=["3439"]),
        reverse("cycle_my_feed", args=["3439"]),
        reverse("kostra_functions"),
        reverse("kostra_functions") + "?q=barn",
        reverse("kostra_arts"),
        reverse("kostra_function", args=["202"]),
        reverse("kostra_art", args=["010"]),
        "/finnes-ikke/",
    ]


def test_the_login_page_passes_axe(page, settings):
    settings.DEMO_MODE = True
    page.goto("/logg-inn/")
    assert axe_violations(page) == []


def test_every_page_kari_uses_passes_axe(page):
    log_in(page, "kari")
    failures = {}
    for url in kari_pages():
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            failures[url] = violations
    assert failures == {}


def test_a_form_with_errors_passes_axe(page):
    log_in(page, "kari")
    page.goto(reverse("unit_create", args=["3439"]))
    page.click("#main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary").is_visible()
    assert axe_violations(page) == []


def test_the_bodies_page_and_the_contact_form_pass_axe(page):
    log_in(page, "kari")
    page.goto(reverse("cycle_bodies", args=["3439"]))
    assert axe_violations(page) == []
    page.get_by_role("link", name="Endre Økonomi").click()
    page.wait_for_load_state()
    assert page.locator("legend").filter(has_text="Kontaktpersoner").count() == 1
    assert axe_violations(page) == []
