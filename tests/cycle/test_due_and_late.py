from datetime import date

import pytest

from styringshjul.cycle.models import Activity
from styringshjul.cycle.queries import due_soon, late

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_done_yet(ringebu_2026):
    ringebu_2026.activities.update(status=Activity.Status.PLANNED)


def test_an_activity_past_its_due_date_and_not_done_counts_as_late(ringebu_2026):
    activity = ringebu_2026.activities.get(key="annual_report")
    assert activity.status_on(date(2026, 3, 13)) == Activity.Status.PLANNED
    assert activity.status_on(date(2026, 3, 14)) == Activity.Status.LATE
    activity.status = Activity.Status.DONE
    assert activity.status_on(date(2026, 12, 31)) == Activity.Status.DONE


def test_a_range_is_late_only_after_its_end(ringebu_2026):
    activity = ringebu_2026.activities.filter(end__isnull=False).first()
    assert activity.status_on(activity.end) == Activity.Status.PLANNED


def test_due_soon_lists_what_falls_due_in_the_coming_week(ringebu_2026):
    titles = [a.title for a in due_soon(ringebu_2026.municipality, date(2026, 12, 2))]
    assert titles == ["Kommunestyret vedtar budsjett 2027"]


def test_late_lists_what_is_overdue_and_not_done(ringebu_2026):
    overdue = late(ringebu_2026.municipality, date(2026, 2, 14))
    assert {a.title for a in overdue} == {
        "Mal for årsberetning/tjenesterapportering ferdig", "Frist årsavslutning regnskap 2025.",
        "Frist KOSTRA rapportering til SSB",
    }
    ringebu_2026.activities.filter(key="kostra_reporting").update(status="done")
    assert len(late(ringebu_2026.municipality, date(2026, 2, 14))) == 2


def test_the_queries_never_show_another_municipalitys_activities(ringebu_2026, gausdal):
    assert due_soon(gausdal, date(2026, 12, 2)) == []
