"""What other apps may read from the annual cycle."""

from datetime import date, timedelta
from itertools import groupby

from styringshjul.cycle.models import Activity, AnnualCycle
from styringshjul.org.models import Municipality


def activities_of(municipality: Municipality, year: int):
    return (Activity.objects.for_municipality(municipality).filter(cycle__year=year)
            .select_related("responsible", "meeting", "budget_version", "phase"))


def by_month(activities) -> list[tuple[int, list[Activity]]]:
    return [(month, list(items)) for month, items in groupby(activities, lambda a: a.start.month)]


def due_soon(municipality: Municipality, today: date, days: int = 7) -> list[Activity]:
    """Activities not done whose due date is within the next `days` days."""
    return [a for a in _open(municipality)
            .filter(start__lte=today + timedelta(days=days))
            if today <= a.due <= today + timedelta(days=days)]


def late(municipality: Municipality, today: date) -> list[Activity]:
    """Activities not done whose due date has passed."""
    return [a for a in _open(municipality).filter(start__lt=today) if a.due < today]


def published_cycle(municipality: Municipality, year: int) -> AnnualCycle | None:
    return AnnualCycle.objects.for_municipality(municipality).filter(
        year=year, published=True).first()


def _open(municipality: Municipality):
    return (Activity.objects.for_municipality(municipality)
            .exclude(status=Activity.Status.DONE).select_related("responsible", "cycle"))
