"""The key-figure pages in a browser, on the demo's synthetic national set: every page
passes axe with the Content-Security-Policy in force (charts are inline SVG)."""

import pytest
from django.utils.text import slugify

from styringshjul.demo.keyfigures import build_demo_keyfigures
from styringshjul.keyfigures.models import KeyFigure
from tests.browser.conftest import axe_violations, log_in

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def national(demo):
    build_demo_keyfigures()
    return KeyFigure.objects.exclude(service="").order_by("pk")


def test_every_key_figure_page_passes_axe(page, national):
    first, second = national[0], national[1]
    urls = ["/3439/nokkeltall/", f"/3439/nokkeltall/{first.pk}/",
            f"/3439/nokkeltall/sammenheng/?x={first.pk}&y={second.pk}",
            f"/3439/nokkeltall/tjeneste/{slugify(first.service)}/",
            "/3439/nokkeltall/katalog/", "/3439/nokkeltall/sammenligningsgrupper/"]
    log_in(page, "kari")
    failures = {}
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        violations = axe_violations(page)
        if violations:
            failures[url] = violations
    assert failures == {}
