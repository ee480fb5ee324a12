"""An investment project's budget lines: the investment and its financing in the capital
accounts, and what it costs in operations (seed 002: «Kapitalutgifter rammer drift»).

Capital accounts, on the project code:
  the expense on the project's own ansvar, funksjon and art;
  loans as bruk av lån (art 910, funksjon 870); grants as overføringer fra staten (810) and
  sales of real property (670) on the project's funksjon; VAT compensation (729, funksjon
  841); own funds as overføring fra drift (970, funksjon 880).
Operating accounts, on the project code:
  own funds as overføring til investering (570, funksjon 880), and the loans' interest
  (500) and repayment (510) on funksjon 870, from `loans.yearly_costs`.
The finance lines sit on the project's ansvar, so a project's whole cost is found under its
responsible unit; finance reports group by funksjon and art, which these lines follow.
Income is negative (KOSTRA sign), so a fully financed project's capital lines sum to zero.
"""

from decimal import Decimal

from django.db import transaction
from django.db.models import Max

from styringshjul.budget.lines import LineDraft, summed
from styringshjul.budget.loans import yearly_costs
from styringshjul.budget.models import (
    InvestmentProject,
    InvestmentYear,
    Measure,
    MeasureKind,
    MeasureYear,
)
from styringshjul.ledger.models import AccountClass
from styringshjul.org.org_map import OrgMap

CAPITAL, OPERATING = AccountClass.CAPITAL, AccountClass.OPERATING
LOAN_ART, LOAN_FUNCTION = "910", "870"
GRANT_ART = "810"
VAT_ART, VAT_FUNCTION = "729", "841"
SALES_ART = "670"
TRANSFER_FUNCTION, FROM_OPERATING_ART, TO_CAPITAL_ART = "880", "970", "570"
INTEREST_ART, REPAYMENT_ART, DEBT_FUNCTION = "500", "510", "870"
FINANCING_FIELDS = ("loan", "grants", "vat_compensation", "sales", "own_funds")


def plan_years(project: InvestmentProject) -> list[InvestmentYear]:
    years = project.plan.year_range
    return [row for row in project.project_years.all() if row.year in years]


def financing(row: InvestmentYear) -> Decimal:
    return sum((getattr(row, name) for name in FINANCING_FIELDS), Decimal(0))


def financing_gap(project: InvestmentProject) -> dict[int, Decimal]:
    """Years whose financing does not add up to the investment: investment − financing
    (positive: not yet financed; negative: financed beyond the cost)."""
    return {row.year: row.amount - financing(row) for row in plan_years(project)
            if row.amount != financing(row)}


def loan_costs(project: InvestmentProject) -> dict[int, tuple[Decimal, Decimal]]:
    """Interest and repayment per year of the plan of the project's loans."""
    drawn = {row.year: row.loan for row in project.project_years.all() if row.loan}
    costs = yearly_costs(project.loan_kind, drawn, project.loan_years, project.interest_rate,
                         until_year=project.plan.last_year)
    return {year: cost for year, cost in costs.items() if year in project.plan.year_range}


def project_lines(project: InvestmentProject) -> list[LineDraft]:
    """Every line the project writes in a version, for the years of its plan."""
    drafts = []
    for row in plan_years(project):
        drafts.extend(_capital_lines(project, row))
    for year, (interest, repayment) in loan_costs(project).items():
        drafts.append(_line(project, year, DEBT_FUNCTION, INTEREST_ART, interest, OPERATING))
        drafts.append(_line(project, year, DEBT_FUNCTION, REPAYMENT_ART, repayment, OPERATING))
    return summed(drafts)


def _capital_lines(project: InvestmentProject, row: InvestmentYear) -> list[LineDraft]:
    own_function = project.function
    return [
        _line(project, row.year, own_function, project.art, row.amount, CAPITAL),
        _line(project, row.year, LOAN_FUNCTION, LOAN_ART, -row.loan, CAPITAL),
        _line(project, row.year, own_function, GRANT_ART, -row.grants, CAPITAL),
        _line(project, row.year, VAT_FUNCTION, VAT_ART, -row.vat_compensation, CAPITAL),
        _line(project, row.year, own_function, SALES_ART, -row.sales, CAPITAL),
        _line(project, row.year, TRANSFER_FUNCTION, FROM_OPERATING_ART, -row.own_funds,
              CAPITAL),
        _line(project, row.year, TRANSFER_FUNCTION, TO_CAPITAL_ART, row.own_funds, OPERATING),
    ]


def _line(project: InvestmentProject, year: int, function: str, art: str, amount: Decimal,
          account_class: str) -> LineDraft:
    return LineDraft(year=year, responsibility=project.responsibility, function=function,
                     art=art, amount=amount, project=project.code, account_class=account_class)


def operating_cost(project: InvestmentProject) -> dict[int, Decimal]:
    """What the project costs in operations each year of the plan: interest, repayment
    and own funds transferred to the capital accounts."""
    costs = {year: Decimal(0) for year in project.plan.year_range}
    for draft in project_lines(project):
        if draft.account_class == OPERATING:
            costs[draft.year] += draft.amount
    return costs


def sync_measure(project: InvestmentProject, *, user=None) -> Measure:
    """The project's measure (kind investment), made when missing, with its yearly
    investment and operating effect set from the project."""
    with transaction.atomic():
        measure = Measure.objects.filter(project=project).first()
        if measure is None:
            measure = _new_measure(project, user)
        elif (measure.title, measure.responsibility) != (project.name[:200],
                                                         project.responsibility):
            _follow_project(measure, project)
        amounts = {row.year: row.amount for row in plan_years(project)}
        for year, cost in operating_cost(project).items():
            MeasureYear.objects.update_or_create(
                measure=measure, year=year,
                defaults={"investment": amounts.get(year, Decimal(0)), "operating": cost})
        measure.measure_years.exclude(year__in=project.plan.year_range).delete()
    return measure


def _place(project: InvestmentProject):
    place = OrgMap(project.municipality).get(project.responsibility)
    if place is None:
        raise ValueError(f"{project.responsibility} is not an ansvar of the municipality")
    return place


def _follow_project(measure: Measure, project: InvestmentProject) -> None:
    """The measure's title and responsible unit follow the project's name and ansvar."""
    place = _place(project)
    measure.title, measure.responsibility = project.name[:200], project.responsibility
    measure.unit_id, measure.service_area_id = place.unit_id, place.service_area_id
    measure.save(update_fields=["title", "responsibility", "unit", "service_area"])


def _new_measure(project: InvestmentProject, user) -> Measure:
    place = _place(project)
    number = (Measure.objects.filter(plan=project.plan).aggregate(top=Max("number"))["top"]
              or 0) + 1
    return Measure.objects.create(
        municipality=project.municipality, plan=project.plan, number=number,
        title=project.name[:200], kind=MeasureKind.INVESTMENT, unit_id=place.unit_id,
        service_area_id=place.service_area_id, responsibility=project.responsibility,
        project=project, created_by=user)


def refresh_lines(measure: Measure) -> None:
    """Rewrite the measure's lines in the versions that include it, when the measures
    machinery is there."""
    try:
        from styringshjul.budget import measures
    except ImportError:
        return
    refresh = getattr(measures, "refresh_measure_lines", None)
    if refresh is not None:
        refresh(measure)


def plan_summary(plan) -> dict:
    """The plan's projects with their yearly investment, financing and the costs they put
    on operations, and the totals per year, for the investments page."""
    years = list(plan.year_range)
    zero = {year: Decimal(0) for year in years}
    totals = {name: dict(zero) for name in ("amount", *FINANCING_FIELDS, "gap", "interest",
                                            "repayment", "capital_costs", "operating")}
    projects = []
    for project in plan.projects.prefetch_related("project_years").select_related("plan"):
        rows = {row.year: row for row in plan_years(project)}
        costs = loan_costs(project)
        gaps = financing_gap(project)
        operating = operating_cost(project)
        entry = {"project": project, "amount": [], "capital_costs": [], "gap": gaps}
        for year in years:
            row = rows.get(year)
            interest, repayment = costs.get(year, (Decimal(0), Decimal(0)))
            entry["amount"].append(row.amount if row else Decimal(0))
            entry["capital_costs"].append(interest + repayment)
            for name in ("amount", *FINANCING_FIELDS):
                totals[name][year] += getattr(row, name) if row else Decimal(0)
            totals["gap"][year] += gaps.get(year, Decimal(0))
            totals["interest"][year] += interest
            totals["repayment"][year] += repayment
            totals["capital_costs"][year] += interest + repayment
            totals["operating"][year] += operating[year]
        entry["total"] = sum(entry["amount"], Decimal(0))
        projects.append(entry)
    return {"years": years, "projects": projects,
            "totals": {name: [values[year] for year in years]
                       for name, values in totals.items()}}
