from decimal import Decimal

import pytest
from django.db.models import Sum

from styringshjul.budget.lines import LineDraft
from styringshjul.budget.measures import (
    account_problems,
    measure_drafts,
    next_number,
    refresh_measure_lines,
    set_included,
    set_ranks,
)
from styringshjul.budget.models import Measure, MeasureKind, MeasureYear, VersionState
from styringshjul.budget.versions import ProcessError, derive_version

pytestmark = [pytest.mark.django_db]

AMOUNTS = {2026: Decimal("-450000"), 2027: Decimal("-900000"), 2028: Decimal("-900000.50")}


def make_measure(plan, unit, *, amounts=AMOUNTS, **fields) -> Measure:
    measure = Measure.objects.create(
        municipality=plan.municipality, plan=plan, number=next_number(plan),
        title=fields.pop("title", "Samle spesialundervisning"), kind=MeasureKind.STRUCTURAL,
        unit=unit, service_area=unit.service_area, responsibility="2200", function="202",
        art="010", **fields)
    for year, amount in amounts.items():
        MeasureYear.objects.create(measure=measure, year=year, operating=amount)
    return measure


@pytest.fixture
def measure(plan_2026, favang_skule) -> Measure:
    return make_measure(plan_2026, favang_skule)


def totals(version) -> dict[int, Decimal]:
    return dict(version.lines.values_list("year").annotate(total=Sum("amount")).order_by())


def test_measures_are_numbered_one_after_another_in_their_plan(plan_2026, favang_skule):
    first = make_measure(plan_2026, favang_skule)
    second = make_measure(plan_2026, favang_skule, title="Redusert åpningstid")
    assert second.number == first.number + 1
    assert next_number(plan_2026) == second.number + 1


def test_an_operating_measure_writes_its_amount_on_its_account_string(measure):
    drafts = measure_drafts(measure, range(2026, 2030))
    assert drafts == [
        LineDraft(year=year, responsibility="2200", function="202", art="010", amount=amount)
        for year, amount in AMOUNTS.items()
    ]
    assert [d.year for d in measure_drafts(measure, [2027])] == [2027]


def test_including_a_measure_moves_the_total_by_exactly_its_amounts(proposal_2026, measure, kari):
    before = totals(proposal_2026)
    set_included(proposal_2026, measure, True, user=kari)
    after = totals(proposal_2026)
    for year in range(2026, 2030):
        assert after[year] - before[year] == AMOUNTS.get(year, Decimal(0))
    assert proposal_2026.lines.filter(measure=measure).count() == 3
    set_included(proposal_2026, measure, False, user=kari)
    assert totals(proposal_2026) == before
    assert not proposal_2026.version_measures.get(measure=measure).included


def test_a_frozen_version_refuses_to_include_or_rank(proposal_2026, measure, kari):
    adopted = derive_version(proposal_2026, VersionState.ADOPTED, user=kari)
    with pytest.raises(ProcessError):
        set_included(adopted, measure, True, user=kari)
    with pytest.raises(ProcessError):
        set_ranks(adopted, [measure.pk], user=kari)
    assert not adopted.lines.filter(measure=measure).exists()


def test_refreshing_rewrites_versions_being_prepared_but_not_decided_ones(
        proposal_2026, measure, kari):
    set_included(proposal_2026, measure, True, user=kari)
    adopted = derive_version(proposal_2026, VersionState.ADOPTED, user=kari)
    MeasureYear.objects.filter(measure=measure, year=2026).update(operating=Decimal("-100000"))
    assert refresh_measure_lines(measure) == 1
    assert proposal_2026.lines.get(measure=measure, year=2026).amount == Decimal("-100000")
    assert adopted.lines.get(measure=measure, year=2026).amount == Decimal("-450000")


def test_a_measure_of_another_plan_is_refused(proposal_2026, ringebu, favang_skule, kari):
    from styringshjul.budget.versions import plan_for

    other = make_measure(plan_for(ringebu, 2030), favang_skule)
    with pytest.raises(ProcessError):
        set_included(proposal_2026, other, True, user=kari)


def test_ranks_follow_the_order_given(proposal_2026, plan_2026, favang_skule, kari):
    first, second, third = (make_measure(plan_2026, favang_skule, title=f"Tiltak {n}")
                            for n in range(3))
    set_included(proposal_2026, first, True, user=kari)
    set_ranks(proposal_2026, [third.pk, first.pk], user=kari)
    ranks = dict(proposal_2026.version_measures.values_list("measure_id", "rank"))
    assert ranks == {third.pk: 1, first.pk: 2}
    assert not proposal_2026.version_measures.get(measure=third).included
    set_ranks(proposal_2026, [first.pk], user=kari)
    ranks = dict(proposal_2026.version_measures.values_list("measure_id", "rank"))
    assert ranks == {third.pk: None, first.pk: 1}
    assert second.pk not in ranks


def test_the_account_string_must_be_the_municipalitys_and_valid_kostra(ringebu):
    assert account_problems(ringebu, "2200", "202", "010", [2026]) == {}
    assert account_problems(ringebu, "2200", "202", "0101", [2026]) == {}
    problems = account_problems(ringebu, "9999", "999", "x1", [2026])
    assert set(problems) == {"responsibility", "function", "art"}


def test_another_municipalitys_code_is_not_accepted(ringebu, gausdal):
    from styringshjul.org.models import OrgUnit, Responsibility

    unit = OrgUnit.objects.for_municipality(gausdal).first()
    Responsibility.objects.create(municipality=gausdal, unit=unit, code="7777")
    assert "responsibility" in account_problems(ringebu, "7777", "202", "010", [2026])


def test_an_investment_measure_writes_its_projects_lines(proposal_2026, plan_2026, kari,
                                                          favang_skule):
    from styringshjul.budget.investments import project_lines
    from styringshjul.budget.models import InvestmentProject, InvestmentYear

    project = InvestmentProject.objects.create(
        municipality=plan_2026.municipality, plan=plan_2026, code="P100", name="Ny gymsal",
        responsibility="2200", function="222", loan_years=20, interest_rate=Decimal("4"))
    InvestmentYear.objects.create(project=project, year=2026, amount=Decimal("10000000"),
                                  loan=Decimal("8000000"), vat_compensation=Decimal("2000000"))
    measure = make_measure(plan_2026, favang_skule, amounts={}, project=project)
    Measure.objects.filter(pk=measure.pk).update(kind=MeasureKind.INVESTMENT)
    expected = {year: Decimal(0) for year in range(2026, 2030)}
    for draft in project_lines(project):
        expected[draft.year] += draft.amount
    before = totals(proposal_2026)
    set_included(proposal_2026, measure, True, user=kari)
    after = totals(proposal_2026)
    assert {year: after[year] - before[year] for year in expected} == expected
    assert proposal_2026.lines.filter(measure=measure, project="P100",
                                      account_class="capital").exists()
