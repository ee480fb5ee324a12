"""Write operations on the annual cycle: bodies, templates, rolling a year, moving meetings."""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction

from styringshjul.cycle.dates import nearest, shift_to_year
from styringshjul.cycle.holidays import working_day_on_or_before
from styringshjul.cycle.models import Activity, AnnualCycle, Body, DefaultPhase, Meeting, Phase
from styringshjul.cycle.phase_colours import PALETTE
from styringshjul.cycle.templates_data import CycleTemplate, Row, all_templates
from styringshjul.cycle.templates_data.bodies import BODIES
from styringshjul.org.models import Municipality


@dataclass
class Applied:
    cycle: AnnualCycle
    created: int = 0
    updated: int = 0


def ensure_bodies(municipality: Municipality) -> dict[str, Body]:
    for key, name, kind in BODIES:
        Body.objects.get_or_create(municipality=municipality, key=key,
                                   defaults={"name": name, "kind": kind})
    return {b.key: b for b in Body.objects.for_municipality(municipality)}


def ensure_phases(municipality: Municipality) -> dict[str, Phase]:
    """The municipality's phases by the default keys templates use; the default ones are made
    on first use. A default phase finance has deleted maps to the first phase, so a template
    never makes an activity without one."""
    phases = list(Phase.objects.for_municipality(municipality).order_by("order", "pk"))
    if not phases:
        phases = [Phase.objects.create(municipality=municipality, key=default.value,
                                       colour=colour, order=order)
                  for order, (default, colour) in enumerate(zip(DefaultPhase, PALETTE,
                                                                strict=False))]
    by_key = {p.key: p for p in phases if p.key}
    return {default.value: by_key.get(default.value, phases[0]) for default in DefaultPhase}


def cycle_for(municipality: Municipality, year: int) -> AnnualCycle:
    cycle, _ = AnnualCycle.objects.get_or_create(municipality=municipality, year=year)
    return cycle


def meeting_dates(municipality: Municipality, year: int) -> dict[int, list[Meeting]]:
    """Each body's meetings in `year`, by body id."""
    plan: dict[int, list[Meeting]] = {}
    for meeting in Meeting.objects.for_municipality(municipality).filter(date__year=year):
        plan.setdefault(meeting.body_id, []).append(meeting)
    return plan


def _at_meeting(day: date, body: Body | None, plan: dict[int, list[Meeting]]) -> Meeting | None:
    meetings = plan.get(body.pk, []) if body else []
    chosen = nearest(day, [m.date for m in meetings])
    return next((m for m in meetings if m.date == chosen), None)


YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d{2}\b")


def renumber_years(text: str, years: int) -> str:
    """'Kommunestyret vedtar budsjett 2014' in a 2013 template reads 2027 in a 2026 cycle."""
    return YEAR_IN_TEXT.sub(lambda m: str(int(m.group()) + years), text)


def moved_date(day: date, year: int, source_year: int) -> date:
    """The same weekday in `year` (see dates.py), moved earlier off a public holiday."""
    return working_day_on_or_before(shift_to_year(day, year, source_year))


def _parse(text: str) -> date:
    return datetime.strptime(text, "%d.%m.%Y").date()


@transaction.atomic
def apply_template(municipality: Municipality, year: int, slug: str) -> Applied:
    """Create or update the year's activities from a template; applying it twice changes
    nothing the second time."""
    template = all_templates()[slug]
    bodies = ensure_bodies(municipality)
    phases = ensure_phases(municipality)
    result = Applied(cycle_for(municipality, year))
    plan = meeting_dates(municipality, year)
    by_ref: dict[str, Activity] = {}
    for index, row in enumerate(template.rows):
        activity, created = _apply_row(result.cycle, template, index, row, bodies,
                                       phases, plan)
        result.created += created
        result.updated += not created
        if row.ref:
            by_ref[row.ref] = activity
    for index, row in enumerate(template.rows):
        if row.depends_on:
            activity = Activity.objects.get(cycle=result.cycle, origin=f"{slug}:{index}")
            activity.depends_on.set([by_ref[ref] for ref in row.depends_on])
    return result


def _apply_row(cycle: AnnualCycle, template: CycleTemplate, index: int, row: Row,
               bodies: dict[str, Body], phases: dict[str, Phase],
               plan: dict[int, list[Meeting]]) -> tuple[Activity, bool]:
    body = bodies.get(row.responsible or row.suggested or "")
    start = moved_date(_parse(row.start), cycle.year, template.year)
    end = moved_date(_parse(row.end), cycle.year, template.year) if row.end else None
    meeting = _at_meeting(start, body, plan) if row.at_meeting else None
    if meeting:
        start = meeting.date
    values = {
        "municipality": cycle.municipality, "key": row.key,
        "title": renumber_years(row.title, cycle.year - template.year),
        "description": renumber_years(row.description, cycle.year - template.year),
        "start": start, "end": end,
        "date_uncertain": row.uncertain, "responsible": body, "phase": phases.get(row.phase),
        "kind": row.kind, "meeting": meeting,
    }
    return Activity.objects.update_or_create(
        cycle=cycle, origin=f"{template.slug}:{index}", defaults=values
    )


@transaction.atomic
def roll_to_next_year(cycle: AnnualCycle) -> Applied:
    """Copy the cycle into the next year by the same date rule as a template; meetings are
    taken from next year's meeting plan, and the evaluation and notes are carried along."""
    target = cycle_for(cycle.municipality, cycle.year + 1)
    if cycle.evaluation and not target.evaluation:
        target.evaluation = cycle.evaluation
        target.save(update_fields=["evaluation"])
    result = Applied(target)
    plan = meeting_dates(cycle.municipality, target.year)
    copies: dict[int, Activity] = {}
    activities = (cycle.activities.select_related("meeting__body", "responsible", "phase")
                  .prefetch_related("depends_on"))
    for activity in activities:
        copies[activity.pk], created = _roll(activity, target, plan)
        result.created += created
        result.updated += not created
    for activity in activities:
        copies[activity.pk].depends_on.set(
            [copies[d.pk] for d in activity.depends_on.all() if d.pk in copies]
        )
    return result


def _roll(activity: Activity, target: AnnualCycle,
          plan: dict[int, list[Meeting]]) -> tuple[Activity, bool]:
    year = activity.cycle.year
    start = moved_date(activity.start, target.year, year)
    end = moved_date(activity.end, target.year, year) if activity.end else None
    meeting = _at_meeting(start, activity.meeting.body, plan) if activity.meeting else None
    if meeting:
        start = meeting.date
    values = {
        "municipality": target.municipality, "key": activity.key, "title": activity.title,
        "description": activity.description, "start": start, "end": end,
        "date_uncertain": activity.date_uncertain, "responsible": activity.responsible,
        "phase": activity.phase, "kind": activity.kind, "meeting": meeting,
        "notes": activity.notes, "status": Activity.Status.PLANNED,
    }
    return Activity.objects.update_or_create(
        cycle=target, origin=f"activity:{activity.pk}", defaults=values
    )


@transaction.atomic
def move_meeting(meeting: Meeting, new_date: date) -> int:
    """Move a meeting and everything treated in it by the same number of days."""
    delta: timedelta = new_date - meeting.date
    meeting.date = new_date
    meeting.save()
    moved = 0
    for activity in meeting.activities.all():
        activity.start += delta
        if activity.end:
            activity.end += delta
        activity.save()
        moved += 1
    return moved
