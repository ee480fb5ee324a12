"""The drawn wheel passes axe-core's WCAG 2.1 AA rules, inline in its page, under the CSP."""

import pytest
from django.urls import reverse

from styringshjul.cycle.demo import build_demo_cycle
from tests.browser.conftest import axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def wheel_page(page):
    build_demo_cycle()
    log_in(page, "per")
    page.goto(reverse("cycle_wheel", args=["3439", 2026]))
    return page


def test_the_wheel_page_passes_axe(wheel_page):
    assert wheel_page.locator("svg[role=img]").is_visible()
    assert axe_violations(wheel_page) == []


def test_the_wheel_has_a_name_and_fits_the_page(wheel_page):
    wheel = wheel_page.get_by_role("img", name="Ringebu: årshjul 2026")
    assert wheel.is_visible()
    box = wheel.bounding_box()
    assert box["width"] <= 1280 and box["height"] > 300
    assert wheel_page.get_by_role("heading", name="Hjulet som liste").is_visible()
    item = wheel_page.locator("li", has_text="Kommunestyret vedtar budsjett 2027")
    assert item.is_visible() and "08.12.2026" in item.inner_text()
