"""An investment project's lines, computed by hand: a new school building of 15 million over
2026–2027, financed by loans (serial, 20 years, 5 %), a grant, VAT compensation and own
funds."""

from decimal import Decimal

import pytest

from styringshjul.budget.investments import (
    financing_gap,
    loan_costs,
    operating_cost,
    project_lines,
    sync_measure,
)
from styringshjul.budget.models import InvestmentProject, InvestmentYear, MeasureKind
from styringshjul.ledger.models import AccountClass

D = Decimal


@pytest.fixture
def school(plan_2026) -> InvestmentProject:
    project = InvestmentProject.objects.create(
        municipality=plan_2026.municipality, plan=plan_2026, code="9001",
        name="Ny Fåvang skule", responsibility="2200", function="222", art="230",
        loan_kind="serial", loan_years=20, interest_rate=D(5))
    InvestmentYear.objects.create(project=project, year=2026, amount=D(10_000_000),
                                  loan=D(6_000_000), grants=D(1_000_000),
                                  vat_compensation=D(2_000_000), own_funds=D(1_000_000))
    InvestmentYear.objects.create(project=project, year=2027, amount=D(5_000_000),
                                  loan=D(4_000_000), vat_compensation=D(1_000_000))
    return project


def lines_of(project, account_class, year):
    return {(d.function, d.art): d.amount for d in project_lines(project)
            if d.account_class == account_class and d.year == year}


def test_the_investment_and_its_financing_are_capital_lines_on_the_project(school):
    assert lines_of(school, AccountClass.CAPITAL, 2026) == {
        ("222", "230"): D(10_000_000), ("870", "910"): D(-6_000_000),
        ("222", "810"): D(-1_000_000), ("841", "729"): D(-2_000_000),
        ("880", "970"): D(-1_000_000)}
    assert all(d.project == "9001" and d.responsibility == "2200"
               for d in project_lines(school))


def test_a_fully_financed_project_sums_to_zero_in_the_capital_accounts(school):
    for year in (2026, 2027):
        assert sum(lines_of(school, AccountClass.CAPITAL, year).values()) == 0
    assert financing_gap(school) == {}


def test_own_funds_are_transferred_from_operations(school):
    assert lines_of(school, AccountClass.OPERATING, 2026) == {("880", "570"): D(1_000_000)}


def test_loans_cost_interest_and_repayment_in_operations_from_the_year_after(school):
    # 6 M drawn end of 2026, 4 M end of 2027; serial over 20 years at 5 %
    assert loan_costs(school) == {
        2027: (D(300_000), D(300_000)),
        2028: (D(285_000 + 200_000), D(300_000 + 200_000)),
        2029: (D(270_000 + 190_000), D(500_000)),
    }
    assert lines_of(school, AccountClass.OPERATING, 2028) == {
        ("870", "500"): D(485_000), ("870", "510"): D(500_000)}
    assert operating_cost(school) == {2026: D(1_000_000), 2027: D(600_000),
                                      2028: D(985_000), 2029: D(960_000)}


def test_a_financing_gap_is_reported_per_year(school):
    school.project_years.filter(year=2027).update(loan=D(3_000_000))
    assert financing_gap(school) == {2027: D(1_000_000)}


def test_years_outside_the_plan_write_no_lines(school):
    InvestmentYear.objects.create(project=school, year=2031, amount=D(1_000_000),
                                  own_funds=D(1_000_000))
    assert {d.year for d in project_lines(school)} == {2026, 2027, 2028, 2029}


def test_the_project_gets_an_investment_measure_numbered_after_the_others(school, favang_skule):
    measure = sync_measure(school)
    assert measure.kind == MeasureKind.INVESTMENT
    assert measure.project == school
    assert measure.unit == favang_skule
    assert measure.service_area_id == favang_skule.service_area_id
    assert measure.number == 1
    years = {row.year: (row.investment, row.operating) for row in measure.measure_years.all()}
    assert years[2026] == (D(10_000_000), D(1_000_000))
    assert years[2028] == (D(0), D(985_000))
    assert sync_measure(school).pk == measure.pk


def test_a_version_that_includes_the_project_gets_its_lines_and_follows_edits(
        school, proposal_2026):
    from styringshjul.budget.investments import refresh_lines
    from styringshjul.budget.measures import set_included

    measure = sync_measure(school)
    before = proposal_2026.lines.filter(measure=None).count()
    set_included(proposal_2026, measure, True)
    written = proposal_2026.lines.filter(measure=measure)
    assert {(line.account_class, line.year, line.art): line.amount for line in written} == {
        (d.account_class, d.year, d.art): d.amount for d in project_lines(school)}
    assert proposal_2026.lines.filter(measure=None).count() == before
    school.project_years.filter(year=2027).update(loan=D(5_000_000), vat_compensation=0)
    refresh_lines(sync_measure(school))
    assert proposal_2026.lines.get(measure=measure, year=2027, art="910").amount == D(-5_000_000)
    assert not proposal_2026.lines.filter(measure=measure, year=2027, art="729").exists()


def test_the_measure_follows_the_projects_name_and_responsibility(school, ringebu):
    measure = sync_measure(school)
    school.name, school.responsibility = "Kvitfjell skole", "1290"
    school.save()
    measure = sync_measure(school)
    assert (measure.title, measure.responsibility) == ("Kvitfjell skole", "1290")
    assert measure.unit.responsibilities.filter(code="1290").exists()
