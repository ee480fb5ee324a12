"""The budget process in a browser: every page passes axe (with the Content-Security-Policy
in force), and finance sees in the page why an unbalanced proposal cannot be recommended."""

import pytest

from styringshjul.budget.models import (
    BudgetLine,
    BudgetRevision,
    BudgetVersion,
    InvestmentProject,
    Measure,
    PartyGroup,
    VersionState,
)
from styringshjul.demo.budget_lines import budget_rows
from styringshjul.demo.budget_process import build_demo_budget_process
from styringshjul.org.models import Municipality
from tests.browser.conftest import axe_violations, log_in

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ringebu_plan(demo):
    ringebu = Municipality.objects.get(number="3439")
    adopted = BudgetVersion.objects.create(municipality=ringebu, name="Vedtatt budsjett 2025",
                                           first_year=2025, state=VersionState.ADOPTED)
    BudgetLine.objects.bulk_create(
        BudgetLine(version=adopted, year=2025, responsibility=row.responsibility,
                   function=row.function, art=row.art, kostra_art=row.art[:3],
                   project=row.project, amount=row.amount)
        for row in budget_rows(2025))
    return build_demo_budget_process().plan


def _pages(plan) -> list[str]:
    versions = {v.state: v for v in plan.versions.order_by("pk")}
    proposal, adopted = versions[VersionState.PROPOSAL], versions[VersionState.ADOPTED]
    measure = Measure.objects.filter(plan=plan, project=None).first()
    project = InvestmentProject.objects.filter(plan=plan).first()
    party = PartyGroup.objects.filter(municipality=plan.municipality).first()
    revision = BudgetRevision.objects.get(based_on=adopted)
    base = "/3439/budsjett"
    return [
        f"{base}/",
        f"{base}/versjon/{proposal.pk}/",
        f"{base}/versjon/{versions[VersionState.BASELINE].pk}/",
        f"{base}/versjon/{revision.result_id}/",
        f"{base}/plan/2026/konsekvensjustert/",
        f"{base}/plan/2026/innstillinger/",
        f"{base}/plan/2026/tiltak/",
        f"{base}/plan/2026/tiltak/nytt/",
        f"{base}/tiltak/{measure.pk}/",
        f"{base}/tiltak/{measure.pk}/endre/",
        f"{base}/versjon/{proposal.pk}/tiltak/",
        f"{base}/versjon/{proposal.pk}/rammer/",
        f"{base}/versjon/{proposal.pk}/rammer/endre/",
        *(f"{base}/versjon/{proposal.pk}/oversikt/{code}/?year=2026"
          for code in ("5-4-1", "5-4-2", "5-5", "5-6")),
        f"{base}/versjon/{proposal.pk}/oversikt/5-4-1/linje/1/?year=2026",
        f"{base}/sammenlign/?v={proposal.pk}&v={adopted.pk}&year=2026&by=service_area",
        f"{base}/versjon/{proposal.pk}/regneark/",
        f"{base}/partigrupper/",
        f"{base}/partigrupper/{party.pk}/endre/",
        f"{base}/plan/2026/investeringer/",
        f"{base}/plan/2026/investeringer/{project.pk}/endre/",
        f"{base}/reguleringer/",
        f"{base}/versjon/{revision.result_id}/regulering/",
        f"{base}/linje/?ansvar=3600&funksjon=252&art=370&prosjekt=&year=2026",
    ]


def test_every_budget_page_passes_axe(page, ringebu_plan):
    log_in(page, "kari")
    failures = {}
    for url in _pages(ringebu_plan):
        response = page.goto(url)
        assert response.status == 200, url
        violations = axe_violations(page)
        if violations:
            failures[url] = violations
    assert failures == {}


def test_leaving_out_a_measure_unbalances_the_proposal_and_finance_is_told_why(
        page, ringebu_plan):
    proposal = ringebu_plan.versions.get(state=VersionState.PROPOSAL)
    recommendations = ringebu_plan.versions.filter(state=VersionState.RECOMMENDATION).count()
    log_in(page, "kari")
    page.goto(f"/3439/budsjett/versjon/{proposal.pk}/tiltak/")
    page.get_by_role("checkbox").first.uncheck()
    page.locator("main form button[type=submit]").first.click()
    page.goto(f"/3439/budsjett/versjon/{proposal.pk}/")
    page.get_by_role("button", name="Lag formannskapets innstilling fra denne versjonen").click()
    page.wait_for_load_state()
    assert "merforbruk" in page.locator("main").inner_text()
    assert ringebu_plan.versions.filter(
        state=VersionState.RECOMMENDATION).count() == recommendations
