"""The consequence-adjusted baseline, computed by hand on a few lines of Fåvang skule."""

import datetime
from decimal import Decimal

import pytest
from django.db.models import Sum

from styringshjul.budget.baseline import NoStartingBudget, compute_baseline
from styringshjul.budget.models import (
    AdjustmentKind,
    BudgetLine,
    BudgetRevision,
    BudgetVersion,
    DecidingBody,
    DemographicDriver,
    Measure,
    MeasureKind,
    MeasureYear,
    PlanYear,
    RevisionLine,
    VersionMeasure,
    VersionState,
)
from styringshjul.budget.versions import derive_version, plan_for
from styringshjul.org.models import Responsibility

pytestmark = [pytest.mark.django_db]

SCHOOL = "202"  # grunnskole
INCOME = ("1000", "840", "800")  # rammetilskudd


@pytest.fixture
def school_code(favang_skule) -> str:
    return Responsibility.objects.filter(unit=favang_skule).first().code


@pytest.fixture
def other_code(ringebu, favang_skule) -> str:
    return (Responsibility.objects.for_municipality(ringebu)
            .exclude(unit__service_area=favang_skule.service_area).first().code)


@pytest.fixture
def budget_2025(ringebu, school_code) -> BudgetVersion:
    """Last year's adopted budget: 1 000 000 in wages and 200 000 in teaching materials at
    Fåvang skule, paid by rammetilskudd."""
    version = BudgetVersion.objects.create(municipality=ringebu, name="Vedtatt 2025 (test)",
                                           first_year=2025, state=VersionState.ADOPTED)
    add_line(version, school_code, SCHOOL, "010", 1_000_000)
    add_line(version, school_code, SCHOOL, "120", 200_000)
    add_line(version, *INCOME, -1_200_000)
    return version


def add_line(version, responsibility, function, art, amount, *, year=2025, measure=None):
    return BudgetLine.objects.create(
        version=version, year=year, responsibility=responsibility, function=function, art=art,
        kostra_art=art[:3], amount=Decimal(amount), measure=measure)


def rates(plan, year, wage=0, price=0):
    PlanYear.objects.filter(plan=plan, year=year).update(wage_growth=wage, price_growth=price)


def amount(version, year, responsibility, art, function=SCHOOL) -> Decimal:
    return version.lines.filter(year=year, responsibility=responsibility, function=function,
                                art=art).aggregate(total=Sum("amount"))["total"]


def rows(version, year, kind):
    return list(version.adjustments.filter(year=year, kind=kind))


def total(version, year) -> Decimal:
    return version.lines.filter(year=year).aggregate(total=Sum("amount"))["total"]


def measure_in(version, plan, *, number, one_off, years, code, art="010"):
    measure = Measure.objects.create(
        municipality=version.municipality, plan=plan, number=number, title=f"Tiltak {number}",
        kind=MeasureKind.NEW_INITIATIVE, service_area=version.municipality.service_areas
        .get(units__responsibilities__code=code), one_off=one_off, responsibility=code,
        function=SCHOOL, art=art)
    MeasureYear.objects.bulk_create(MeasureYear(measure=measure, year=year, operating=value)
                                    for year, value in years.items())
    VersionMeasure.objects.create(version=version, measure=measure, included=True)
    add_line(version, code, SCHOOL, art, years[2025], measure=measure)
    return measure


def test_wage_growth_of_4_2_percent_on_1_000_000_is_42_000(plan_2026, budget_2025,
                                                          school_code, favang_skule, kari):
    baseline = compute_baseline(plan_2026, user=kari, wage_growth=Decimal("4.2"))
    assert baseline.state == VersionState.BASELINE and baseline.based_on == budget_2025
    assert amount(baseline, 2026, school_code, "010") == 1_042_000
    [wage] = rows(baseline, 2026, AdjustmentKind.WAGE_GROWTH)
    assert wage.amount == 42_000 and wage.service_area == favang_skule.service_area
    assert "4,2" in wage.reason and "1\xa0000\xa0000" in wage.reason
    assert amount(baseline, 2026, school_code, "120") == 200_000
    assert amount(baseline, 2026, *INCOME[:1], "800", function="840") == -1_200_000
    assert total(baseline, 2026) == 42_000  # the gap: income is not adjusted
    assert PlanYear.objects.get(plan=plan_2026, year=2026).wage_growth == Decimal("4.2")


def test_price_growth_grows_goods_and_services_and_later_years_keep_fixed_prices(
        plan_2026, budget_2025, school_code, kari):
    baseline = compute_baseline(plan_2026, user=kari, price_growth=Decimal("3.1"))
    assert amount(baseline, 2026, school_code, "120") == 206_200
    assert amount(baseline, 2026, school_code, "010") == 1_000_000
    assert [r.amount for r in rows(baseline, 2026, AdjustmentKind.PRICE_GROWTH)] == [6_200]
    for year in (2027, 2028, 2029):
        assert amount(baseline, year, school_code, "120") == 206_200
        assert not rows(baseline, year, AdjustmentKind.PRICE_GROWTH)


def test_a_later_year_grows_from_the_year_before_with_its_own_rates(
        plan_2026, budget_2025, school_code, kari):
    rates(plan_2026, 2027, wage=Decimal("3.5"))
    baseline = compute_baseline(plan_2026, user=kari, wage_growth=Decimal("4.2"))
    assert amount(baseline, 2027, school_code, "010") == 1_078_470  # 1 042 000 × 1.035
    [start] = rows(baseline, 2027, AdjustmentKind.STARTING_POINT)
    assert start.amount == total(baseline, 2026) == 42_000


def test_a_one_off_measure_is_removed(ringebu, plan_2026, budget_2025, school_code, kari):
    plan_2025 = plan_for(ringebu, 2025)
    measure = measure_in(budget_2025, plan_2025, number=1, one_off=True,
                         years={2025: 50_000}, code=school_code, art="270")
    baseline = compute_baseline(plan_2026, user=kari)
    [one_off] = rows(baseline, 2026, AdjustmentKind.ONE_OFF)
    assert one_off.amount == -50_000 and str(measure) in one_off.reason
    assert amount(baseline, 2026, school_code, "270") is None
    [start] = rows(baseline, 2026, AdjustmentKind.STARTING_POINT)
    assert start.amount == 50_000 and total(baseline, 2026) == 0


def test_a_full_year_effect_is_added_on_the_measures_account_string(
        ringebu, plan_2026, budget_2025, school_code, kari):
    plan_2025 = plan_for(ringebu, 2025)
    measure_in(budget_2025, plan_2025, number=2, one_off=False, code=school_code,
               years={2025: 60_000, 2026: 120_000, 2027: 120_000, 2028: 100_000})
    baseline = compute_baseline(plan_2026, user=kari, wage_growth=Decimal("4.2"))
    [full_year] = rows(baseline, 2026, AdjustmentKind.FULL_YEAR)
    assert full_year.amount == 60_000 and "T2" in full_year.reason
    # 1 000 000 + 60 000 (half a year) + 60 000 (the other half), then 4.2 %
    assert amount(baseline, 2026, school_code, "010") == 1_167_040
    assert not rows(baseline, 2027, AdjustmentKind.FULL_YEAR)
    assert [r.amount for r in rows(baseline, 2028, AdjustmentKind.FULL_YEAR)] == [-20_000]
    assert not rows(baseline, 2029, AdjustmentKind.FULL_YEAR)  # 2028's amount goes on


def test_a_demographic_driver_grows_its_areas_expenses_only(
        plan_2026, budget_2025, school_code, other_code, favang_skule, kari):
    add_line(budget_2025, other_code, "254", "010", 500_000)
    add_line(budget_2025, school_code, SCHOOL, "710", -100_000)  # refunds are not grown
    DemographicDriver.objects.create(plan=plan_2026, service_area=favang_skule.service_area,
                                     year=2026, driver="Barn 6–15 år", change_pct=Decimal("2"))
    baseline = compute_baseline(plan_2026, user=kari)
    [demography] = rows(baseline, 2026, AdjustmentKind.DEMOGRAPHY)
    assert demography.amount == 24_000  # 2 % of 1 000 000 + 200 000
    assert demography.service_area == favang_skule.service_area
    assert "Barn 6–15 år" in demography.reason
    assert amount(baseline, 2026, other_code, "010", function="254") == 500_000
    assert amount(baseline, 2026, school_code, "710") == -100_000
    assert not rows(baseline, 2027, AdjustmentKind.DEMOGRAPHY)


def test_each_years_rows_add_up_to_its_lines(
        ringebu, plan_2026, budget_2025, school_code, favang_skule, kari):
    measure_in(budget_2025, plan_for(ringebu, 2025), number=3, one_off=False,
               code=school_code, years={2025: Decimal("33333.33"), 2026: 100_000})
    DemographicDriver.objects.create(plan=plan_2026, service_area=favang_skule.service_area,
                                     year=2027, driver="Elever", change_pct=Decimal("-1.7"))
    rates(plan_2026, 2028, wage=Decimal("3.3"), price=Decimal("2.7"))
    baseline = compute_baseline(plan_2026, user=kari, wage_growth=Decimal("4.2"),
                                price_growth=Decimal("3.1"))
    for year in plan_2026.year_range:
        adjustments = baseline.adjustments.filter(year=year).aggregate(s=Sum("amount"))["s"]
        assert adjustments == total(baseline, year), year


def test_computing_twice_gives_one_baseline_with_the_same_lines(
        plan_2026, budget_2025, favang_skule, kari):
    DemographicDriver.objects.create(plan=plan_2026, service_area=favang_skule.service_area,
                                     year=2026, driver="Elever", change_pct=Decimal("1.5"))
    first = compute_baseline(plan_2026, user=kari, wage_growth=Decimal("4.2"))
    lines = set(first.lines.values_list("year", "responsibility", "function", "art", "amount"))
    again = compute_baseline(plan_2026, user=kari)
    assert again.pk == first.pk
    assert set(again.lines.values_list("year", "responsibility", "function", "art",
                                       "amount")) == lines
    assert plan_2026.versions.filter(state=VersionState.BASELINE).count() == 1
    assert again.adjustments.count() == first.adjustments.count()


def test_a_baseline_taken_further_is_kept_and_a_new_one_made(plan_2026, budget_2025, kari):
    first = compute_baseline(plan_2026, user=kari)
    derive_version(first, VersionState.PROPOSAL, user=kari)
    second = compute_baseline(plan_2026, user=kari)
    assert second.pk != first.pk and first.lines.exists()
    assert second.name != first.name


def test_a_revised_version_is_preferred_and_its_one_off_changes_removed(
        ringebu, plan_2026, budget_2025, school_code, kari):
    revised = derive_version(budget_2025, VersionState.REVISED, user=kari,
                             name="Revidert 2025 (test)")
    revision = BudgetRevision.objects.create(
        municipality=ringebu, based_on=budget_2025, result=revised, case_number="25/117",
        decided_on=datetime.date(2025, 6, 19), decided_by=DecidingBody.COUNCIL,
        justification="Vikarer og nytt tak")
    for art, change, one_off in (("010", 80_000, False), ("250", 300_000, True)):
        RevisionLine.objects.create(revision=revision, year=2025, responsibility=school_code,
                                    function=SCHOOL, art=art, kostra_art=art, change=change,
                                    one_off=one_off)
        line, _ = BudgetLine.objects.get_or_create(
            version=revised, year=2025, responsibility=school_code, function=SCHOOL, art=art,
            measure=None, defaults={"kostra_art": art, "amount": 0})
        line.amount += change
        line.save()
    baseline = compute_baseline(plan_2026, user=kari)
    assert baseline.based_on == revised
    [start] = rows(baseline, 2026, AdjustmentKind.STARTING_POINT)
    assert start.amount == 380_000
    [one_off] = rows(baseline, 2026, AdjustmentKind.ONE_OFF)
    assert one_off.amount == -300_000 and "25/117" in one_off.reason
    assert amount(baseline, 2026, school_code, "010") == 1_080_000
    assert amount(baseline, 2026, school_code, "250") is None


def test_without_an_adopted_budget_for_the_year_before_there_is_no_baseline(ringebu, kari):
    plan = plan_for(ringebu, 2031)
    with pytest.raises(NoStartingBudget):
        compute_baseline(plan, user=kari)
    assert not plan.versions.exists()


def test_on_the_demo_budget_every_years_rows_add_up_to_its_lines(plan_2026, adopted_2025,
                                                                   kari):
    baseline = compute_baseline(plan_2026, user=kari, wage_growth=Decimal("4.2"),
                                price_growth=Decimal("3.1"))
    assert baseline.based_on == adopted_2025
    wages = sum(r.amount for r in rows(baseline, 2026, AdjustmentKind.WAGE_GROWTH))
    assert abs(wages - Decimal("309163000") * Decimal("0.042")) < 1000
    for year in plan_2026.year_range:
        adjustments = baseline.adjustments.filter(year=year).aggregate(s=Sum("amount"))["s"]
        assert adjustments == total(baseline, year)
