from datetime import date, timedelta

import pytest

from styringshjul.cycle.demo import build_demo_cycle
from styringshjul.cycle.models import Activity, AnnualCycle, Body


@pytest.fixture
def ringebu_2026(ringebu) -> AnnualCycle:
    build_demo_cycle()
    return AnnualCycle.objects.get(municipality=ringebu, year=2026)


@pytest.fixture
def finance_body(ringebu_2026, ringebu):
    return Body.objects.get(municipality=ringebu, key="okonomi")


@pytest.fixture
def one_due_and_one_late(ringebu_2026, finance_body):
    ringebu_2026.activities.update(status=Activity.Status.DONE)
    today = date(2026, 11, 23)
    due, late = ringebu_2026.activities.order_by("pk")[:2]
    for activity, start in ((due, today + timedelta(days=5)), (late, today - timedelta(days=2))):
        Activity.objects.filter(pk=activity.pk).update(
            start=start, end=None, status=Activity.Status.PLANNED, responsible=finance_body,
            kind=Activity.Kind.DEADLINE)
    return today, due, late
