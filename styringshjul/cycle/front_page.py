from datetime import date

from django.http import HttpRequest

from styringshjul.cycle.queries import due_soon, late
from styringshjul.org.models import Municipality


def deadlines(request: HttpRequest, municipality: Municipality) -> dict | None:
    """What is due this week and what is late, for the municipality's front page."""
    today = date.today()
    soon, overdue = due_soon(municipality, today), late(municipality, today)
    return {"due_soon": soon, "late": overdue, "today": today}
