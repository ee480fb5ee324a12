"""Check a year's cycle against the rules in legal_rules.py. Findings are data."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from styringshjul.cycle.holidays import holiday_name
from styringshjul.cycle.legal_rules import RULES, Rule
from styringshjul.cycle.models import Activity, AnnualCycle, Body, Meeting

MIN_PUBLIC_DAYS = 14


@dataclass(frozen=True)
class Finding:
    code: str
    day: date
    message: str
    activity_id: int | None = None

    @property
    def rule(self) -> Rule:
        return RULES[self.code]

    @property
    def severity(self) -> str:
        return self.rule.severity

    def line(self) -> str:
        return f"{self.severity} {self.code} {self.day:%d.%m.%Y} {self.message}"


class CycleView:
    """The cycle's activities loaded once, looked up by key."""

    def __init__(self, cycle: AnnualCycle):
        self.cycle = cycle
        self.activities = list(
            Activity.objects.for_municipality(cycle.municipality).filter(cycle_id=cycle.pk)
            .select_related("responsible")
            .prefetch_related("depends_on")
        ) if cycle.pk else []
        self.meetings = {
            (m.body_id, m.date)
            for m in Meeting.objects.for_municipality(cycle.municipality)
        }

    def with_key(self, key: str) -> list[Activity]:
        return [a for a in self.activities if a.key == key]

    def first(self, key: str) -> Activity | None:
        found = self.with_key(key)
        return found[0] if found else None

    def deadline(self, month: int, day: int) -> date:
        return date(self.cycle.year, month, day)


def _missing(view: CycleView, what: str) -> Finding:
    return Finding("required_activity_missing", view.deadline(12, 31),
                   _("The cycle has no activity for: %(what)s.") % {"what": what})


def check_public_inspection(view: CycleView) -> Iterator[Finding]:
    pairs = (("recommendation_public", "budget_adopted"),
             ("economic_plan_recommendation", "economic_plan_adopted"))
    for recommendation_key, adoption_key in pairs:
        recommendation, adoption = view.first(recommendation_key), view.first(adoption_key)
        if not (recommendation and adoption):
            continue
        days = (adoption.start - recommendation.due).days
        if days < MIN_PUBLIC_DAYS:
            yield Finding(
                "recommendation_public", adoption.start,
                _("The recommendation lies public only %(days)s days before the council "
                  "treats it (%(title)s); the law requires at least 14.")
                % {"days": days, "title": adoption.title}, adoption.pk,
            )


def check_budget_adopted(view: CycleView) -> Iterator[Finding]:
    budget = view.first("budget_adopted")
    if budget is None:
        yield Finding("budget_by_year_end", view.deadline(12, 31),
                      _("No activity adopts the annual budget and economic plan before the "
                        "turn of the year."))
    for adoption in view.with_key("budget_adopted") + view.with_key("economic_plan_adopted"):
        if adoption.start > view.deadline(12, 31):
            yield Finding("budget_by_year_end", adoption.start,
                          _("%(title)s is after 31 December.") % {"title": adoption.title},
                          adoption.pk)


def check_budget_reports(view: CycleView) -> Iterator[Finding]:
    reports = view.with_key("budget_report")
    if len(reports) < 2:
        yield Finding("budget_reports", view.deadline(12, 31),
                      _("The council receives %(count)s reports on the budget development this "
                        "year; at least two are required.") % {"count": len(reports)})


ACCOUNT_DEADLINES = (
    # activity key, rule code, deadline month and day
    ("accounts_delivered", "accounts_deadline", 2, 22),
    ("annual_report", "annual_report_deadline", 3, 31),
    ("audit_statement", "audit_statement_deadline", 4, 15),
    ("accounts_adopted", "accounts_adopted_deadline", 6, 30),
    ("kostra_reporting", "kostra_deadline", 2, 15),
)


def _labels() -> dict[str, str]:
    return {
        "accounts_delivered": _("the accounts delivered"),
        "annual_report": _("the annual report"),
        "audit_statement": _("the audit statement"),
        "accounts_adopted": _("the council adopts the accounts"),
        "kostra_reporting": _("KOSTRA reporting"),
        "control_committee_accounts": _("the control committee's statement on the accounts"),
    }


def check_account_deadlines(view: CycleView) -> Iterator[Finding]:
    labels = _labels()
    for key, code, month, day in ACCOUNT_DEADLINES:
        activity, deadline = view.first(key), view.deadline(month, day)
        if activity is None:
            yield _missing(view, labels[key])
        elif activity.due > deadline:
            yield Finding(code, activity.due,
                          _("%(title)s is after the deadline %(deadline)s.")
                          % {"title": activity.title, "deadline": f"{deadline:%d.%m.%Y}"},
                          activity.pk)


def check_control_committee(view: CycleView) -> Iterator[Finding]:
    committee = view.first("control_committee_accounts")
    if committee is None:
        yield _missing(view, _labels()["control_committee_accounts"])
        return
    before = [view.first("audit_statement"), view.first("annual_report")]
    after = view.first("accounts_adopted")
    if any(a and a.due > committee.start for a in before):
        yield Finding("control_committee_order", committee.start,
                      _("The control committee treats the accounts before the audit statement "
                        "and the annual report are ready."), committee.pk)
    if after and after.start < committee.due:
        yield Finding("control_committee_order", after.start,
                      _("The council adopts the accounts before the control committee has "
                        "given its statement."), after.pk)


def check_dependencies(view: CycleView) -> Iterator[Finding]:
    for activity in view.activities:
        for needed in activity.depends_on.all():
            if activity.due < needed.due:
                yield Finding("dependency_order", activity.due,
                              _("%(title)s is due before %(needed)s, which it depends on.")
                              % {"title": activity.title, "needed": needed.title}, activity.pk)


def check_meetings(view: CycleView) -> Iterator[Finding]:
    for activity in view.activities:
        body = activity.responsible
        if (activity.kind == Activity.Kind.POLITICAL_MEETING and body
                and body.kind == Body.Kind.POLITICAL
                and (body.pk, activity.start) not in view.meetings):
            yield Finding("meeting_missing", activity.start,
                          _("%(body)s has no meeting booked on the day of %(title)s.")
                          % {"body": body.name, "title": activity.title}, activity.pk)


def check_responsible(view: CycleView) -> Iterator[Finding]:
    for activity in view.activities:
        if activity.responsible_id is None:
            yield Finding("responsible_missing", activity.start,
                          _("%(title)s has no responsible.") % {"title": activity.title},
                          activity.pk)


def check_holidays(view: CycleView) -> Iterator[Finding]:
    for activity in view.activities:
        holiday = holiday_name(activity.start)
        if holiday and activity.end is None:
            yield Finding("public_holiday", activity.start,
                          _("%(title)s falls on a public holiday (%(holiday)s).")
                          % {"title": activity.title, "holiday": holiday}, activity.pk)


CHECKS: tuple[Callable[[CycleView], Iterator[Finding]], ...] = (
    check_public_inspection, check_budget_adopted, check_budget_reports,
    check_account_deadlines, check_control_committee, check_dependencies, check_meetings,
    check_responsible, check_holidays,
)


def check_cycle(cycle: AnnualCycle) -> list[Finding]:
    view = CycleView(cycle)
    findings = [finding for check in CHECKS for finding in check(view)]
    return sorted(findings, key=lambda f: (f.day, f.severity, f.code))
