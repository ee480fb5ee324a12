"""The survey pages in a browser: the list, a year's results with hidden cells, the trend
chart, the import page and the unit names page all pass axe with the Content-Security-
Policy in force (the chart is inline SVG)."""

import pytest

from styringshjul.org.models import Municipality
from tests.browser.conftest import axe_violations, log_in
from tests.surveys.test_survey_pages import make_school_survey

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def school_survey(demo):
    return make_school_survey(Municipality.objects.get(number="3439"))


def test_every_survey_page_passes_axe(page, school_survey):
    base = f"/3439/undersokelser/{school_survey.pk}/"
    urls = ["/3439/undersokelser/", base, f"{base}?ar=2024", f"{base}trend/",
            "/3439/undersokelser/import/", "/3439/undersokelser/enhetsnavn/?navn=Bakkely+bhg.",
            f"/3439/undersokelser/{school_survey.pk}/endre/"]
    log_in(page, "kari")
    failures = {}
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        violations = axe_violations(page)
        if violations:
            failures[url] = violations
    assert failures == {}


def test_a_hidden_result_reads_as_text_in_the_browser(page, school_survey):
    log_in(page, "per")
    page.goto(f"/3439/undersokelser/{school_survey.pk}/")
    assert page.locator("td strong").count() >= 2  # «Skjult», with its reason below
    page.get_by_role("link", name="Ringebu ungdomsskole").click()
    page.wait_for_load_state()
    assert page.locator("svg[role=img]").count() == 1
