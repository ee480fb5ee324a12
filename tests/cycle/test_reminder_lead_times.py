"""Each municipality keeps its own reminder lead time per activity kind; `send_reminders`
uses it, and `--days` still overrides it for one run."""

from io import StringIO

from django.core import mail
from django.core.management import call_command

from styringshjul.cycle.lead_times import DEFAULT_LEAD_DAYS, lead_days_for, save_lead_days
from styringshjul.cycle.models import ReminderSetting


def remind(*args: str) -> str:
    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_without_settings_the_defaults_apply(ringebu, gausdal):
    assert DEFAULT_LEAD_DAYS == {"deadline": 7, "political_meeting": 14, "report": 14,
                                 "survey": 14, "dialogue": 14, "training": 7}
    assert lead_days_for(ringebu) == lead_days_for(gausdal) == DEFAULT_LEAD_DAYS


def test_a_setting_belongs_to_one_municipality(ringebu, gausdal):
    save_lead_days(ringebu, {"deadline": 3})
    assert lead_days_for(ringebu)["deadline"] == 3
    assert lead_days_for(gausdal)["deadline"] == 7


def test_only_changed_values_are_stored_and_changes_are_kept_in_history(ringebu):
    assert save_lead_days(ringebu, dict(DEFAULT_LEAD_DAYS)) == []
    assert save_lead_days(ringebu, {**DEFAULT_LEAD_DAYS, "report": 21}) == ["report"]
    save_lead_days(ringebu, {"report": 30})
    setting = ReminderSetting.objects.get(municipality=ringebu, kind="report")
    assert setting.lead_days == 30
    assert [h.lead_days for h in setting.history.order_by("history_date")] == [21, 30]


def test_send_reminders_uses_the_stored_lead_time(one_due_and_one_late, ringebu):
    today, due, late = one_due_and_one_late  # due in five days, a deadline
    save_lead_days(ringebu, {"deadline": 3})
    remind("--municipality", "3439", "--today", today.isoformat())
    [message] = mail.outbox
    assert due.title not in message.body
    assert late.title in message.body


def test_days_on_the_command_line_override_the_stored_lead_time_for_the_run(
    one_due_and_one_late, ringebu,
):
    today, due, late = one_due_and_one_late
    save_lead_days(ringebu, {"deadline": 3})
    remind("--municipality", "3439", "--today", today.isoformat(), "--days", "deadline=5")
    [message] = mail.outbox
    assert due.title in message.body
    assert lead_days_for(ringebu)["deadline"] == 3


def test_gausdals_setting_does_not_change_ringebus_reminders(one_due_and_one_late, gausdal):
    today, due, late = one_due_and_one_late
    save_lead_days(gausdal, {"deadline": 0})
    remind("--today", today.isoformat())
    [message] = mail.outbox
    assert due.title in message.body
