"""The demo's budget process for 2026–2029: every stage is there, balanced where the law
asks, and the demo's measures are valid account strings."""

import pytest
from django.db.models import Sum

from styringshjul.budget.balance import why_unbalanced
from styringshjul.budget.measures import account_problems
from styringshjul.budget.models import BudgetLine, BudgetVersion, VersionState
from styringshjul.demo.budget_lines import budget_rows
from styringshjul.demo.budget_measures import MEASURES
from styringshjul.demo.budget_process import build_demo_budget_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def adopted_2025(ringebu):
    version = BudgetVersion.objects.create(municipality=ringebu, name="Vedtatt budsjett 2025",
                                           first_year=2025, state=VersionState.ADOPTED)
    BudgetLine.objects.bulk_create(
        BudgetLine(version=version, year=2025, responsibility=row.responsibility,
                   function=row.function, art=row.art, kostra_art=row.art[:3],
                   project=row.project, amount=row.amount)
        for row in budget_rows(2025))
    return version


def test_the_demo_runs_the_whole_process_once(ringebu, adopted_2025):
    revised = build_demo_budget_process()
    plan = revised.plan
    states = list(plan.versions.order_by("pk").values_list("state", flat=True))
    assert states == ["baseline", "proposal", "alternative", "alternative", "recommendation",
                      "adopted", "revised"]
    assert plan.measures.count() == len(MEASURES) + 3  # and three investment projects
    assert build_demo_budget_process() is None
    assert plan.versions.count() == len(states)


def test_every_version_after_the_baseline_balances(ringebu, adopted_2025):
    plan = build_demo_budget_process().plan
    baseline = plan.versions.get(state=VersionState.BASELINE)
    assert why_unbalanced(baseline)  # what today's activity costs, before new income
    for version in plan.versions.exclude(state=VersionState.BASELINE):
        assert why_unbalanced(version) == [], version.name
        for year in plan.year_range:
            total = version.lines.filter(year=year).aggregate(total=Sum("amount"))["total"]
            assert round(total, 2) == 0  # SQLite sums decimals as floats


def test_one_party_has_published_its_alternative_and_the_other_not(ringebu, adopted_2025):
    plan = build_demo_budget_process().plan
    alternatives = plan.versions.filter(state=VersionState.ALTERNATIVE)
    assert sorted(alternatives.values_list("party__name", "published")) == [
        ("Høyre", True), ("Senterpartiet", False)]


def test_the_revision_changes_what_the_council_decided(ringebu, adopted_2025):
    revised = build_demo_budget_process()
    adopted = revised.based_on
    assert adopted.state == VersionState.ADOPTED
    changed = revised.lines.get(year=2026, responsibility="3600", function="252", art="370",
                                measure=None).amount
    before = adopted.lines.filter(year=2026, responsibility="3600", function="252", art="370",
                                  measure=None).first()
    assert changed - (before.amount if before else 0) == 800_000


@pytest.mark.parametrize("measure", MEASURES, ids=lambda measure: measure.title)
def test_each_demo_measure_is_a_valid_account_string(ringebu, measure):
    assert account_problems(ringebu, measure.responsibility, measure.function, measure.art,
                            range(2026, 2030)) == {}
