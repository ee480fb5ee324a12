from datetime import date

import pytest
from django.core.management import call_command

from styringshjul.cycle.dates import shift_to_year
from styringshjul.cycle.holidays import holiday_name
from styringshjul.cycle.models import Activity, AnnualCycle
from styringshjul.cycle.services import apply_template, roll_to_next_year
from styringshjul.cycle.templates_data import all_templates
from styringshjul.cycle.templates_data.ringebu_2013 import ROWS

pytestmark = pytest.mark.django_db


def test_the_ringebu_template_keeps_every_dated_row_of_the_2013_table():
    assert len(ROWS) == 41
    assert sum(row.uncertain for row in ROWS) == 8
    assert ROWS[-1].title == "Kommunestyret vedtar budsjett 2014"
    assert ROWS[-1].start == "26.11.2013"


def test_applying_a_template_twice_changes_nothing_the_second_time(ringebu_2026):
    before = list(ringebu_2026.activities.values_list("pk", "start", "title", "meeting"))
    again = apply_template(ringebu_2026.municipality, 2026, "ringebu-2013")
    assert again.created == 0 and again.updated == 41
    after = list(ringebu_2026.activities.values_list("pk", "start", "title", "meeting"))
    assert after == before


def test_council_items_take_the_date_of_the_councils_nearest_meeting(ringebu_2026):
    adoption = ringebu_2026.activities.get(key="budget_adopted")
    assert adoption.start == date(2026, 12, 8) == adoption.meeting.date
    assert adoption.title == "Kommunestyret vedtar budsjett 2027"


def test_without_a_meeting_plan_the_dates_keep_their_weekday_unless_on_a_holiday(gausdal):
    call_command("cycle_apply_template", municipality="3441", year=2031, template="standard")
    cycle = AnnualCycle.objects.get(municipality=gausdal, year=2031)
    moved_off_holidays = []
    for index, row in enumerate(all_templates()["standard"].rows):
        source = date(*reversed([int(p) for p in row.start.split(".")]))
        start = cycle.activities.get(origin=f"standard:{index}").start
        if start.weekday() != source.weekday():
            moved_off_holidays.append(start)
            assert holiday_name(shift_to_year(source, 2031)) is not None
    # Thursday 22.05.2025 lands on Ascension Day 2031 and moves to the Wednesday before.
    assert moved_off_holidays == [date(2031, 5, 21)]


def test_rolling_a_cycle_to_next_year_keeps_weekdays_and_links(ringebu_2026):
    ringebu_2026.evaluation = "Lederforum: for korte frister i mai."
    ringebu_2026.save()
    result = roll_to_next_year(ringebu_2026)
    assert result.created == 41
    assert roll_to_next_year(ringebu_2026).created == 0
    adoption = result.cycle.activities.get(key="budget_adopted")
    assert adoption.start.year == 2027 and adoption.start.weekday() == 1
    assert adoption.depends_on.get().key == "recommendation_public"
    assert result.cycle.evaluation.startswith("Lederforum")
    assert Activity.objects.filter(cycle=result.cycle, status="planned").count() == 41
