"""How early reminders start: a municipality's stored lead days per activity kind, over
the defaults."""

from styringshjul.cycle.models import Activity, ReminderSetting
from styringshjul.org.models import Municipality

DEFAULT_LEAD_DAYS: dict[str, int] = {
    Activity.Kind.DEADLINE: 7,
    Activity.Kind.POLITICAL_MEETING: 14,
    Activity.Kind.REPORT: 14,
    Activity.Kind.SURVEY: 14,
    Activity.Kind.DIALOGUE: 14,
    Activity.Kind.TRAINING: 7,
}
MAX_LEAD_DAYS = 365


def lead_days_for(municipality: Municipality) -> dict[str, int]:
    """Days before the due date a reminder starts, for every activity kind."""
    stored = ReminderSetting.objects.for_municipality(municipality).values_list(
        "kind", "lead_days")
    return {**DEFAULT_LEAD_DAYS, **dict(stored)}


def save_lead_days(municipality: Municipality, lead_days: dict[str, int]) -> list[str]:
    """Store the lead days that differ from the municipality's current ones; the kinds
    that changed are returned."""
    current = lead_days_for(municipality)
    changed = []
    for kind, days in lead_days.items():
        if current.get(kind) == days:
            continue
        ReminderSetting.objects.update_or_create(
            municipality=municipality, kind=kind, defaults={"lead_days": days})
        changed.append(kind)
    return changed
