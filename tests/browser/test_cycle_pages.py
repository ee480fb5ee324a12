"""The annual cycle's pages pass axe-core's WCAG 2.1 AA rules."""

import pytest
from django.urls import reverse

from styringshjul.cycle.demo import build_demo_cycle
from styringshjul.cycle.models import Activity, Meeting
from tests.browser.conftest import axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cycle_pages(page):
    build_demo_cycle()
    log_in(page, "kari")
    return page


def test_the_cycle_table_with_its_findings_passes_axe(cycle_pages):
    cycle_pages.goto(reverse("cycle_year", args=["3439", 2026]))
    assert cycle_pages.locator("caption").first.inner_text() == "Budsjettprosess med rapportering"
    assert cycle_pages.locator("#findings-heading").is_visible()
    assert axe_violations(cycle_pages) == []


def test_the_activity_form_and_the_other_cycle_pages_pass_axe(cycle_pages):
    activity = Activity.objects.filter(municipality__number="3439").first()
    meeting = Meeting.objects.filter(municipality__number="3439").first()
    failures = {}
    for url in (
        reverse("activity_create", args=["3439", 2026]),
        reverse("activity_edit", args=["3439", 2026, activity.pk]),
        reverse("cycle_meetings", args=["3439", 2026]),
        reverse("meeting_move", args=["3439", 2026, meeting.pk]),
        reverse("cycle_feeds", args=["3439"]),
        reverse("cycle_reminder_settings", args=["3439"]),
        reverse("cycle_phases", args=["3439"]),
        reverse("cycle_settings", args=["3439", 2026]),
        reverse("cycle_year", args=["3439", 2031]),
    ):
        cycle_pages.goto(url)
        violations = axe_violations(cycle_pages)
        if violations:
            failures[url] = violations
    assert failures == {}


def test_the_activity_form_with_errors_passes_axe_and_keeps_the_text(cycle_pages):
    cycle_pages.goto(reverse("activity_create", args=["3439", 2026]))
    cycle_pages.fill("#id_title", "Budsjettseminar")
    cycle_pages.fill("#id_start", "2026-06-10")
    cycle_pages.fill("#id_end", "2026-06-01")
    cycle_pages.click("#main button[type=submit]")
    cycle_pages.wait_for_load_state()
    assert cycle_pages.locator(".ds-error-summary").is_visible()
    assert cycle_pages.input_value("#id_title") == "Budsjettseminar"
    assert axe_violations(cycle_pages) == []


def test_the_phases_form_with_errors_passes_axe_and_keeps_the_text(cycle_pages):
    cycle_pages.goto(reverse("cycle_phases", args=["3439"]))
    cycle_pages.fill("#id_form-1-colour", "#1f5f99")
    cycle_pages.click("#main button[type=submit]")
    cycle_pages.wait_for_load_state()
    assert cycle_pages.locator(".ds-error-summary").is_visible()
    assert cycle_pages.input_value("#id_form-1-colour") == "#1f5f99"
    assert axe_violations(cycle_pages) == []


def test_the_reminder_lead_times_form_with_errors_passes_axe(cycle_pages):
    cycle_pages.goto(reverse("cycle_reminder_settings", args=["3439"]))
    cycle_pages.fill("#id_deadline", "-3")
    cycle_pages.click("#main button[type=submit]")
    cycle_pages.wait_for_load_state()
    assert cycle_pages.locator(".ds-error-summary").is_visible()
    assert cycle_pages.input_value("#id_deadline") == "-3"
    assert axe_violations(cycle_pages) == []
