"""Demo cycles: Ringebu's 2026 from its 2013 table with a realistic meeting plan and one
deliberate finding (the budget recommendation lies public only 12 days), Gausdal's from
its wheel. Safe to run again."""

from datetime import date

from django.contrib.auth import get_user_model

from styringshjul.cycle.models import Activity, AnnualCycle, Body, Meeting
from styringshjul.cycle.services import apply_template, ensure_bodies
from styringshjul.org.models import Municipality, Role

YEAR = 2026
# What was due before this day is done, so the demo looks like late November 2026.
DONE_BEFORE = date(2026, 11, 20)

# Formannskapet meets on Thursdays, kommunestyret on Tuesdays, roughly monthly (not on
# Thursday 14 May 2026, which is Ascension Day).
RINGEBU_MEETINGS = {
    "formannskapet": ["29.01", "12.03", "16.04", "21.05", "04.06", "10.09", "17.09", "08.10",
                      "26.11"],
    # 08.12 is only 12 days after formannskapet's recommendation of 26.11: the deliberate
    # finding that the demo shows.
    "kommunestyret": ["10.02", "24.03", "26.05", "16.06", "22.09", "06.10", "03.11", "08.12"],
    "kontrollutvalget": ["04.03", "06.05", "16.09", "25.11"],
}
GAUSDAL_MEETINGS = {
    "formannskapet": ["22.01", "05.03", "23.04", "28.05", "03.09", "15.10", "19.11"],
    "kommunestyret": ["12.02", "26.03", "07.05", "09.06", "16.06", "15.09", "20.10", "15.12"],
    "kontrollutvalget": ["11.03", "06.05", "23.09", "25.11"],
}


def build_demo_cycle() -> list[AnnualCycle]:
    cycles = []
    for number, plan, template in (("3439", RINGEBU_MEETINGS, "ringebu-2013"),
                                   ("3441", GAUSDAL_MEETINGS, "gausdal")):
        municipality = Municipality.objects.filter(number=number).first()
        if municipality is None:
            continue
        _book_meetings(municipality, plan)
        cycle = apply_template(municipality, YEAR, template).cycle
        cycle.published = True
        cycle.save(update_fields=["published"])
        cycle.activities.filter(start__lt=DONE_BEFORE, end__isnull=True).update(
            status=Activity.Status.DONE)
        cycle.activities.filter(end__lt=DONE_BEFORE).update(status=Activity.Status.DONE)
        _finance_is_reminded(municipality)
        cycles.append(cycle)
    return cycles


def _finance_is_reminded(municipality: Municipality) -> None:
    """The finance staff are the contact persons of the finance body."""
    finance = Body.objects.for_municipality(municipality).get(key="okonomi")
    people = set(get_user_model().objects.filter(
        memberships__municipality=municipality, memberships__role=Role.FINANCE))
    if set(finance.contacts.all()) != people:
        finance.contacts.set(people)


def _book_meetings(municipality: Municipality, plan: dict[str, list[str]]) -> None:
    bodies = ensure_bodies(municipality)
    for key, days in plan.items():
        for day in days:
            dd, mm = (int(part) for part in day.split("."))
            Meeting.objects.get_or_create(municipality=municipality, body=bodies[key],
                                          date=date(YEAR, mm, dd))
