import csv
import io
from datetime import date, datetime

import pytest
from django.core.management import call_command
from icalendar import Calendar

from styringshjul.cycle.exports import to_ics

pytestmark = pytest.mark.django_db


def test_the_csv_export_has_a_bom_semicolons_and_one_row_per_activity(ringebu_2026, tmp_path):
    out = tmp_path / "arshjul.csv"
    call_command("cycle_export", municipality="3439", year=2026, format="csv", output=out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["date", "end", "title", "responsible", "phase", "kind", "status"]
    assert len(rows) == 42
    adoption = next(r for r in rows if r[2] == "Kommunestyret vedtar budsjett 2027")
    assert adoption[0] == "08.12.2026" and adoption[3] == "Kommunestyret"


def test_the_ics_export_has_all_day_events_with_responsible_and_a_link(ringebu_2026, tmp_path):
    out = tmp_path / "arshjul.ics"
    call_command("cycle_export", municipality="3439", year=2026, format="ics", output=out,
                 base_url="https://styringshjul.example")
    calendar = Calendar.from_ical(out.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 41
    adoption = next(e for e in events if e["summary"] == "Kommunestyret vedtar budsjett 2027")
    assert adoption.decoded("dtstart") == date(2026, 12, 8)
    assert adoption.decoded("dtend") == date(2026, 12, 9)
    assert "Kommunestyret" in adoption["description"]
    assert adoption["url"] == "https://styringshjul.example/3439/arshjul/2026/"
    assert calendar["x-wr-timezone"] == "Europe/Oslo"


def test_a_date_range_across_the_summer_time_change_stays_whole_days(ringebu_2026):
    activity = ringebu_2026.activities.first()
    activity.start, activity.end = date(2026, 3, 27), date(2026, 3, 30)  # DST on 29.03
    event = Calendar.from_ical(to_ics([activity], "x", "https://x", datetime(2026, 1, 1)))
    vevent = event.walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == date(2026, 3, 27)
    assert vevent.decoded("dtend") == date(2026, 3, 31)
    assert "VALUE=DATE" in event.to_ical().decode()
