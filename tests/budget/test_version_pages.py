"""The plans page and a version's page: who sees what, and the step to the next state."""

import pytest
from django.urls import reverse

from styringshjul.budget.models import BudgetVersion, PartyGroup, VersionState
from styringshjul.budget.versions import alternative_for
from tests.conftest import logged_in


def _version_url(version):
    return reverse("budget_version", args=[version.municipality.number, version.pk])


@pytest.mark.django_db
def test_everyone_in_the_municipality_sees_the_plan_and_its_versions(as_per, proposal_2026):
    response = as_per.get(reverse("budget_plans", args=["3439"]))
    assert response.status_code == 200
    assert proposal_2026.name in response.content.decode()
    assert as_per.get(_version_url(proposal_2026)).status_code == 200


@pytest.mark.django_db
def test_another_municipality_gets_not_found(as_sofie, proposal_2026):
    assert as_sofie.get(reverse("budget_plans", args=["3439"])).status_code == 404
    assert as_sofie.get(_version_url(proposal_2026)).status_code == 404


@pytest.mark.django_db
def test_a_version_page_shows_each_service_area_per_year(as_kari, proposal_2026):
    response = as_kari.get(_version_url(proposal_2026))
    sums = response.context["sums"]
    assert sums["years"] == [2026, 2027, 2028, 2029]
    assert "Oppvekst" in [row["name"] for row in sums["rows"]]
    assert sums["total"][0] == 0  # the demo's adopted budget balances


@pytest.mark.django_db
def test_an_unpublished_alternative_is_hidden_from_other_parties(proposal_2026, per, kari,
                                                                 django_user_model):
    party = PartyGroup.objects.create(municipality=proposal_2026.municipality,
                                      name="Senterpartiet")
    party.members.add(per)
    alternative = alternative_for(proposal_2026, party, user=per)
    assert logged_in(per).get(_version_url(alternative)).status_code == 200
    assert logged_in(kari).get(_version_url(alternative)).status_code == 404
    listed = logged_in(kari).get(reverse("budget_plans", args=["3439"])).content.decode()
    assert alternative.name not in listed


@pytest.mark.django_db
def test_finance_takes_the_proposal_to_the_recommendation(as_kari, proposal_2026):
    response = as_kari.post(reverse("budget_version_advance", args=["3439", proposal_2026.pk]))
    recommendation = BudgetVersion.objects.get(based_on=proposal_2026)
    assert response.status_code == 302 and response.url == _version_url(recommendation)
    assert recommendation.state == VersionState.RECOMMENDATION


@pytest.mark.django_db
def test_an_unbalanced_version_is_not_recommended(as_kari, proposal_2026):
    line = proposal_2026.lines.filter(year=2027, kostra_art="010").first()
    line.amount += 1000
    line.save()
    response = as_kari.post(reverse("budget_version_advance", args=["3439", proposal_2026.pk]),
                            follow=True)
    assert not BudgetVersion.objects.filter(based_on=proposal_2026).exists()
    assert any("2027" in str(message) for message in response.context["messages"])


@pytest.mark.django_db
def test_a_politician_and_a_unit_leader_cannot_take_the_process_further(
        as_per, as_ola, proposal_2026):
    url = reverse("budget_version_advance", args=["3439", proposal_2026.pk])
    assert as_per.post(url).status_code == 403
    assert as_ola.post(url).status_code == 403
    assert not BudgetVersion.objects.filter(based_on=proposal_2026).exists()


@pytest.mark.django_db
def test_an_adopted_version_is_not_taken_further(as_kari, adopted_2025):
    as_kari.post(reverse("budget_version_advance", args=["3439", adopted_2025.pk]))
    assert not BudgetVersion.objects.filter(based_on=adopted_2025).exists()


@pytest.mark.django_db
def test_finance_creates_a_plan(as_kari, ringebu):
    as_kari.post(reverse("budget_plan_create", args=["3439"]), {"first_year": "2027"})
    plan = ringebu.economic_plans.get(first_year=2027)
    assert list(plan.plan_years.values_list("year", flat=True)) == [2027, 2028, 2029, 2030]
