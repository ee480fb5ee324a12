"""Ringebu's budget process for the economic plan 2026–2029, run the way the people in the
demo run it: finance computes the consequence-adjusted baseline from the adopted 2025
budget; the chief executive proposes, with the year's new income, about thirty measures
and three investments; two parties make alternatives; the executive committee recommends,
the council adopts, and a budget revision after the first tertial makes a revised version.

Every step goes through the same services as the pages. Built once: when the plan already
has an adopted version, nothing is done again.
"""

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Sum

from styringshjul.budget.baseline import compute_baseline
from styringshjul.budget.frames import frames_from_proposal
from styringshjul.budget.investments import sync_measure
from styringshjul.budget.lines import LineDraft, set_base_amount
from styringshjul.budget.measures import next_number, set_included, set_ranks
from styringshjul.budget.models import (
    BudgetVersion,
    ChangeSource,
    DecidingBody,
    DemographicDriver,
    InvestmentProject,
    InvestmentYear,
    Measure,
    MeasureStatus,
    MeasureYear,
    PartyGroup,
    VersionState,
)
from styringshjul.budget.revisions import RevisionChange, record_revision
from styringshjul.budget.versions import advance, alternative_for, plan_for, publish
from styringshjul.demo.budget_measures import ALTERNATIVES, MEASURES, PROJECTS
from styringshjul.ledger.models import AccountClass
from styringshjul.org.models import Municipality, OrgUnit, ServiceArea

FIRST_YEAR = 2026
WAGE_GROWTH, PRICE_GROWTH = Decimal("4.2"), Decimal("3.1")
# Frie inntekter: the state budget's nominal growth for the first year, then fixed prices
# with a little real growth.
INCOME_GROWTH = {2026: Decimal("1.056"), 2027: Decimal("1.062"), 2028: Decimal("1.068"),
                 2029: Decimal("1.074")}
INCOME_ARTS = ("800", "870")
RESERVE, USE_OF_RESERVE = ("1290", "880", "540"), ("1290", "880", "940")
DRIVERS = (
    ("Helse og omsorg", "Innbyggere 80 år og eldre", ("3.2", "3.5", "3.9", "4.1")),
    ("Oppvekst", "Barn og unge 1–15 år", ("-1.2", "-1.5", "-1.0", "-0.8")),
)
PARTY_MEMBERS = {"Senterpartiet": "per", "Høyre": "lars"}


def build_demo_budget_process(number: str = "3439") -> BudgetVersion | None:
    """Run the process once; returns the revised version (or None when already built)."""
    municipality = Municipality.objects.get(number=number)
    plan = plan_for(municipality, FIRST_YEAR)
    if plan.versions.filter(state__in=(VersionState.ADOPTED, VersionState.REVISED)).exists():
        return None
    people = {user.username: user for user in get_user_model().objects.filter(
        username__in=["kari", "guro", "per", "lars"])}
    with transaction.atomic():
        return _run(plan, people)


def _run(plan, people) -> BudgetVersion:
    kari, guro = people["kari"], people["guro"]
    plan.opening_loan_debt, plan.opening_reserve = Decimal(412_000_000), Decimal(38_000_000)
    plan.save()
    _drivers(plan)
    baseline = compute_baseline(plan, user=kari, wage_growth=WAGE_GROWTH,
                                price_growth=PRICE_GROWTH)
    proposal = advance(baseline, user=guro)
    _new_income(proposal, kari)
    measures = [*_measures(plan, guro), *_projects(plan, kari)]
    for measure in measures:
        set_included(proposal, measure, True, user=guro)
    set_ranks(proposal, [measure.pk for measure in measures], user=guro)
    balance_with_reserve(proposal, kari)
    frames_from_proposal(proposal)
    _alternatives(proposal, plan, people)
    recommendation = advance(proposal, user=kari)
    adopted = advance(recommendation, user=kari)
    Measure.objects.filter(plan=plan, in_versions__version=adopted,
                           in_versions__included=True).update(status=MeasureStatus.ADOPTED)
    revision = record_revision(
        adopted, case_number="26/412", decided_on=date(2026, 6, 18),
        decided_by=DecidingBody.COUNCIL,
        justification="Første tertialrapport 2026: flere barn i fosterhjem og institusjon. "
                      "Merforbruket i barnevernet dekkes av disposisjonsfondet.",
        changes=[
            RevisionChange(2026, "3600", "252", "370", Decimal(800_000),
                           text="Kjøp av plasser i barnevernsinstitusjon"),
            RevisionChange(2026, *USE_OF_RESERVE, Decimal(-800_000),
                           text="Bruk av disposisjonsfond"),
        ],
        user=kari)
    return revision.result


def _drivers(plan) -> None:
    for area_name, driver, changes in DRIVERS:
        area = ServiceArea.objects.get(municipality=plan.municipality, name=area_name)
        for year, change in zip(plan.year_range, changes, strict=True):
            DemographicDriver.objects.get_or_create(
                plan=plan, service_area=area, year=year, driver=driver,
                defaults={"change_pct": Decimal(change)})


def _new_income(version: BudgetVersion, user) -> None:
    """The chief executive's proposal has next year's block grant and tax from the state
    budget; the baseline kept last year's."""
    for line in version.lines.filter(measure=None, kostra_art__in=INCOME_ARTS):
        amount = (line.amount * INCOME_GROWTH[line.year]).quantize(Decimal(1000))
        set_base_amount(version, LineDraft(line.year, line.responsibility, line.function,
                                           line.art, amount, line.project),
                        user=user, source=ChangeSource.FORM)


def _measures(plan, user) -> list[Measure]:
    units = {unit.name: unit for unit in OrgUnit.objects.for_municipality(plan.municipality)}
    made = []
    for spec in MEASURES:
        unit = units[spec.unit]
        measure = Measure.objects.create(
            municipality=plan.municipality, plan=plan, number=next_number(plan),
            title=spec.title, kind=spec.kind, unit=unit, service_area=unit.service_area,
            description=spec.description, consequences_users=spec.users,
            consequences_staff=spec.staff, one_off=spec.one_off,
            responsibility=spec.responsibility, function=spec.function, art=spec.art,
            created_by=user)
        MeasureYear.objects.bulk_create(
            MeasureYear(measure=measure, year=year, operating=amount)
            for year, amount in zip(plan.year_range, spec.yearly(), strict=True))
        made.append(measure)
    return made


def _projects(plan, user) -> list[Measure]:
    made = []
    for spec in PROJECTS:
        project = InvestmentProject.objects.create(
            municipality=plan.municipality, plan=plan, code=spec.code, name=spec.name,
            responsibility=spec.responsibility, function=spec.function, art="230",
            loan_years=40 if spec.function == "345" else 30, interest_rate=Decimal("4.5"))
        for year, amount in zip(plan.year_range, spec.amounts, strict=True):
            gross = Decimal(amount)
            vat = (gross * spec.vat_share).quantize(Decimal(1))
            InvestmentYear.objects.create(project=project, year=year, amount=gross,
                                          vat_compensation=vat, loan=gross - vat)
        made.append(sync_measure(project, user=user))
    return made


def balance_with_reserve(version: BudgetVersion, user) -> None:
    """Balance each year's operating budget on the unrestricted reserve: a surplus is set
    aside (540), a deficit covered by using the reserve (940)."""
    for year in version.year_range:
        operating = version.lines.filter(year=year, account_class=AccountClass.OPERATING)
        rest = -(operating.aggregate(total=Sum("amount"))["total"] or Decimal(0))
        current = {art: _base_amount(version, year, (*RESERVE[:2], art))
                   for art in (RESERVE[2], USE_OF_RESERVE[2])}
        net = current[RESERVE[2]] + current[USE_OF_RESERVE[2]] + rest
        amounts = {RESERVE[2]: max(net, Decimal(0)), USE_OF_RESERVE[2]: min(net, Decimal(0))}
        for art, amount in amounts.items():
            set_base_amount(version, LineDraft(year, RESERVE[0], RESERVE[1], art, amount),
                            user=user, source=ChangeSource.FORM)


def _base_amount(version, year, key) -> Decimal:
    responsibility, function, art = key
    line = version.lines.filter(measure=None, year=year, responsibility=responsibility,
                                function=function, art=art, project="").first()
    return line.amount if line else Decimal(0)


def _alternatives(proposal, plan, people) -> None:
    for name, left_out in ALTERNATIVES.items():
        member = people[PARTY_MEMBERS[name]]
        party, _created = PartyGroup.objects.get_or_create(municipality=plan.municipality,
                                                           name=name)
        party.members.add(member)
        alternative = alternative_for(proposal, party, user=member)
        for measure in Measure.objects.filter(plan=plan, title__in=left_out):
            set_included(alternative, measure, False, user=member)
        balance_with_reserve(alternative, member)
        if name == "Høyre":
            publish(alternative)
