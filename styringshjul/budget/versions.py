"""The budget process as steps between versions. Each step makes a new version (a copy
of the one before, with its lines, frames and measure choices), so every stage stays
available for comparison: baseline → proposal → recommendation → adopted, party
alternatives beside the proposal, and revised versions after each budget revision.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from styringshjul.budget.lines import copy_lines
from styringshjul.budget.models import (
    BudgetVersion,
    EconomicPlan,
    Frame,
    PartyGroup,
    PlanYear,
    VersionMeasure,
    VersionState,
)
from styringshjul.org.models import Municipality

NEXT_STATE = {
    VersionState.BASELINE: VersionState.PROPOSAL,
    VersionState.PROPOSAL: VersionState.RECOMMENDATION,
    VersionState.RECOMMENDATION: VersionState.ADOPTED,
}
MUST_BALANCE = (VersionState.RECOMMENDATION, VersionState.ADOPTED)


class ProcessError(Exception):
    """A step of the budget process that cannot be taken; the messages say why."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def plan_for(municipality: Municipality, first_year: int, years: int = 4) -> EconomicPlan:
    """The municipality's plan starting in `first_year`, made (with its years) if new."""
    plan, created = EconomicPlan.objects.get_or_create(
        municipality=municipality, first_year=first_year, defaults={"years": years})
    if created:
        PlanYear.objects.bulk_create(PlanYear(plan=plan, year=year) for year in plan.year_range)
    return plan


def default_name(plan: EconomicPlan, state: str, party: PartyGroup | None = None) -> str:
    span = f"{plan.first_year}–{plan.last_year}"
    names = {
        VersionState.BASELINE: _("Consequence-adjusted budget %(span)s"),
        VersionState.PROPOSAL: _("Chief executive's proposal %(span)s"),
        VersionState.RECOMMENDATION: _("Executive committee's recommendation %(span)s"),
        VersionState.ADOPTED: _("Adopted economic plan %(span)s"),
        VersionState.ALTERNATIVE: _("Alternative budget %(span)s from %(party)s"),
        VersionState.REVISED: _("Revised budget %(span)s"),
    }
    return names[state] % {"span": span, "party": party}


def unique_name(municipality: Municipality, name: str) -> str:
    """`name`, or `name (2)`, `name (3)` … if the municipality already has it."""
    taken = set(BudgetVersion.objects.for_municipality(municipality)
                .filter(name__startswith=name).values_list("name", flat=True))
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name} ({number})"
    return candidate


def derive_version(source: BudgetVersion, state: str, *, user, name: str = "",
                   party: PartyGroup | None = None) -> BudgetVersion:
    """A new version of `state` starting as a copy of `source`."""
    plan = source.plan
    name = name or (default_name(plan, state, party) if plan else source.name)
    with transaction.atomic():
        version = BudgetVersion.objects.create(
            municipality=source.municipality, plan=plan, based_on=source, party=party,
            name=unique_name(source.municipality, name), first_year=source.first_year,
            years=source.years, state=state, created_by=user)
        copy_lines(source, version)
        Frame.objects.bulk_create(
            Frame(version=version, service_area_id=frame.service_area_id, year=frame.year,
                  amount=frame.amount) for frame in source.frames.all())
        VersionMeasure.objects.bulk_create(
            VersionMeasure(version=version, measure_id=choice.measure_id,
                           included=choice.included, rank=choice.rank)
            for choice in source.version_measures.all())
    return version


def advance(version: BudgetVersion, *, user, name: str = "") -> BudgetVersion:
    """The next step of the process: proposal from the baseline, recommendation from the
    proposal, adopted from the recommendation. An unbalanced budget cannot be recommended
    or adopted."""
    from styringshjul.budget.balance import why_unbalanced

    state = NEXT_STATE.get(version.state)
    if state is None:
        raise ProcessError([_("A version in the state «%(state)s» is not taken further.")
                            % {"state": version.get_state_display()}])
    if state in MUST_BALANCE:
        problems = why_unbalanced(version)
        if problems:
            raise ProcessError(problems)
    return derive_version(version, state, user=user, name=name)


def alternative_for(version: BudgetVersion, party: PartyGroup, *, user) -> BudgetVersion:
    """A party's alternative budget: the proposal (or recommendation) to change as the
    party wants. Unpublished until the party decides."""
    if version.state not in (VersionState.PROPOSAL, VersionState.RECOMMENDATION):
        raise ProcessError([_("An alternative budget starts from the chief executive's "
                              "proposal or the executive committee's recommendation.")])
    return derive_version(version, VersionState.ALTERNATIVE, user=user, party=party)


def publish(version: BudgetVersion) -> None:
    version.published = True
    version.save(update_fields=["published"])
