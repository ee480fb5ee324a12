import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from styringshjul.budget.models import AdjustmentKind, EconomicPlan, PlanYear, VersionState
from styringshjul.lib.money import format_kroner

pytestmark = [pytest.mark.django_db]


def run(*args) -> str:
    out = io.StringIO()
    call_command("baseline", "--municipality", "3439", *args, stdout=out)
    return out.getvalue()


def test_it_makes_the_plan_and_its_baseline_and_prints_every_adjustment(ringebu,
                                                                      adopted_2025):
    text = run("--plan", "2026-2029", "--wage-growth", "4.2", "--price-growth", "3,1")
    plan = EconomicPlan.objects.get(municipality=ringebu, first_year=2026)
    assert plan.years == 4
    first = PlanYear.objects.get(plan=plan, year=2026)
    assert (first.wage_growth, first.price_growth) == (Decimal("4.2"), Decimal("3.1"))
    assert PlanYear.objects.get(plan=plan, year=2027).wage_growth == 0
    baseline = plan.versions.get(state=VersionState.BASELINE)
    lines = text.splitlines()
    assert "Vedtatt budsjett 2025" in lines[0]
    wage_rows = baseline.adjustments.filter(kind=AdjustmentKind.WAGE_GROWTH)
    assert wage_rows.exists()
    for row in wage_rows:
        assert any(line.startswith("2026") and format_kroner(row.amount) in line
                   and row.reason in line for line in lines)
    totals = lines[-4:]
    assert [line[:4] for line in totals] == ["2026", "2027", "2028", "2029"]
    gap = sum(row.amount for row in baseline.adjustments.filter(year=2026))
    assert totals[0].endswith(format_kroner(gap))
    assert len(lines) == 1 + baseline.adjustments.count() + 4


def test_running_it_again_replaces_the_baseline(ringebu, adopted_2025):
    run("--plan", "2026-2029", "--wage-growth", "4.2")
    run("--plan", "2026-2029")
    plan = EconomicPlan.objects.get(municipality=ringebu, first_year=2026)
    assert plan.versions.filter(state=VersionState.BASELINE).count() == 1
    assert PlanYear.objects.get(plan=plan, year=2026).wage_growth == Decimal("4.2")


def test_without_an_adopted_budget_for_the_year_before_it_exits_1(ringebu, adopted_2025):
    with pytest.raises(CommandError) as error:
        run("--plan", "2031-2034")
    assert error.value.returncode == 1
    assert "2030" in str(error.value)


@pytest.mark.parametrize("args", [("--plan", "2026"), ("--plan", "2026-2035"),
                                  ("--plan", "2026-2029", "--wage-growth", "mye")])
def test_unclear_arguments_exit_1(ringebu, args):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert error.value.returncode == 1


def test_an_unknown_municipality_exits_1(demo):
    with pytest.raises(CommandError) as error:
        call_command("baseline", "--municipality", "0000", "--plan", "2026-2029")
    assert error.value.returncode == 1
