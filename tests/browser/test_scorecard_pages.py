"""The scorecards in a browser: every page passes axe with the Content-Security-Policy in
force, and a unit leader answers an inquiry about his unit's result."""

import pytest

from styringshjul.demo.scorecards import build_demo_scorecards
from styringshjul.scorecards.models import Inquiry, Scorecard
from tests.browser.conftest import axe_violations, log_in

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ringebu_scorecards(demo):
    return build_demo_scorecards()


def _pages(built) -> list[str]:
    top = built.top
    unit_card = Scorecard.objects.filter(year=2026, unit__name="Fåvang skule").get()
    indicator = top.success_factors.filter(is_shared=True).first().indicators.first()
    inquiry = Inquiry.objects.filter(scorecard=unit_card).first()
    base = "/3439/malekart"
    return [
        f"{base}/", f"{base}/{top.pk}/", f"{base}/{unit_card.pk}/",
        f"{base}/{unit_card.pk}/rediger/", f"{base}/{unit_card.pk}/utskrift/",
        f"{base}/{top.pk}/indikator/{indicator.pk}/",
        f"{base}/{unit_card.pk}/indikator/{indicator.pk}/T2/",
        f"{base}/samfunnsdel/", f"{base}/perspektiver/", f"{base}/undringer/",
        f"{base}/undring/{inquiry.pk}/svar/", f"{base}/2026/oversikt/",
        f"{base}/2026/import/", f"{base}/{unit_card.pk}/undring/ny/",
    ]


def test_every_scorecard_page_passes_axe(page, ringebu_scorecards):
    log_in(page, "guro")
    failures = {}
    for url in _pages(ringebu_scorecards):
        response = page.goto(url)
        assert response.status == 200, url
        violations = axe_violations(page)
        if violations:
            failures[url] = violations
    assert failures == {}


def test_the_unit_leader_answers_an_open_inquiry(page, ringebu_scorecards):
    card = Scorecard.objects.get(year=2026, unit__name="Fåvang skule")
    inquiry = Inquiry.objects.create(municipality=card.municipality, scorecard=card,
                                     question="Hvorfor økte sykefraværet i andre tertial?")
    log_in(page, "ola")
    page.goto(f"/3439/malekart/undring/{inquiry.pk}/svar/")
    page.locator("main textarea").fill("Vi har hatt to langtidssykemeldte; vikarer er satt inn.")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    inquiry.refresh_from_db()
    assert inquiry.answer.startswith("Vi har hatt to") and inquiry.answered_by.username == "ola"
