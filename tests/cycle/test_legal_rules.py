"""Each rule fires when the cycle breaks it and stays silent when it does not."""

from datetime import date, timedelta

import pytest

from styringshjul.cycle.checks import check_cycle
from styringshjul.cycle.legal_rules import ERROR, RULES, WARNING
from styringshjul.cycle.models import Activity, Body, Meeting

pytestmark = pytest.mark.django_db


def codes(cycle) -> list[str]:
    return [f.code for f in check_cycle(cycle)]


def activity(cycle, key) -> Activity:
    return cycle.activities.filter(key=key).first()


def move(cycle, key, day: date) -> None:
    cycle.activities.filter(key=key).update(start=day, end=None)


def test_the_demo_cycle_has_exactly_one_finding_the_short_public_inspection(ringebu_2026):
    findings = check_cycle(ringebu_2026)
    assert [(f.severity, f.code, f.day) for f in findings] == [
        (ERROR, "recommendation_public", date(2026, 12, 8))
    ]
    assert "12" in findings[0].message


def test_fourteen_days_of_public_inspection_is_enough(ringebu_2026):
    Meeting.objects.filter(body__key="kommunestyret", date=date(2026, 12, 8)).update(
        date=date(2026, 12, 10))
    move(ringebu_2026, "budget_adopted", date(2026, 12, 10))
    assert "recommendation_public" not in codes(ringebu_2026)


def test_a_budget_adopted_after_new_year_is_an_error(ringebu_2026):
    move(ringebu_2026, "budget_adopted", date(2027, 1, 5))
    assert "budget_by_year_end" in codes(ringebu_2026)


def test_a_cycle_without_budget_adoption_is_an_error(ringebu_2026):
    activity(ringebu_2026, "budget_adopted").delete()
    assert "budget_by_year_end" in codes(ringebu_2026)


def test_one_budget_report_to_the_council_is_too_few(ringebu_2026):
    assert "budget_reports" not in codes(ringebu_2026)
    activity(ringebu_2026, "budget_report").delete()
    assert "budget_reports" in codes(ringebu_2026)


@pytest.mark.parametrize("key, code, late", [
    ("accounts_delivered", "accounts_deadline", date(2026, 2, 23)),
    ("annual_report", "annual_report_deadline", date(2026, 4, 1)),
    ("audit_statement", "audit_statement_deadline", date(2026, 4, 16)),
    ("accounts_adopted", "accounts_adopted_deadline", date(2026, 7, 1)),
    ("kostra_reporting", "kostra_deadline", date(2026, 2, 16)),
])
def test_a_deadline_one_day_late_is_an_error(ringebu_2026, key, code, late):
    assert code not in codes(ringebu_2026)
    move(ringebu_2026, key, late - timedelta(days=1))
    assert code not in codes(ringebu_2026)
    move(ringebu_2026, key, late)
    assert code in codes(ringebu_2026)


def test_a_missing_legal_step_is_a_warning(ringebu_2026):
    activity(ringebu_2026, "audit_statement").delete()
    findings = [f for f in check_cycle(ringebu_2026) if f.code == "required_activity_missing"]
    assert len(findings) == 1 and findings[0].severity == WARNING


def test_the_control_committee_before_the_audit_statement_is_out_of_order(ringebu_2026):
    move(ringebu_2026, "audit_statement", date(2026, 4, 15))
    move(ringebu_2026, "control_committee_accounts", date(2026, 4, 14))
    assert "control_committee_order" in codes(ringebu_2026)


def test_the_council_adopting_accounts_before_the_control_committee_is_out_of_order(
    ringebu_2026,
):
    assert "control_committee_order" not in codes(ringebu_2026)
    move(ringebu_2026, "accounts_adopted", date(2026, 5, 5))
    assert "control_committee_order" in codes(ringebu_2026)


def test_a_deliverable_due_before_what_it_depends_on_is_an_error(ringebu_2026):
    assert "dependency_order" not in codes(ringebu_2026)
    adoption = activity(ringebu_2026, "budget_adopted")
    adoption.depends_on.add(Activity.objects.create(
        municipality=ringebu_2026.municipality, cycle=ringebu_2026, title="Etter vedtaket",
        start=date(2026, 12, 20), responsible=adoption.responsible))
    assert "dependency_order" in codes(ringebu_2026)


def test_a_council_item_on_a_day_without_a_council_meeting_is_a_warning(ringebu_2026):
    assert "meeting_missing" not in codes(ringebu_2026)
    move(ringebu_2026, "budget_report", date(2026, 11, 4))
    assert "meeting_missing" in codes(ringebu_2026)


def test_an_activity_without_responsible_is_a_warning(ringebu_2026):
    assert "responsible_missing" not in codes(ringebu_2026)
    ringebu_2026.activities.filter(key="annual_report").update(responsible=None)
    assert "responsible_missing" in codes(ringebu_2026)


def test_every_rule_has_a_severity_and_a_legal_basis():
    for rule in RULES.values():
        assert rule.severity in (ERROR, WARNING)
        assert rule.legal_basis
        assert rule.verified or "ikke verifisert" in rule.legal_basis or rule.code.endswith(
            "missing")


def test_bodies_are_kept_per_municipality(ringebu_2026, gausdal):
    assert Body.objects.for_municipality(gausdal).filter(key="kommunestyret").exists()
    assert not Body.objects.for_municipality(ringebu_2026.municipality).filter(
        municipality=gausdal).exists()
