import pytest

from styringshjul.cycle.checks import check_cycle
from styringshjul.cycle.demo import build_demo_cycle
from styringshjul.cycle.models import Activity, Meeting

pytestmark = pytest.mark.django_db


def test_the_demo_cycles_can_be_built_again_without_doubling(ringebu, gausdal):
    build_demo_cycle()
    counts = (Activity.objects.count(), Meeting.objects.count())
    build_demo_cycle()
    assert (Activity.objects.count(), Meeting.objects.count()) == counts


def test_gausdal_gets_its_wheel_with_no_findings_and_ringebu_one(ringebu, gausdal):
    ringebu_cycle, gausdal_cycle = build_demo_cycle()
    assert gausdal_cycle.activities.count() == 18
    assert check_cycle(gausdal_cycle) == []
    assert [f.code for f in check_cycle(ringebu_cycle)] == ["recommendation_public"]
    assert ringebu_cycle.published and gausdal_cycle.published


def test_the_demo_marks_what_was_due_before_late_november_as_done(ringebu):
    ringebu_cycle, _ = build_demo_cycle()
    assert ringebu_cycle.activities.get(key="annual_report").status == "done"
    assert ringebu_cycle.activities.get(key="budget_adopted").status == "planned"
