from datetime import date

import pytest

from styringshjul.cycle.checks import check_cycle
from styringshjul.cycle.models import Meeting
from styringshjul.cycle.services import move_meeting

pytestmark = pytest.mark.django_db


def test_moving_a_meeting_moves_what_is_treated_in_it_and_clears_the_finding(ringebu_2026):
    meeting = Meeting.objects.get(body__key="kommunestyret", date=date(2026, 12, 8))
    assert move_meeting(meeting, date(2026, 12, 15)) == 1
    adoption = ringebu_2026.activities.get(key="budget_adopted")
    assert adoption.start == date(2026, 12, 15)
    assert check_cycle(ringebu_2026) == []


def test_moving_a_meeting_leaves_other_bodies_activities_alone(ringebu_2026):
    recommendation = ringebu_2026.activities.get(key="recommendation_public")
    meeting = Meeting.objects.get(body__key="kommunestyret", date=date(2026, 12, 8))
    move_meeting(meeting, date(2026, 12, 1))
    recommendation.refresh_from_db()
    assert recommendation.start == date(2026, 11, 26)
