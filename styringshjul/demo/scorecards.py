"""Ringebu's scorecards for 2026, after the example in seed 001: the community plan with
the vision «Ringebu – kommunen der det er lov å lykkes»; the municipality's scorecard with
success factors for finance and employees shared by every unit (budget control measured as
agreement between budget and accounts, 0–2 %; reports on time; skilled workers; the
employee survey at 4 of 6 points; sick leave); and for every unit its own factors for users
and society, after the kind of service it gives. Results for the first two tertials:
typed-in ones with comments and follow-up plans, sick leave as imported from the payroll
system, and the budget deviation computed from the ledger where the demo has one. The
chief executive asks a few inquiries; Fåvang skule's leader answers two.

Deterministic and idempotent: a second run changes and creates nothing.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from styringshjul.demo.scorecard_data import (
    AREA_GOALS,
    FOCUS_AREAS,
    HIGH_SICK_LEAVE,
    IMPORTED_NOTE,
    INQUIRIES,
    LATE_REPORT,
    LOW_SKILLED,
    LOW_SURVEY,
    PLAN_NAME,
    PROFILES,
    REPORTS,
    SHARED,
    SICK_LEAVE,
    SKILLED,
    SURVEY,
    T1,
    T2,
    TOP_FIGURES,
    TOP_MAIN_GOAL,
    TOP_OWN,
    TOP_PURPOSE,
    UNITS,
    VISION,
    DemoFactor,
    DemoIndicator,
    DemoProfile,
    DemoResult,
)
from styringshjul.org.models import Municipality, OrgUnit
from styringshjul.org.records import upsert
from styringshjul.scorecards import services
from styringshjul.scorecards.models import (
    CommunityGoal,
    CommunityPlan,
    FocusArea,
    Indicator,
    Inquiry,
    Level,
    Perspective,
    Result,
    Scorecard,
    SuccessFactor,
)
from styringshjul.scorecards.queries import sheet

# Building ------------------------------------------------------------------------------------

@dataclass
class BuiltScorecards:
    top: Scorecard
    scorecards: int
    results: int
    inquiries: int


@transaction.atomic
def build_demo_scorecards(number: str = "3439", year: int = 2026) -> BuiltScorecards:
    """Ringebu's plan and scorecards for `year`, with results and inquiries."""
    municipality = Municipality.objects.get(number=number)
    goals = _build_plan(municipality)
    top = services.ensure_year(municipality, year)
    perspectives = {p.name: p for p in Perspective.objects.for_municipality(municipality)}
    _describe(top, TOP_PURPOSE, TOP_MAIN_GOAL, goals.values())
    shared = _build_factors(top, SHARED, perspectives, goals, is_shared=True)
    _build_factors(top, TOP_OWN, perspectives, goals)
    _record_shared(top, shared, TOP_FIGURES)
    scorecards = Scorecard.objects.for_municipality(municipality).filter(year=year)
    for scorecard in scorecards.filter(level=Level.SERVICE_AREA).select_related("service_area"):
        purpose, main_goal = AREA_GOALS.get(scorecard.service_area.name, ("", ""))
        _describe(scorecard, purpose, main_goal, [])
    units = {unit.name: unit for unit in OrgUnit.objects.for_municipality(municipality)}
    for name, figures in UNITS.items():
        scorecard = scorecards.get(level=Level.UNIT, unit=units[name])
        _build_unit(scorecard, PROFILES[figures[0]], perspectives, goals)
        _record_shared(scorecard, shared, figures)
    _refresh_from_ledger(scorecards)
    _build_inquiries(municipality, scorecards, units)
    return BuiltScorecards(top, scorecards.count(),
                           Result.objects.filter(scorecard__in=scorecards).count(),
                           Inquiry.objects.filter(scorecard__in=scorecards).count())


def _build_plan(municipality: Municipality) -> dict[str, CommunityGoal]:
    plan, _state = upsert(CommunityPlan, {"municipality": municipality, "name": PLAN_NAME},
                          {"vision": VISION, "first_year": 2020, "last_year": 2032})
    goals = {}
    for order, (name, area_goals) in enumerate(FOCUS_AREAS, start=1):
        area, _state = upsert(FocusArea, {"plan": plan, "name": name}, {"sort_order": order})
        for goal_order, (key, text) in enumerate(area_goals, start=1):
            goals[key], _state = upsert(CommunityGoal, {"focus_area": area, "text": text},
                                        {"sort_order": goal_order})
    return goals


def _describe(scorecard: Scorecard, purpose: str, main_goal: str, goals) -> None:
    if (scorecard.purpose, scorecard.main_goal) != (purpose, main_goal):
        scorecard.purpose, scorecard.main_goal = purpose, main_goal
        scorecard.lock_version += 1
        scorecard.save()
    goals = set(goals)
    if goals and set(scorecard.goals.all()) != goals:
        scorecard.goals.set(goals)


def _build_factors(scorecard: Scorecard, factors: tuple[DemoFactor, ...], perspectives: dict,
                   goals: dict, is_shared: bool = False) -> dict[str, Indicator]:
    """The factors with their indicators and typed-in results; returns the indicators by
    name."""
    indicators = {}
    for order, spec in enumerate(factors, start=1):
        success_factor, _state = upsert(
            SuccessFactor, {"scorecard": scorecard, "name": spec.name},
            {"perspective": perspectives[spec.perspective], "is_shared": is_shared,
             "goal": goals.get(spec.goal), "sort_order": order})
        for indicator_order, indicator_spec in enumerate(spec.indicators, start=1):
            indicator = _build_indicator(success_factor, indicator_spec, indicator_order)
            indicators[indicator.name] = indicator
            for result in indicator_spec.results:
                _typed_in(scorecard, indicator, result)
    return indicators


def _build_indicator(success_factor: SuccessFactor, spec: DemoIndicator,
                     order: int) -> Indicator:
    indicator, _state = upsert(Indicator, {"success_factor": success_factor,
                                           "name": spec.name}, {
        "definition": spec.definition, "unit_of_measure": spec.unit,
        "direction": spec.direction, "target": Decimal(spec.target),
        "red_limit": Decimal(spec.red_limit), "target_text": spec.target_text,
        "source": spec.source, "source_options": spec.source_options or {},
        "sort_order": order})
    return indicator


def _typed_in(scorecard: Scorecard, indicator: Indicator, result: DemoResult) -> None:
    upsert(Result, {"scorecard": scorecard, "indicator": indicator, "period": result.period},
           {"value": Decimal(result.value), "comment": result.comment,
            "follow_up": result.follow_up})


def _build_unit(scorecard: Scorecard, profile: DemoProfile, perspectives: dict,
                goals: dict) -> None:
    _describe(scorecard, profile.purpose, profile.main_goal,
              [goals[spec.goal] for spec in profile.factors if spec.goal])
    _build_factors(scorecard, profile.factors, perspectives, goals)


def _record_shared(scorecard: Scorecard, shared: dict[str, Indicator], figures: tuple) -> None:
    """The unit's own results on the shared indicators: typed in, and sick leave as
    imported from the payroll system."""
    _profile_key, reports_1, reports_2, skilled, survey, sick_1, sick_2 = figures
    for period, value in ((T1, reports_1), (T2, reports_2)):
        _typed_in(scorecard, shared[REPORTS],
                  DemoResult(period, value, *_when(Decimal(value) < 100, LATE_REPORT)))
    for period in (T1, T2):
        _typed_in(scorecard, shared[SKILLED],
                  DemoResult(period, skilled, *_when(Decimal(skilled) < 80, LOW_SKILLED)))
    _typed_in(scorecard, shared[SURVEY],
              DemoResult(T1, survey, *_when(Decimal(survey) < 4, LOW_SURVEY)))
    for period, value in ((T1, sick_1), (T2, sick_2)):
        result = _imported(scorecard, shared[SICK_LEAVE], period, Decimal(value))
        comment, follow_up = _when(Decimal(value) > 9, HIGH_SICK_LEAVE)
        upsert(Result, {"pk": result.pk}, {"comment": comment, "follow_up": follow_up})


def _when(condition: bool, texts: tuple[str, str]) -> tuple[str, str]:
    return texts if condition else ("", "")


def _imported(scorecard: Scorecard, indicator: Indicator, period: str,
              value: Decimal) -> Result:
    found = Result.objects.filter(scorecard=scorecard, indicator=indicator,
                                  period=period).first()
    if found and found.value == value and found.source_note == IMPORTED_NOTE:
        return found
    return services.record_value(scorecard, indicator, period, value,
                                 source_note=IMPORTED_NOTE)


def _refresh_from_ledger(scorecards) -> None:
    """The budget deviation from the demo ledger, computed once: the ledger is there only
    in `make demo`, so in tests nothing is computed."""
    if Result.objects.filter(scorecard__in=scorecards,
                             indicator__source="ledger_deviation").exists():
        return
    try:  # the ledger source arrives with its own change; without it there is nothing to do
        from styringshjul.scorecards.sources import refresh
    except ImportError:
        return
    refresh(list(scorecards))


def _build_inquiries(municipality: Municipality, scorecards, units: dict) -> None:
    users = get_user_model().objects.in_bulk(["guro", "ola"], field_name="username")
    for unit_name, indicator_name, period, question, answer in INQUIRIES:
        scorecard = scorecards.get(level=Level.UNIT, unit=units[unit_name])
        if Inquiry.objects.filter(scorecard=scorecard, question=question).exists():
            continue
        indicator = next(row.indicator for row in sheet(scorecard).indicator_rows()
                         if row.indicator.name == indicator_name)
        Inquiry.objects.create(
            municipality=municipality, scorecard=scorecard, indicator=indicator,
            period=period, question=question, asked_by=users.get("guro"), answer=answer,
            answered_by=users.get("ola") if answer else None,
            answered_at=timezone.now() if answer else None)
