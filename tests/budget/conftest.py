"""A 2026–2029 economic plan for Ringebu to work on: the demo's adopted budget for 2025
(its lines as the demo's budget file has them) and a chief executive's proposal whose lines,
each year, are that budget."""

import pytest

from styringshjul.budget.lines import copy_year
from styringshjul.budget.models import BudgetLine, BudgetVersion, VersionState
from styringshjul.budget.versions import plan_for
from styringshjul.demo.budget_lines import budget_rows


@pytest.fixture
def plan_2026(ringebu):
    return plan_for(ringebu, 2026)


@pytest.fixture
def adopted_2025(ringebu) -> BudgetVersion:
    version = BudgetVersion.objects.create(
        municipality=ringebu, name="Vedtatt budsjett 2025", first_year=2025,
        state=VersionState.ADOPTED)
    BudgetLine.objects.bulk_create(
        BudgetLine(version=version, year=2025, responsibility=row.responsibility,
                   function=row.function, art=row.art, kostra_art=row.art[:3],
                   project=row.project, amount=row.amount)
        for row in budget_rows(2025))
    return version


@pytest.fixture
def proposal_2026(plan_2026, adopted_2025, kari) -> BudgetVersion:
    version = BudgetVersion.objects.create(
        municipality=plan_2026.municipality, plan=plan_2026, name="Rådmannens forslag 2026–2029",
        first_year=2026, years=4, state=VersionState.PROPOSAL, created_by=kari)
    for year in plan_2026.year_range:
        copy_year(adopted_2025, 2025, version, year)
    return version
