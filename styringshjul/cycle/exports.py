"""The cycle as a CSV file for Excel and as an iCalendar file for Outlook and Google."""

import csv
import io
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from styringshjul.cycle.models import Activity

CSV_COLUMNS = ("date", "end", "title", "responsible", "phase", "kind", "status")
TIMEZONE = "Europe/Oslo"


def _day(value) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def to_csv(activities: Iterable[Activity]) -> str:
    """`;`-separated with a byte order mark, so Excel opens it as UTF-8."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for a in activities:
        writer.writerow([_day(a.start), _day(a.end), a.title, a.responsible or "",
                         str(a.phase or ""), a.get_kind_display(), a.get_status_display()])
    return out.getvalue()


def to_ics(activities: Iterable[Activity], name: str, link: str,
           stamp: datetime | None = None) -> bytes:
    """All-day events (a date has no time, so summer time cannot shift it), each with its
    description, responsible and `link` back to the cycle."""
    calendar = Calendar()
    calendar.add("prodid", "-//Styringshjul//Annual cycle//NB")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    for activity in activities:
        calendar.add_component(_event(activity, link, stamp))
    return calendar.to_ical()


def _event(activity: Activity, link: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"activity-{activity.pk}@styringshjul")
    event.add("dtstamp", stamp)
    event.add("summary", activity.title)
    event.add("dtstart", activity.start)
    event.add("dtend", (activity.end or activity.start) + timedelta(days=1))
    lines = [activity.description] if activity.description else []
    if activity.responsible:
        lines.append(_("Responsible: %(body)s") % {"body": activity.responsible})
    lines.append(link)
    event.add("description", "\n".join(lines))
    event.add("url", link)
    if activity.phase:
        event.add("categories", [str(activity.phase)])
    event.add("transp", "TRANSPARENT")
    return event
